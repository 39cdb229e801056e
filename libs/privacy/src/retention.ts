import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErasureService } from './erasure.service';
import { PersonalDataRegistry } from './personal-data';

/** Job bookkeeping is kept this long for investigating incidents, then dropped. */
const KEEP_JOB_RECORDS_DAYS = 30;
/** Stored answers of repeated requests only matter for retries, which come within a day. */
const KEEP_IDEMPOTENCY_DAYS = 7;

export interface RetentionOutcome {
  erased: number;
  outboxEntries: number;
  idempotencyRecords: number;
}

/** Anonymises carers and volunteers past their municipality's retention period, and drops old job records. */
@Injectable()
export class Retention {
  private readonly logger = new Logger(Retention.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: PersonalDataRegistry,
    private readonly erasure: ErasureService,
  ) {}

  async apply(): Promise<RetentionOutcome> {
    const expired = new Set<string>();
    for (const source of this.registry.all()) {
      for (const accountId of (await source.expiredPeople?.(this.dataSource.manager)) ?? []) expired.add(accountId);
    }
    // One transaction per person: a failure leaves the others done, and the next run retries it.
    for (const accountId of expired) await this.erasure.erase({ accountId });
    const [, outboxEntries] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM outbox_entry WHERE (relayed_at IS NOT NULL OR cancelled_at IS NOT NULL) AND created_at < now() - make_interval(days => $1)`,
      [KEEP_JOB_RECORDS_DAYS],
    );
    const [, idempotencyRecords] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM idempotency_record WHERE created_at < now() - make_interval(days => $1)`,
      [KEEP_IDEMPOTENCY_DAYS],
    );
    const outcome = { erased: expired.size, outboxEntries, idempotencyRecords };
    this.logger.log(outcome, 'retention applied');
    return outcome;
  }
}
