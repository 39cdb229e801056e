import { SUPPRESSED, ShownValue } from '@app/reports';

export interface Bar {
  label: string;
  value: ShownValue;
}

const ROW = 28;
const LABEL_WIDTH = 160;
const CHART_WIDTH = 320;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A horizontal bar chart as inline SVG, drawn on the server. A suppressed count (fewer than
 * five people) gets no bar of its size but a hatched stub labelled "<5", so the chart shows
 * that it is hidden rather than small. The figures are also in the table beside it.
 */
export function barChart(title: string, bars: Bar[]): string {
  const max = Math.max(1, ...bars.map((bar) => (typeof bar.value === 'number' ? bar.value : 0)));
  const height = bars.length * ROW + 8;
  const rows = bars
    .map((bar, index) => {
      const y = index * ROW + 4;
      const suppressed = bar.value === SUPPRESSED;
      const width = suppressed ? 24 : Math.round(((bar.value as number) / max) * CHART_WIDTH);
      return (
        `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escape(bar.label)}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${Math.max(width, 1)}" height="${ROW - 10}" fill="${suppressed ? 'url(#suppressed)' : '#1f5a8a'}"/>` +
        `<text x="${LABEL_WIDTH + Math.max(width, 1) + 6}" y="${y + 17}">${suppressed ? SUPPRESSED : String(bar.value)}</text>`
      );
    })
    .join('');
  return (
    `<svg class="portal-chart" role="img" aria-label="${escape(title)}" viewBox="0 0 ${LABEL_WIDTH + CHART_WIDTH + 60} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<defs><pattern id="suppressed" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="3" height="6" fill="#6b6b6b"/></pattern></defs>` +
    `<g font-size="14" font-family="sans-serif" fill="#1a1a1a">${rows}</g></svg>`
  );
}
