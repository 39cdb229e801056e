import { InjectQueue, Processor } from '@nestjs/bullmq';
import { deliveryJobId, JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { Queue } from 'bullmq';
import { Retention } from '../retention';

@Processor(QUEUES.privacy)
export class PrivacyProcessor extends QueueProcessor<'privacy'> {
  protected readonly handlers: JobHandlers<'privacy'> = {
    'drop-delivery-jobs': async ({ messageIds }) => ({ dropped: await this.dropDeliveryJobs(messageIds) }),
    'apply-retention': () => this.retention.apply(),
  };

  constructor(
    @InjectQueue(QUEUES.mail) private readonly mail: Queue,
    private readonly retention: Retention,
  ) {
    super();
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
