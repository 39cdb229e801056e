import { MigrationInterface, QueryRunner } from 'typeorm';

/** A partner key may be limited to one campaign's vouchers or to some voucher kinds. */
export class PartnerKeyScope1795700000009 implements MigrationInterface {
  name = 'PartnerKeyScope1795700000009';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "partner_key" ADD "campaign_id" uuid');
    await queryRunner.query('ALTER TABLE "partner_key" ADD "voucher_kinds" text array');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "partner_key" DROP COLUMN "voucher_kinds"');
    await queryRunner.query('ALTER TABLE "partner_key" DROP COLUMN "campaign_id"');
  }
}
