import { escapeHtml } from '../templates/layout';
import { Language } from '../templates/language';
import { LinkPageIntro, LinkPageOutcome } from './link-page';

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;font-size:1.25rem;line-height:1.5;color:#1a1a1a;background:#fff;max-width:40rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem}label{display:block;margin:1rem 0 .25rem;font-weight:bold}
input{font-size:1.25rem;padding:.5rem;border:2px solid #333;border-radius:4px;width:100%;box-sizing:border-box}
button{font-size:1.25rem;background:#00557a;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;margin-top:1.5rem;cursor:pointer}
button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}.ok{color:#0b6623}.problem{color:#a00}`;

function layout(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export function introPage(language: Language, action: string, token: string, intro: LinkPageIntro): string {
  const fields = (intro.fields ?? [])
    .map(
      (field) =>
        `<label for="${field.name}">${escapeHtml(field.label[language])}</label>` +
        `<input id="${field.name}" name="${field.name}" type="${field.type}" required` +
        (field.type === 'password' ? ` minlength="${field.min ?? 12}" autocomplete="new-password"` : '') +
        (field.type === 'number' ? ` min="${field.min ?? 0}" max="${field.max ?? 10}" value="0"` : '') +
        '>',
    )
    .join('\n');
  return layout(
    language,
    intro.title,
    `<h1>${escapeHtml(intro.title)}</h1>
<p>${escapeHtml(intro.explanation)}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="lang" value="${language}">
${fields}
<button type="submit">${escapeHtml(intro.button)}</button>
</form>`,
  );
}

export function outcomePage(language: Language, outcome: LinkPageOutcome): string {
  return layout(
    language,
    outcome.title,
    `<h1 class="${outcome.ok ? 'ok' : 'problem'}">${escapeHtml(outcome.title)}</h1>\n<p role="status">${escapeHtml(outcome.message)}</p>`,
  );
}
