import { Injectable, OnModuleInit } from '@nestjs/common';
import { retentionCutoffSql } from '@app/identity';
import { FieldCipher } from '@app/platform';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { EntityManager } from 'typeorm';

/**
 * The carer's profile, care relationships, consents, screenings and signals. Erasure keeps what
 * the monitor counts (wijk, birth year, burden, hours, signal dates) and drops the rest.
 */
@Injectable()
export class CarerPersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['carer', 'care_relationship', 'consent', 'screening', 'signal', 'signal_note'] as const;

  readonly encryptedColumns = [
    { table: 'care_relationship', column: 'notes_encrypted' },
    { table: 'signal_note', column: 'text_encrypted' },
  ];

  readonly auditSubjects = {
    carer: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query('SELECT id AS "subjectId", account_id AS "accountId" FROM carer WHERE id = ANY($1)', [ids]),
    signal: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT s.id AS "subjectId", c.account_id AS "accountId" FROM signal s JOIN carer c ON c.id = s.carer_id WHERE s.id = ANY($1)',
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
    const ofCarer = (sql: string) => manager.query<Array<Record<string, unknown>>>(sql, [accountId]);
    const carerIds = 'SELECT id FROM carer WHERE account_id = $1';
    const [carer, relationships, consents, screenings, signals, notes] = await oneAtATime([
      () => ofCarer('SELECT * FROM carer WHERE account_id = $1'),
      () => ofCarer(`SELECT * FROM care_relationship WHERE carer_id IN (${carerIds}) ORDER BY created_at`),
      () => ofCarer(`SELECT * FROM consent WHERE carer_id IN (${carerIds}) ORDER BY created_at`),
      () => ofCarer(`SELECT * FROM screening WHERE carer_id IN (${carerIds}) ORDER BY created_at`),
      () => ofCarer(`SELECT * FROM signal WHERE carer_id IN (${carerIds}) ORDER BY created_at`),
      () =>
        ofCarer(
          `SELECT * FROM signal_note WHERE signal_id IN (SELECT id FROM signal WHERE carer_id IN (${carerIds})) ORDER BY created_at`,
        ),
    ]);
    return {
      carer,
      care_relationship: relationships.map(({ notes_encrypted, ...row }) => ({
        ...row,
        notes: this.cipher.decryptNullable(notes_encrypted),
      })),
      consent: consents,
      screening: screenings,
      signal: signals,
      signal_note: notes.map(({ text_encrypted, ...row }) => ({
        ...row,
        text: this.cipher.decryptNullable(text_encrypted),
      })),
    };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    const carerIds = 'SELECT id FROM carer WHERE account_id = $1';
    await manager.query(
      `UPDATE carer SET first_name = '', last_name = '', phone = NULL, postcode = NULL, house_number = NULL,
              date_of_birth = date_trunc('year', date_of_birth)::date, status = 'inactive',
              inactive_since = COALESCE(inactive_since, now()), reconfirmation_requested_at = NULL, updated_at = now()
        WHERE account_id = $1`,
      [accountId],
    );
    await manager.query(
      `UPDATE care_relationship SET care_recipient_name = '', notes_encrypted = NULL, kinds_of_care = '{}', updated_at = now() WHERE carer_id IN (${carerIds})`,
      [accountId],
    );
    await manager.query(
      `UPDATE consent SET note = NULL, updated_at = now() WHERE carer_id IN (${carerIds}) AND note IS NOT NULL`,
      [accountId],
    );
    await manager.query(`UPDATE screening SET answers = '{}' WHERE carer_id IN (${carerIds})`, [accountId]);
    await manager.query(
      `DELETE FROM signal_note WHERE signal_id IN (SELECT id FROM signal WHERE carer_id IN (${carerIds}))`,
      [accountId],
    );
  }

  /** Carers inactive (their yearly re-confirmation unanswered) for longer than their municipality's retention period. */
  async expiredPeople(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ account_id: string }>>(
      `SELECT c.account_id FROM carer c
         JOIN municipality m ON m.id = c.municipality_id
         JOIN account a ON a.id = c.account_id
        WHERE c.status = 'inactive' AND a.erased_at IS NULL
          AND c.inactive_since < ${retentionCutoffSql('m')}`,
    );
    return rows.map((row) => row.account_id);
  }
}
