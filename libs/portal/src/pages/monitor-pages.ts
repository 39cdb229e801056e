import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { FeedbackService } from '@app/intake';
import { monitorCsv, MonitorReportService } from '@app/reports';
import { barChart } from '../bar-chart';
import { localToday } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';

/** The yearly monitor: each figure as a chart per wijk (small numbers shown as hidden) and a table; CSV download. */
@Injectable()
export class MonitorPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly monitor: MonitorReportService,
    private readonly municipalities: MunicipalityService,
    private readonly feedback: FeedbackService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/monitor', access: 'admin', handle: (call) => this.show(call) },
      { method: 'GET', path: '/monitor.csv', access: 'admin', handle: (call) => this.csv(call) },
    );
  }

  private async year(call: PortalCall): Promise<number> {
    const asked = Number(call.query.year);
    if (Number.isInteger(asked) && asked >= 2000 && asked <= 2100) return asked;
    return Number(localToday((await this.municipalities.current()).timezone).slice(0, 4));
  }

  private async show(call: PortalCall): Promise<PortalResult> {
    const year = await this.year(call);
    const [report, feedback] = await Promise.all([this.monitor.report(year), this.feedback.results(year)]);
    return {
      view: 'pages/monitor.eta',
      title: `${call.t.monitorTitle} ${year}`,
      data: {
        year,
        suppression: call.t.suppression,
        // Satisfaction afterwards (cliëntervaringsonderzoek), fewer than five answers hidden.
        feedback: feedback.map((row) => ({
          kind: call.t.feedbackKinds[row.kind] ?? row.kind,
          about: row.aboutName === 'volunteer_help' ? call.t.feedbackKinds.volunteer_match : row.aboutName,
          month: row.month,
          answers: row.answers,
          average:
            row.averageScore === null ? '–' : String(row.averageScore).replace('.', call.lang === 'nl' ? ',' : '.'),
        })),
        figures: report.figures.map((figure) => ({
          label: figure.label,
          columns: figure.columns,
          rows: figure.rows,
          total: figure.total,
          chart: barChart(
            figure.label,
            figure.rows.map((row) => ({ label: row.wijk, value: row.total })),
          ),
        })),
      },
    };
  }

  private async csv(call: PortalCall): Promise<PortalResult> {
    const report = await this.monitor.report(await this.year(call));
    return {
      download: {
        filename: `monitor-${report.municipality.code}-${report.year}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: monitorCsv(report),
      },
    };
  }
}
