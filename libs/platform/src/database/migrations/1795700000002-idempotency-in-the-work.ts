import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys with a lease and a mark written in the work's own transaction, and answers
 * stored encrypted. Stored plaintext answers are dropped rather than kept: they may hold secrets,
 * and a repeat of one of them now runs as a new request, as it would after the retention period.
 */
export class IdempotencyInTheWork1795700000002 implements MigrationInterface {
  name = 'IdempotencyInTheWork1795700000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "idempotency_record"');
    await queryRunner.query('ALTER TABLE "idempotency_record" DROP COLUMN "response_body"');
    await queryRunner.query('ALTER TABLE "idempotency_record" ADD "response_sealed" text');
    await queryRunner.query(
      'ALTER TABLE "idempotency_record" ADD "lease_expires_at" TIMESTAMP WITH TIME ZONE NOT NULL',
    );
    await queryRunner.query('ALTER TABLE "idempotency_record" ADD "work_committed_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM "idempotency_record"');
    await queryRunner.query('ALTER TABLE "idempotency_record" DROP COLUMN "work_committed_at"');
    await queryRunner.query('ALTER TABLE "idempotency_record" DROP COLUMN "lease_expires_at"');
    await queryRunner.query('ALTER TABLE "idempotency_record" DROP COLUMN "response_sealed"');
    await queryRunner.query('ALTER TABLE "idempotency_record" ADD "response_body" jsonb');
  }
}
