import { Injectable, OnModuleInit } from '@nestjs/common';
import { MESSAGE_OUTCOMES } from '@app/messaging';
import { EntityManager } from 'typeorm';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from './personal-data';

/**
 * The person's account, sign-in tokens, messages (the communication log) and stored answers
 * of repeated requests. Erasure keeps the account row, emptied, so figures that count
 * people (invitations, bookings) keep their foreign keys.
 */
@Injectable()
export class CorePersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['account', 'refresh_token', 'one_time_token', 'message', 'idempotency_record'] as const;

  /** Stored answers can hold secrets; they rotate with the field key. */
  readonly encryptedColumns = [{ table: 'idempotency_record', column: 'response_sealed' }];

  readonly auditSubjects = {
    /** The post list of a fan-out names everyone it writes to on paper. */
    fanout: async (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        `SELECT fanout_id AS "subjectId", account_id AS "accountId" FROM message WHERE fanout_id = ANY($1) AND channel = 'post' AND account_id IS NOT NULL`,
        [ids],
      ),
    /** A message belongs to the person it was written to. */
    message: async (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        `SELECT id AS "subjectId", account_id AS "accountId" FROM message WHERE id = ANY($1) AND account_id IS NOT NULL`,
        [ids],
      ),
  };

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const [account, refreshTokens, oneTimeTokens, messages, idempotency] = await oneAtATime([
      () =>
        manager.query<object[]>(
          `SELECT id, municipality_id, email, role, display_name, language, contact_channel, email_verified_at, campaign_opt_out_at, disabled_at, last_active_at, created_at, updated_at
           FROM account WHERE id = $1`,
          [accountId],
        ),
      // Hashes stay out: they are secrets of the platform, not data about the person.
      () =>
        manager.query<object[]>(
          'SELECT id, family_id, created_at, expires_at, used_at, revoked_at FROM refresh_token WHERE account_id = $1 ORDER BY created_at',
          [accountId],
        ),
      () =>
        manager.query<object[]>(
          'SELECT id, purpose, created_at, expires_at, used_at FROM one_time_token WHERE account_id = $1 ORDER BY created_at',
          [accountId],
        ),
      () =>
        manager.query<object[]>(
          'SELECT id, kind, category, channel, status, to_address, language, params, outcome, created_at, sent_at FROM message WHERE account_id = $1 ORDER BY created_at',
          [accountId],
        ),
      () =>
        manager.query<object[]>(
          'SELECT id, key, status_code, created_at, completed_at FROM idempotency_record WHERE scope LIKE $1 ORDER BY created_at',
          [`%:${accountId}`],
        ),
    ]);
    return {
      account,
      refresh_token: refreshTokens,
      one_time_token: oneTimeTokens,
      message: messages,
      idempotency_record: idempotency,
    };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query(
      `UPDATE account SET email = NULL, password_hash = NULL, display_name = NULL, email_verified_at = NULL,
              disabled_at = COALESCE(disabled_at, now()), campaign_opt_out_at = COALESCE(campaign_opt_out_at, now()),
              erased_at = COALESCE(erased_at, now()), updated_at = now()
        WHERE id = $1`,
      [accountId],
    );
    await manager.query('DELETE FROM refresh_token WHERE account_id = $1', [accountId]);
    await manager.query('DELETE FROM one_time_token WHERE account_id = $1', [accountId]);
    await manager.query('DELETE FROM idempotency_record WHERE scope LIKE $1', [`%:${accountId}`]);
    // The log entry stays, anonymous, for delivery figures; an unsent message is withdrawn.
    await manager.query(
      `UPDATE message SET to_address = NULL, params = '{}'::jsonb, account_id = NULL, updated_at = now(),
              outcome = CASE WHEN status IN ('queued', 'to_print') THEN '${MESSAGE_OUTCOMES.cancelledErased}' ELSE outcome END,
              status = CASE WHEN status IN ('queued', 'to_print') THEN 'skipped' ELSE status END
        WHERE account_id = $1`,
      [accountId],
    );
  }
}
