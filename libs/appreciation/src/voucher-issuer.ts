import { Injectable } from '@nestjs/common';
import { Account } from '@app/identity';
import { MessageService } from '@app/messaging';
import { EntityManager } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import { CampaignBudgetExhaustedError, CultureTicketsSoldOutError } from './appreciation-errors';
import { APPRECIATION_MESSAGES } from './appreciation-message-kinds';
import { Voucher } from './voucher.entity';
import { newVoucherCode } from './voucher-code';

/**
 * Pays an approved application: spends the campaign budget by a conditional update (so
 * simultaneous approvals never pass the cap), issues the voucher and queues its mail or
 * post-list entry, all in the caller's transaction.
 */
@Injectable()
export class VoucherIssuer {
  constructor(private readonly messages: MessageService) {}

  async issue(manager: EntityManager, application: AppreciationApplication, carerAccountId: string): Promise<Voucher> {
    const ticket = application.choice === 'culture_ticket';
    const spent = await manager.query<[Array<{ amount_cents: number; vouchers_expire_on: string }>, number]>(
      `UPDATE appreciation_campaign
          SET spent_cents = spent_cents + amount_cents, awarded_count = awarded_count + 1,
              culture_tickets_issued = culture_tickets_issued + $2::int, updated_at = now()
        WHERE id = $1
          AND (budget_cents IS NULL OR spent_cents + amount_cents <= budget_cents)
          AND (budget_count IS NULL OR awarded_count < budget_count)
          AND ($2::int = 0 OR culture_tickets_issued < coalesce(culture_ticket_stock, 0))
        RETURNING amount_cents, vouchers_expire_on::text AS vouchers_expire_on`,
      [application.campaignId, ticket ? 1 : 0],
    );
    const campaign = spent[0][0];
    if (!campaign)
      throw ticket && (await this.ticketsGone(manager, application.campaignId))
        ? new CultureTicketsSoldOutError()
        : new CampaignBudgetExhaustedError();
    const repository = manager.getRepository(Voucher);
    const voucher = await repository.save(
      repository.create({
        municipalityId: application.municipalityId,
        campaignId: application.campaignId,
        applicationId: application.id,
        carerId: application.carerId,
        accountId: carerAccountId,
        kind: application.choice,
        code: newVoucherCode(),
        valueCents: campaign.amount_cents,
        balanceCents: campaign.amount_cents,
        expiresOn: campaign.vouchers_expire_on,
      }),
    );
    const account = await manager.getRepository(Account).findOneByOrFail({ id: carerAccountId });
    await this.messages.queue(manager, {
      recipient: {
        accountId: account.id,
        municipalityId: account.municipalityId,
        email: account.email,
        language: account.language,
        channel: account.email ? account.contactChannel : 'post',
      },
      kind: APPRECIATION_MESSAGES.voucherIssued,
      params: { voucherId: voucher.id },
      dedupeKey: `voucher-issued.${voucher.id}`,
    });
    return voucher;
  }

  private async ticketsGone(manager: EntityManager, campaignId: string): Promise<boolean> {
    const [row] = await manager.query<Array<{ gone: boolean }>>(
      'SELECT culture_tickets_issued >= coalesce(culture_ticket_stock, 0) AS gone FROM appreciation_campaign WHERE id = $1',
      [campaignId],
    );
    return row?.gone === true;
  }
}
