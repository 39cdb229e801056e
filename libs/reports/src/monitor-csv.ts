import { csvLine } from '@app/messaging';
import { MonitorReport } from './monitor-report';

/** The report as one long table: a line per figure, wijk and age band, with the totals as "total". */
export function monitorCsv(report: MonitorReport): string {
  const lines = [csvLine(['municipality', 'year', 'figure', 'label', 'wijk', 'age_band', 'value'])];
  const line = (figure: string, label: string, wijk: string, ageBand: string, value: number | string) =>
    csvLine([report.municipality.code, String(report.year), figure, label, wijk, ageBand, String(value)]);
  for (const table of report.figures) {
    for (const row of table.rows) {
      table.columns.forEach((column, c) => lines.push(line(table.figure, table.label, row.wijk, column, row.cells[c])));
      lines.push(line(table.figure, table.label, row.wijk, 'total', row.total));
    }
    table.columns.forEach((column, c) =>
      lines.push(line(table.figure, table.label, 'total', column, table.columnTotals[c])),
    );
    lines.push(line(table.figure, table.label, 'total', 'total', table.total));
  }
  return lines.join('');
}
