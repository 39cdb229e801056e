import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { ParticipationService } from '../participation.service';
import { SessionReminders } from '../session-reminders';

type ActivitiesJob = JobName<'activities-maintenance'>;
const REMIND: ActivitiesJob = 'remind-sessions';
const EXPIRE: ActivitiesJob = 'expire-place-offers';

@Processor(QUEUES.activitiesMaintenance)
export class ActivitiesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.activitiesMaintenance) private readonly queue: Queue,
    private readonly reminders: SessionReminders,
    private readonly participation: ParticipationService,
  ) {
    super();
  }

  /** Registered at every start; the scheduler ids make it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(REMIND, { every: 15 * 60_000 }, { name: REMIND });
    await this.queue.upsertJobScheduler(EXPIRE, { every: 5 * 60_000 }, { name: EXPIRE });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as ActivitiesJob) {
      case 'remind-sessions':
        return { reminded: await this.reminders.remindUpcoming() };
      case 'expire-place-offers':
        return { expired: await this.participation.expireOffers() };
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
