import { MigrationInterface, QueryRunner } from 'typeorm';

/** Message outcomes become a closed list with a check; the SMTP reply code gets a column of its own. */
export class MessageOutcomes1795600000000 implements MigrationInterface {
  name = 'MessageOutcomes1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" ADD "smtp_reply_code" smallint');
    // Earlier rows wrote free text: "smtp 550", "smtp ETIMEDOUT", "opted_out", "erased", or nothing once sent.
    await queryRunner.query(
      `UPDATE message SET smtp_reply_code = substring(outcome FROM '^smtp ([0-9]{3})$')::smallint WHERE outcome ~ '^smtp [0-9]{3}$'`,
    );
    await queryRunner.query(`UPDATE message SET outcome = CASE
        WHEN status = 'queued' THEN NULL
        WHEN status = 'sent' THEN 'sent'
        WHEN status = 'failed' AND smtp_reply_code BETWEEN 500 AND 599 THEN 'failed_rejected'
        WHEN status = 'failed' THEN 'failed_retries_exhausted'
        WHEN outcome = 'erased' THEN 'cancelled_erased'
        WHEN outcome = 'cancelled' THEN 'cancelled'
        WHEN outcome = 'opted_out' THEN 'skipped_opted_out'
        WHEN outcome = 'post' THEN 'skipped_post'
        WHEN outcome = 'recipient_gone' THEN 'skipped_recipient_gone'
        ELSE 'skipped_no_email_address' END`);
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome" CHECK ("outcome" IN ('sent', 'skipped_opted_out', 'skipped_post', 'skipped_no_email_address', 'skipped_recipient_gone', 'failed_rejected', 'failed_retries_exhausted', 'cancelled', 'cancelled_erased'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome_status" CHECK (("status" = 'queued') = ("outcome" IS NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome_status"');
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome"');
    await queryRunner.query(
      `UPDATE message SET outcome = CASE WHEN smtp_reply_code IS NOT NULL THEN 'smtp ' || smtp_reply_code
        WHEN outcome = 'sent' THEN NULL ELSE regexp_replace(outcome, '^(skipped_|cancelled_|failed_)', '') END`,
    );
    await queryRunner.query('ALTER TABLE "message" DROP COLUMN "smtp_reply_code"');
  }
}
