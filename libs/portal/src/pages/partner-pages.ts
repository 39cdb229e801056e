import { Injectable, OnModuleInit } from '@nestjs/common';
import { CampaignService } from '@app/appreciation';
import { MunicipalityService, PartnerService } from '@app/identity';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** Admins keep the partners that take vouchers and their keys: a new key is shown once. */
@Injectable()
export class PartnerPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly partners: PartnerService,
    private readonly municipalities: MunicipalityService,
    private readonly campaigns: CampaignService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/partners', access: 'admin', handle: (call) => this.list(call) },
      { method: 'POST', path: '/partners', access: 'admin', handle: (call) => this.create(call) },
      { method: 'POST', path: '/partners/keys', access: 'admin', handle: (call) => this.addKey(call) },
      { method: 'POST', path: '/partners/keys/revoke', access: 'admin', handle: (call) => this.revoke(call) },
    );
  }

  private async list(
    call: PortalCall,
    shown: { name: string; apiKey: string } | null = null,
    problem: string | null = null,
    status = 200,
  ) {
    const [municipality, partners, campaigns] = await Promise.all([
      this.municipalities.current(),
      this.partners.list(),
      this.campaigns.list(),
    ]);
    const yearOf = new Map(campaigns.map((campaign) => [campaign.id, campaign.year]));
    const when = (at: Date | null) => (at ? dateTimeText(at, call.lang, municipality.timezone) : '–');
    const withKeys = await Promise.all(
      partners.map(async (partner) => ({
        id: partner.id,
        name: partner.name,
        keys: (await this.partners.listKeys(partner.id)).map((key) => ({
          id: key.id,
          prefix: key.keyPrefix,
          lastUsed: when(key.lastUsedAt),
          revoked: key.revokedAt !== null,
          limits: [
            key.voucherKinds?.includes('culture_ticket') ? call.t.ticketsOnly : null,
            key.campaignId ? `${call.t.campaign} ${yearOf.get(key.campaignId) ?? ''}` : null,
          ]
            .filter(Boolean)
            .join(', '),
        })),
      })),
    );
    return {
      view: 'pages/partners.eta',
      title: call.t.partnersTitle,
      status,
      data: {
        partners: withKeys,
        shown,
        problem,
        campaigns: [
          { value: '', label: call.t.anyCampaign },
          ...campaigns.map((campaign) => ({ value: campaign.id, label: `${call.t.campaign} ${campaign.year}` })),
        ],
      },
    };
  }

  private async create(call: PortalCall): Promise<PortalResult> {
    const name = (call.form.name ?? '').trim();
    if (name.length < 1 || name.length > 200)
      return { ...(await this.list(call, null, null, 400)), errors: { name: call.t.fieldInvalid.name } };
    const { apiKey } = await this.partners.create(name);
    // The key is shown in this answer only; only its hash is stored.
    return this.list(call, { name, apiKey });
  }

  private async addKey(call: PortalCall): Promise<PortalResult> {
    const partnerId = call.form.partnerId ?? '';
    if (!isUUID(partnerId)) return this.list(call, null, call.t.somethingWrong, 400);
    const voucherKinds = call.form.ticketsOnly === 'yes' ? ['culture_ticket'] : undefined;
    const campaignId = isUUID(call.form.campaignId ?? '') ? call.form.campaignId : undefined;
    try {
      const { apiKey } = await this.partners.addKey(partnerId, { voucherKinds, campaignId });
      const partner = (await this.partners.list()).find((candidate) => candidate.id === partnerId);
      return this.list(call, { name: partner?.name ?? '', apiKey });
    } catch (error) {
      return this.list(call, null, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async revoke(call: PortalCall): Promise<PortalResult> {
    const { partnerId = '', keyId = '' } = call.form;
    if (!isUUID(partnerId) || !isUUID(keyId)) return this.list(call, null, call.t.somethingWrong, 400);
    try {
      await this.partners.revokeKey(partnerId, keyId);
      return { redirect: '/partners', notice: call.t.keyRevoked };
    } catch (error) {
      return this.list(call, null, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
