import { escapeHtml } from '../templates/layout';
import { Language } from '../templates/language';
import { LinkPageField, LinkPageIntro, LinkPageOutcome } from './link-page';

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;font-size:1.25rem;line-height:1.5;color:#1a1a1a;background:#fff;max-width:40rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.75rem}label{display:block;margin:1rem 0 .25rem;font-weight:bold}
input{font-size:1.25rem;padding:.5rem;border:2px solid #333;border-radius:4px;width:100%;box-sizing:border-box}
button{font-size:1.25rem;background:#00557a;color:#fff;border:0;border-radius:4px;padding:.75rem 1.5rem;margin-top:1.5rem;cursor:pointer}
fieldset{border:0;padding:0;margin:1rem 0 0}legend{font-weight:bold}.option{display:flex;align-items:center;gap:.75rem;margin:.5rem 0}
.option input{width:1.5rem;height:1.5rem;margin:0}.option label{display:inline;margin:0;font-weight:normal}
button:focus,input:focus{outline:3px solid #ffbf47;outline-offset:2px}.ok{color:#0b6623}.problem{color:#a00}`;

/** The portal's NL Design System sheets (served by the portal), so link pages look like the rest of the site. */
const PORTAL_SHEETS = ['/portal-assets/tokens/index.css', '/portal-assets/components/index.css']
  .map((href) => `<link rel="stylesheet" href="${href}">`)
  .join('');

const HOME: Record<Language, string> = { nl: 'Naar de startpagina', en: 'To the start page' };

function layout(language: Language, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>${PORTAL_SHEETS}<style>${STYLE}</style></head>
<body class="utrecht-theme utrecht-document"><main>${body}<p><a href="/?lang=${language}">${HOME[language]}</a></p></main></body></html>`;
}

export function introPage(language: Language, action: string, token: string, intro: LinkPageIntro): string {
  const fields = (intro.fields ?? [])
    .map((field) =>
      field.type === 'choice'
        ? choiceField(language, field)
        : field.type === 'text'
          ? textField(language, field)
          : inputField(language, field),
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

function inputField(language: Language, field: LinkPageField): string {
  return (
    `<label for="${field.name}">${escapeHtml(field.label[language])}</label>` +
    `<input id="${field.name}" name="${field.name}" type="${field.type}" required` +
    (field.type === 'password' ? ` minlength="${field.min ?? 12}" autocomplete="new-password"` : '') +
    (field.type === 'number'
      ? ` min="${field.min ?? 0}" max="${field.max ?? 10}" value="${escapeHtml(field.value ?? '0')}"`
      : '') +
    '>'
  );
}

/** Free text that may stay empty. */
function textField(language: Language, field: LinkPageField): string {
  return (
    `<label for="${field.name}">${escapeHtml(field.label[language])}</label>` +
    `<textarea id="${field.name}" name="${field.name}" rows="4" maxlength="${field.maxLength ?? 2000}"></textarea>`
  );
}

/** Radio buttons in a fieldset with a legend, so screen readers announce the question. */
function choiceField(language: Language, field: LinkPageField): string {
  const options = (field.options ?? [])
    .map(
      (option, index) =>
        `<div class="option"><input type="radio" id="${field.name}-${index}" name="${field.name}" value="${escapeHtml(option.value)}" required${option.value === field.value ? ' checked' : ''}>` +
        `<label for="${field.name}-${index}">${escapeHtml(option.label[language])}</label></div>`,
    )
    .join('\n');
  return `<fieldset><legend>${escapeHtml(field.label[language])}</legend>\n${options}\n</fieldset>`;
}

export function outcomePage(language: Language, outcome: LinkPageOutcome): string {
  return layout(
    language,
    outcome.title,
    `<h1 class="${outcome.ok ? 'ok' : 'problem'}">${escapeHtml(outcome.title)}</h1>\n<p role="status">${escapeHtml(outcome.message)}</p>`,
  );
}
