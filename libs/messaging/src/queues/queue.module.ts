import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { QueueMetrics } from './queue-metrics';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queues';

/** BullMQ connection and every queue of QUEUES, for producers and processors alike. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      // Workers block on Redis as long as they must, hence no per-request retry limit.
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [QueueMetrics],
  exports: [BullModule],
})
export class QueueModule {}
