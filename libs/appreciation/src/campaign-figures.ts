import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MunicipalityService } from '@app/identity';
import { DataSource } from 'typeorm';
import { ApplicationStatus } from './application.entity';
import { CampaignService } from './campaign.service';

export interface WijkFigures {
  wijkId: string | null;
  wijk: string | null;
  applications: number;
  approved: number;
  redeemedCents: number;
}

export interface CampaignFigures {
  applications: Record<ApplicationStatus, number>;
  vouchersIssued: number;
  issuedCents: number;
  redeemedCents: number;
  /** Null when the campaign has no cap of that kind. */
  budgetLeftCents: number | null;
  awardsLeft: number | null;
  byWijk: WijkFigures[];
}

/** How a campaign is doing: applications by status, what was issued and spent, budget left, per wijk. */
@Injectable()
export class CampaignFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignService,
    private readonly municipalities: MunicipalityService,
  ) {}

  async figures(campaignId: string): Promise<CampaignFigures> {
    const campaign = await this.campaigns.get(campaignId);
    const [statuses, vouchers, wijken, names] = await Promise.all([
      this.dataSource.query<Array<{ status: ApplicationStatus; n: number }>>(
        `SELECT status, count(*)::int AS n FROM appreciation_application WHERE campaign_id = $1 GROUP BY status`,
        [campaignId],
      ),
      this.dataSource.query<Array<{ issued: number; issued_cents: number; redeemed_cents: number }>>(
        `SELECT count(*)::int AS issued, coalesce(sum(value_cents), 0)::int AS issued_cents, coalesce(sum(value_cents - balance_cents), 0)::int AS redeemed_cents
           FROM voucher WHERE campaign_id = $1`,
        [campaignId],
      ),
      this.dataSource.query<
        Array<{ wijk_id: string | null; applications: number; approved: number; redeemed_cents: number }>
      >(
        `SELECT a.wijk_id, count(*)::int AS applications, count(*) FILTER (WHERE a.status = 'approved')::int AS approved,
                coalesce(sum(v.value_cents - v.balance_cents), 0)::int AS redeemed_cents
           FROM appreciation_application a LEFT JOIN voucher v ON v.application_id = a.id
          WHERE a.campaign_id = $1 GROUP BY a.wijk_id`,
        [campaignId],
      ),
      this.municipalities.listWijken(),
    ]);
    const nameOf = new Map(names.map(({ wijk }) => [wijk.id, wijk.name]));
    const applications: Record<ApplicationStatus, number> = { approved: 0, needs_review: 0, rejected: 0 };
    for (const row of statuses) applications[row.status] = row.n;
    const totals = vouchers[0];
    return {
      applications,
      vouchersIssued: totals.issued,
      issuedCents: totals.issued_cents,
      redeemedCents: totals.redeemed_cents,
      budgetLeftCents: campaign.budgetCents === null ? null : campaign.budgetCents - campaign.spentCents,
      awardsLeft: campaign.budgetCount === null ? null : campaign.budgetCount - campaign.awardedCount,
      byWijk: wijken
        .map((row) => ({
          wijkId: row.wijk_id,
          wijk: row.wijk_id ? (nameOf.get(row.wijk_id) ?? null) : null,
          applications: row.applications,
          approved: row.approved,
          redeemedCents: row.redeemed_cents,
        }))
        .sort((a, b) => (a.wijk ?? '\uffff').localeCompare(b.wijk ?? '\uffff')),
    };
  }
}
