import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { localDateSql } from '@app/identity';
import { markInStatement, PartnerKeyScope, preparedQuery } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Voucher } from './voucher.entity';

export interface Spending {
  code: string;
  municipalityId: string;
  partnerId: string;
  amountCents: number;
  /** The limits of the partner's key; a voucher outside them is not spent. */
  scope: PartnerKeyScope;
}

/** A voucher with balance left that expires soon. */
export interface ExpiringVoucherRow {
  id: string;
  accountId: string;
}

/** The statements on vouchers and their redemptions; VoucherService and VoucherIssuer keep the rules. */
@Injectable()
export class VoucherRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofCarer(carerId: string, municipalityId: string): Promise<Voucher[]> {
    return this.dataSource
      .getRepository(Voucher)
      .find({ where: { carerId, municipalityId }, order: { createdAt: 'DESC' } });
  }

  ofAccount(accountId: string, municipalityId: string): Promise<Voucher[]> {
    return this.dataSource
      .getRepository(Voucher)
      .find({ where: { accountId, municipalityId }, order: { createdAt: 'DESC' } });
  }

  byCode(code: string, municipalityId: string): Promise<Voucher | null> {
    return this.dataSource.getRepository(Voucher).findOneBy({ code, municipalityId });
  }

  /**
   * Takes the amount from an unexpired voucher with enough balance and records the
   * redemption, in one statement: the balance check is the update's own condition, so
   * simultaneous redemptions can never take more than there is. Null when nothing was taken.
   * The municipality's local date decides expiry. The same statement marks the request's
   * Idempotency-Key when it spent, so the key and the redemption commit together (a repeat
   * never spends twice) without a transaction's extra round trips.
   */
  async spend(spending: Spending): Promise<{ redemptionId: string; remainingCents: number } | null> {
    const mark = markInStatement('SELECT 1 FROM redeemed');
    const [spent] = await preparedQuery<{ id: string; remaining_cents: number }>(
      this.dataSource,
      `WITH spent AS (
         UPDATE voucher SET balance_cents = balance_cents - $3, updated_at = now()
          WHERE code = $1 AND municipality_id = $2 AND balance_cents >= $3
            AND ($5::uuid IS NULL OR campaign_id = $5) AND ($6::text[] IS NULL OR kind = ANY($6))
            AND expires_on >= (SELECT ${localDateSql('now()', 'timezone')} FROM municipality WHERE id = $2)
          RETURNING id, balance_cents),
       redeemed AS (
         INSERT INTO voucher_redemption (municipality_id, voucher_id, partner_id, amount_cents, remaining_cents)
         SELECT $2, id, $4, $3, balance_cents FROM spent RETURNING id, remaining_cents),
       ${mark.sql(7)}
       SELECT id, remaining_cents FROM redeemed`,
      [
        spending.code,
        spending.municipalityId,
        spending.amountCents,
        spending.partnerId,
        spending.scope.campaignId,
        spending.scope.voucherKinds,
        mark.parameter,
      ],
    );
    if (!spent) return null;
    mark.marked();
    return { redemptionId: spent.id, remainingCents: spent.remaining_cents };
  }

  insert(manager: EntityManager, voucher: Partial<Voucher>): Promise<Voucher> {
    const repository = manager.getRepository(Voucher);
    return repository.save(repository.create(voucher));
  }

  /** Vouchers with balance left expiring between the day and `noticeDays` after it. */
  expiringWithin(municipalityId: string, day: string, noticeDays: number): Promise<ExpiringVoucherRow[]> {
    return this.dataSource.query<ExpiringVoucherRow[]>(
      `SELECT v.id, v.account_id AS "accountId"
         FROM voucher v
        WHERE v.municipality_id = $1 AND v.balance_cents > 0 AND v.expires_on BETWEEN $2::date AND $2::date + $3::int`,
      [municipalityId, day, noticeDays],
    );
  }
}
