import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { VolunteerExpiry } from '../volunteer-expiry';

type VolunteersJob = JobName<'volunteers-maintenance'>;

@Processor(QUEUES.volunteersMaintenance)
export class VolunteersMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.volunteersMaintenance) private readonly queue: Queue,
    private readonly expiry: VolunteerExpiry,
  ) {
    super();
  }

  /** Registered at every start; the scheduler id makes it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    const name: VolunteersJob = 'remind-expiring';
    await this.queue.upsertJobScheduler(name, { pattern: '0 9 * * 1-5', tz: 'Europe/Amsterdam' }, { name });
  }

  async process(job: Job): Promise<unknown> {
    if ((job.name as VolunteersJob) === 'remind-expiring') return this.expiry.remindExpiring();
    throw new Error(`Unknown job ${job.name}`);
  }
}
