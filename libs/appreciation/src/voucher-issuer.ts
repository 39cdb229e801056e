import { Injectable } from '@nestjs/common';
import { Account, recipientOf } from '@app/identity';
import { MessageService } from '@app/messaging';
import { EntityManager } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import { CampaignBudgetExhaustedError, CultureTicketsSoldOutError } from './appreciation-errors';
import { APPRECIATION_MESSAGES } from './appreciation-message-kinds';
import { CampaignRepository } from './campaign.repository';
import { Voucher } from './voucher.entity';
import { newVoucherCode } from './voucher-code';
import { VoucherRepository } from './voucher.repository';

/**
 * Pays an approved application: spends the campaign budget by a conditional update (so
 * simultaneous approvals never pass the cap), issues the voucher and queues its mail or
 * post-list entry, all in the caller's transaction.
 */
@Injectable()
export class VoucherIssuer {
  constructor(
    private readonly messages: MessageService,
    private readonly campaigns: CampaignRepository,
    private readonly vouchers: VoucherRepository,
  ) {}

  /** Issues the campaign's amount, or `shareCents` of it when carers of one person split it. */
  async issue(
    manager: EntityManager,
    application: AppreciationApplication,
    carerAccountId: string,
    shareCents: number | null = null,
  ): Promise<Voucher> {
    const ticket = application.choice === 'culture_ticket';
    const award = await this.campaigns.takeAward(manager, application.campaignId, ticket, shareCents);
    if (!award)
      throw ticket && (await this.campaigns.cultureTicketsGone(manager, application.campaignId))
        ? new CultureTicketsSoldOutError()
        : new CampaignBudgetExhaustedError();
    const voucher = await this.vouchers.insert(manager, {
      municipalityId: application.municipalityId,
      campaignId: application.campaignId,
      applicationId: application.id,
      carerId: application.carerId,
      volunteerId: application.volunteerId,
      accountId: carerAccountId,
      kind: application.choice,
      code: newVoucherCode(),
      valueCents: award.amountCents,
      balanceCents: award.amountCents,
      expiresOn: award.vouchersExpireOn,
    });
    const account = await manager.getRepository(Account).findOneByOrFail({ id: carerAccountId });
    await this.messages.queue(manager, {
      recipient: recipientOf(account),
      kind: APPRECIATION_MESSAGES.voucherIssued,
      params: { voucherId: voucher.id },
      dedupeKey: `voucher-issued.${voucher.id}`,
    });
    return voucher;
  }
}
