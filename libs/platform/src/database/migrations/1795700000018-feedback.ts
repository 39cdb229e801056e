import { MigrationInterface, QueryRunner } from 'typeorm';

/** A short question after respite, volunteer help or an activity: a score and a few words. */
export class Feedback1795700000018 implements MigrationInterface {
  name = 'Feedback1795700000018';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "feedback_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "account_id" uuid NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "about_name" text NOT NULL, "happened_on" date NOT NULL, "score" integer, "text_encrypted" text, "answered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "ck_feedback_request_subject" CHECK ("subject_type" IN ('respite_booking', 'volunteer_match', 'activity')),
        CONSTRAINT "ck_feedback_request_score" CHECK ("score" IS NULL OR ("score" >= 1 AND "score" <= 5)),
        CONSTRAINT "ck_feedback_request_answered" CHECK (("answered_at" IS NULL) = ("score" IS NULL)),
        CONSTRAINT "PK_e0298311b1725f2803cf906739c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_feedback_request" ON "feedback_request" ("subject_type", "subject_id", "account_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_feedback_request_municipality" ON "feedback_request" ("municipality_id", "happened_on") ',
    );
    await queryRunner.query('CREATE INDEX "ix_feedback_request_account" ON "feedback_request" ("account_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "feedback_request"');
  }
}
