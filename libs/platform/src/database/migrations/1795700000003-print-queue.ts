import { MigrationInterface, QueryRunner } from 'typeorm';

/** Letters for people whose channel is post: a message status for the print queue and an outcome once printed. */
export class PrintQueue1795700000003 implements MigrationInterface {
  name = 'PrintQueue1795700000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_status"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome_status"');
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_status" CHECK ("status" IN ('queued', 'to_print', 'sent', 'failed', 'skipped'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome" CHECK ("outcome" IN ('sent', 'printed', 'skipped_opted_out', 'skipped_post', 'skipped_no_email_address', 'skipped_recipient_gone', 'failed_rejected', 'failed_retries_exhausted', 'failed_error', 'cancelled', 'cancelled_erased'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome_status" CHECK (("status" IN ('queued', 'to_print')) = ("outcome" IS NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_message_to_print" ON "message" ("municipality_id", "created_at") WHERE status = 'to_print'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_message_to_print"');
    await queryRunner.query(
      `UPDATE message SET status = 'skipped', outcome = 'skipped_post', updated_at = now() WHERE status = 'to_print'`,
    );
    await queryRunner.query(`UPDATE message SET outcome = 'sent' WHERE outcome = 'printed'`);
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome_status"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_status"');
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_status" CHECK ("status" IN ('queued', 'sent', 'failed', 'skipped'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome" CHECK ("outcome" IN ('sent', 'skipped_opted_out', 'skipped_post', 'skipped_no_email_address', 'skipped_recipient_gone', 'failed_rejected', 'failed_retries_exhausted', 'failed_error', 'cancelled', 'cancelled_erased'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome_status" CHECK (("status" = 'queued') = ("outcome" IS NULL))`,
    );
  }
}
