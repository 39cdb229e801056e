import { MigrationInterface, QueryRunner } from 'typeorm';

export class Appreciation1795400368143 implements MigrationInterface {
  name = 'Appreciation1795400368143';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "appreciation_campaign" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "year" integer NOT NULL, "kind" text NOT NULL, "amount_cents" integer NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rules" jsonb NOT NULL, "budget_cents" integer, "budget_count" integer, "spent_cents" integer NOT NULL DEFAULT \'0\', "awarded_count" integer NOT NULL DEFAULT \'0\', "vouchers_expire_on" date NOT NULL, CONSTRAINT "ck_appreciation_campaign_budget_count" CHECK ("budget_count" IS NULL OR "awarded_count" <= "budget_count"), CONSTRAINT "ck_appreciation_campaign_budget" CHECK ("budget_cents" IS NULL OR "spent_cents" <= "budget_cents"), CONSTRAINT "ck_appreciation_campaign_amount" CHECK ("amount_cents" > 0), CONSTRAINT "ck_appreciation_campaign_window" CHECK ("closes_at" > "opens_at"), CONSTRAINT "PK_0839ca7e4aa7390c544ad141203" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_appreciation_campaign_year" ON "appreciation_campaign"  ("municipality_id", "year") ',
    );
    await queryRunner.query(
      'CREATE TABLE "appreciation_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "care_relationship_id" uuid NOT NULL, "care_recipient_key" text NOT NULL, "status" text NOT NULL, "reasons" jsonb NOT NULL, "nominated_by" uuid, "reviewed_by" uuid, "review_note" text, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_appreciation_application_status" CHECK ("status" IN (\'approved\', \'rejected\', \'needs_review\')), CONSTRAINT "PK_7aa4f7576cf2b65d53ac601defb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_appreciation_application_recipient" ON "appreciation_application"  ("care_recipient_key") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_appreciation_application_review" ON "appreciation_application"  ("municipality_id", "status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_appreciation_application_carer" ON "appreciation_application"  ("campaign_id", "carer_id") WHERE status <> \'rejected\'',
    );
    await queryRunner.query(
      'CREATE TABLE "voucher" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "campaign_id" uuid NOT NULL, "application_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "code" text NOT NULL, "value_cents" integer NOT NULL, "balance_cents" integer NOT NULL, "expires_on" date NOT NULL, CONSTRAINT "ck_voucher_balance" CHECK ("balance_cents" >= 0 AND "balance_cents" <= "value_cents"), CONSTRAINT "PK_677ae75f380e81c2f103a57ffaf" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_voucher_application" ON "voucher"  ("application_id") ');
    await queryRunner.query('CREATE INDEX "ix_voucher_carer" ON "voucher"  ("carer_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_voucher_code" ON "voucher"  ("code") ');
    await queryRunner.query(
      'CREATE TABLE "voucher_redemption" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "voucher_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "remaining_cents" integer NOT NULL, CONSTRAINT "ck_voucher_redemption_amount" CHECK ("amount_cents" > 0), CONSTRAINT "PK_60ee24fbe3eb76042aeeac9928b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_voucher_redemption_voucher" ON "voucher_redemption"  ("voucher_id") ');
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" ADD CONSTRAINT "fk_appreciation_application_campaign" FOREIGN KEY ("campaign_id") REFERENCES "appreciation_campaign"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher" ADD CONSTRAINT "fk_voucher_application" FOREIGN KEY ("application_id") REFERENCES "appreciation_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "voucher_redemption" ADD CONSTRAINT "fk_voucher_redemption_voucher" FOREIGN KEY ("voucher_id") REFERENCES "voucher"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "voucher_redemption" DROP CONSTRAINT "fk_voucher_redemption_voucher"');
    await queryRunner.query('ALTER TABLE "voucher" DROP CONSTRAINT "fk_voucher_application"');
    await queryRunner.query(
      'ALTER TABLE "appreciation_application" DROP CONSTRAINT "fk_appreciation_application_campaign"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_voucher_redemption_voucher"');
    await queryRunner.query('DROP TABLE "voucher_redemption"');
    await queryRunner.query('DROP INDEX "public"."uq_voucher_code"');
    await queryRunner.query('DROP INDEX "public"."ix_voucher_carer"');
    await queryRunner.query('DROP INDEX "public"."uq_voucher_application"');
    await queryRunner.query('DROP TABLE "voucher"');
    await queryRunner.query('DROP INDEX "public"."uq_appreciation_application_carer"');
    await queryRunner.query('DROP INDEX "public"."ix_appreciation_application_review"');
    await queryRunner.query('DROP INDEX "public"."ix_appreciation_application_recipient"');
    await queryRunner.query('DROP TABLE "appreciation_application"');
    await queryRunner.query('DROP INDEX "public"."uq_appreciation_campaign_year"');
    await queryRunner.query('DROP TABLE "appreciation_campaign"');
  }
}
