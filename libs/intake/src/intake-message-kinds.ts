import { Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens, MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';

export const INTAKE_MESSAGES = {
  questionAnswered: 'carer_question_answered',
  referralConsent: 'referral_consent_request',
} as const;

export const REFERRAL_CONSENT_PURPOSE = 'referral-consent';
export const REFERRAL_LINK_SECONDS = 14 * 86_400;

/**
 * The news that a question has an answer (the answer itself is read in the portal, never in
 * mail), and the request to a referred carer to agree before the steunpunt contacts them.
 */
@Injectable()
export class IntakeMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: INTAKE_MESSAGES.questionAnswered,
      category: 'transactional',
      render: async (input) => this.answered(input),
    });
    this.kinds.register({
      kind: INTAKE_MESSAGES.referralConsent,
      category: 'transactional',
      addressOnly: true,
      render: async (input) => this.consent(input),
    });
  }

  private answered(input: RenderInput): RenderedMail {
    const en = input.language === 'en';
    return renderLinkMessage(input.language, {
      subject: en ? 'The support point answered your question' : 'Het steunpunt heeft uw vraag beantwoord',
      paragraphs: [
        en
          ? 'There is an answer to your question. For your privacy you read it after signing in.'
          : 'Er is een antwoord op uw vraag. Voor uw privacy leest u het na inloggen.',
      ],
      action: en ? 'Read the answer' : 'Lees het antwoord',
      link: `${input.siteUrl}/questions`,
      footer: input.senderName,
    });
  }

  private consent(input: RenderInput): RenderedMail {
    const en = input.language === 'en';
    const referralId = String(input.params.referralId);
    const referrer = String(input.params.referrerName);
    const link = input.link(
      REFERRAL_CONSENT_PURPOSE,
      this.tokens.sign(REFERRAL_CONSENT_PURPOSE, referralId, REFERRAL_LINK_SECONDS),
    );
    return renderLinkMessage(input.language, {
      subject: en ? 'May the carer support point contact you?' : 'Mag het mantelzorgsteunpunt contact met u opnemen?',
      paragraphs: en
        ? [
            `${referrer} thinks the carer support point can help you with the care you give, and passed on your name.`,
            'The support point contacts you only if you agree. Without an answer within two weeks, your details are deleted.',
          ]
        : [
            `${referrer} denkt dat het mantelzorgsteunpunt u kan helpen bij de zorg die u geeft, en gaf uw naam door.`,
            'Het steunpunt neemt alleen contact op als u dat goedvindt. Zonder antwoord binnen twee weken worden uw gegevens verwijderd.',
          ],
      action: en ? 'Yes, please contact me' : 'Ja, neem contact met mij op',
      link,
      footer: input.senderName,
    });
  }
}
