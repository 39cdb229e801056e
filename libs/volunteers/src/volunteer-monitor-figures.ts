import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ageBandSql, MonitorCount, MonitorYear } from '@app/carers';
import { localDateSql, settingSql } from '@app/identity';
import { DataSource } from 'typeorm';

const ZONE = '(SELECT timezone FROM municipality WHERE id = $1)';
/** The first and last local day of the year ($2 and $3 are the first instants of it and of the next). */
const FIRST_DAY = localDateSql('$2::timestamptz', ZONE);
const LAST_DAY = localDateSql("$3::timestamptz - interval '1 day'", ZONE);

/**
 * The volunteers part of the yearly monitor: active, with a valid VOG at year end, trained, and
 * the hours they gave, by wijk and age band.
 */
@Injectable()
export class VolunteerMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async countsFor(period: MonitorYear): Promise<MonitorCount[]> {
    const rows = await this.dataSource.query<
      Array<{ figure: string; wijk_id: string | null; age_band: MonitorCount['ageBand']; value: number }>
    >(
      `WITH volunteers AS (
         SELECT v.id, v.wijk_id, ${ageBandSql('v.date_of_birth', LAST_DAY)} AS age_band, v.vog_issued_on,
                ${settingSql('m', 'vogMaximumAgeMonths')} AS vog_months
           FROM volunteer v JOIN municipality m ON m.id = v.municipality_id
          WHERE v.municipality_id = $1 AND v.created_at < $3
            AND (v.status = 'active' OR v.updated_at >= $2))
       SELECT figure, wijk_id, age_band, count(*)::int AS value FROM (
         SELECT 'volunteers_active' AS figure, wijk_id, age_band FROM volunteers
         UNION ALL SELECT 'volunteers_vog_valid', wijk_id, age_band FROM volunteers
           WHERE vog_issued_on IS NOT NULL AND vog_issued_on > ${LAST_DAY} - make_interval(months => vog_months)
         UNION ALL SELECT 'volunteers_trained', wijk_id, age_band FROM volunteers vv
           WHERE EXISTS (SELECT 1 FROM volunteer_training t WHERE t.volunteer_id = vv.id AND t.completed_on <= ${LAST_DAY} AND (t.valid_until IS NULL OR t.valid_until >= ${FIRST_DAY}))
       ) counted GROUP BY figure, wijk_id, age_band`,
      [period.municipalityId, period.start, period.end],
    );
    // Hours given in the year, in the volunteer's wijk and age band, whole hours per cell.
    const hours = await this.dataSource.query<
      Array<{ wijk_id: string | null; age_band: MonitorCount['ageBand']; value: number }>
    >(
      `SELECT v.wijk_id, ${ageBandSql('v.date_of_birth', LAST_DAY)} AS age_band, round(sum(h.hours))::int AS value
         FROM volunteer_hours h JOIN volunteer v ON v.id = h.volunteer_id
        WHERE h.municipality_id = $1 AND h.worked_on >= ${FIRST_DAY} AND h.worked_on <= ${LAST_DAY}
        GROUP BY 1, 2`,
      [period.municipalityId, period.start, period.end],
    );
    return [
      ...rows.map((row) => ({ figure: row.figure, wijkId: row.wijk_id, ageBand: row.age_band, value: row.value })),
      ...hours.map((row) => ({
        figure: 'volunteer_hours',
        wijkId: row.wijk_id,
        ageBand: row.age_band,
        value: row.value,
      })),
    ];
  }
}
