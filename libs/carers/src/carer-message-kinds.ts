import { Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens, MessageKinds, renderLinkMessage, RenderInput } from '@app/messaging';
import { AppConfig } from '@app/platform';

export const CARER_MESSAGES = {
  signalOverdue: 'signal_overdue',
  rescreeningReminder: 'rescreening_reminder',
  reconfirmationRequest: 'reconfirmation_request',
} as const;

export const RECONFIRM_PURPOSE = 'reconfirm';

/** Messages of the carers context. None names the carer to a third party. */
@Injectable()
export class CarerMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: CARER_MESSAGES.signalOverdue,
      category: 'transactional',
      render: async (input: RenderInput) => {
        const due = new Date(String(input.params.dueAt)).toLocaleDateString(
          input.language === 'en' ? 'en-GB' : 'nl-NL',
          { timeZone: 'Europe/Amsterdam' },
        );
        const link = `${this.config.http.baseUrl}/api/docs`;
        return input.language === 'en'
          ? renderLinkMessage('en', {
              subject: 'A signal of overload is past its due date',
              paragraphs: [
                `A carer with high burden was to be contacted by ${due}, and the signal is still not closed.`,
                `Signal: ${String(input.params.signalId)}.`,
              ],
              action: 'Open the signals list',
              link,
              footer: input.senderName,
            })
          : renderLinkMessage('nl', {
              subject: 'Een signaal van overbelasting is over de termijn',
              paragraphs: [
                `Een mantelzorger met een hoge belasting had uiterlijk ${due} gebeld moeten worden, en het signaal is nog niet afgerond.`,
                `Signaal: ${String(input.params.signalId)}.`,
              ],
              action: 'Open de lijst met signalen',
              link,
              footer: input.senderName,
            });
      },
    });
    this.kinds.register({
      kind: CARER_MESSAGES.rescreeningReminder,
      category: 'transactional',
      render: async (input: RenderInput) =>
        input.language === 'en'
          ? renderLinkMessage('en', {
              subject: 'How are you doing?',
              paragraphs: [
                'Six months ago you told us how heavy caring was for you. Would you fill in the nine short statements again? It takes two minutes, and helps us to help you in time.',
              ],
              action: 'Fill in the statements',
              link: this.config.http.baseUrl,
              footer: input.senderName,
            })
          : renderLinkMessage('nl', {
              subject: 'Hoe gaat het met u?',
              paragraphs: [
                'Een half jaar geleden vertelde u ons hoe zwaar de zorg voor u was. Wilt u de negen korte stellingen opnieuw invullen? Het kost twee minuten en helpt ons u op tijd te steunen.',
              ],
              action: 'Stellingen invullen',
              link: this.config.http.baseUrl,
              footer: input.senderName,
            }),
    });
    this.kinds.register({
      kind: CARER_MESSAGES.reconfirmationRequest,
      category: 'transactional',
      render: async (input: RenderInput) => {
        const days = Number(input.params.graceDays ?? 30);
        const link = input.link(
          'reconfirm',
          this.tokens.sign(RECONFIRM_PURPOSE, String(input.params.carerId), days * 24 * 3600),
        );
        return input.language === 'en'
          ? renderLinkMessage('en', {
              subject: 'Are you still caring for someone?',
              paragraphs: [
                'Once a year we ask whether your situation is still the same, so that support and appreciation reach the right people.',
                `Please confirm within ${days} days.`,
              ],
              action: 'Yes, I still care for someone',
              link,
              footer: input.senderName,
            })
          : renderLinkMessage('nl', {
              subject: 'Zorgt u nog voor iemand?',
              paragraphs: [
                'Eén keer per jaar vragen we of uw situatie nog hetzelfde is, zodat steun en waardering bij de juiste mensen terechtkomen.',
                `Wilt u dit binnen ${days} dagen bevestigen?`,
              ],
              action: 'Ja, ik zorg nog voor iemand',
              link,
              footer: input.senderName,
            });
      },
    });
  }
}
