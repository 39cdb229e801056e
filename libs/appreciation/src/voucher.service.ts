import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerService } from '@app/carers';
import { MunicipalityService, today } from '@app/identity';
import { RequestContext } from '@app/platform';
import { DataSource } from 'typeorm';
import { VoucherBalanceInsufficientError, VoucherExpiredError, VoucherNotFoundError } from './appreciation-errors';
import { CodeGuessThrottle } from './code-guess-throttle';
import { Voucher, VoucherRedemption } from './voucher.entity';
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
    return this.dataSource.getRepository(Voucher).find({ where: { carerId: carer.id, municipalityId: carer.municipalityId }, order: { createdAt: 'DESC' } });
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
    const municipality = await this.municipalities.current();
    const localToday = today(municipality.timezone);
    const redemption = await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE voucher SET balance_cents = balance_cents - $3, updated_at = now()
          WHERE code = $1 AND municipality_id = $2 AND expires_on >= $4 AND balance_cents >= $3
          RETURNING id, balance_cents`,
        [normalised, partner.municipalityId, amountCents, localToday],
      )) as [Array<{ id: string; balance_cents: number }>, number];
      const spent = rows[0];
      if (!spent) return null;
      const repository = manager.getRepository(VoucherRedemption);
      const saved = await repository.save(
        repository.create({ municipalityId: partner.municipalityId, voucherId: spent.id, partnerId: partner.id, amountCents, remainingCents: spent.balance_cents }),
      );
      return { redemptionId: saved.id, amountCents, remainingCents: spent.balance_cents };
    });
    if (redemption) return redemption;
    const voucher = await this.dataSource.getRepository(Voucher).findOneBy({ code: normalised, municipalityId: partner.municipalityId });
    if (!voucher) return this.miss(partner.id, ip);
    if (voucher.expiresOn < localToday) throw new VoucherExpiredError();
    throw new VoucherBalanceInsufficientError(voucher.balanceCents);
  }

  private async miss(partnerId: string, ip: string): Promise<never> {
    await this.throttle.recordMiss(partnerId, ip);
    throw new VoucherNotFoundError();
  }
}
