import { CampaignClosedError } from './appreciation-errors';
import { AppreciationCampaign } from './campaign.entity';

/** Applications are taken only while the campaign's window is open. */
export function assertCampaignOpen(campaign: AppreciationCampaign): void {
  const now = Date.now();
  if (now < campaign.opensAt.getTime() || now >= campaign.closesAt.getTime()) throw new CampaignClosedError();
}
