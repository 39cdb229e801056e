import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partners hold several API keys, each listed by prefix and last use and revocable on its own. */
export class PartnerKeys1795700000006 implements MigrationInterface {
  name = 'PartnerKeys1795700000006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partner_key" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "partner_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d51d4488d260247c54711273601" PRIMARY KEY ("id"))`,
    );
    // Every existing partner keeps its one key, with its own revocation.
    await queryRunner.query(
      `INSERT INTO partner_key (partner_id, municipality_id, key_prefix, key_hash, revoked_at, created_at, updated_at)
       SELECT id, municipality_id, key_prefix, key_hash, revoked_at, created_at, updated_at FROM partner`,
    );
    await queryRunner.query('DROP INDEX "uq_partner_key_prefix"');
    await queryRunner.query('ALTER TABLE "partner" DROP COLUMN "key_prefix"');
    await queryRunner.query('ALTER TABLE "partner" DROP COLUMN "key_hash"');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_partner_key_prefix" ON "partner_key" ("key_prefix")');
    await queryRunner.query('CREATE INDEX "ix_partner_key_partner" ON "partner_key" ("partner_id", "created_at")');
    await queryRunner.query(
      `ALTER TABLE "partner_key" ADD CONSTRAINT "fk_partner_key_partner" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "partner" ADD "key_prefix" text');
    await queryRunner.query('ALTER TABLE "partner" ADD "key_hash" text');
    await queryRunner.query(
      `UPDATE partner p SET key_prefix = k.key_prefix, key_hash = k.key_hash
         FROM (SELECT DISTINCT ON (partner_id) partner_id, key_prefix, key_hash FROM partner_key
                ORDER BY partner_id, (revoked_at IS NULL) DESC, created_at DESC) k
        WHERE k.partner_id = p.id`,
    );
    await queryRunner.query('DROP TABLE "partner_key"');
    await queryRunner.query('ALTER TABLE "partner" ALTER COLUMN "key_prefix" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "partner" ALTER COLUMN "key_hash" SET NOT NULL');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_partner_key_prefix" ON "partner" ("key_prefix")');
  }
}
