import { MigrationInterface, QueryRunner } from 'typeorm';

export class AppreciationMailingsAndFigures1795400845619 implements MigrationInterface {
  name = 'AppreciationMailingsAndFigures1795400845619';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "appreciation_campaign" ADD "announced_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "appreciation_application" ADD "wijk_id" uuid');
    await queryRunner.query('ALTER TABLE "voucher" ADD "account_id" uuid');
    // Vouchers issued before this column reach their carer's account.
    await queryRunner.query(
      'UPDATE "voucher" v SET "account_id" = c."account_id" FROM "carer" c WHERE c."id" = v."carer_id"',
    );
    await queryRunner.query('ALTER TABLE "voucher" ALTER COLUMN "account_id" SET NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "ix_voucher_expiry" ON "voucher"  ("municipality_id", "expires_on") WHERE balance_cents > 0',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_voucher_expiry"');
    await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "account_id"');
    await queryRunner.query('ALTER TABLE "appreciation_application" DROP COLUMN "wijk_id"');
    await queryRunner.query('ALTER TABLE "appreciation_campaign" DROP COLUMN "announced_at"');
  }
}
