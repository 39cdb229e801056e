import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QueueProcessor, QUEUES } from '@app/messaging';
import { CampaignMailings } from '../campaign-mailings';

@Processor(QUEUES.appreciation)
export class AppreciationProcessor extends QueueProcessor<'appreciation'> {
  protected readonly handlers: JobHandlers<'appreciation'> = {
    'announce-campaign': async ({ campaignId, municipalityId }) => ({
      fanoutIds: await this.mailings.announce(campaignId, municipalityId),
    }),
    'remind-expiring-vouchers': async () => ({ reminded: await this.mailings.remindExpiringVouchers() }),
  };

  constructor(private readonly mailings: CampaignMailings) {
    super();
  }
}
