import { Injectable, OnModuleInit } from '@nestjs/common';
import { LinkTokens, MessageKinds, renderLinkMessage, RenderInput } from '@app/messaging';

export const FEEDBACK_MESSAGE = 'feedback_request';
export const FEEDBACK_PURPOSE = 'feedback';
export const FEEDBACK_LINK_SECONDS = 30 * 86_400;

/** The short question afterwards: campaign mail, so anyone can say they do not want it. */
@Injectable()
export class FeedbackMessageKind implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: FEEDBACK_MESSAGE,
      category: 'campaign',
      render: async (input: RenderInput) => {
        const en = input.language === 'en';
        const token = this.tokens.sign(FEEDBACK_PURPOSE, String(input.params.requestId), FEEDBACK_LINK_SECONDS);
        return renderLinkMessage(input.language, {
          subject: en ? 'How did it go?' : 'Hoe was het?',
          paragraphs: [
            en
              ? 'You recently had respite, help from a volunteer, or went to an activity. Would you tell us how it was? It takes one minute.'
              : 'U had onlangs respijtzorg, hulp van een vrijwilliger, of was bij een activiteit. Wilt u laten weten hoe het was? Het kost een minuut.',
          ],
          action: en ? 'Give your opinion' : 'Geef uw mening',
          link: input.link(FEEDBACK_PURPOSE, token),
          closing: [
            en
              ? `Rather not get such questions? ${input.unsubscribeLink}`
              : `Liever geen vragen zoals deze? ${input.unsubscribeLink}`,
          ],
          footer: input.senderName,
        });
      },
    });
  }
}
