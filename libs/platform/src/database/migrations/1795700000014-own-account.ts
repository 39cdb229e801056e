import { MigrationInterface, QueryRunner } from 'typeorm';

/** People keep their own account: which campaign mail they get, and a new email address proven by a link. */
export class OwnAccount1795700000014 implements MigrationInterface {
  name = 'OwnAccount1795700000014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "mail_opt_outs" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query('ALTER TABLE "one_time_token" ADD "new_email" text');
    await queryRunner.query('ALTER TABLE "one_time_token" DROP CONSTRAINT "ck_one_time_token_purpose"');
    await queryRunner.query(
      `ALTER TABLE "one_time_token" ADD CONSTRAINT "ck_one_time_token_purpose" CHECK ("purpose" IN ('email_verification', 'password_reset', 'email_change'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "one_time_token" WHERE "purpose" = 'email_change'`);
    await queryRunner.query('ALTER TABLE "one_time_token" DROP CONSTRAINT "ck_one_time_token_purpose"');
    await queryRunner.query(
      `ALTER TABLE "one_time_token" ADD CONSTRAINT "ck_one_time_token_purpose" CHECK ("purpose" IN ('email_verification', 'password_reset'))`,
    );
    await queryRunner.query('ALTER TABLE "one_time_token" DROP COLUMN "new_email"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "mail_opt_outs"');
  }
}
