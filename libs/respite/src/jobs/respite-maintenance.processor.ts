import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { BookingService } from '../booking.service';

@Processor(QUEUES.respiteMaintenance)
export class RespiteMaintenanceProcessor extends QueueProcessor<'respite-maintenance'> {
  protected readonly handlers: JobHandlers<'respite-maintenance'> = {
    'expire-waitlist-offers': async () => ({ expired: await this.bookings.expireOffers() }),
  };

  constructor(private readonly bookings: BookingService) {
    super();
  }
}
