import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { FieldCipher } from '@app/platform';
import { EntityManager } from 'typeorm';

/** The carer's respite bookings, budget use and calendar feed. Bookings stay, anonymous, for usage and occupancy figures. */
@Injectable()
export class RespitePersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['respite_booking', 'respite_budget_usage', 'respite_calendar_feed', 'offer_provider'] as const;

  readonly encryptedColumns = [{ table: 'respite_booking', column: 'shared_needs_encrypted' }];

  readonly auditSubjects = {
    respite_booking: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query('SELECT id AS "subjectId", account_id AS "accountId" FROM respite_booking WHERE id = ANY($1)', [
        ids,
      ]),
  };

  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly cipher: FieldCipher,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const carerIds = 'SELECT id FROM carer WHERE account_id = $1';
    const [bookings, usage, feeds, offersRun] = await oneAtATime([
      () =>
        manager.query<object[]>('SELECT * FROM respite_booking WHERE account_id = $1 ORDER BY starts_at', [accountId]),
      () =>
        manager.query<object[]>(`SELECT * FROM respite_budget_usage WHERE carer_id IN (${carerIds}) ORDER BY year`, [
          accountId,
        ]),
      // The feed's secret is the platform's; the person sees that a feed exists.
      () =>
        manager.query<object[]>(
          `SELECT id, municipality_id, carer_id, created_at, updated_at FROM respite_calendar_feed WHERE carer_id IN (${carerIds})`,
          [accountId],
        ),
      // A provider's account: the offers it runs.
      () =>
        manager.query<object[]>('SELECT * FROM offer_provider WHERE account_id = $1 ORDER BY created_at', [accountId]),
    ]);
    const open = (value: unknown) => (typeof value === 'string' ? this.cipher.decrypt(value) : null);
    return {
      respite_booking: (bookings as Array<Record<string, unknown>>).map(({ shared_needs_encrypted, ...booking }) => ({
        ...booking,
        shared_needs: open(shared_needs_encrypted),
      })),
      respite_budget_usage: usage,
      respite_calendar_feed: feeds,
      offer_provider: offersRun,
    };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(
      'DELETE FROM respite_calendar_feed WHERE carer_id IN (SELECT id FROM carer WHERE account_id = $1)',
      [accountId],
    );
    await manager.query('UPDATE respite_booking SET shared_needs_encrypted = NULL WHERE account_id = $1', [accountId]);
    await manager.query('DELETE FROM offer_provider WHERE account_id = $1', [accountId]);
    // A waiting-list place holds nothing; leaving it would one day offer a place to nobody.
    await manager.query(
      `UPDATE respite_booking SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'erased', updated_at = now() WHERE account_id = $1 AND status = 'waitlisted'`,
      [accountId],
    );
  }
}
