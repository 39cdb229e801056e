import { MigrationInterface, QueryRunner } from 'typeorm';

/** Campaigns can thank volunteers too: their applications and vouchers, and a VOG's cost paid back. */
export class VolunteerAppreciation1795700000020 implements MigrationInterface {
  name = 'VolunteerAppreciation1795700000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "appreciation_campaign" ADD "audience" text NOT NULL DEFAULT 'carers', ADD "volunteer_rules" jsonb,
       ADD CONSTRAINT "ck_appreciation_campaign_audience" CHECK ("audience" IN ('carers', 'volunteers', 'both'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "appreciation_application" ALTER COLUMN "carer_id" DROP NOT NULL, ALTER COLUMN "care_relationship_id" DROP NOT NULL,
       ADD "volunteer_id" uuid,
       ADD CONSTRAINT "ck_appreciation_application_person" CHECK (("carer_id" IS NOT NULL AND "care_relationship_id" IS NOT NULL AND "volunteer_id" IS NULL) OR ("carer_id" IS NULL AND "care_relationship_id" IS NULL AND "volunteer_id" IS NOT NULL))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_appreciation_application_volunteer" ON "appreciation_application" ("campaign_id", "volunteer_id") WHERE status <> 'rejected'`,
    );
    await queryRunner.query('ALTER TABLE "voucher" ALTER COLUMN "carer_id" DROP NOT NULL, ADD "volunteer_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "ix_voucher_volunteer" ON "voucher" ("volunteer_id") WHERE volunteer_id IS NOT NULL',
    );
    await queryRunner.query('ALTER TABLE "volunteer" ADD "vog_cost_reimbursed_on" date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer" DROP COLUMN "vog_cost_reimbursed_on"');
    await queryRunner.query(
      'DELETE FROM "voucher_redemption" WHERE voucher_id IN (SELECT id FROM voucher WHERE carer_id IS NULL)',
    );
    await queryRunner.query('DELETE FROM "voucher" WHERE "carer_id" IS NULL');
    await queryRunner.query('DROP INDEX "ix_voucher_volunteer"');
    await queryRunner.query('ALTER TABLE "voucher" DROP COLUMN "volunteer_id", ALTER COLUMN "carer_id" SET NOT NULL');
    await queryRunner.query('DELETE FROM "appreciation_application" WHERE "carer_id" IS NULL');
    await queryRunner.query('DROP INDEX "uq_appreciation_application_volunteer"');
    await queryRunner.query(
      `ALTER TABLE "appreciation_application" DROP CONSTRAINT "ck_appreciation_application_person", DROP COLUMN "volunteer_id",
       ALTER COLUMN "care_relationship_id" SET NOT NULL, ALTER COLUMN "carer_id" SET NOT NULL`,
    );
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" DROP CONSTRAINT "ck_appreciation_campaign_audience", DROP COLUMN "volunteer_rules", DROP COLUMN "audience"',
    );
  }
}
