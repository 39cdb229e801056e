import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions of the web portal, in Postgres so no restart signs anyone out. */
export class PortalSessions1795700000010 implements MigrationInterface {
  name = 'PortalSessions1795700000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_session" ("id" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "account_id" uuid, "data" jsonb NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0423d054fd039b95950e541c8c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query('CREATE INDEX "ix_portal_session_expires" ON "portal_session" ("expires_at") ');
    await queryRunner.query('CREATE INDEX "ix_portal_session_account" ON "portal_session" ("account_id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "portal_session"');
  }
}
