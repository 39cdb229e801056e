import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE =
  '"id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL';

/**
 * Every way a carer reaches the steunpunt: their own questions with the answers, referrals by
 * partners in care (referrer partners), the social map; the caseload holds each kind of signal.
 */
export class Intake1795700000013 implements MigrationInterface {
  name = 'Intake1795700000013';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "partner" ADD "kind" text NOT NULL DEFAULT 'merchant', ADD "referrer_source" text,
       ADD CONSTRAINT "ck_partner_kind" CHECK ("kind" IN ('merchant', 'referrer')),
       ADD CONSTRAINT "ck_partner_referrer_source" CHECK (("kind" = 'referrer') = ("referrer_source" IS NOT NULL))`,
    );
    await queryRunner.query(`ALTER TABLE "partner_key" ADD "partner_kind" text NOT NULL DEFAULT 'merchant'`);

    await queryRunner.query(
      `CREATE TABLE "carer_question" (${BASE}, "carer_id" uuid NOT NULL, "topic" text NOT NULL, "text_encrypted" text NOT NULL, "asked_by" uuid NOT NULL, CONSTRAINT "PK_d083f44406e4dd784f82964eac8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_carer_question_carer" ON "carer_question" ("carer_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "carer_question" ADD CONSTRAINT "fk_carer_question_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE TABLE "question_answer" (${BASE}, "question_id" uuid NOT NULL, "author_id" uuid NOT NULL, "text_encrypted" text NOT NULL, "social_map_entry_ids" uuid array NOT NULL DEFAULT '{}', CONSTRAINT "PK_c1e064f8949efd78ad3c66059ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_question_answer_question" ON "question_answer" ("question_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "question_answer" ADD CONSTRAINT "fk_question_answer_question" FOREIGN KEY ("question_id") REFERENCES "carer_question"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );

    await queryRunner.query(
      `CREATE TABLE "referral" (${BASE}, "source" text NOT NULL, "channel" text NOT NULL, "partner_id" uuid, "referrer_name" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "email" text, "phone" text, "postcode" text NOT NULL, "wijk_id" uuid, "reason_encrypted" text, "status" text NOT NULL DEFAULT 'awaiting_consent', "consent_at" TIMESTAMP WITH TIME ZONE, "consent_how" text, "carer_id" uuid,
        CONSTRAINT "ck_referral_source" CHECK ("source" IN ('huisarts', 'poh', 'wijkteam', 'home_care', 'hospital', 'other')),
        CONSTRAINT "ck_referral_channel" CHECK ("channel" IN ('partner', 'form')),
        CONSTRAINT "ck_referral_status" CHECK ("status" IN ('awaiting_consent', 'consented')),
        CONSTRAINT "ck_referral_consent" CHECK (("status" = 'consented') = ("consent_at" IS NOT NULL)),
        CONSTRAINT "PK_a2d3e935a6591168066defec5ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_referral_municipality_status" ON "referral" ("municipality_id", "status", "created_at") ',
    );

    await queryRunner.query(
      `CREATE TABLE "social_map_entry" (${BASE}, "organisation" text NOT NULL, "offer" text NOT NULL, "topics" text array NOT NULL, "wijk_id" uuid, "contact" text NOT NULL, "opening_hours" text, "website" text, CONSTRAINT "PK_559c205f9e538c098aac7672d79" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_social_map_entry_municipality" ON "social_map_entry" ("municipality_id", "organisation") ',
    );

    // Signals of three kinds: one unclosed high-burden signal per carer, one signal per question or referral.
    await queryRunner.query(
      `ALTER TABLE "signal" ALTER COLUMN "carer_id" DROP NOT NULL, ALTER COLUMN "screening_id" DROP NOT NULL,
       ADD "question_id" uuid, ADD "referral_id" uuid, ADD "first_contact_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      'UPDATE "signal" SET "first_contact_at" = COALESCE("claimed_at", "closed_at") WHERE "first_contact_at" IS NULL',
    );
    await queryRunner.query('DROP INDEX "uq_signal_carer_unclosed"');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_signal_carer_unclosed" ON "signal" ("carer_id") WHERE status <> 'closed' AND reason = 'high_burden'`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_signal_question" ON "signal" ("question_id") WHERE question_id IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_signal_referral" ON "signal" ("referral_id") WHERE referral_id IS NOT NULL',
    );
    await queryRunner.query(
      `ALTER TABLE "signal" ADD CONSTRAINT "ck_signal_subject" CHECK (("reason" = 'high_burden' AND "carer_id" IS NOT NULL AND "screening_id" IS NOT NULL) OR ("reason" = 'question' AND "carer_id" IS NOT NULL AND "question_id" IS NOT NULL) OR ("reason" = 'referral' AND "referral_id" IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "signal" WHERE "reason" <> 'high_burden'`);
    await queryRunner.query('ALTER TABLE "signal" DROP CONSTRAINT "ck_signal_subject"');
    await queryRunner.query('DROP INDEX "uq_signal_referral"');
    await queryRunner.query('DROP INDEX "uq_signal_question"');
    await queryRunner.query('DROP INDEX "uq_signal_carer_unclosed"');
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_signal_carer_unclosed" ON "signal" ("carer_id") WHERE status <> 'closed'`,
    );
    await queryRunner.query(
      'ALTER TABLE "signal" DROP COLUMN "first_contact_at", DROP COLUMN "referral_id", DROP COLUMN "question_id", ALTER COLUMN "screening_id" SET NOT NULL, ALTER COLUMN "carer_id" SET NOT NULL',
    );
    await queryRunner.query('DROP TABLE "social_map_entry"');
    await queryRunner.query('DROP TABLE "referral"');
    await queryRunner.query('DROP TABLE "question_answer"');
    await queryRunner.query('DROP TABLE "carer_question"');
    await queryRunner.query('ALTER TABLE "partner_key" DROP COLUMN "partner_kind"');
    await queryRunner.query(
      'ALTER TABLE "partner" DROP CONSTRAINT "ck_partner_referrer_source", DROP CONSTRAINT "ck_partner_kind", DROP COLUMN "referrer_source", DROP COLUMN "kind"',
    );
  }
}
