import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { EntityManager } from 'typeorm';

const CARER_IDS = 'SELECT id FROM carer WHERE account_id = $1';
const VOLUNTEER_IDS = 'SELECT id FROM volunteer WHERE account_id = $1';
/** A carer's, or a volunteer's, rows. */
const THEIRS = `(carer_id IN (${CARER_IDS}) OR volunteer_id IN (${VOLUNTEER_IDS}))`;

/** The carer's applications, vouchers and what was spent of them. Vouchers and redemptions stay for the partners' ledger. */
@Injectable()
export class AppreciationPersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['appreciation_application', 'voucher', 'voucher_redemption'] as const;

  readonly auditSubjects = {
    appreciation_application: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        `SELECT a.id AS "subjectId", coalesce(c.account_id, v.account_id) AS "accountId" FROM appreciation_application a
           LEFT JOIN carer c ON c.id = a.carer_id LEFT JOIN volunteer v ON v.id = a.volunteer_id WHERE a.id = ANY($1)`,
        [ids],
      ),
  };

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const [applications, vouchers, redemptions] = await oneAtATime([
      () =>
        manager.query<object[]>(`SELECT * FROM appreciation_application WHERE ${THEIRS} ORDER BY created_at`, [
          accountId,
        ]),
      () => manager.query<object[]>(`SELECT * FROM voucher WHERE ${THEIRS} ORDER BY created_at`, [accountId]),
      () =>
        manager.query<object[]>(
          `SELECT * FROM voucher_redemption WHERE voucher_id IN (SELECT id FROM voucher WHERE ${THEIRS}) ORDER BY created_at`,
          [accountId],
        ),
    ]);
    return { appreciation_application: applications, voucher: vouchers, voucher_redemption: redemptions };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    // The key held the cared-for person's name and the carer's postcode.
    await manager.query(
      `UPDATE appreciation_application SET care_recipient_key = 'erased:' || id, review_note = NULL, updated_at = now() WHERE ${THEIRS}`,
      [accountId],
    );
  }
}
