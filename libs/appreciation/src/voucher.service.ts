import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerService } from '@app/carers';
import { localDateSql, MunicipalityService, today } from '@app/identity';
import { RequestContext } from '@app/platform';
import { DataSource } from 'typeorm';
import { VoucherBalanceInsufficientError, VoucherExpiredError, VoucherNotFoundError } from './appreciation-errors';
import { CodeGuessThrottle } from './code-guess-throttle';
import { Voucher } from './voucher.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly municipalities: MunicipalityService,
    private readonly throttle: CodeGuessThrottle,
    private readonly context: RequestContext,
  ) {}

  async mine(): Promise<Voucher[]> {
    const carer = await this.carers.mine();
    return this.dataSource
      .getRepository(Voucher)
      .find({ where: { carerId: carer.id, municipalityId: carer.municipalityId }, order: { createdAt: 'DESC' } });
  }

  /**
   * Spends part or all of a voucher's balance. The balance check is the update's own
   * condition, so simultaneous redemptions can never take more than there is.
   */
  async redeem(code: string, amountCents: number, ip: string): Promise<Redemption> {
    const partner = this.context.actor();
    await this.throttle.assertAllowed(partner.id, ip);
    const normalised = normaliseVoucherCode(code);
    if (!normalised) return this.miss(partner.id, ip);
    // One statement: the balance check is the update's own condition and the record is
    // written with it, so it is atomic without a transaction of several round trips. The
    // municipality's local date decides expiry.
    const [spent] = await this.dataSource.query<Array<{ id: string; remaining_cents: number }>>(
      `WITH spent AS (
         UPDATE voucher SET balance_cents = balance_cents - $3, updated_at = now()
          WHERE code = $1 AND municipality_id = $2 AND balance_cents >= $3
            AND expires_on >= (SELECT ${localDateSql('now()', 'timezone')} FROM municipality WHERE id = $2)
          RETURNING id, balance_cents)
       INSERT INTO voucher_redemption (municipality_id, voucher_id, partner_id, amount_cents, remaining_cents)
       SELECT $2, id, $4, $3, balance_cents FROM spent RETURNING id, remaining_cents`,
      [normalised, partner.municipalityId, amountCents, partner.id],
    );
    if (spent) return { redemptionId: spent.id, amountCents, remainingCents: spent.remaining_cents };
    const voucher = await this.dataSource
      .getRepository(Voucher)
      .findOneBy({ code: normalised, municipalityId: partner.municipalityId });
    if (!voucher) return this.miss(partner.id, ip);
    const municipality = await this.municipalities.current();
    if (voucher.expiresOn < today(municipality.timezone)) throw new VoucherExpiredError();
    throw new VoucherBalanceInsufficientError(voucher.balanceCents);
  }

  private async miss(partnerId: string, ip: string): Promise<never> {
    await this.throttle.recordMiss(partnerId, ip);
    throw new VoucherNotFoundError();
  }
}
