import { randomUUID } from 'node:crypto';
import { Municipality } from '@app/identity';
import { Message, OutboxEntry } from '@app/messaging';
import { insertRows } from '@app/platform';
import { DataSource, QueryFailedError } from 'typeorm';
import { unusedMunicipalityCode } from './support/factories';
import { TestApp } from './support/test-app';

describe('insertRows (plain inserts from entity metadata)', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });

  afterAll(() => app.close());

  it('writes through column transformers and jsonb, and reads back as TypeORM does', async () => {
    const [municipality] = await insertRows(dataSource.manager, Municipality, [
      {
        code: await unusedMunicipalityCode(dataSource),
        name: 'Rijendorp',
        settings: { waitlistHoldHours: 7 } as Municipality['settings'],
      },
    ]);
    expect(municipality).toBeInstanceOf(Municipality);
    expect(municipality.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(municipality.createdAt).toBeInstanceOf(Date);
    expect(municipality.timezone).toBe('Europe/Amsterdam');
    // Settings not stored read as their defaults, as through the repository.
    expect(municipality.settings.waitlistHoldHours).toBe(7);
    expect(municipality.settings.reminderOffsetsHours.length).toBeGreaterThan(0);
    const viaRepository = await dataSource.getRepository(Municipality).findOneByOrFail({ id: municipality.id });
    expect(municipality).toEqual(viaRepository);

    const params = { names: ['Ans', 'Bert'], nested: { count: 2 } };
    const [message] = await insertRows(dataSource.manager, Message, [
      {
        municipalityId: municipality.id,
        kind: 'test.kind',
        category: 'transactional',
        channel: 'email',
        status: 'skipped',
        outcome: 'cancelled',
        toAddress: 'ans@example.org',
        params,
      },
    ]);
    expect(message.params).toEqual(params);
    expect(message.language).toBe('nl');
    const [stored] = await dataSource.query<Array<{ type: string }>>(
      `SELECT jsonb_typeof(params -> 'names') AS type FROM message WHERE id = $1`,
      [message.id],
    );
    expect(stored.type).toBe('array');
  });

  it('splits what exceeds one statement’s parameters, and skips or refuses conflicts as asked', async () => {
    const prefix = `insert-rows-${randomUUID()}`;
    // Five columns a row: 14,000 rows need 70,000 parameters, more than one statement takes.
    const rows = Array.from({ length: 14_000 }, (_, index) => ({
      queue: 'mail',
      jobName: 'deliver',
      jobId: `${prefix}.${index}`,
      payload: { index },
      cancelledAt: new Date(),
    }));
    const inserted = await insertRows(dataSource.manager, OutboxEntry, rows);
    expect(inserted).toHaveLength(14_000);
    expect(new Set(inserted.map((entry) => entry.jobId)).size).toBe(14_000);

    const again = await insertRows(dataSource.manager, OutboxEntry, rows.slice(0, 3), { skipConflicts: true });
    expect(again).toEqual([]);
    await expect(insertRows(dataSource.manager, OutboxEntry, rows.slice(0, 1))).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    const [{ count }] = await dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM outbox_entry WHERE job_id LIKE $1`,
      [`${prefix}.%`],
    );
    expect(count).toBe(14_000);
  });

  it('refuses a property that is not a column', async () => {
    await expect(
      insertRows(dataSource.manager, OutboxEntry, [{ queue: 'mail', unknown: 1 } as Partial<OutboxEntry>]),
    ).rejects.toThrow('No column for property unknown');
  });
});
