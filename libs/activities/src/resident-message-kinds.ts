import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LinkTokens, MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';
import { DataSource } from 'typeorm';
import { Activity } from './activity.entity';
import { ResidentRequest } from './participant.entity';

export const RESIDENT_MESSAGES = { confirmRequest: 'activity_resident_confirm' } as const;
export const RESIDENT_CONFIRM_PURPOSE = 'activity-resident-confirm';
export const RESIDENT_WITHDRAW_PURPOSE = 'activity-resident-withdraw';
const CONFIRM_LINK_SECONDS = 48 * 3600;

/** The mail that asks a resident without an account to confirm their sign-up. */
@Injectable()
export class ResidentMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: RESIDENT_MESSAGES.confirmRequest,
      category: 'transactional',
      addressOnly: true,
      render: (input) => this.confirmRequest(input),
    });
  }

  private async confirmRequest(input: RenderInput): Promise<RenderedMail> {
    const requestId = String(input.params.requestId);
    const request = await this.dataSource.getRepository(ResidentRequest).findOneBy({ id: requestId });
    const activity = request
      ? await this.dataSource.getRepository(Activity).findOneBy({ id: request.activityId })
      : null;
    const title = activity?.title ?? '';
    const en = input.language === 'en';
    return renderLinkMessage(input.language, {
      subject: en ? `Confirm your sign-up: ${title}` : `Bevestig uw aanmelding: ${title}`,
      paragraphs: en
        ? [
            `You asked to sign up for ${title}. Press the button to confirm; then we keep a place for you, or put you on the waiting list when it is full.`,
            'The link works for two days. Did you not ask for this? Then ignore this mail; nothing happens.',
          ]
        : [
            `U heeft gevraagd om u aan te melden voor ${title}. Druk op de knop om dat te bevestigen; dan houden we een plaats voor u, of zetten we u op de wachtlijst als het vol is.`,
            'De link werkt twee dagen. Heeft u dit niet gevraagd? Dan kunt u deze mail negeren; er gebeurt niets.',
          ],
      action: en ? 'Confirm my sign-up' : 'Aanmelding bevestigen',
      link: input.link('activity-sign-up', this.tokens.sign(RESIDENT_CONFIRM_PURPOSE, requestId, CONFIRM_LINK_SECONDS)),
      footer: input.senderName,
    });
  }
}
