import { MigrationInterface, QueryRunner } from 'typeorm';

/** Residents without an account join courses and peer groups opened to them, by a confirmed address. */
export class ResidentsOnCourses1795700000021 implements MigrationInterface {
  name = 'ResidentsOnCourses1795700000021';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "activity_participant" ALTER COLUMN "account_id" DROP NOT NULL, ADD "resident_name" text, ADD "resident_email" text, ADD "resident_language" text`,
    );
    await queryRunner.query('ALTER TABLE "activity_participant" DROP CONSTRAINT "ck_activity_participant_joined_via"');
    await queryRunner.query(
      `ALTER TABLE "activity_participant" ADD CONSTRAINT "ck_activity_participant_joined_via" CHECK ("joined_via" IN ('invitation', 'self', 'staff', 'resident'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_participant" ADD CONSTRAINT "ck_activity_participant_resident" CHECK (("account_id" IS NULL) = ("joined_via" = 'resident'))`,
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_activity_participant_resident" ON "activity_participant" ("activity_id", "resident_email") WHERE resident_email IS NOT NULL',
    );
    await queryRunner.query(
      `CREATE TABLE "activity_resident_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "companions" integer NOT NULL DEFAULT '0', "language" text NOT NULL, CONSTRAINT "ck_activity_resident_request_companions" CHECK ("companions" BETWEEN 0 AND 5), CONSTRAINT "PK_activity_resident_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      'CREATE INDEX "ix_activity_resident_request_created" ON "activity_resident_request" ("created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_resident_request" ADD CONSTRAINT "fk_activity_resident_request_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "activity_resident_request"');
    await queryRunner.query(`DELETE FROM "activity_participant" WHERE "account_id" IS NULL`);
    await queryRunner.query('DROP INDEX "uq_activity_participant_resident"');
    await queryRunner.query('ALTER TABLE "activity_participant" DROP CONSTRAINT "ck_activity_participant_resident"');
    await queryRunner.query('ALTER TABLE "activity_participant" DROP CONSTRAINT "ck_activity_participant_joined_via"');
    await queryRunner.query(
      `ALTER TABLE "activity_participant" ADD CONSTRAINT "ck_activity_participant_joined_via" CHECK ("joined_via" IN ('invitation', 'self', 'staff'))`,
    );
    await queryRunner.query(
      'ALTER TABLE "activity_participant" DROP COLUMN "resident_language", DROP COLUMN "resident_email", DROP COLUMN "resident_name", ALTER COLUMN "account_id" SET NOT NULL',
    );
  }
}
