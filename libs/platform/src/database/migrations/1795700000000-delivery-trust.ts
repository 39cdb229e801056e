import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery that survives a bad day: an outcome for failures outside the mail server, an index
 * for the failed-message list, and outbox entries set aside when no queue can take them.
 */
export class DeliveryTrust1795700000000 implements MigrationInterface {
  name = 'DeliveryTrust1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome"');
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome" CHECK ("outcome" IN ('sent', 'skipped_opted_out', 'skipped_post', 'skipped_no_email_address', 'skipped_recipient_gone', 'failed_rejected', 'failed_retries_exhausted', 'failed_error', 'cancelled', 'cancelled_erased'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_message_failed" ON "message" ("municipality_id", "updated_at") WHERE status = 'failed'`,
    );
    await queryRunner.query('ALTER TABLE "outbox_entry" ADD "set_aside_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "outbox_entry" ADD "set_aside_reason" text');
    await queryRunner.query('DROP INDEX "ix_outbox_entry_pending"');
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_entry_pending" ON "outbox_entry" ("created_at") WHERE relayed_at IS NULL AND cancelled_at IS NULL AND set_aside_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_outbox_entry_pending"');
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_entry_pending" ON "outbox_entry" ("created_at") WHERE relayed_at IS NULL AND cancelled_at IS NULL`,
    );
    await queryRunner.query('ALTER TABLE "outbox_entry" DROP COLUMN "set_aside_reason"');
    await queryRunner.query('ALTER TABLE "outbox_entry" DROP COLUMN "set_aside_at"');
    await queryRunner.query('DROP INDEX "ix_message_failed"');
    await queryRunner.query(`UPDATE message SET outcome = 'failed_retries_exhausted' WHERE outcome = 'failed_error'`);
    await queryRunner.query('ALTER TABLE "message" DROP CONSTRAINT "ck_message_outcome"');
    await queryRunner.query(
      `ALTER TABLE "message" ADD CONSTRAINT "ck_message_outcome" CHECK ("outcome" IN ('sent', 'skipped_opted_out', 'skipped_post', 'skipped_no_email_address', 'skipped_recipient_gone', 'failed_rejected', 'failed_retries_exhausted', 'cancelled', 'cancelled_erased'))`,
    );
  }
}
