import { MigrationInterface, QueryRunner } from 'typeorm';

/** Operators: accounts that run the platform and belong to no municipality. */
export class Operators1795700000004 implements MigrationInterface {
  name = 'Operators1795700000004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "ck_account_role"');
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_role" CHECK ("role" IN ('carer', 'volunteer', 'staff', 'admin', 'operator'))`,
    );
    await queryRunner.query('ALTER TABLE "account" ALTER COLUMN "municipality_id" DROP NOT NULL');
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_operator_municipality" CHECK (("role" = 'operator') = ("municipality_id" IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "refresh_token" WHERE account_id IN (SELECT id FROM account WHERE role = 'operator')`,
    );
    await queryRunner.query(`DELETE FROM "account" WHERE role = 'operator'`);
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "ck_account_operator_municipality"');
    await queryRunner.query('ALTER TABLE "account" ALTER COLUMN "municipality_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "account" DROP CONSTRAINT "ck_account_role"');
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_role" CHECK ("role" IN ('carer', 'volunteer', 'staff', 'admin'))`,
    );
  }
}
