import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { VolunteerExpiry } from '../volunteer-expiry';

@Processor(QUEUES.volunteersMaintenance)
export class VolunteersMaintenanceProcessor extends QueueProcessor<'volunteers-maintenance'> {
  protected readonly handlers: JobHandlers<'volunteers-maintenance'> = {
    'remind-expiring': () => this.expiry.remindExpiring(),
  };

  constructor(private readonly expiry: VolunteerExpiry) {
    super();
  }
}
