import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { ParticipationService } from '../participation.service';
import { SessionReminders } from '../session-reminders';

@Processor(QUEUES.activitiesMaintenance)
export class ActivitiesProcessor extends QueueProcessor<'activities-maintenance'> {
  protected readonly handlers: JobHandlers<'activities-maintenance'> = {
    'remind-sessions': async () => ({ reminded: await this.reminders.remindUpcoming() }),
    'expire-place-offers': async () => ({ expired: await this.participation.expireOffers() }),
  };

  constructor(
    private readonly reminders: SessionReminders,
    private readonly participation: ParticipationService,
  ) {
    super();
  }
}
