import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';

describe('database schema', () => {
  it('is exactly what the entities describe after all migrations', async () => {
    const app = await TestApp.start();
    try {
      const pending = await app.app.get(DataSource).driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
