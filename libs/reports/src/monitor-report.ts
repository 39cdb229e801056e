import { Injectable } from '@nestjs/common';
import { ActivityMonitorFigures } from '@app/activities';
import { AppreciationMonitorFigures } from '@app/appreciation';
import { AGE_BAND_NAMES, CarerMonitorFigures, MonitorCount, MonitorYear } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { RespiteMonitorFigures } from '@app/respite';
import { VolunteerMonitorFigures } from '@app/volunteers';
import { IntakeMonitorFigures } from '@app/intake';
import { DateTime } from 'luxon';
import { MONITOR_FIGURES } from './monitor-figures';
import { ShownValue, suppress, tableOf } from './suppression';

export const UNKNOWN = 'unknown';

export interface MonitorTable {
  figure: string;
  label: string;
  /** Age bands as columns; "unknown" only when some count has no age band. */
  columns: string[];
  rows: Array<{ wijkId: string | null; wijk: string; cells: ShownValue[]; total: ShownValue }>;
  columnTotals: ShownValue[];
  total: ShownValue;
}

export interface MonitorReport {
  municipality: { code: string; name: string };
  year: number;
  generatedAt: string;
  suppression: string;
  figures: MonitorTable[];
}

/**
 * The yearly monitor sociaal domein of one municipality: every figure by wijk and age band,
 * its cells suppressed so the report never identifies a person. Each context counts its own;
 * this only lays the counts out and suppresses.
 */
@Injectable()
export class MonitorReportService {
  constructor(
    private readonly municipalities: MunicipalityService,
    private readonly carers: CarerMonitorFigures,
    private readonly respite: RespiteMonitorFigures,
    private readonly volunteers: VolunteerMonitorFigures,
    private readonly appreciation: AppreciationMonitorFigures,
    private readonly activities: ActivityMonitorFigures,
    private readonly intake: IntakeMonitorFigures,
  ) {}

  async report(year: number): Promise<MonitorReport> {
    const municipality = await this.municipalities.current();
    const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: municipality.timezone });
    const period: MonitorYear = {
      municipalityId: municipality.id,
      year,
      start: start.toJSDate(),
      end: start.plus({ years: 1 }).toJSDate(),
    };
    const [carerCounts, volunteerCounts, places, intakeCounts, ...perCarer] = await Promise.all([
      this.carers.countsFor(period),
      this.volunteers.countsFor(period),
      this.respite.places(period),
      this.intake.countsFor(period),
      this.respite.perCarer(period),
      this.appreciation.perCarer(period),
      this.activities.perCarer(period),
      this.intake.perCarer(period),
    ]);
    const counts = [
      ...carerCounts,
      ...volunteerCounts,
      ...places,
      ...intakeCounts,
      ...(await this.carers.placeByCarer(period, perCarer.flat())),
    ];
    const wijken = (await this.municipalities.listWijken()).map(({ wijk }) => ({
      id: wijk.id,
      name: wijk.name,
    }));
    return {
      municipality: { code: municipality.code, name: municipality.name },
      year,
      generatedAt: new Date().toISOString(),
      suppression:
        'Cells under 5 are shown as "<5", and where one hidden cell could be recovered from its row or column total, another cell is hidden too.',
      figures: MONITOR_FIGURES.map((entry) =>
        tableFor(
          entry.figure,
          entry.label,
          !('byAgeBand' in entry),
          counts.filter((count) => count.figure === entry.figure),
          wijken,
        ),
      ),
    };
  }
}

function tableFor(
  figure: string,
  label: string,
  byAge: boolean,
  counts: MonitorCount[],
  wijken: Array<{ id: string | null; name: string }>,
): MonitorTable {
  const columns: string[] = byAge ? [...AGE_BAND_NAMES] : ['all'];
  if (byAge && counts.some((count) => count.ageBand === null)) columns.push(UNKNOWN);
  const known = new Set(wijken.map((wijk) => wijk.id));
  const rows = [...wijken];
  // People outside every wijk (or a wijk removed since) count under "unknown" rather than being lost.
  if (rows.length === 0 || counts.some((count) => count.wijkId === null || !known.has(count.wijkId)))
    rows.push({ id: null, name: UNKNOWN });
  const cells = rows.map(() => columns.map(() => 0));
  for (const count of counts) {
    const row = known.has(count.wijkId)
      ? rows.findIndex((candidate) => candidate.id === count.wijkId)
      : rows.length - 1;
    const column = byAge ? columns.indexOf(count.ageBand ?? UNKNOWN) : 0;
    cells[row][column] += count.value;
  }
  const shown = suppress(tableOf(cells));
  return {
    figure,
    label,
    columns,
    rows: rows.map((row, r) => ({
      wijkId: row.id,
      wijk: row.name,
      cells: shown.cells[r],
      total: shown.rowTotals[r],
    })),
    columnTotals: shown.columnTotals,
    total: shown.total,
  };
}
