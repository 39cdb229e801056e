import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Weekly help until an end date becomes weekly at-home bookings, each tied to its match so
 * ending the match ends its future bookings; weeks the budget could not cover stay on the match.
 */
export class WeeklyHelp1795700000016 implements MigrationInterface {
  name = 'WeeklyHelp1795700000016';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "help_request" ADD "weekly_until" date');
    await queryRunner.query('ALTER TABLE "respite_booking" ADD "match_id" uuid');
    await queryRunner.query(
      'CREATE INDEX "ix_respite_booking_match" ON "respite_booking" ("match_id") WHERE match_id IS NOT NULL',
    );
    await queryRunner.query(`ALTER TABLE "volunteer_match" ADD "unbooked_dates" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer_match" DROP COLUMN "unbooked_dates"');
    await queryRunner.query('DROP INDEX "ix_respite_booking_match"');
    await queryRunner.query('ALTER TABLE "respite_booking" DROP COLUMN "match_id"');
    await queryRunner.query('ALTER TABLE "help_request" DROP COLUMN "weekly_until"');
  }
}
