import { MigrationInterface, QueryRunner } from 'typeorm';

/** A course can give a training, recorded for the volunteers and staff who attend it. */
export class CoursesThatCount1795700000019 implements MigrationInterface {
  name = 'CoursesThatCount1795700000019';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "activity" ADD "gives_training" text, ADD "training_valid_months" integer, ADD "also_open_to" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE TABLE "staff_training" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "account_id" uuid NOT NULL, "kind" text NOT NULL, "completed_on" date NOT NULL, "valid_until" date, "activity_id" uuid, "recorded_by" uuid NOT NULL, CONSTRAINT "PK_a70a99e1f8697ba1cfc87055fb0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_staff_training_account" ON "staff_training" ("account_id", "kind") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "staff_training"');
    await queryRunner.query(
      'ALTER TABLE "activity" DROP COLUMN "also_open_to", DROP COLUMN "training_valid_months", DROP COLUMN "gives_training"',
    );
  }
}
