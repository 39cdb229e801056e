import { DataSource, QueryRunner } from 'typeorm';
import { TestApp } from './support/test-app';

/**
 * TypeORM's schema reader sends some of its queries in parallel on one connection, which pg
 * has deprecated (typeorm/typeorm#12055, fixed only in part). Its queries here run one after another.
 */
function runQueriesOneAtATime(dataSource: DataSource): void {
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>): QueryRunner => {
    const runner = create(...args);
    const query = runner.query.bind(runner);
    let previous: Promise<unknown> = Promise.resolve();
    runner.query = ((...queryArgs: Parameters<QueryRunner['query']>) => {
      const next = previous.then(
        () => query(...queryArgs),
        () => query(...queryArgs),
      );
      previous = next.catch(() => undefined);
      return next;
    }) as QueryRunner['query'];
    return runner;
  };
}

describe('database schema', () => {
  it('is exactly what the entities describe after all migrations', async () => {
    const app = await TestApp.start();
    try {
      const dataSource = app.app.get(DataSource);
      runQueriesOneAtATime(dataSource);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
