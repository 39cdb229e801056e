import { MigrationInterface, QueryRunner } from 'typeorm';

export class Privacy1795505445901 implements MigrationInterface {
  name = 'Privacy1795505445901';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "municipality_id" uuid NOT NULL, "actor_account_id" uuid NOT NULL, "actor_role" text NOT NULL, "action" text NOT NULL, "route" text NOT NULL, "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "subject_account_id" uuid, "reason" text, "request_id" text, CONSTRAINT "ck_audit_entry_action" CHECK ("action" IN (\'read\', \'change\', \'export\', \'erase\')), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_actor_at" ON "audit_entry"  ("actor_account_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_subject_account_at" ON "audit_entry"  ("subject_account_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_audit_entry_municipality_at" ON "audit_entry"  ("municipality_id", "created_at") ',
    );
    await queryRunner.query('ALTER TABLE "account" ADD "erased_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "account" ADD "last_active_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query('ALTER TABLE "carer" ADD "inactive_since" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "carer" ALTER COLUMN "postcode" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "carer" ALTER COLUMN "house_number" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "volunteer" ALTER COLUMN "postcode" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "volunteer" ALTER COLUMN "house_number" DROP NOT NULL');
    await queryRunner.query('UPDATE account SET last_active_at = created_at');
    await queryRunner.query("UPDATE carer SET inactive_since = updated_at WHERE status = 'inactive'");
    // Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks (the owner included; only a migration dropping the trigger could).
    await queryRunner.query(`CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      'CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()',
    );
    await queryRunner.query('REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "volunteer" ALTER COLUMN "house_number" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "volunteer" ALTER COLUMN "postcode" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "carer" ALTER COLUMN "house_number" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "carer" ALTER COLUMN "postcode" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "carer" DROP COLUMN "inactive_since"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "last_active_at"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "erased_at"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_municipality_at"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_subject_account_at"');
    await queryRunner.query('DROP INDEX "public"."ix_audit_entry_actor_at"');
    await queryRunner.query('DROP TABLE "audit_entry"');
    await queryRunner.query('DROP FUNCTION audit_entry_is_append_only()');
  }
}
