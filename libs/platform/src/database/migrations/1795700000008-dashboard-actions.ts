import { MigrationInterface, QueryRunner } from 'typeorm';

/** What operators changed through the queue dashboard, kept like the audit log: append-only. */
export class DashboardActions1795700000008 implements MigrationInterface {
  name = 'DashboardActions1795700000008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dashboard_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_account_id" uuid NOT NULL, "method" text NOT NULL, "path" text NOT NULL, CONSTRAINT "PK_de1f41291547c0d9ec35fe4d461" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_dashboard_action_at" ON "dashboard_action" ("created_at") ');
    await queryRunner.query(`CREATE FUNCTION dashboard_action_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'dashboard_action is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      'CREATE TRIGGER dashboard_action_no_update_delete BEFORE UPDATE OR DELETE ON dashboard_action FOR EACH ROW EXECUTE FUNCTION dashboard_action_is_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER dashboard_action_no_truncate BEFORE TRUNCATE ON dashboard_action FOR EACH STATEMENT EXECUTE FUNCTION dashboard_action_is_append_only()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "dashboard_action"');
    await queryRunner.query('DROP FUNCTION dashboard_action_is_append_only()');
  }
}
