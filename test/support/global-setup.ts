import Redis from 'ioredis';
import { migrateDatabase } from '../../libs/platform/src/database/application-role';
import { validateEnvironment } from '../../libs/platform/src/config/environment';

/**
 * Starts every run on an empty schema, built by the migrations themselves as the schema's owner
 * (DATABASE_MIGRATION_URL when set); the tests then run as the application's role.
 */
export default async function globalSetup(): Promise<void> {
  const env = validateEnvironment(process.env);
  const database = new URL(env.DATABASE_URL).pathname.slice(1);
  if (!database.endsWith('_test')) {
    throw new Error(
      `Refusing to reset "${database}": tests need a database whose name ends in _test (scripts/test.sh provides one).`,
    );
  }
  await migrateDatabase(
    { applicationUrl: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL },
    async (owner) => {
      await owner.query('DROP SCHEMA IF EXISTS public CASCADE');
      await owner.query('CREATE SCHEMA public');
    },
  );
  // Jobs left by an earlier run point at rows that no longer exist; start Redis empty too.
  // Only a numbered database other than 0 is flushed, never a shared default one.
  const redisDb = Number(new URL(env.REDIS_URL).pathname.slice(1) || 0);
  if (redisDb > 0) {
    const redis = new Redis(env.REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
  }
}
