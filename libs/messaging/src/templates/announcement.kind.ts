import { Injectable, OnModuleInit } from '@nestjs/common';
import { MessageKind, MessageKinds, RenderedMail, RenderInput } from '../messages/message-kinds';
import { escapeHtml } from './layout';

export const ANNOUNCEMENT = 'announcement';

interface AnnouncementParams {
  subject: { nl: string; en: string };
  body: { nl: string; en: string };
}

const FOOTER = {
  nl: (link: string) =>
    `U krijgt dit bericht omdat u bij het mantelzorgsteunpunt staat ingeschreven. Afmelden: ${link}`,
  en: (link: string) =>
    `You get this message because you are registered with the carer support point. Unsubscribe: ${link}`,
};

/** A campaign message written by the municipality (subject and text in Dutch and English). */
@Injectable()
export class AnnouncementKind implements MessageKind, OnModuleInit {
  readonly kind = ANNOUNCEMENT;
  readonly category = 'campaign' as const;

  constructor(private readonly kinds: MessageKinds) {}

  onModuleInit(): void {
    this.kinds.register(this);
  }

  async render(input: RenderInput): Promise<RenderedMail> {
    const params = input.params as unknown as AnnouncementParams;
    const subject = params.subject[input.language];
    const paragraphs = params.body[input.language].split(/\n{2,}/);
    const footer = FOOTER[input.language](input.unsubscribeLink);
    return {
      subject,
      text: [...paragraphs, '', input.senderName, '', footer].join('\n'),
      html: `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:24px">${escapeHtml(subject)}</h1>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p>${escapeHtml(input.senderName)}</p>
<p style="font-size:14px;color:#444">${escapeHtml(footer.replace(input.unsubscribeLink, ''))}<a href="${escapeHtml(input.unsubscribeLink)}">${input.language === 'en' ? 'unsubscribe' : 'afmelden'}</a></p>
</body></html>`,
    };
  }
}
