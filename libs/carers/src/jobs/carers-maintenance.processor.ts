import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { CarerFollowUp } from '../carer-follow-up';

@Processor(QUEUES.carersMaintenance)
export class CarersMaintenanceProcessor extends QueueProcessor<'carers-maintenance'> {
  protected readonly handlers: JobHandlers<'carers-maintenance'> = {
    'escalate-overdue-signals': async () => ({ escalated: await this.followUp.escalateOverdueSignals() }),
    'remind-rescreening': async () => ({ reminded: await this.followUp.remindRescreening() }),
    'request-reconfirmation': () => this.followUp.requestReconfirmation(),
  };

  constructor(private readonly followUp: CarerFollowUp) {
    super();
  }
}
