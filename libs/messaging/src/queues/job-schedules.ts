import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { JOB_SCHEDULES, JobSchedule, QueueName, SCHEDULE_TIME_ZONE } from './queues';

/**
 * Registers the repeatable jobs of JOB_SCHEDULES at every worker start, and again with every
 * reconciliation so a Redis that lost its data gets them back (the scheduler id, which is the job
 * name, makes it idempotent); removes schedulers the table no longer holds.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(private readonly moduleRef: ModuleRef) {}

  onApplicationBootstrap(): Promise<void> {
    return this.register();
  }

  async register(): Promise<void> {
    for (const [queueName, schedules] of Object.entries(JOB_SCHEDULES) as Array<
      [QueueName, Record<string, JobSchedule>]
    >) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
      for (const [name, schedule] of Object.entries(schedules)) {
        const repeat = 'every' in schedule ? schedule : { ...schedule, tz: SCHEDULE_TIME_ZONE };
        await queue.upsertJobScheduler(name, repeat, { name });
      }
      for (const scheduler of await queue.getJobSchedulers()) {
        if (!Object.hasOwn(schedules, scheduler.key)) {
          await queue.removeJobScheduler(scheduler.key);
          this.logger.warn({ queue: queueName, scheduler: scheduler.key }, 'removed a schedule no longer declared');
        }
      }
    }
  }
}
