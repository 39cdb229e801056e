import { Injectable } from '@nestjs/common';
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

/** A carer's vouchers, and partners spending them. */
@Injectable()
export class VoucherService {
  constructor(
    private readonly vouchers: VoucherRepository,
    private readonly carers: CarerService,
    private readonly municipalities: MunicipalityService,
    private readonly throttle: CodeGuessThrottle,
    private readonly context: RequestContext,
  ) {}

  async mine(): Promise<Voucher[]> {
    const carer = await this.carers.mine();
    return this.vouchers.ofCarer(carer.id, carer.municipalityId);
  }

  /** Spends part or all of a voucher's balance; never more than there is, however many partners try at once. */
  async redeem(code: string, amountCents: number, ip: string): Promise<Redemption> {
    const partner = this.context.actor();
    const scope = partner.keyScope ?? NO_KEY_LIMITS;
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

const NO_KEY_LIMITS: PartnerKeyScope = { campaignId: null, voucherKinds: null };

function withinScope(voucher: Voucher, scope: PartnerKeyScope): boolean {
  return (
    (scope.campaignId === null || voucher.campaignId === scope.campaignId) &&
    (scope.voucherKinds === null || scope.voucherKinds.includes(voucher.kind))
  );
}
