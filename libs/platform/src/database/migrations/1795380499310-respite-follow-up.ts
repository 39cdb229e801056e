import { MigrationInterface, QueryRunner } from 'typeorm';

export class RespiteFollowUp1795380499310 implements MigrationInterface {
  name = 'RespiteFollowUp1795380499310';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "respite_calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "carer_id" uuid NOT NULL, "secret_hash" bytea NOT NULL, CONSTRAINT "PK_0eea0fc3ff4a6c4a7bb58a898e7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_respite_calendar_feed_secret" ON "respite_calendar_feed"  ("secret_hash") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_respite_calendar_feed_carer" ON "respite_calendar_feed"  ("carer_id") ',
    );
    await queryRunner.query('ALTER TABLE "respite_offer" ADD "wijk_id" uuid');
    await queryRunner.query('ALTER TABLE "respite_slot" ADD "cancel_reason" text');
    await queryRunner.query('ALTER TABLE "respite_booking" ADD "attendance_recorded_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "respite_booking" ADD "attendance_recorded_by" uuid');
    await queryRunner.query(
      'ALTER TABLE "respite_calendar_feed" ADD CONSTRAINT "fk_respite_calendar_feed_carer" FOREIGN KEY ("carer_id") REFERENCES "carer"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "respite_calendar_feed" DROP CONSTRAINT "fk_respite_calendar_feed_carer"');
    await queryRunner.query('ALTER TABLE "respite_booking" DROP COLUMN "attendance_recorded_by"');
    await queryRunner.query('ALTER TABLE "respite_booking" DROP COLUMN "attendance_recorded_at"');
    await queryRunner.query('ALTER TABLE "respite_slot" DROP COLUMN "cancel_reason"');
    await queryRunner.query('ALTER TABLE "respite_offer" DROP COLUMN "wijk_id"');
    await queryRunner.query('DROP INDEX "public"."uq_respite_calendar_feed_carer"');
    await queryRunner.query('DROP INDEX "public"."uq_respite_calendar_feed_secret"');
    await queryRunner.query('DROP TABLE "respite_calendar_feed"');
  }
}
