import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CarerService } from '@app/carers';
import { MunicipalityService, today } from '@app/identity';
import { PartnerKeyScope, RequestContext } from '@app/platform';
import {
  VoucherBalanceInsufficientError,
  VoucherExpiredError,
  VoucherNotFoundError,
  VoucherOutsideKeyScopeError,
} from './appreciation-errors';
import { CodeGuessThrottle } from './code-guess-throttle';
import { Voucher } from './voucher.entity';
import { VoucherRepository } from './voucher.repository';
import { normaliseVoucherCode } from './voucher-code';

export interface Redemption {
  redemptionId: string;
  amountCents: number;
  remainingCents: number;
}

export interface PartnerDay {
  day: string;
  totalCents: number;
  /** Newest first; the code's last four characters only, enough to find a receipt. */
  items: Array<Redemption & { at: Date; codeEnd: string }>;
}

/** A carer's vouchers, and partners spending them. */
@Injectable()
export class VoucherService {
  constructor(
    private readonly vouchers: VoucherRepository,
    private readonly carers: CarerService,
    private readonly municipalities: MunicipalityService,
    private readonly throttle: CodeGuessThrottle,
    private readonly context: RequestContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** A carer's vouchers; a volunteer's, where a campaign thanked volunteers. */
  async mine(): Promise<Voucher[]> {
    const actor = this.context.actor();
    if (actor.role === 'volunteer') return this.vouchers.ofAccount(actor.id, actor.municipalityId);
    const carer = await this.carers.mine();
    return this.vouchers.ofCarer(carer.id, carer.municipalityId);
  }

  /** What the signed-in partner spent on one local day (today when none is given), for the till's reconciliation. */
  async partnerDay(day?: string): Promise<PartnerDay> {
    const partner = this.context.actor();
    const { timezone } = await this.municipalities.current();
    const chosen = day ?? today(timezone);
    const rows = await this.dataSource.query<
      Array<{ id: string; at: Date; amount_cents: number; remaining_cents: number; code_end: string }>
    >(
      `SELECT r.id, r.created_at AS at, r.amount_cents, r.remaining_cents, right(v.code, 4) AS code_end
         FROM voucher_redemption r JOIN voucher v ON v.id = r.voucher_id
        WHERE r.partner_id = $1 AND r.municipality_id = $2
          AND r.created_at >= ($3::date)::timestamp AT TIME ZONE $4
          AND r.created_at < ($3::date + 1)::timestamp AT TIME ZONE $4
        ORDER BY r.created_at DESC
        LIMIT 500`,
      [partner.id, partner.municipalityId, chosen, timezone],
    );
    const items = rows.map((row) => ({
      redemptionId: row.id,
      at: row.at,
      amountCents: row.amount_cents,
      remainingCents: row.remaining_cents,
      codeEnd: row.code_end,
    }));
    return { day: chosen, totalCents: items.reduce((sum, item) => sum + item.amountCents, 0), items };
  }

  /** Spends part or all of a voucher's balance; never more than there is, however many partners try at once. */
  async redeem(code: string, amountCents: number, ip: string): Promise<Redemption> {
    const partner = this.context.actor();
    const scope = partner.keyScope ?? NO_KEY_LIMITS;
    // A referrer's key (a huisarts, a wijkteam) refers carers and spends nothing.
    if (scope.partnerKind === 'referrer') throw new VoucherOutsideKeyScopeError();
    await this.throttle.assertAllowed(partner.id, ip);
    const normalised = normaliseVoucherCode(code);
    if (!normalised) return this.miss(partner.id, ip);
    const spent = await this.vouchers.spend({
      code: normalised,
      municipalityId: partner.municipalityId,
      partnerId: partner.id,
      amountCents,
      scope,
    });
    if (spent) return { ...spent, amountCents };
    const voucher = await this.vouchers.byCode(normalised, partner.municipalityId);
    if (!voucher) return this.miss(partner.id, ip);
    if (!withinScope(voucher, scope)) throw new VoucherOutsideKeyScopeError();
    const municipality = await this.municipalities.current();
    if (voucher.expiresOn < today(municipality.timezone)) throw new VoucherExpiredError();
    throw new VoucherBalanceInsufficientError(voucher.balanceCents);
  }

  private async miss(partnerId: string, ip: string): Promise<never> {
    await this.throttle.miss(partnerId, ip);
    throw new VoucherNotFoundError();
  }
}

const NO_KEY_LIMITS: PartnerKeyScope = { campaignId: null, voucherKinds: null, partnerKind: 'merchant' };

function withinScope(voucher: Voucher, scope: PartnerKeyScope): boolean {
  return (
    (scope.campaignId === null || voucher.campaignId === scope.campaignId) &&
    (scope.voucherKinds === null || scope.voucherKinds.includes(voucher.kind))
  );
}
