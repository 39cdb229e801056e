import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { deliveryJobId, Outbox, QUEUES } from '@app/messaging';
import { Actor, NotFoundError, RevokedAccounts } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from './audit-log';
import { PersonalDataRegistry } from './personal-data';

export interface ErasureRequest {
  accountId: string;
  /** Staff acting on the person's request, or the retention job; absent when people erase themselves. */
  actor?: Actor;
  reason?: string;
  route?: string;
}

/**
 * Erasure (AVG art. 17): every context anonymises its tables in one transaction, unsent
 * messages are withdrawn, sign-ins end, and the withdrawn delivery jobs are then taken out
 * of Redis by the worker. Running it again changes nothing.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly revoked: RevokedAccounts,
  ) {}

  async erase(request: ErasureRequest): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockPerson(manager, request);
      const pending = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM message WHERE account_id = $1 AND status = 'queued'`,
        [request.accountId],
      );
      for (const { id } of pending) await this.outbox.cancel(manager, deliveryJobId(id));
      for (const source of this.registry.all()) await source.erase(manager, request.accountId);
      if (pending.length > 0) {
        await this.outbox.add(manager, {
          queue: QUEUES.privacy,
          name: 'drop-delivery-jobs',
          jobId: `erasure.${request.accountId}`,
          payload: { messageIds: pending.map(({ id }) => id) },
        });
      }
      if (request.actor) {
        await this.audit.record(
          {
            actor: request.actor,
            action: 'erase',
            route: request.route ?? 'retention',
            subjectType: 'account',
            subjectIds: [request.accountId],
            reason: request.reason ?? null,
          },
          manager,
        );
      }
    });
    await this.revoked.revoke(request.accountId);
    this.logger.log({ accountId: request.accountId }, 'person erased');
  }

  /** The person's account row, locked so two erasures or an erasure and a booking never interleave. */
  private async lockPerson(manager: EntityManager, request: ErasureRequest): Promise<void> {
    const municipalityId = request.actor?.municipalityId;
    const [row] = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM account WHERE id = $1 AND role IN ('carer', 'volunteer') AND ($2::uuid IS NULL OR municipality_id = $2) FOR UPDATE`,
      [request.accountId, municipalityId ?? null],
    );
    if (!row) throw new NotFoundError({ nl: 'De persoon', en: 'The person' });
  }
}
