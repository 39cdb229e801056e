import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobPayload, QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { CampaignMailings } from '../campaign-mailings';

type AppreciationJob = JobName<'appreciation'>;
const REMIND_EXPIRING: AppreciationJob = 'remind-expiring-vouchers';

@Processor(QUEUES.appreciation)
export class AppreciationProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.appreciation) private readonly queue: Queue,
    private readonly mailings: CampaignMailings,
  ) {
    super();
  }

  /** Registered at every start; the scheduler id makes it idempotent. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REMIND_EXPIRING,
      { pattern: '0 9 * * *', tz: 'Europe/Amsterdam' },
      { name: REMIND_EXPIRING },
    );
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name as AppreciationJob) {
      case 'announce-campaign': {
        const { campaignId, municipalityId } = job.data as JobPayload<'appreciation', 'announce-campaign'>;
        return { fanoutId: await this.mailings.announce(campaignId, municipalityId) };
      }
      case 'remind-expiring-vouchers':
        return { reminded: await this.mailings.remindExpiringVouchers() };
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
