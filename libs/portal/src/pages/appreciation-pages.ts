import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ApplicationService,
  ApplyDto,
  CampaignService,
  formatVoucherCode,
  VolunteerApplicationService,
  VoucherService,
} from '@app/appreciation';
import { CareRelationshipService, CarerService } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm, FieldErrors } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { euros } from '../money';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { PortalTexts } from '../texts';

function statusText(t: PortalTexts, status: string): string {
  return status === 'approved'
    ? t.applicationApproved
    : status === 'rejected'
      ? t.applicationRejected
      : t.applicationReview;
}

/** Applying for the yearly appreciation, with the reasons of the decision, and the carer's vouchers. */
@Injectable()
export class AppreciationPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly campaigns: CampaignService,
    private readonly applications: ApplicationService,
    private readonly vouchers: VoucherService,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly municipalities: MunicipalityService,
    private readonly volunteerApplications: VolunteerApplicationService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/appreciation', access: 'person', handle: (call) => this.overview(call) },
      { method: 'POST', path: '/appreciation/apply', access: 'carer', handle: (call) => this.apply(call) },
      {
        method: 'POST',
        path: '/appreciation/apply-volunteer',
        access: 'volunteer',
        handle: (call) => this.applyAsVolunteer(call),
      },
    );
  }

  private async overview(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null) {
    const now = Date.now();
    // A volunteer sees the campaigns that thank volunteers; a carer those that thank carers.
    const volunteer = call.actor!.role === 'volunteer';
    const [municipality, campaigns, applications, vouchers] = await Promise.all([
      this.municipalities.current(),
      this.campaigns.list(),
      volunteer ? this.volunteerApplications.mine() : this.applications.mine(),
      this.vouchers.mine(),
    ]);
    const relationships = volunteer
      ? []
      : (await this.relationships.list((await this.carers.mine()).id)).map(({ relationship }) => ({
          value: relationship.id,
          label: relationship.careRecipientName,
        }));
    const applied = new Set(applications.filter((a) => a.status !== 'rejected').map((a) => a.campaignId));
    const open = campaigns
      .filter((c) => (volunteer ? c.audience !== 'carers' : c.audience !== 'volunteers'))
      .filter((c) => c.opensAt.getTime() <= now && now < c.closesAt.getTime() && !applied.has(c.id))
      .map((c) => ({
        id: c.id,
        year: c.year,
        amount: euros(c.amountCents, call.lang),
        closes: dateTimeText(c.closesAt, call.lang, municipality.timezone),
        offersTicket: c.kind === 'voucher_or_culture_ticket',
      }));
    return {
      view: 'pages/appreciation.eta',
      title: volunteer ? call.t.volunteerAppreciation : call.t.appreciationTitle,
      status: Object.keys(errors).length > 0 || problem ? 400 : 200,
      errors,
      data: {
        problem,
        open,
        volunteer,
        relationships,
        applications: applications.map((a) => ({
          year: campaigns.find((c) => c.id === a.campaignId)?.year ?? '',
          status: statusText(call.t, a.status),
          reasons: a.reasons.map((reason) => call.t.rules[reason.rule]?.[reason.outcome] ?? reason.detail),
        })),
        vouchers: vouchers.map((v) => ({
          kind: v.kind === 'culture_ticket' ? call.t.choiceTicket : call.t.choiceVoucher,
          code: formatVoucherCode(v.code),
          balance: euros(v.balanceCents, call.lang),
          validUntil: v.expiresOn,
        })),
      },
    };
  }

  private async applyAsVolunteer(call: PortalCall): Promise<PortalResult> {
    const campaignId = call.form.campaignId ?? '';
    if (!isUUID(campaignId)) return this.overview(call, {}, call.t.somethingWrong);
    try {
      const result = await this.volunteerApplications.apply(
        campaignId,
        call.form.choice === 'culture_ticket' ? 'culture_ticket' : 'voucher',
      );
      return { redirect: '/appreciation', notice: statusText(call.t, result.application.status) };
    } catch (error) {
      return this.overview(call, {}, ruleBroken(error, call.lang));
    }
  }

  private async apply(call: PortalCall): Promise<PortalResult> {
    const campaignId = call.form.campaignId ?? '';
    const checked = await checkForm(
      ApplyDto,
      { careRelationshipId: call.form.careRelationshipId, choice: call.form.choice || undefined },
      call.t,
    );
    if (!checked.ok) return this.overview(call, checked.errors);
    if (!isUUID(campaignId)) return this.overview(call, {}, call.t.somethingWrong);
    try {
      const result = await this.applications.apply(campaignId, checked.value.careRelationshipId, checked.value.choice);
      return { redirect: '/appreciation', notice: statusText(call.t, result.application.status) };
    } catch (error) {
      return this.overview(call, {}, ruleBroken(error, call.lang));
    }
  }
}
