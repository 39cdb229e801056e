import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { DataSource } from 'typeorm';

/** Expired tokens are kept a while for investigating incidents, then dropped. */
const KEEP_EXPIRED_DAYS = 30;

@Processor(QUEUES.identityMaintenance)
export class IdentityMaintenanceProcessor extends QueueProcessor<'identity-maintenance'> {
  private readonly logger = new Logger(IdentityMaintenanceProcessor.name);
  protected readonly handlers: JobHandlers<'identity-maintenance'> = {
    'purge-expired-tokens': () => this.purgeExpiredTokens(),
  };

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private async purgeExpiredTokens(): Promise<{ refreshTokens: number; oneTimeTokens: number }> {
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
