import { randomInt } from 'node:crypto';
import { preparedQuery } from '@app/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { unusedMunicipalityCode } from './support/factories';
import { ownerDatabase } from './support/owner-database';
import { TestApp } from './support/test-app';

describe('preparedQuery (named prepared statements for hot paths)', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });

  afterAll(() => app.close());

  const insertMunicipality = `INSERT INTO municipality (code, name, settings) VALUES ($1, $2, '{}') RETURNING id, name`;
  const renameMunicipality = `UPDATE municipality SET name = $2 WHERE id = $1 RETURNING name`;

  it('answers the rows of a read and of a write, as the plain query does', async () => {
    const code = await unusedMunicipalityCode(dataSource);
    const [inserted] = await preparedQuery<{ id: string; name: string }>(dataSource, insertMunicipality, [
      code,
      'Eerstedorp',
    ]);
    expect(inserted.name).toBe('Eerstedorp');
    // The second call runs the statement its connection prepared, with other values.
    const renamed = await preparedQuery<{ name: string }>(dataSource, renameMunicipality, [inserted.id, 'Tweededorp']);
    expect(renamed).toEqual([{ name: 'Tweededorp' }]);
    expect(await preparedQuery(dataSource, renameMunicipality, [inserted.id, 'Derdedorp'])).toEqual([
      { name: 'Derdedorp' },
    ]);
    const read = 'SELECT id, name FROM municipality WHERE code = $1';
    expect(await preparedQuery(dataSource, read, [code])).toEqual(await dataSource.query(read, [code]));
  });

  it("runs in a transaction on the transaction's own connection, and prepares a statement once there", async () => {
    const code = await unusedMunicipalityCode(dataSource);
    const read = 'SELECT name FROM municipality WHERE code = $1';
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query(`INSERT INTO municipality (code, name, settings) VALUES ($1, $2, '{}')`, [
          code,
          'Onzichtbaar',
        ]);
        // Only the transaction's own connection can see the row it has not committed.
        expect(await preparedQuery(manager, read, [code])).toEqual([{ name: 'Onzichtbaar' }]);
        expect(await preparedQuery(manager, read, [code])).toEqual([{ name: 'Onzichtbaar' }]);
        const [prepared] = await manager.query<Array<{ count: number }>>(
          'SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement = $1',
          [read],
        );
        expect(prepared.count).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await preparedQuery(dataSource, read, [code])).toEqual([]);
  });

  it('prepares a statement anew once a migration changed the type of a column it returns', async () => {
    const owner = await ownerDatabase();
    const table = `prepared_probe_${randomInt(1_000_000_000)}`;
    try {
      await owner.query(`CREATE TABLE ${table} (amount int)`);
      await owner.query(`INSERT INTO ${table} VALUES (7)`);
      await owner.query(`GRANT SELECT ON ${table} TO "${new URL(process.env.DATABASE_URL!).username}"`);
      const read = `SELECT amount FROM ${table}`;
      const readInParallel = () => Promise.all(Array.from({ length: 8 }, () => preparedQuery(dataSource, read, [])));
      // Prepared on each pooled connection the reads land on.
      expect(await readInParallel()).toEqual(Array(8).fill([{ amount: 7 }]));
      await owner.query(`ALTER TABLE ${table} ALTER COLUMN amount TYPE text`);
      expect(await readInParallel()).toEqual(Array(8).fill([{ amount: '7' }]));
      expect(await readInParallel()).toEqual(Array(8).fill([{ amount: '7' }]));
    } finally {
      await owner.query(`DROP TABLE IF EXISTS ${table}`);
      await owner.end();
    }
  });

  it("fails with TypeORM's QueryFailedError, carrying the driver's error code", async () => {
    const code = await unusedMunicipalityCode(dataSource);
    await preparedQuery(dataSource, insertMunicipality, [code, 'Eenmaaldorp']);
    const failure = await preparedQuery(dataSource, insertMunicipality, [code, 'Tweemaaldorp']).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
  });

  it('refuses a statement that does not name its result columns, and allows count(*)', async () => {
    await expect(preparedQuery(dataSource, 'SELECT * FROM municipality WHERE code = $1', ['x'])).rejects.toThrow(
      'names its columns',
    );
    await expect(
      preparedQuery(dataSource, 'UPDATE municipality SET name = name WHERE code = $1 RETURNING *', ['x']),
    ).rejects.toThrow('names its columns');
    await expect(preparedQuery(dataSource, 'SELECT m.* FROM municipality m WHERE m.code = $1', ['x'])).rejects.toThrow(
      'names its columns',
    );
    expect(
      await preparedQuery<{ count: number }>(
        dataSource,
        'SELECT count(*)::int AS count FROM municipality WHERE code = $1',
        ['x'],
      ),
    ).toEqual([{ count: 0 }]);
  });
});
