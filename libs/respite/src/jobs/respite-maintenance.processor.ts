import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES } from '@app/messaging';
import { Job, Queue } from 'bullmq';
import { BookingService } from '../booking.service';

const EXPIRE_OFFERS = 'expire-waitlist-offers';

@Processor(QUEUES.respiteMaintenance)
export class RespiteMaintenanceProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QUEUES.respiteMaintenance) private readonly queue: Queue,
    private readonly bookings: BookingService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(EXPIRE_OFFERS, { every: 60_000 }, { name: EXPIRE_OFFERS });
  }

  async process(job: Job): Promise<{ expired: number }> {
    if (job.name !== EXPIRE_OFFERS) throw new Error(`Unknown job ${job.name}`);
    return { expired: await this.bookings.expireOffers() };
  }
}
