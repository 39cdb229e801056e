import { MigrationInterface, QueryRunner } from 'typeorm';

export class HelpRequests1795383217967 implements MigrationInterface {
  name = 'HelpRequests1795383217967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "help_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "care_relationship_id" uuid NOT NULL, "kind" text NOT NULL, "wanted_dates" jsonb NOT NULL DEFAULT \'[]\', "weekly_pattern" text array NOT NULL DEFAULT \'{}\', "required_skills" text array NOT NULL DEFAULT \'{}\', "language" text, "notes_encrypted" text, "status" text NOT NULL DEFAULT \'open\', "requested_by" text NOT NULL, CONSTRAINT "ck_help_request_status" CHECK ("status" IN (\'open\', \'matched\', \'closed\')), CONSTRAINT "ck_help_request_kind" CHECK ("kind" IN (\'respite_at_home\', \'company\', \'transport\', \'practical_help\')), CONSTRAINT "PK_166d671334639318e1d6fc6cb8d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_help_request_carer" ON "help_request"  ("carer_id") ');
    await queryRunner.query(
      'CREATE INDEX "ix_help_request_municipality_status" ON "help_request"  ("municipality_id", "status", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "volunteer_match" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "help_request_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "status" text NOT NULL, CONSTRAINT "ck_volunteer_match_status" CHECK ("status" IN (\'proposed\', \'accepted\', \'declined\', \'ended\')), CONSTRAINT "PK_5568ebce77325cff5b6880b2dcd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_volunteer_match_live" ON "volunteer_match"  ("help_request_id", "volunteer_id") WHERE status IN (\'proposed\', \'accepted\')',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_volunteer_match_volunteer_status" ON "volunteer_match"  ("volunteer_id", "status") ',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer_match" ADD CONSTRAINT "fk_volunteer_match_help_request" FOREIGN KEY ("help_request_id") REFERENCES "help_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "volunteer_match" ADD CONSTRAINT "fk_volunteer_match_volunteer" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP CONSTRAINT "fk_volunteer_match_volunteer"');
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP CONSTRAINT "fk_volunteer_match_help_request"');
    await queryRunner.query('DROP INDEX "public"."ix_volunteer_match_volunteer_status"');
    await queryRunner.query('DROP INDEX "public"."uq_volunteer_match_live"');
    await queryRunner.query('DROP TABLE "volunteer_match"');
    await queryRunner.query('DROP INDEX "public"."ix_help_request_municipality_status"');
    await queryRunner.query('DROP INDEX "public"."ix_help_request_carer"');
    await queryRunner.query('DROP TABLE "help_request"');
  }
}
