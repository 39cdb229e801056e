import { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteerMatches1795383746295 implements MigrationInterface {
  name = 'VolunteerMatches1795383746295';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "volunteer_hours" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "match_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "worked_on" date NOT NULL, "hours" numeric(4,2) NOT NULL, CONSTRAINT "ck_volunteer_hours_hours" CHECK ("hours" > 0 AND "hours" <= 24), CONSTRAINT "PK_7935c20bf27747f98b4fa4a3b7d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_volunteer_hours_match" ON "volunteer_hours"  ("match_id", "worked_on") ');
    await queryRunner.query('ALTER TABLE "volunteer_match" ADD "proposed_by" uuid');
    await queryRunner.query('ALTER TABLE "volunteer_match" ADD "answered_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "volunteer_match" ADD "ended_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "volunteer_match" ADD "end_reason" text');
    await queryRunner.query(
      'ALTER TABLE "volunteer_hours" ADD CONSTRAINT "fk_volunteer_hours_match" FOREIGN KEY ("match_id") REFERENCES "volunteer_match"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer_hours" DROP CONSTRAINT "fk_volunteer_hours_match"');
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP COLUMN "end_reason"');
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP COLUMN "ended_at"');
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP COLUMN "answered_at"');
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP COLUMN "proposed_by"');
    await queryRunner.query('DROP INDEX "public"."ix_volunteer_hours_match"');
    await queryRunner.query('DROP TABLE "volunteer_hours"');
  }
}
