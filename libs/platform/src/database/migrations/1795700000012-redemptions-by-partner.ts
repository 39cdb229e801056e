import { MigrationInterface, QueryRunner } from 'typeorm';

/** A partner's till lists its own redemptions of a day. */
export class RedemptionsByPartner1795700000012 implements MigrationInterface {
  name = 'RedemptionsByPartner1795700000012';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_voucher_redemption_partner" ON "voucher_redemption" ("partner_id", "created_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_voucher_redemption_partner"');
  }
}
