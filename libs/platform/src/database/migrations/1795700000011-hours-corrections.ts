import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff may correct a volunteer's logged hours; who did and when stays on the entry. */
export class HoursCorrections1795700000011 implements MigrationInterface {
  name = 'HoursCorrections1795700000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "volunteer_hours" ADD "corrected_by" uuid, ADD "corrected_at" TIMESTAMP WITH TIME ZONE',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_volunteer_hours_volunteer" ON "volunteer_hours" ("volunteer_id", "worked_on") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_volunteer_hours_volunteer"');
    await queryRunner.query('ALTER TABLE "volunteer_hours" DROP COLUMN "corrected_at", DROP COLUMN "corrected_by"');
  }
}
