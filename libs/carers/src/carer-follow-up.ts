import { Injectable } from '@nestjs/common';
import { AccountService, MunicipalityService, recipientOf } from '@app/identity';
import { MessageService } from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CARER_MESSAGES } from './carer-message-kinds';

/**
 * The scheduled follow-up of carers, across municipalities, each by its own settings:
 * escalating overdue signals, re-screening reminders and the yearly re-confirmation.
 * Each step is idempotent: messages carry a dedupe key, state changes are conditional.
 */
@Injectable()
export class CarerFollowUp {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
  ) {}

  /** Tells the admins once about each signal past its due date; returns how many signals. */
  async escalateOverdueSignals(): Promise<number> {
    let escalated = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const overdue = await manager.query<Array<{ id: string; municipality_id: string; due_at: Date }>>(
          `SELECT id, municipality_id, due_at FROM signal
            WHERE status <> 'closed' AND due_at < now() AND escalated_at IS NULL
            ORDER BY due_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
        );
        for (const signal of overdue) {
          for (const admin of await this.accounts.adminsOf(signal.municipality_id, manager)) {
            await this.messages.queue(manager, {
              recipient: recipientOf(admin),
              kind: CARER_MESSAGES.signalOverdue,
              params: { signalId: signal.id, dueAt: signal.due_at.toISOString() },
              dedupeKey: `signal-overdue.${signal.id}.${admin.id}`,
            });
          }
        }
        if (overdue.length > 0)
          await manager.query('UPDATE signal SET escalated_at = now() WHERE id = ANY($1)', [
            overdue.map((signal) => signal.id),
          ]);
        return overdue.length;
      });
      escalated += batch;
      if (batch < 100) return escalated;
    }
  }

  /** Asks carers whose latest screening is older than the municipal setting to fill it in again, once per screening. */
  async remindRescreening(): Promise<number> {
    let reminded = 0;
    for (const municipality of await this.municipalities.all()) {
      const due = await this.dataSource.query<Array<{ screening_id: string; account_id: string }>>(
        `SELECT s.id AS screening_id, c.account_id FROM carer c
           JOIN LATERAL (SELECT id, created_at FROM screening WHERE carer_id = c.id ORDER BY created_at DESC LIMIT 1) s ON true
          WHERE c.municipality_id = $1 AND c.status = 'active' AND s.created_at < now() - make_interval(months => $2)`,
        [municipality.id, municipality.settings.rescreeningMonths],
      );
      reminded += await this.queueForAccounts(
        due.map((row) => ({ accountId: row.account_id, dedupeKey: `rescreen.${row.screening_id}`, params: {} })),
        CARER_MESSAGES.rescreeningReminder,
      );
    }
    return reminded;
  }

  /**
   * Marks unanswered carers inactive once the grace period has passed since they were actually
   * asked (the mail sent, or the letter printed), then asks those a year past confirmation. A
   * request that never reached the person (a failed mail, a letter not yet printed) makes no one
   * inactive; staff see it among failed messages or on the print queue.
   */
  async requestReconfirmation(): Promise<{ requested: number; deactivated: number }> {
    let requested = 0;
    let deactivated = 0;
    for (const municipality of await this.municipalities.all()) {
      const grace = municipality.settings.reconfirmationGraceDays;
      const [, gone] = await this.dataSource.query<[unknown, number]>(
        `UPDATE carer c SET status = 'inactive', inactive_since = now(), updated_at = now()
          WHERE c.municipality_id = $1 AND c.status = 'active' AND c.reconfirmation_requested_at < now() - make_interval(days => $2)
            AND EXISTS (SELECT 1 FROM message m
                         WHERE m.account_id = c.account_id AND m.kind = $3 AND m.status = 'sent'
                           AND m.created_at >= c.reconfirmation_requested_at - interval '1 minute'
                           AND m.sent_at < now() - make_interval(days => $2))`,
        [municipality.id, grace, CARER_MESSAGES.reconfirmationRequest],
      );
      deactivated += gone;
      await this.dataSource.transaction(async (manager) => {
        const [asked] = await manager.query<[Array<{ id: string; account_id: string; confirmed_at: Date }>, number]>(
          `UPDATE carer SET reconfirmation_requested_at = now(), updated_at = now()
            WHERE municipality_id = $1 AND status = 'active' AND reconfirmation_requested_at IS NULL AND confirmed_at < now() - interval '1 year'
            RETURNING id, account_id, confirmed_at`,
          [municipality.id],
        );
        requested += await this.queueForAccounts(
          asked.map((row) => ({
            accountId: row.account_id,
            // Names the confirmation being renewed, one request per confirmation; not a day rule.
            dedupeKey: `reconfirm.${row.id}.${row.confirmed_at.toISOString().slice(0, 10)}`,
            params: { carerId: row.id, graceDays: grace },
          })),
          CARER_MESSAGES.reconfirmationRequest,
          manager,
        );
      });
    }
    return { requested, deactivated };
  }

  private async queueForAccounts(
    targets: Array<{ accountId: string; dedupeKey: string; params: Record<string, unknown> }>,
    kind: string,
    manager?: EntityManager,
  ): Promise<number> {
    const accounts = new Map(
      (
        await this.accounts.findByIds(
          targets.map((target) => target.accountId),
          manager,
        )
      ).map((account) => [account.id, account]),
    );
    let queued = 0;
    const work = async (transaction: EntityManager) => {
      for (const target of targets) {
        const account = accounts.get(target.accountId);
        if (!account) continue;
        const message = await this.messages.queue(transaction, {
          recipient: recipientOf(account),
          kind,
          params: target.params,
          dedupeKey: target.dedupeKey,
        });
        if (message) queued++;
      }
    };
    await (manager ? work(manager) : this.dataSource.transaction(work));
    return queued;
  }
}
