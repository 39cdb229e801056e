import { MigrationInterface, QueryRunner } from 'typeorm';

/** When an account's access tokens stop counting (disabled, password reset, erased): read by every API process. */
export class TokenRevocation1795700000005 implements MigrationInterface {
  name = 'TokenRevocation1795700000005';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" ADD "tokens_valid_after" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'CREATE INDEX "ix_account_tokens_valid_after" ON "account" ("tokens_valid_after") WHERE tokens_valid_after IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "ix_account_tokens_valid_after"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "tokens_valid_after"');
  }
}
