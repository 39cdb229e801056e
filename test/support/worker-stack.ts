/**
 * Test files run in parallel workers. Each worker has a database and a Redis database of its
 * own, so one worker's outbox, queues and resets never touch another's: worker 1 uses the
 * given ones, worker k the database `<name>_w<k>_test` beside `<name>_test` and Redis
 * database n + k - 1 beside database n.
 */
export interface StackUrls {
  DATABASE_URL: string;
  DATABASE_MIGRATION_URL?: string;
  REDIS_URL: string;
}

export function workerStackUrls(given: StackUrls, worker: number): StackUrls {
  if (worker === 1) return given;
  return {
    DATABASE_URL: withDatabase(given.DATABASE_URL, worker),
    ...(given.DATABASE_MIGRATION_URL && {
      DATABASE_MIGRATION_URL: withDatabase(given.DATABASE_MIGRATION_URL, worker),
    }),
    REDIS_URL: withRedisDatabase(given.REDIS_URL, worker),
  };
}

export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export function redisDatabaseOf(url: string): number {
  return Number(new URL(url).pathname.slice(1) || 0);
}

function withDatabase(url: string, worker: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(databaseNameOf(url).replace(/_test$/, `_w${worker}_test`))}`;
  return parsed.toString();
}

function withRedisDatabase(url: string, worker: number): string {
  const parsed = new URL(url);
  parsed.pathname = `/${redisDatabaseOf(url) + worker - 1}`;
  return parsed.toString();
}

const GIVEN = 'TEST_GIVEN_STACK';

/**
 * Points this process's environment at its worker's stack. The given URLs are kept aside on
 * the first call, so a later call (each test file sets up its environment) changes nothing.
 */
export function useWorkerStack(env: NodeJS.ProcessEnv, worker: number): void {
  env[GIVEN] ??= JSON.stringify({
    DATABASE_URL: env.DATABASE_URL,
    DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL,
    REDIS_URL: env.REDIS_URL,
  });
  Object.assign(env, workerStackUrls(JSON.parse(env[GIVEN]) as StackUrls, worker));
}
