import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignAudience } from './campaign.entity';

/** What an award took from the campaign. */
export interface AwardTaken {
  amountCents: number;
  vouchersExpireOn: string;
}

/** The conditional statements on a campaign's counters; the services keep the rules. */
@Injectable()
export class CampaignRepository {
  /**
   * Takes one award (and a culture ticket when asked) from the campaign's budget by a
   * conditional update, so simultaneous approvals never pass a cap. Null when a cap is reached.
   */
  async takeAward(
    manager: EntityManager,
    campaignId: string,
    cultureTicket: boolean,
    amountCents: number | null = null,
  ): Promise<AwardTaken | null> {
    // $3: a share of the amount (carers of one person splitting it); the campaign's amount when null.
    const [rows] = await manager.query<[AwardTaken[], number]>(
      `UPDATE appreciation_campaign
          SET spent_cents = spent_cents + coalesce($3::int, amount_cents), awarded_count = awarded_count + 1,
              culture_tickets_issued = culture_tickets_issued + $2::int, updated_at = now()
        WHERE id = $1
          AND (budget_cents IS NULL OR spent_cents + coalesce($3::int, amount_cents) <= budget_cents)
          AND (budget_count IS NULL OR awarded_count < budget_count)
          AND ($2::int = 0 OR culture_tickets_issued < coalesce(culture_ticket_stock, 0))
        RETURNING coalesce($3::int, amount_cents) AS "amountCents", vouchers_expire_on::text AS "vouchersExpireOn"`,
      [campaignId, cultureTicket ? 1 : 0, amountCents],
    );
    return rows[0] ?? null;
  }

  /** Gives part of an award back to the budget (a voucher made smaller before its first use). */
  async giveBack(manager: EntityManager, campaignId: string, cents: number): Promise<void> {
    await manager.query(
      'UPDATE appreciation_campaign SET spent_cents = spent_cents - $2, updated_at = now() WHERE id = $1',
      [campaignId, cents],
    );
  }

  async cultureTicketsGone(manager: EntityManager, campaignId: string): Promise<boolean> {
    const [row] = await manager.query<Array<{ gone: boolean }>>(
      'SELECT culture_tickets_issued >= coalesce(culture_ticket_stock, 0) AS gone FROM appreciation_campaign WHERE id = $1',
      [campaignId],
    );
    return row?.gone === true;
  }

  /** Marks the campaign announced, once, while its window is open; null when it was already (or is not open). */
  async claimAnnouncement(
    manager: EntityManager,
    campaignId: string,
    municipalityId: string,
  ): Promise<{ audience: CampaignAudience } | null> {
    const [claimed] = await manager.query<[Array<{ audience: CampaignAudience }>, number]>(
      `UPDATE appreciation_campaign SET announced_at = now(), updated_at = now()
        WHERE id = $1 AND municipality_id = $2 AND announced_at IS NULL AND opens_at <= now() AND closes_at > now()
        RETURNING audience`,
      [campaignId, municipalityId],
    );
    return claimed[0] ?? null;
  }
}
