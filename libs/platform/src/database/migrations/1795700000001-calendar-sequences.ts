import { MigrationInterface, QueryRunner } from 'typeorm';

/** A sequence per booking and per activity session: the .ics SEQUENCE, and the key of each change's messages. */
export class CalendarSequences1795700000001 implements MigrationInterface {
  name = 'CalendarSequences1795700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "respite_booking" ADD "sequence" integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE "activity_session" ADD "sequence" integer NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "activity_session" DROP COLUMN "sequence"');
    await queryRunner.query('ALTER TABLE "respite_booking" DROP COLUMN "sequence"');
  }
}
