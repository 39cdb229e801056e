import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795370419224 implements MigrationInterface {
  name = 'Foundation1795370419224';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Exclusion constraints over (uuid =, range &&) need btree_gist; a trusted extension since Postgres 13.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(
      `CREATE TABLE "idempotency_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "scope" text NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0dc165e218120167e4a55dcc8d4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_idempotency_record_scope_key" ON "idempotency_record"  ("scope", "key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" text NOT NULL, "name" text NOT NULL, "timezone" text NOT NULL DEFAULT 'Europe/Amsterdam', "settings" jsonb NOT NULL, CONSTRAINT "ck_municipality_code" CHECK ("code" ~ '^GM[0-9]{4}$'), CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_municipality_code" ON "municipality"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "email" text, "password_hash" text, "role" text NOT NULL, "display_name" text, "language" text NOT NULL DEFAULT 'nl', "email_verified_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_account_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "ck_account_language" CHECK ("language" IN ('nl', 'en')), CONSTRAINT "ck_account_role" CHECK ("role" IN ('carer', 'volunteer', 'staff', 'admin')), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_email" ON "account"  ("email") `);
    await queryRunner.query(`CREATE INDEX "ix_account_municipality_role" ON "account"  ("municipality_id", "role") `);
    await queryRunner.query(
      `CREATE TABLE "one_time_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_one_time_token_purpose" CHECK ("purpose" IN ('email_verification', 'password_reset')), CONSTRAINT "PK_956e3dd6580e4829e05ab460808" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_one_time_token_account" ON "one_time_token"  ("account_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_one_time_token_hash" ON "one_time_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_account" ON "refresh_token"  ("account_id") `);
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token"  ("family_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token"  ("token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "wijk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_1be69003f645be3bcb59506f1cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_wijk_municipality_name" ON "wijk"  ("municipality_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "wijk_postcode_range" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "wijk_id" uuid NOT NULL, "from_pc4" integer NOT NULL, "to_pc4" integer NOT NULL, CONSTRAINT "ck_wijk_postcode_range_bounds" CHECK ("from_pc4" BETWEEN 1000 AND 9999 AND "to_pc4" BETWEEN "from_pc4" AND 9999), CONSTRAINT "ex_wijk_postcode_range_overlap" EXCLUDE USING gist ("municipality_id" WITH =, int4range("from_pc4", "to_pc4", '[]') WITH &&), CONSTRAINT "PK_e42412e9111f542600f83dd7163" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_wijk_postcode_range_wijk" ON "wijk_postcode_range"  ("wijk_id") `);
    await queryRunner.query(
      `CREATE TABLE "partner" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "name" text NOT NULL, "key_prefix" text NOT NULL, "key_hash" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8f34ff11ddd5459eacbfacd48ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_partner_key_prefix" ON "partner"  ("key_prefix") `);
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "fk_account_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "one_time_token" ADD CONSTRAINT "fk_one_time_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wijk" ADD CONSTRAINT "fk_wijk_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wijk_postcode_range" ADD CONSTRAINT "fk_wijk_postcode_range_wijk" FOREIGN KEY ("wijk_id") REFERENCES "wijk"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "wijk_postcode_range" ADD CONSTRAINT "fk_wijk_postcode_range_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "partner" ADD CONSTRAINT "fk_partner_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partner" DROP CONSTRAINT "fk_partner_municipality"`);
    await queryRunner.query(`ALTER TABLE "wijk_postcode_range" DROP CONSTRAINT "fk_wijk_postcode_range_municipality"`);
    await queryRunner.query(`ALTER TABLE "wijk_postcode_range" DROP CONSTRAINT "fk_wijk_postcode_range_wijk"`);
    await queryRunner.query(`ALTER TABLE "wijk" DROP CONSTRAINT "fk_wijk_municipality"`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "fk_refresh_token_account"`);
    await queryRunner.query(`ALTER TABLE "one_time_token" DROP CONSTRAINT "fk_one_time_token_account"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "fk_account_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."uq_partner_key_prefix"`);
    await queryRunner.query(`DROP TABLE "partner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_wijk_postcode_range_wijk"`);
    await queryRunner.query(`DROP TABLE "wijk_postcode_range"`);
    await queryRunner.query(`DROP INDEX "public"."uq_wijk_municipality_name"`);
    await queryRunner.query(`DROP TABLE "wijk"`);
    await queryRunner.query(`DROP INDEX "public"."uq_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_family"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_account"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_one_time_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_one_time_token_account"`);
    await queryRunner.query(`DROP TABLE "one_time_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_account_municipality_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_email"`);
    await queryRunner.query(`DROP TABLE "account"`);
    await queryRunner.query(`DROP INDEX "public"."uq_municipality_code"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
    await queryRunner.query(`DROP INDEX "public"."uq_idempotency_record_scope_key"`);
    await queryRunner.query(`DROP TABLE "idempotency_record"`);
  }
}
