import { MigrationInterface, QueryRunner } from 'typeorm';

export class MessagingBackbone1795371752301 implements MigrationInterface {
  name = 'MessagingBackbone1795371752301';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fanout" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "kind" text NOT NULL, "audience" jsonb NOT NULL, "params" jsonb NOT NULL, "created_by" uuid, "total" integer, "cursor" uuid, "expanded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_64baf4ceb7a89ed34fa89ba99ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "account_id" uuid, "kind" text NOT NULL, "category" text NOT NULL, "channel" text NOT NULL, "status" text NOT NULL DEFAULT 'queued', "to_address" text, "language" text NOT NULL DEFAULT 'nl', "params" jsonb NOT NULL, "fanout_id" uuid, "dedupe_key" text, "outcome" text, "provider_message_id" text, "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_message_channel" CHECK ("channel" IN ('email', 'post')), CONSTRAINT "ck_message_category" CHECK ("category" IN ('transactional', 'campaign')), CONSTRAINT "ck_message_status" CHECK ("status" IN ('queued', 'sent', 'failed', 'skipped')), CONSTRAINT "PK_ba01f0a3e0123651915008bc578" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_message_dedupe_key" ON "message"  ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "ix_message_fanout_status" ON "message"  ("fanout_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_message_account_created" ON "message"  ("account_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "queue" text NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "run_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc1823a87798db5e4bf91f7ec7c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_entry_job_id" ON "outbox_entry"  ("job_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_entry_pending" ON "outbox_entry"  ("created_at") WHERE relayed_at IS NULL AND cancelled_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "account" ADD "contact_channel" text NOT NULL DEFAULT 'email'`);
    await queryRunner.query(`ALTER TABLE "account" ADD "campaign_opt_out_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "ck_account_contact_channel" CHECK ("contact_channel" IN ('email', 'post'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "ck_account_contact_channel"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "campaign_opt_out_at"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "contact_channel"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_entry_pending"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outbox_entry_job_id"`);
    await queryRunner.query(`DROP TABLE "outbox_entry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_message_account_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_message_fanout_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_message_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "message"`);
    await queryRunner.query(`DROP TABLE "fanout"`);
  }
}
