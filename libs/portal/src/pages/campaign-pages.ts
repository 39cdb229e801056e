import { Injectable, OnModuleInit } from '@nestjs/common';
import { ApplicationService, CampaignFiguresService, CampaignService, CreateCampaignDto } from '@app/appreciation';
import { MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import { suppress, tableOf } from '@app/reports';
import { isUUID } from 'class-validator';
import { barChart } from '../bar-chart';
import { localToday, startOfLocalDay } from '../dates';
import { checkForm, typedNumber } from '../form';
import { PortalAudit } from '../portal-audit';
import { PortalCall, PortalResult } from '../portal-route';
import { euros } from '../money';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** The appreciation campaign for the steunpunt: the review queue with each rule's reason, and the figures per wijk. */
@Injectable()
export class CampaignPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly campaigns: CampaignService,
    private readonly applications: ApplicationService,
    private readonly figures: CampaignFiguresService,
    private readonly audit: PortalAudit,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/campaign', access: 'staff', handle: (call) => this.show(call) },
      { method: 'POST', path: '/campaign/review', access: 'staff', handle: (call) => this.review(call) },
      { method: 'POST', path: '/campaign', access: 'admin', handle: (call) => this.create(call) },
    );
  }

  /**
   * This year's campaign, opened by an admin: the amount, the closing day, the rules and
   * optionally a budget and a culture ticket to choose instead, each in the reader's words;
   * the window opens at once.
   */
  private async create(call: PortalCall): Promise<PortalResult> {
    const { timezone } = await this.municipalities.current();
    const closes = startOfLocalDay(call.form.closesOn ?? '', timezone, 1);
    const euro = (value: string | undefined) => {
      const typed = typedNumber(value);
      return typed === undefined ? undefined : Math.round(typed * 100);
    };
    const ticketName = (call.form.cultureTicketName ?? '').trim();
    const ticketStock = typedNumber(call.form.cultureTicketStock);
    if (Boolean(ticketName) !== (ticketStock !== undefined))
      return this.show(call, call.t.cultureTicketIncomplete, 400);
    const checked = await checkForm(
      CreateCampaignDto,
      {
        year: Number(localToday(timezone).slice(0, 4)),
        // A culture ticket named with its stock makes the campaign a choice between the two.
        kind: ticketName || ticketStock !== undefined ? 'voucher_or_culture_ticket' : 'voucher',
        sharedCareRule: call.form.sharedCareRule || undefined,
        cultureTicketName: ticketName || undefined,
        cultureTicketStock: ticketStock,
        amountCents: euro(call.form.amount),
        opensAt: new Date().toISOString(),
        closesAt: closes?.toISOString(),
        rules: {
          minHoursPerWeek: Number(call.form.minHoursPerWeek),
          minMonths: Number(call.form.minMonths),
          residency: call.form.residency,
        },
        budgetCents: euro(call.form.budget),
      },
      call.t,
    );
    if (!checked.ok) return this.show(call, call.t.campaignInvalid, 400);
    try {
      await this.campaigns.create(checked.value);
      return { redirect: '/campaign', notice: call.t.campaignOpened };
    } catch (error) {
      return this.show(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
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
    // The monitor's own rule, secondary suppression included: no hidden count can be worked back.
    const approved = figures ? suppress(tableOf(figures.byWijk.map((row) => [row.approved]))).cells : [];
    return {
      view: 'pages/campaign.eta',
      title: call.t.campaignTitle,
      status,
      data: {
        problem,
        isAdmin: call.actor?.role === 'admin',
        sharedCareRules: [
          { value: 'each_full', label: call.t.sharedCareEachFull },
          { value: 'split_equally', label: call.t.sharedCareSplit },
          { value: 'first_only', label: call.t.sharedCareFirstOnly },
        ],
        residencies: [
          { value: 'either', label: call.t.residencyEither },
          { value: 'carer', label: call.t.residencyCarer },
          { value: 'care_recipient', label: call.t.residencyRecipient },
        ],
        campaign: latest
          ? {
              year: latest.year,
              amount: euros(latest.amountCents, call.lang),
              budgetLeft:
                figures && figures.budgetLeftCents !== null ? euros(figures.budgetLeftCents, call.lang) : null,
              issued: figures?.vouchersIssued ?? 0,
              ticket: latest.cultureTicketName
                ? `${latest.cultureTicketName}: ${latest.cultureTicketsIssued} / ${latest.cultureTicketStock}`
                : null,
              redeemed: euros(figures?.redeemedCents ?? 0, call.lang),
            }
          : null,
        chart: figures
          ? barChart(
              call.t.approvedPerWijk,
              figures.byWijk.map((row, index) => ({ label: row.wijk ?? call.t.noWijk, value: approved[index][0] })),
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
