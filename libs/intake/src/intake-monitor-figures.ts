import { Injectable } from '@nestjs/common';
import { CarerCount, MonitorCount, MonitorYear } from '@app/carers';
import { DEFAULT_QUESTION_TOPICS } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REFERRAL_SOURCES } from './referral.entity';

/** The monitor's figure for a question's topic; a municipality's own topics count as "other". */
export function questionFigure(topic: string): string {
  return `questions_${(DEFAULT_QUESTION_TOPICS as readonly string[]).includes(topic) ? topic : 'other'}`;
}

export const INTAKE_FIGURES = {
  questions: DEFAULT_QUESTION_TOPICS.map((topic) => `questions_${topic}`),
  referrals: REFERRAL_SOURCES.map((source) => `referrals_${source}`),
  firstContact: ['first_contact_in_time', 'first_contact_late', 'first_contact_pending'],
} as const;

/**
 * How carers found the steunpunt and how soon it reached them: questions by topic, referrals
 * (agreed to) by source, and for every signal of the year whether first contact came within its
 * due date. Counts about a registered carer are placed by the carers context; a referral of
 * someone not registered counts in the wijk of its postcode.
 */
@Injectable()
export class IntakeMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perCarer(period: MonitorYear): Promise<CarerCount[]> {
    const rows = await this.dataSource.query<Array<{ carer_id: string; topic: string; value: number }>>(
      `SELECT carer_id, topic, count(*)::int AS value FROM carer_question
        WHERE municipality_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY carer_id, topic`,
      [period.municipalityId, period.start, period.end],
    );
    const contacts = await this.dataSource.query<Array<{ carer_id: string; figure: string; value: number }>>(
      `SELECT carer_id, ${FIRST_CONTACT} AS figure, count(*)::int AS value FROM signal
        WHERE municipality_id = $1 AND created_at >= $2 AND created_at < $3 AND carer_id IS NOT NULL
        GROUP BY 1, 2`,
      [period.municipalityId, period.start, period.end],
    );
    return [
      ...rows.map((row) => ({ figure: questionFigure(row.topic), carerId: row.carer_id, value: row.value })),
      ...contacts.map((row) => ({ figure: row.figure, carerId: row.carer_id, value: row.value })),
    ];
  }

  /** Referrals by source in the wijk of their postcode, and first contact for referred people not registered. */
  async countsFor(period: MonitorYear): Promise<MonitorCount[]> {
    const rows = await this.dataSource.query<Array<{ figure: string; wijk_id: string | null; value: number }>>(
      `SELECT 'referrals_' || r.source AS figure, r.wijk_id, count(*)::int AS value FROM referral r
        WHERE r.municipality_id = $1 AND r.status = 'consented' AND r.consent_at >= $2 AND r.consent_at < $3
        GROUP BY 1, 2
       UNION ALL
       SELECT ${FIRST_CONTACT}, r.wijk_id, count(*)::int FROM signal JOIN referral r ON r.id = signal.referral_id
        WHERE signal.municipality_id = $1 AND signal.created_at >= $2 AND signal.created_at < $3 AND signal.carer_id IS NULL
        GROUP BY 1, 2`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.map((row) => ({ figure: row.figure, wijkId: row.wijk_id, ageBand: null, value: row.value }));
  }
}

const FIRST_CONTACT = `CASE WHEN signal.first_contact_at IS NULL THEN 'first_contact_pending'
  WHEN signal.first_contact_at <= signal.due_at THEN 'first_contact_in_time' ELSE 'first_contact_late' END`;
