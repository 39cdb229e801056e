import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ageBandSql, CarerCount, MonitorCount, MonitorYear } from './age-bands';
import { localDateSql, YOUNG_CARER_BELOW_AGE } from './dates';

/** The municipality ($1) and the last local day of the year, whose end ($3 or $2) is the next year's first instant. */
const ZONE = '(SELECT timezone FROM municipality WHERE id = $1)';
const LAST_DAY = localDateSql("$3::timestamptz - interval '1 day'", ZONE);
const BAND = ageBandSql('c.date_of_birth', LAST_DAY);

/** The carers part of the yearly monitor: registered, active, young carers, burden and signals, by wijk and age band. */
@Injectable()
export class CarerMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countsFor(period: MonitorYear): Promise<MonitorCount[]> {
    // Active in the year: registered before it ended and not inactive before it began (erased people included, anonymously).
    const rows = await this.dataSource.query<
      Array<{ figure: string; wijk_id: string | null; age_band: MonitorCount['ageBand']; value: number }>
    >(
      `WITH carers AS (
         SELECT c.id, c.wijk_id, ${BAND} AS age_band, c.created_at, c.date_of_birth
           FROM carer c
          WHERE c.municipality_id = $1 AND c.created_at < $3 AND (c.inactive_since IS NULL OR c.inactive_since >= $2)),
       latest_screening AS (
         SELECT DISTINCT ON (s.carer_id) s.carer_id, s.burden FROM screening s
          WHERE s.municipality_id = $1 AND s.created_at >= $2 AND s.created_at < $3
          ORDER BY s.carer_id, s.created_at DESC),
       signals AS (
         SELECT s.carer_id, CASE WHEN s.closed_at IS NULL THEN 'signals_open' WHEN s.closed_at <= s.due_at THEN 'signals_handled_in_time' ELSE 'signals_handled_late' END AS figure
           FROM signal s WHERE s.municipality_id = $1 AND s.created_at >= $2 AND s.created_at < $3)
       SELECT figure, wijk_id, age_band, count(*)::int AS value FROM (
         SELECT 'carers_active' AS figure, wijk_id, age_band FROM carers
         UNION ALL SELECT 'carers_registered_new', wijk_id, age_band FROM carers WHERE created_at >= $2
         UNION ALL SELECT 'young_carers', wijk_id, age_band FROM carers WHERE date_part('year', age(${LAST_DAY}, date_of_birth)) < ${YOUNG_CARER_BELOW_AGE}
         UNION ALL SELECT 'burden_' || l.burden, c.wijk_id, c.age_band FROM latest_screening l JOIN carers c ON c.id = l.carer_id
         UNION ALL SELECT s.figure, c.wijk_id, c.age_band FROM signals s JOIN carers c ON c.id = s.carer_id
       ) counted GROUP BY figure, wijk_id, age_band`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.map((row) => ({ figure: row.figure, wijkId: row.wijk_id, ageBand: row.age_band, value: row.value }));
  }

  /** Places other contexts' per-carer counts (bookings, vouchers, attendance) in the carer's wijk and age band. */
  async placeByCarer(period: MonitorYear, counts: CarerCount[]): Promise<MonitorCount[]> {
    const band = ageBandSql('c.date_of_birth', localDateSql("$2::timestamptz - interval '1 day'", ZONE));
    const carers = await this.dataSource.query<
      Array<{
        id: string;
        account_id: string;
        wijk_id: string | null;
        age_band: MonitorCount['ageBand'];
      }>
    >(`SELECT c.id, c.account_id, c.wijk_id, ${band} AS age_band FROM carer c WHERE c.municipality_id = $1`, [
      period.municipalityId,
      period.end,
    ]);
    const byCarer = new Map(carers.map((carer) => [carer.id, carer]));
    const byAccount = new Map(carers.map((carer) => [carer.account_id, carer]));
    const cells = new Map<string, MonitorCount>();
    for (const count of counts) {
      const carer =
        (count.carerId && byCarer.get(count.carerId)) ||
        (count.accountId && byAccount.get(count.accountId)) ||
        undefined;
      const wijkId = carer?.wijk_id ?? null;
      const ageBand = carer?.age_band ?? null;
      const key = `${count.figure}|${wijkId}|${ageBand}`;
      const cell = cells.get(key) ?? { figure: count.figure, wijkId, ageBand, value: 0 };
      cell.value += count.value;
      cells.set(key, cell);
    }
    return [...cells.values()];
  }
}
