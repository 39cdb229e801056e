import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, REDIS_DISCONNECT_TIMEOUT_MS } from '@app/platform';
import { QUEUE_ERROR_LOG } from './queue-error-log';
import { QueueMetrics } from './queue-metrics';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';

/** Milliseconds before the next reconnect attempt: quick at first, at most 2 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(250 * attempt, 2000);
}

/** BullMQ connection and every queue of QUEUES, for producers and processors alike. */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      // Workers block on Redis as long as they must, hence no per-request retry limit. BullMQ's own
      // reconnect delay grows to 20 s; after an outage the relay should catch up within seconds.
      useFactory: (config: AppConfig) => ({
        connection: {
          url: config.redis.url,
          maxRetriesPerRequest: null,
          retryStrategy: reconnectDelay,
          disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
        },
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [QueueMetrics, QUEUE_ERROR_LOG],
  exports: [BullModule],
})
export class QueueModule {}
