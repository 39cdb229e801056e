import { MigrationInterface, QueryRunner } from 'typeorm';

/** Respite providers sign in, bound to the offers they run; carers may share needs with them. */
export class Providers1795700000015 implements MigrationInterface {
  name = 'Providers1795700000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "ck_account_role"');
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_role" CHECK ("role" IN ('carer', 'volunteer', 'staff', 'admin', 'provider', 'operator'))`,
    );
    await queryRunner.query('ALTER TABLE "respite_booking" ADD "shared_needs_encrypted" text');
    await queryRunner.query(
      `CREATE TABLE "offer_provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "account_id" uuid NOT NULL, CONSTRAINT "PK_a6542b955fd3ca21641ed6f83c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_offer_provider" ON "offer_provider" ("offer_id", "account_id") ');
    await queryRunner.query('CREATE INDEX "ix_offer_provider_account" ON "offer_provider" ("account_id") ');
    await queryRunner.query(
      'ALTER TABLE "offer_provider" ADD CONSTRAINT "fk_offer_provider_offer" FOREIGN KEY ("offer_id") REFERENCES "respite_offer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "offer_provider" ADD CONSTRAINT "fk_offer_provider_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "offer_provider"');
    await queryRunner.query('ALTER TABLE "respite_booking" DROP COLUMN "shared_needs_encrypted"');
    await queryRunner.query(`DELETE FROM "account" WHERE "role" = 'provider'`);
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "ck_account_role"');
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_role" CHECK ("role" IN ('carer', 'volunteer', 'staff', 'admin', 'operator'))`,
    );
  }
}
