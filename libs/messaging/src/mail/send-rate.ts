import { Injectable } from '@nestjs/common';
import { AppConfig, RedisConnection, SharedRate } from '@app/platform';

/**
 * MAIL_RATE_PER_SECOND for every worker together, fan-out batches and single messages alike:
 * each send takes its turn here just before it goes to the mail server.
 */
@Injectable()
export class SendRate extends SharedRate {
  constructor(redis: RedisConnection, config: AppConfig) {
    super(redis.client, 'mail:send-rate', config.mail.ratePerSecond);
  }
}
