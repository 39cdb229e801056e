import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { deliveryJobId, JobName, JobPayloads, QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { Retention } from '../retention';

type PrivacyJob = JobName<'privacy'>;
const APPLY_RETENTION: PrivacyJob = 'apply-retention';

@Processor(QUEUES.privacy)
export class PrivacyProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.privacy) private readonly queue: Queue,
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
    private readonly retention: Retention,
  ) {
    super();
  }

  /** Registered at every start; the scheduler id makes it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      APPLY_RETENTION,
      { pattern: '45 3 * * *', tz: 'Europe/Amsterdam' },
      { name: APPLY_RETENTION },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as PrivacyJob) {
      case 'drop-delivery-jobs':
        return {
          dropped: await this.dropDeliveryJobs((job.data as JobPayloads['privacy']['drop-delivery-jobs']).messageIds),
        };
      case 'apply-retention':
        return this.retention.apply();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }

  /**
   * Takes an erased person's withdrawn deliveries (reminders waiting for their time) out of Redis.
   * A job that is running right now cannot be removed; it finds its message withdrawn and does nothing.
   */
  private async dropDeliveryJobs(messageIds: string[]): Promise<number> {
    let dropped = 0;
    for (const id of messageIds) dropped += await this.mail.remove(deliveryJobId(id));
    return dropped;
  }
}
