import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Account, MunicipalityService, recipientOf, today } from '@app/identity';
import { FanoutService, MessageService } from '@app/messaging';
import { DataSource, In } from 'typeorm';
import { APPRECIATION_MESSAGES } from './appreciation-message-kinds';
import { CampaignRepository } from './campaign.repository';
import { VoucherRepository } from './voucher.repository';
import { CampaignAudience } from './campaign.entity';

const ANNOUNCED_GROUPS: Record<CampaignAudience, Array<{ name: 'carers' | 'volunteers'; role: string }>> = {
  carers: [{ name: 'carers', role: 'carer' }],
  volunteers: [{ name: 'volunteers', role: 'volunteer' }],
  both: [
    { name: 'carers', role: 'carer' },
    { name: 'volunteers', role: 'volunteer' },
  ],
};

/** The mail a campaign sends by itself: the opening announcement and voucher expiry reminders. */
@Injectable()
export class CampaignMailings {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fanouts: FanoutService,
    private readonly messages: MessageService,
    private readonly municipalities: MunicipalityService,
    private readonly campaigns: CampaignRepository,
    private readonly vouchers: VoucherRepository,
  ) {}

  /**
   * Tells everyone the campaign thanks (active carers, volunteers, or both) the window is open,
   * once: the conditional update claims the announcement. Each group gets its own fan-out, so
   * the mail can speak to carers and volunteers in their own words.
   */
  async announce(campaignId: string, municipalityId: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.claimAnnouncement(manager, campaignId, municipalityId);
      if (!campaign) return [];
      const groups = ANNOUNCED_GROUPS[campaign.audience];
      const fanoutIds: string[] = [];
      for (const group of groups) {
        const fanout = await this.fanouts.start(
          manager,
          {
            kind: APPRECIATION_MESSAGES.campaignOpen,
            audience: { source: 'accounts', filter: { roles: [group.role] } },
            params: { campaignId, group: group.name },
          },
          { municipalityId },
        );
        fanoutIds.push(fanout.id);
      }
      return fanoutIds;
    });
  }

  /** Reminds carers once of a voucher with balance left that expires within the municipality's notice period. */
  async remindExpiringVouchers(): Promise<number> {
    let reminded = 0;
    for (const municipality of await this.municipalities.all()) {
      const day = today(municipality.timezone);
      const expiring = await this.vouchers.expiringWithin(
        municipality.id,
        day,
        municipality.settings.voucherExpiryNoticeDays,
      );
      if (expiring.length === 0) continue;
      await this.dataSource.transaction(async (manager) => {
        const accounts = new Map(
          (await manager.getRepository(Account).findBy({ id: In(expiring.map((voucher) => voucher.accountId)) })).map(
            (account) => [account.id, account],
          ),
        );
        for (const voucher of expiring) {
          const account = accounts.get(voucher.accountId);
          if (!account) continue;
          const queued = await this.messages.queue(manager, {
            recipient: recipientOf(account),
            kind: APPRECIATION_MESSAGES.voucherExpiring,
            params: { voucherId: voucher.id },
            dedupeKey: `voucher-expiring.${voucher.id}`,
          });
          if (queued) reminded++;
        }
      });
    }
    return reminded;
  }
}
