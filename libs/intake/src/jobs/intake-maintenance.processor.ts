import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { FeedbackService } from '../feedback.service';
import { ReferralService } from '../referral.service';

@Processor(QUEUES.intakeMaintenance)
export class IntakeMaintenanceProcessor extends QueueProcessor<'intake-maintenance'> {
  protected readonly handlers: JobHandlers<'intake-maintenance'> = {
    'purge-unanswered-referrals': () => this.referrals.purgeUnanswered(),
    'ask-feedback': () => this.feedback.askDue(),
  };

  constructor(
    private readonly referrals: ReferralService,
    private readonly feedback: FeedbackService,
  ) {
    super();
  }
}
