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

/**
 * Plain, readable mail: one heading, short paragraphs, at most one clear button with the link also
 * written out. A message links only to a page that exists; without one it has no button.
 */
export function renderLinkMessage(
  language: Language,
  parts: { subject: string; paragraphs: string[]; action?: string; link?: string; closing?: string[]; footer: string },
): RenderedMessage {
  const button = parts.action && parts.link ? { action: parts.action, link: parts.link } : null;
  const closing = parts.closing ?? [];
  const text = [
    ...parts.paragraphs,
    ...(button ? ['', `${button.action}: ${button.link}`] : []),
    ...(closing.length > 0 ? ['', ...closing] : []),
    '',
    parts.footer,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:24px">${escapeHtml(parts.subject)}</h1>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${button ? buttonHtml(button) : ''}
${closing.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="font-size:16px;color:#444">${escapeHtml(parts.footer)}</p>
</body></html>`;
  return { subject: parts.subject, text, html };
}

function buttonHtml({ action, link }: { action: string; link: string }): string {
  return `<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#00557a;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:16px">${escapeHtml(link)}</p>`;
}
