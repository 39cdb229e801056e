import Redis from 'ioredis';
import { Client } from 'pg';
import { migrateDatabase } from '../../libs/platform/src/database/application-role';
import { validateEnvironment } from '../../libs/platform/src/config/environment';
import { databaseNameOf, redisDatabaseOf, StackUrls, workerStackUrls } from './worker-stack';

/**
 * Starts every run on empty schemas, one for each test worker, built by the migrations
 * themselves as the schema's owner (DATABASE_MIGRATION_URL when set); the tests then run as
 * the application's role.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const env = validateEnvironment(process.env);
  const given: StackUrls = {
    DATABASE_URL: env.DATABASE_URL,
    DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL,
    REDIS_URL: env.REDIS_URL,
  };
  if (!databaseNameOf(given.DATABASE_URL).endsWith('_test')) {
    throw new Error(
      `Refusing to reset "${databaseNameOf(given.DATABASE_URL)}": tests need a database whose name ends in _test (scripts/test.sh provides one).`,
    );
  }
  const workers = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, index) =>
    workerStackUrls(given, index + 1),
  );
  await createMissingDatabases(given, workers);
  await Promise.all(workers.map(resetWorkerStack));
}

async function resetWorkerStack(urls: StackUrls): Promise<void> {
  await migrateDatabase(
    { applicationUrl: urls.DATABASE_URL, migrationUrl: urls.DATABASE_MIGRATION_URL },
    async (owner) => {
      await owner.query('DROP SCHEMA IF EXISTS public CASCADE');
      await owner.query('CREATE SCHEMA public');
    },
  );
  // Jobs left by an earlier run point at rows that no longer exist; start Redis empty too.
  // Only a numbered database other than 0 is flushed, never a shared default one.
  if (redisDatabaseOf(urls.REDIS_URL) > 0) {
    const redis = new Redis(urls.REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  }
}

/** The workers' databases beside the given one, created by the schema's owner when missing. */
async function createMissingDatabases(given: StackUrls, workers: StackUrls[]): Promise<void> {
  const owner = new Client({ connectionString: given.DATABASE_MIGRATION_URL ?? given.DATABASE_URL });
  await owner.connect();
  try {
    for (const worker of workers.slice(1)) {
      const name = databaseNameOf(worker.DATABASE_URL);
      const { rowCount } = await owner.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) continue;
      await owner.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error: Error) => {
        throw new Error(
          `Test worker database "${name}" is missing and could not be created (${error.message}): create it, or run the tests with TEST_WORKERS=1.`,
        );
      });
    }
  } finally {
    await owner.end();
  }
}
