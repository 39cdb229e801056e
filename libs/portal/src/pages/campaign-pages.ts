import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationService, CampaignFiguresService, CampaignService } from '@app/appreciation';
import { DomainError } from '@app/platform';
import { SUPPRESSED, SUPPRESS_BELOW } from '@app/reports';
import { isUUID } from 'class-validator';
import { barChart } from '../bar-chart';
import { PortalAudit } from '../portal-audit';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

function euros(cents: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/** The appreciation campaign for the steunpunt: the review queue with each rule's reason, and the figures per wijk. */
@Injectable()
export class CampaignPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly campaigns: CampaignService,
    private readonly applications: ApplicationService,
    private readonly figures: CampaignFiguresService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/campaign', access: 'staff', handle: (call) => this.show(call) },
      { method: 'POST', path: '/campaign/review', access: 'staff', handle: (call) => this.review(call) },
    );
  }

  private async show(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const [campaigns, queue] = await Promise.all([this.campaigns.list(), this.applications.awaitingReview()]);
    await this.audit.read(
      'GET /campaign',
      'appreciation_application',
      queue.map((application) => application.id),
    );
    const latest = [...campaigns].sort((a, b) => b.year - a.year)[0];
    const figures = latest ? await this.figures.figures(latest.id) : null;
    const shown = (count: number) => (count > 0 && count < SUPPRESS_BELOW ? SUPPRESSED : count);
    return {
      view: 'pages/campaign.eta',
      title: call.t.campaignTitle,
      status,
      data: {
        problem,
        campaign: latest
          ? {
              year: latest.year,
              amount: euros(latest.amountCents, call.lang),
              budgetLeft:
                figures && figures.budgetLeftCents !== null ? euros(figures.budgetLeftCents, call.lang) : null,
              issued: figures?.vouchersIssued ?? 0,
              redeemed: euros(figures?.redeemedCents ?? 0, call.lang),
            }
          : null,
        chart: figures
          ? barChart(
              call.t.approvedPerWijk,
              figures.byWijk.map((row) => ({ label: row.wijk ?? call.t.noWijk, value: shown(row.approved) })),
            )
          : null,
        queue: queue.map((application) => ({
          id: application.id,
          reasons: application.reasons.map((reason) => call.t.rules[reason.rule]?.[reason.outcome] ?? reason.detail),
        })),
      },
    };
  }

  private async review(call: PortalCall): Promise<PortalResult> {
    const applicationId = call.form.applicationId ?? '';
    const decision = call.form.decision === 'approve' ? 'approve' : 'reject';
    const note = (call.form.note ?? '').trim().slice(0, 1000);
    if (!isUUID(applicationId)) return this.show(call, call.t.somethingWrong, 400);
    if (!note) return this.show(call, call.t.reviewNoteNeeded, 400);
    try {
      await this.audit.change('POST /campaign/review', 'appreciation_application', [applicationId], () =>
        this.applications.review(applicationId, decision, note),
      );
      return { redirect: '/campaign', notice: call.t.reviewed };
    } catch (error) {
      return this.show(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
