import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { CarerFollowUp } from '../carer-follow-up';

type CarersJob = JobName<'carers-maintenance'>;

const SCHEDULES: Record<CarersJob, { every?: number; pattern?: string }> = {
  'escalate-overdue-signals': { every: 15 * 60 * 1000 },
  'remind-rescreening': { pattern: '0 10 * * 1-5' },
  'request-reconfirmation': { pattern: '30 10 * * 1-5' },
};

@Processor(QUEUES.carersMaintenance)
export class CarersMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.carersMaintenance) private readonly queue: Queue,
    private readonly followUp: CarerFollowUp,
  ) {
    super();
  }

  /** Registered at every start; scheduler ids make it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    for (const [name, schedule] of Object.entries(SCHEDULES)) {
      await this.queue.upsertJobScheduler(
        name,
        { ...schedule, tz: schedule.pattern ? 'Europe/Amsterdam' : undefined },
        { name },
      );
    }
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as CarersJob) {
      case 'escalate-overdue-signals':
        return { escalated: await this.followUp.escalateOverdueSignals() };
      case 'remind-rescreening':
        return { reminded: await this.followUp.remindRescreening() };
      case 'request-reconfirmation':
        return this.followUp.requestReconfirmation();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
