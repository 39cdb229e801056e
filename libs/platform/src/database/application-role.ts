import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Tables the application only adds to; each also has a trigger refusing UPDATE, DELETE and TRUNCATE. */
const APPEND_ONLY_TABLES = ['audit_entry', 'dashboard_action'];

/** The database user a connection string names. */
export function databaseUserOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

interface Queryable {
  query(sql: string): Promise<unknown>;
}

/**
 * Gives the application's role what the processes need and nothing more: it reads and writes the
 * tables, only adds to the audit logs (no update, delete or truncate), only reads the migration
 * history, and owns nothing, so it cannot alter a table or disable the audit log's trigger.
 * Run by the schema's owner after every migration, so new tables are covered too.
 */
export async function grantApplicationRole(owner: Queryable, applicationUser: string): Promise<void> {
  const role = `"${applicationUser.replace(/"/g, '""')}"`;
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  for (const appendOnly of APPEND_ONLY_TABLES)
    await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnly} FROM ${role}`);
  await owner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${role}`);
}

export interface MigrationUrls {
  /** The application's connection (DATABASE_URL). */
  applicationUrl: string;
  /** The schema owner's connection (DATABASE_MIGRATION_URL); the application's when not set. */
  migrationUrl?: string;
}

/**
 * Applies pending migrations as the schema's owner and then grants the application's role its
 * privileges, under one advisory lock so that several containers starting at once take turns.
 * `beforeMigrating` runs first on the owner's connection (the tests empty the schema there).
 */
export async function migrateDatabase(
  urls: MigrationUrls,
  beforeMigrating?: (owner: Queryable) => Promise<void>,
): Promise<string[]> {
  const ownerUrl = urls.migrationUrl ?? urls.applicationUrl;
  const owner = new DataSource(dataSourceOptions(ownerUrl, 1));
  await owner.initialize();
  try {
    await owner.query('SELECT pg_advisory_lock(4151415)');
    try {
      await beforeMigrating?.(owner);
      const applied = await owner.runMigrations({ transaction: 'each' });
      const applicationUser = databaseUserOf(urls.applicationUrl);
      if (applicationUser !== databaseUserOf(ownerUrl)) await grantApplicationRole(owner, applicationUser);
      return applied.map((migration) => migration.name);
    } finally {
      await owner.query('SELECT pg_advisory_unlock(4151415)');
    }
  } finally {
    await owner.destroy();
  }
}
