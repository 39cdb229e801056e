import { MigrationInterface, QueryRunner } from 'typeorm';

/** Carers of one person: a campaign rule for their amounts, and the person's address as a keyed hash to match them. */
export class SharedCare1795700000017 implements MigrationInterface {
  name = 'SharedCare1795700000017';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "appreciation_campaign" ADD "shared_care_rule" text NOT NULL DEFAULT 'each_full',
       ADD CONSTRAINT "ck_appreciation_campaign_shared_care" CHECK ("shared_care_rule" IN ('each_full', 'split_equally', 'first_only'))`,
    );
    await queryRunner.query('ALTER TABLE "care_relationship" ADD "recipient_address_hash" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "care_relationship" DROP COLUMN "recipient_address_hash"');
    await queryRunner.query(
      'ALTER TABLE "appreciation_campaign" DROP CONSTRAINT "ck_appreciation_campaign_shared_care", DROP COLUMN "shared_care_rule"',
    );
  }
}
