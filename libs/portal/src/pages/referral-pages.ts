import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService, REFERRAL_SOURCES } from '@app/identity';
import { FormReferralDto, ReferralService } from '@app/intake';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm, FieldErrors } from '../form';
import { PortalAudit } from '../portal-audit';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';

/**
 * Referrals: the public form for partners in care (the carer is asked by mail before anything
 * reaches the steunpunt), and the staff page of a referral the carer agreed to.
 */
@Injectable()
export class ReferralPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly referrals: ReferralService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/refer', access: 'public', handle: (call) => this.form(call) },
      { method: 'POST', path: '/refer', access: 'public', handle: (call) => this.refer(call) },
      { method: 'GET', path: '/referrals/:referralId', access: 'staff', handle: (call) => this.referral(call) },
    );
  }

  private async form(call: PortalCall, errors: FieldErrors = {}): Promise<PortalResult> {
    const municipalities = (await this.municipalities.all()).map((m) => ({ value: m.code, label: m.name }));
    const submitted = Object.keys(errors).length > 0;
    return {
      view: 'pages/refer.eta',
      title: call.t.referTitle,
      status: submitted ? 400 : 200,
      errors,
      data: {
        values: submitted ? call.form : {},
        municipalities: [{ value: '', label: call.t.chooseMunicipality }, ...municipalities],
        sources: REFERRAL_SOURCES.map((source) => ({ value: source, label: call.t.referralSources[source] })),
      },
    };
  }

  private async refer(call: PortalCall): Promise<PortalResult> {
    const { _csrf, ...fields } = call.form;
    const checked = await checkForm(
      FormReferralDto,
      { ...fields, reason: fields.reason?.trim() || undefined, phone: fields.phone?.trim() || undefined },
      call.t,
    );
    if (!checked.ok) return this.form(call, checked.errors);
    await this.referrals.referByForm(checked.value, call.ip);
    return {
      view: 'pages/message.eta',
      title: call.t.referTitle,
      data: { heading: call.t.referTitle, text: call.t.referSent },
    };
  }

  private async referral(call: PortalCall): Promise<PortalResult> {
    const referralId = call.params.referralId ?? '';
    if (!isUUID(referralId)) return notFoundPage(call);
    const { referral, reason } = await this.referrals.get(referralId);
    await this.audit.read('GET /referrals/:referralId', 'referral', [referral.id]);
    const { timezone } = await this.municipalities.current();
    return {
      view: 'pages/referral.eta',
      title: call.t.referralTitle,
      data: {
        referral: {
          name: `${referral.firstName} ${referral.lastName}`,
          by: `${referral.referrerName} (${call.t.referralSources[referral.source] ?? referral.source})`,
          at: dateTimeText(referral.createdAt, call.lang, timezone),
          consent: referral.consentHow === 'link' ? call.t.consentByLink : call.t.consentByReferrer,
          contact: [referral.email, referral.phone].filter(Boolean).join(', ') || '–',
          postcode: referral.postcode,
          reason,
          carerId: referral.carerId,
        },
      },
    };
  }
}
