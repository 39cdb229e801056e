import { escapeHtml } from '../templates/layout';
import { PrintableLetter } from './print-queue';

/** One printable page per letter (A4, address block for a window envelope), plain HTML and CSS. */
export function lettersHtml(letters: PrintableLetter[], printedOn: string): string {
  const pages = letters.map((letter) => {
    const address = letter.address
      ? [letter.address.name, `${letter.address.postcode} ${letter.address.houseNumber}`]
      : ['(adres onbekend)'];
    const paragraphs = letter.text
      .split(/\n{2,}/)
      .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
      .join('\n');
    return `<section class="letter" lang="${letter.message.language}">
<p class="sender">${escapeHtml(letter.senderName)}</p>
<address>${address.map(escapeHtml).join('<br>')}</address>
<p class="date">${escapeHtml(printedOn)}</p>
<h2>${escapeHtml(letter.subject)}</h2>
${paragraphs}
</section>`;
  });
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Brieven</title>
<style>
@page { size: A4; margin: 20mm 20mm 25mm 25mm; }
body { font: 11pt/1.5 Arial, Helvetica, sans-serif; color: #000; }
.letter { page-break-after: always; break-after: page; }
.letter:last-child { page-break-after: auto; break-after: auto; }
.sender { margin: 0 0 12mm; }
address { font-style: normal; margin: 0 0 12mm; min-height: 25mm; }
h2 { font-size: 13pt; }
</style></head>
<body>
${pages.join('\n')}
</body></html>`;
}
