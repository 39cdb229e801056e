import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';

const PURGE_EXPIRED_TOKENS = 'purge-expired-tokens';
/** Expired tokens are kept a while for investigating incidents, then dropped. */
const KEEP_EXPIRED_DAYS = 30;

@Processor(QUEUES.identityMaintenance)
export class IdentityMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(IdentityMaintenanceProcessor.name);

  constructor(
    @InjectQueue(QUEUES.identityMaintenance) private readonly queue: Queue,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  /** Registered at every start; the scheduler id makes it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      PURGE_EXPIRED_TOKENS,
      { pattern: '15 3 * * *', tz: 'Europe/Amsterdam' },
      { name: PURGE_EXPIRED_TOKENS },
    );
  }

  async process(job: Job): Promise<{ refreshTokens: number; oneTimeTokens: number }> {
    if (job.name !== PURGE_EXPIRED_TOKENS) throw new Error(`Unknown job ${job.name}`);
    const cutoff = `now() - interval '${KEEP_EXPIRED_DAYS} days'`;
    const [, refreshTokens] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM refresh_token WHERE expires_at < ${cutoff}`,
    );
    const [, oneTimeTokens] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM one_time_token WHERE expires_at < ${cutoff}`,
    );
    this.logger.log({ refreshTokens, oneTimeTokens }, 'purged expired tokens');
    return { refreshTokens, oneTimeTokens };
  }
}
