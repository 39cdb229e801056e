import { Language } from './language';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );
}

/** Plain, readable mail: one heading, short paragraphs, one clear button with the link also written out. */
export function renderLinkMessage(
  language: Language,
  parts: { subject: string; paragraphs: string[]; action: string; link: string; footer: string },
): RenderedMessage {
  const text = [...parts.paragraphs, '', `${parts.action}: ${parts.link}`, '', parts.footer].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:24px">${escapeHtml(parts.subject)}</h1>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(parts.link)}" style="display:inline-block;background:#00557a;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none">${escapeHtml(parts.action)}</a></p>
<p style="font-size:16px">${escapeHtml(parts.link)}</p>
<p style="font-size:16px;color:#444">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}
