import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { ParticipationService } from '../participation.service';
import { ResidentSignups } from '../resident-signups';
import { SessionReminders } from '../session-reminders';

@Processor(QUEUES.activitiesMaintenance)
export class ActivitiesProcessor extends QueueProcessor<'activities-maintenance'> {
  protected readonly handlers: JobHandlers<'activities-maintenance'> = {
    'remind-sessions': async () => ({ reminded: await this.reminders.remindUpcoming() }),
    'expire-place-offers': async () => ({ expired: await this.participation.expireOffers() }),
    'forget-residents': async () => this.residents.forgetResidents(),
  };

  constructor(
    private readonly reminders: SessionReminders,
    private readonly participation: ParticipationService,
    private readonly residents: ResidentSignups,
  ) {
    super();
  }
}
