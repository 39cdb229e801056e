import { Injectable, OnModuleInit } from '@nestjs/common';
import { retentionCutoffSql } from '@app/identity';
import { FieldCipher } from '@app/platform';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { EntityManager } from 'typeorm';

const VOLUNTEER_IDS = 'SELECT id FROM volunteer WHERE account_id = $1';
const CARER_IDS = 'SELECT id FROM carer WHERE account_id = $1';

/**
 * A volunteer's profile, absences, trainings, hours and matches, and a carer's help requests.
 * Erasure ends open matches and requests, and keeps hours, trainings and VOG dates for the monitor.
 */
@Injectable()
export class VolunteerPersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = [
    'volunteer',
    'volunteer_absence',
    'volunteer_training',
    'volunteer_hours',
    'volunteer_match',
    'help_request',
    'staff_training',
  ] as const;

  readonly encryptedColumns = [{ table: 'help_request', column: 'notes_encrypted' }];

  readonly auditSubjects = {
    volunteer: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query('SELECT id AS "subjectId", account_id AS "accountId" FROM volunteer WHERE id = ANY($1)', [ids]),
    help_request: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT r.id AS "subjectId", c.account_id AS "accountId" FROM help_request r JOIN carer c ON c.id = r.carer_id WHERE r.id = ANY($1)',
        [ids],
      ),
    volunteer_hours: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT h.id AS "subjectId", v.account_id AS "accountId" FROM volunteer_hours h JOIN volunteer v ON v.id = h.volunteer_id WHERE h.id = ANY($1)',
        [ids],
      ),
    /** A match is about both: the volunteer and the carer each see it. */
    volunteer_match: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        `SELECT m.id AS "subjectId", v.account_id AS "accountId" FROM volunteer_match m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.id = ANY($1)
         UNION ALL
         SELECT m.id, c.account_id FROM volunteer_match m JOIN carer c ON c.id = m.carer_id WHERE m.id = ANY($1)`,
        [ids],
      ),
  };

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly cipher: FieldCipher,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const query = (sql: string) => manager.query<Array<Record<string, unknown>>>(sql, [accountId]);
    const [volunteer, absences, trainings, hours, matches, requests, staffTrainings] = await oneAtATime([
      () => query('SELECT * FROM volunteer WHERE account_id = $1'),
      () => query(`SELECT * FROM volunteer_absence WHERE volunteer_id IN (${VOLUNTEER_IDS}) ORDER BY from_date`),
      () => query(`SELECT * FROM volunteer_training WHERE volunteer_id IN (${VOLUNTEER_IDS}) ORDER BY completed_on`),
      () => query(`SELECT * FROM volunteer_hours WHERE volunteer_id IN (${VOLUNTEER_IDS}) ORDER BY worked_on`),
      () =>
        query(
          `SELECT * FROM volunteer_match WHERE volunteer_id IN (${VOLUNTEER_IDS}) OR carer_id IN (${CARER_IDS}) ORDER BY created_at`,
        ),
      () => query(`SELECT * FROM help_request WHERE carer_id IN (${CARER_IDS}) ORDER BY created_at`),
      () => query('SELECT * FROM staff_training WHERE account_id = $1 ORDER BY completed_on'),
    ]);
    return {
      volunteer,
      volunteer_absence: absences,
      volunteer_training: trainings,
      volunteer_hours: hours,
      volunteer_match: matches,
      help_request: requests.map(({ notes_encrypted, ...row }) => ({
        ...row,
        notes: this.cipher.decryptNullable(notes_encrypted),
      })),
      staff_training: staffTrainings,
    };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(
      `UPDATE volunteer SET first_name = '', last_name = '', phone = NULL, postcode = NULL, house_number = NULL,
              date_of_birth = date_trunc('year', date_of_birth)::date, skills = '{}', languages = '{}', availability = '{}',
              status = 'inactive', updated_at = now()
        WHERE account_id = $1`,
      [accountId],
    );
    await manager.query(`DELETE FROM volunteer_absence WHERE volunteer_id IN (${VOLUNTEER_IDS})`, [accountId]);
    await manager.query(
      `UPDATE volunteer_match SET status = CASE WHEN status = 'proposed' THEN 'declined' ELSE 'ended' END, updated_at = now()
        WHERE status IN ('proposed', 'accepted') AND (volunteer_id IN (${VOLUNTEER_IDS}) OR carer_id IN (${CARER_IDS}))`,
      [accountId],
    );
    await manager.query(
      `UPDATE help_request SET notes_encrypted = NULL, wanted_dates = '[]'::jsonb, weekly_pattern = '{}', language = NULL,
              status = CASE WHEN status = 'closed' THEN status ELSE 'closed' END, updated_at = now()
        WHERE carer_id IN (${CARER_IDS})`,
      [accountId],
    );
  }

  /** Volunteers who have not signed in for longer than the retention period and have no open match. */
  async expiredPeople(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ account_id: string }>>(
      `SELECT v.account_id FROM volunteer v
         JOIN municipality m ON m.id = v.municipality_id
         JOIN account a ON a.id = v.account_id
        WHERE a.erased_at IS NULL AND a.last_active_at < ${retentionCutoffSql('m')}
          AND NOT EXISTS (SELECT 1 FROM volunteer_match vm WHERE vm.volunteer_id = v.id AND vm.status IN ('proposed', 'accepted'))`,
    );
    return rows.map((row) => row.account_id);
  }
}
