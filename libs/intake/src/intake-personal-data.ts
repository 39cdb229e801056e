import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { FieldCipher } from '@app/platform';
import { EntityManager } from 'typeorm';

const CARER_IDS = 'SELECT id FROM carer WHERE account_id = $1';

/**
 * A carer's questions with the answers, and referrals linked to them. Erasure empties the
 * questions and deletes the answers (topics, dates and signals stay, anonymous, for the monitor)
 * and strips linked referrals down to their source, wijk and postcode digits.
 */
@Injectable()
export class IntakePersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['carer_question', 'question_answer', 'referral', 'feedback_request'] as const;

  readonly encryptedColumns = [
    { table: 'carer_question', column: 'text_encrypted' },
    { table: 'question_answer', column: 'text_encrypted' },
    { table: 'referral', column: 'reason_encrypted' },
    { table: 'feedback_request', column: 'text_encrypted' },
  ];

  readonly auditSubjects = {
    carer_question: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT q.id AS "subjectId", c.account_id AS "accountId" FROM carer_question q JOIN carer c ON c.id = q.carer_id WHERE q.id = ANY($1)',
        [ids],
      ),
    feedback_request: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query('SELECT id AS "subjectId", account_id AS "accountId" FROM feedback_request WHERE id = ANY($1)', [
        ids,
      ]),
    /** A referral of someone not registered has no account: its entries name no person. */
    referral: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT r.id AS "subjectId", c.account_id AS "accountId" FROM referral r JOIN carer c ON c.id = r.carer_id WHERE r.id = ANY($1)',
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
    const [questions, answers, referrals, feedback] = await oneAtATime([
      () => query(`SELECT * FROM carer_question WHERE carer_id IN (${CARER_IDS}) ORDER BY created_at`),
      () =>
        query(
          `SELECT a.* FROM question_answer a JOIN carer_question q ON q.id = a.question_id WHERE q.carer_id IN (${CARER_IDS}) ORDER BY a.created_at`,
        ),
      () => query(`SELECT * FROM referral WHERE carer_id IN (${CARER_IDS}) ORDER BY created_at`),
      () => query('SELECT * FROM feedback_request WHERE account_id = $1 ORDER BY created_at'),
    ]);
    const open = (value: unknown) => (typeof value === 'string' && value ? this.cipher.decrypt(value) : null);
    return {
      carer_question: questions.map(({ text_encrypted, ...row }) => ({ ...row, text: open(text_encrypted) })),
      question_answer: answers.map(({ text_encrypted, ...row }) => ({ ...row, text: open(text_encrypted) })),
      referral: referrals.map(({ reason_encrypted, ...row }) => ({ ...row, reason: open(reason_encrypted) })),
      feedback_request: feedback.map(({ text_encrypted, ...row }) => ({ ...row, text: open(text_encrypted) })),
    };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    // The topic and dates stay for the monitor; what was asked and answered goes.
    await manager.query(`UPDATE carer_question SET text_encrypted = '' WHERE carer_id IN (${CARER_IDS})`, [accountId]);
    await manager.query(
      `DELETE FROM question_answer WHERE question_id IN (SELECT id FROM carer_question WHERE carer_id IN (${CARER_IDS}))`,
      [accountId],
    );
    // The score stays, anonymous, for the figures; the words go.
    await manager.query('UPDATE feedback_request SET text_encrypted = NULL WHERE account_id = $1', [accountId]);
    await manager.query(
      `UPDATE referral SET first_name = '', last_name = '', email = NULL, phone = NULL, postcode = left(postcode, 4),
              reason_encrypted = NULL
        WHERE carer_id IN (${CARER_IDS})`,
      [accountId],
    );
  }
}
