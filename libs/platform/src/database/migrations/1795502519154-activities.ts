import { MigrationInterface, QueryRunner } from 'typeorm';

export class Activities1795502519154 implements MigrationInterface {
  name = 'Activities1795502519154';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "kind" text NOT NULL, "occasion" text, "title" text NOT NULL, "description" text, "location" text, "theme" text, "capacity" integer NOT NULL, "places_taken" integer NOT NULL DEFAULT \'0\', "max_companions" integer NOT NULL DEFAULT \'1\', "response_cutoff_hours" integer NOT NULL DEFAULT \'24\', "facilitator_account_id" uuid, "created_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_activity_theme" CHECK (("kind" = \'peer_group\') = ("theme" IS NOT NULL)), CONSTRAINT "ck_activity_occasion" CHECK ("occasion" IS NULL OR ("occasion" = \'dag_van_de_mantelzorg\' AND "kind" = \'event\')), CONSTRAINT "ck_activity_max_companions" CHECK ("max_companions" BETWEEN 0 AND 5), CONSTRAINT "ck_activity_places" CHECK ("places_taken" >= 0 AND "places_taken" <= "capacity"), CONSTRAINT "ck_activity_kind" CHECK ("kind" IN (\'event\', \'course\', \'peer_group\')), CONSTRAINT "PK_24625a1d6b1b089c8ae206fe467" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_activity_municipality_created" ON "activity"  ("municipality_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_activity_session_times" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_b1eec88abee31d02a6790463abb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_activity_session_start" ON "activity_session"  ("starts_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_activity_session_activity_start" ON "activity_session"  ("activity_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "account_id" uuid NOT NULL, "wijk_id" uuid, "message_id" uuid NOT NULL, "fanout_id" uuid NOT NULL, CONSTRAINT "PK_a0a3b3de6cf7b37a18b939c89e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_activity_invitation_message" ON "activity_invitation"  ("message_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_activity_invitation_person" ON "activity_invitation"  ("activity_id", "account_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "account_id" uuid NOT NULL, "wijk_id" uuid, "joined_via" text NOT NULL, "status" text NOT NULL, "companions" integer NOT NULL DEFAULT \'0\', "waitlisted_at" TIMESTAMP WITH TIME ZONE, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_activity_participant_offer" CHECK (("status" = \'offered\') = ("offer_expires_at" IS NOT NULL)), CONSTRAINT "ck_activity_participant_joined_via" CHECK ("joined_via" IN (\'invitation\', \'self\', \'staff\')), CONSTRAINT "ck_activity_participant_companions" CHECK ("companions" BETWEEN 0 AND 5), CONSTRAINT "ck_activity_participant_status" CHECK ("status" IN (\'attending\', \'waitlisted\', \'offered\', \'declined\', \'cancelled\')), CONSTRAINT "PK_cc52c781c34362e77b78ff75893" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_activity_participant_account" ON "activity_participant"  ("account_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_activity_participant_waitlist" ON "activity_participant"  ("activity_id", "status", "waitlisted_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_activity_participant_person" ON "activity_participant"  ("activity_id", "account_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "activity_attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "attended" boolean NOT NULL, "recorded_by" uuid NOT NULL, CONSTRAINT "PK_d1817dfc0c90608a1f81353406d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_activity_attendance_session_participant" ON "activity_attendance"  ("session_id", "participant_id") ',
    );
    await queryRunner.query('ALTER TABLE "fanout" ADD "dedupe_scope" text');
    await queryRunner.query(
      'ALTER TABLE "activity" ADD CONSTRAINT "fk_activity_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity" ADD CONSTRAINT "fk_activity_facilitator" FOREIGN KEY ("facilitator_account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_session" ADD CONSTRAINT "fk_activity_session_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_invitation" ADD CONSTRAINT "fk_activity_invitation_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_invitation" ADD CONSTRAINT "fk_activity_invitation_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_participant" ADD CONSTRAINT "fk_activity_participant_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_participant" ADD CONSTRAINT "fk_activity_participant_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_attendance" ADD CONSTRAINT "fk_activity_attendance_session" FOREIGN KEY ("session_id") REFERENCES "activity_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_attendance" ADD CONSTRAINT "fk_activity_attendance_participant" FOREIGN KEY ("participant_id") REFERENCES "activity_participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "activity_attendance" DROP CONSTRAINT "fk_activity_attendance_participant"');
    await queryRunner.query('ALTER TABLE "activity_attendance" DROP CONSTRAINT "fk_activity_attendance_session"');
    await queryRunner.query('ALTER TABLE "activity_participant" DROP CONSTRAINT "fk_activity_participant_account"');
    await queryRunner.query('ALTER TABLE "activity_participant" DROP CONSTRAINT "fk_activity_participant_activity"');
    await queryRunner.query('ALTER TABLE "activity_invitation" DROP CONSTRAINT "fk_activity_invitation_account"');
    await queryRunner.query('ALTER TABLE "activity_invitation" DROP CONSTRAINT "fk_activity_invitation_activity"');
    await queryRunner.query('ALTER TABLE "activity_session" DROP CONSTRAINT "fk_activity_session_activity"');
    await queryRunner.query('ALTER TABLE "activity" DROP CONSTRAINT "fk_activity_facilitator"');
    await queryRunner.query('ALTER TABLE "activity" DROP CONSTRAINT "fk_activity_municipality"');
    await queryRunner.query('ALTER TABLE "fanout" DROP COLUMN "dedupe_scope"');
    await queryRunner.query('DROP INDEX "public"."uq_activity_attendance_session_participant"');
    await queryRunner.query('DROP TABLE "activity_attendance"');
    await queryRunner.query('DROP INDEX "public"."uq_activity_participant_person"');
    await queryRunner.query('DROP INDEX "public"."ix_activity_participant_waitlist"');
    await queryRunner.query('DROP INDEX "public"."ix_activity_participant_account"');
    await queryRunner.query('DROP TABLE "activity_participant"');
    await queryRunner.query('DROP INDEX "public"."uq_activity_invitation_person"');
    await queryRunner.query('DROP INDEX "public"."uq_activity_invitation_message"');
    await queryRunner.query('DROP TABLE "activity_invitation"');
    await queryRunner.query('DROP INDEX "public"."ix_activity_session_activity_start"');
    await queryRunner.query('DROP INDEX "public"."ix_activity_session_start"');
    await queryRunner.query('DROP TABLE "activity_session"');
    await queryRunner.query('DROP INDEX "public"."ix_activity_municipality_created"');
    await queryRunner.query('DROP TABLE "activity"');
  }
}
