import { Municipality } from '@app/identity';
import { DataSource } from 'typeorm';
import { createEvent } from './support/activity-fixtures';
import { createMunicipality } from './support/factories';
import { Callers } from './support/openapi-callers';
import { Attempt, OpenApiOperations, Operation, Schema, sendAttempt } from './support/openapi-operations';
import { bookSlot, hoursFromNow } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { askForHelp, registerVolunteer, setUpMatching } from './support/volunteer-fixtures';

/** Tables of municipal records, each with its own id. */
const RECORD_TABLES_SQL = `SELECT c.table_name AS name
  FROM information_schema.columns c
  JOIN information_schema.columns i ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
 WHERE c.table_schema = 'public' AND c.column_name = 'municipality_id'
 ORDER BY 1`;

/**
 * Every operation of the OpenAPI document that takes an id, called by each role of one
 * municipality with the ids of another's records, in the path and in the body: none answers
 * 2xx, and not one row of the other municipality changes.
 */
describe("another municipality's ids", () => {
  let app: TestApp;
  let own: Municipality;
  let dataSource: DataSource;

  beforeAll(async () => {
    // The worker delivers the volunteer's confirmation mail.
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
    own = await createMunicipality(app);
  });
  afterAll(() => app.close());

  it('reach none of its records through any operation, read or write', async () => {
    const foreign = await populateForeignMunicipality(app);
    const tables = (await dataSource.query<Array<{ name: string }>>(RECORD_TABLES_SQL)).map(({ name }) => name);
    const idsByTable = new Map<string, string>();
    for (const table of tables) {
      const [row] = await dataSource.query<Array<{ id: string }>>(
        `SELECT id::text FROM ${table} WHERE municipality_id <> $1 ORDER BY (municipality_id = $2) DESC LIMIT 1`,
        [own.id, foreign.id],
      );
      if (row) idsByTable.set(table, row.id);
    }
    expect([...idsByTable.keys()]).toEqual(
      expect.arrayContaining([
        'carer',
        'care_relationship',
        'respite_slot',
        'respite_booking',
        'volunteer_match',
        'carer_question',
        'screening',
        'signal',
      ]),
    );
    const before = await fingerprint(tables);

    const operations = await OpenApiOperations.read(app, own.code);
    const callers = new Callers(app, own);
    const leaks: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const operation of operations.all.filter(takesIds(operations))) {
      const valid = operations.plausibleAttempt(operation);
      const role = await callers.roleAdmitted(operation, valid);
      // Public routes and the operator's own are not a municipality's to guard.
      if (operation.security.length === 0 || role === 'operator') continue;
      for (const attempt of foreignAttempts(operation, valid, operations, idsByTable)) {
        const answer = await sendAttempt(app, operation, attempt, await callers.headers(role));
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status < 400 || answer.status >= 500)
          leaks.push(
            `${operation.method} ${operation.path} as ${role}: ${answer.status} for ${JSON.stringify(attempt)}`,
          );
      }
    }
    process.stdout.write(
      `Foreign ids: ${sent} requests over ${idsByTable.size} tables; answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(leaks).toEqual([]);
    expect(await fingerprint(tables)).toEqual(before);
  }, 600_000);

  /**
   * A digest per table of every row outside the municipality whose callers make the requests. Of
   * messages only which exist: the worker running alongside changes their delivery status.
   */
  async function fingerprint(tables: string[]): Promise<Record<string, string>> {
    const digests: Record<string, string> = {};
    for (const table of tables) {
      const row = table === 'message' ? 't.id::text' : 't::text';
      const [{ digest }] = await dataSource.query<Array<{ digest: string | null }>>(
        `SELECT md5(string_agg(${row}, '|' ORDER BY t.id)) AS digest FROM ${table} t WHERE municipality_id <> $1`,
        [own.id],
      );
      digests[table] = digest ?? '';
    }
    return digests;
  }
});

/** A municipality with carers, a booked slot, a volunteer matched to a help request, an event, a question, an overloaded screening and a partner. */
async function populateForeignMunicipality(app: TestApp): Promise<Municipality> {
  const { municipality, admin, staff, carer } = await setUpMatching(app);
  await app.patch('/api/v1/municipality/settings', {
    token: admin.accessToken,
    body: { respiteMinimumNoticeHours: 1 },
  });
  const offer = await app.post('/api/v1/respite/offers', {
    token: staff.accessToken,
    body: { kind: 'day_care', name: 'De Linde', location: 'Dorpsstraat 1', suitability: ['dementia'] },
  });
  const slot = await app.post(`/api/v1/respite/offers/${offer.body.id}/slots`, {
    token: staff.accessToken,
    body: { startsAt: hoursFromNow(48), endsAt: hoursFromNow(52), capacity: 2 },
  });
  expect((await bookSlot(app, carer.token, slot.body.id, carer.relationshipId)).status).toBe(201);
  const volunteerId = await registerVolunteer(app, staff.accessToken, 'Jansen', {
    skills: ['transport'],
    availability: ['3-middag'],
  });
  const requestId = await askForHelp(app, carer.token, carer.relationshipId);
  const match = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
    token: staff.accessToken,
    body: { volunteerId },
  });
  expect(match.status).toBe(201);
  await createEvent(app, admin.accessToken);
  const question = await app.post('/api/v1/me/questions', {
    token: carer.token,
    body: { topic: 'client_support', text: 'Waar vind ik hulp bij de administratie?' },
  });
  expect(question.status).toBe(201);
  // An overloaded screening raises a signal for staff to follow up.
  const screening = await app.post('/api/v1/me/screenings', {
    token: carer.token,
    body: { instrument: 'ediz', answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
  });
  expect(screening.status).toBe(201);
  await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Bloemist' } });
  return municipality;
}

const looksLikeId = (name: string, schema: Schema | undefined) => schema?.format === 'uuid' || /(^id|Id)$/.test(name);

function takesIds(operations: OpenApiOperations) {
  return (operation: Operation) =>
    operation.parameters.some((parameter) => parameter.in === 'path') ||
    Object.entries(operations.resolve(operation.body)?.properties ?? {}).some(([name, schema]) =>
      looksLikeId(name, schema as Schema),
    );
}

/**
 * The tables an id field may point into, by its name: `slotId` → respite_slot, `{id}` after
 * `/carers` → carer; every table when the name says nothing.
 */
function tablesFor(name: string, path: string, tables: string[]): string[] {
  const segments = path.split('/');
  const noun =
    name === 'id'
      ? (segments[segments.indexOf('{id}') - 1] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
      : name.replace(/Id$/, '');
  const snake = noun
    .replace(/([A-Z])/g, '_$1')
    .toLowerCase()
    .replace(/-/g, '_');
  const named =
    snake === 'user' ? ['account'] : tables.filter((table) => table === snake || table.endsWith(`_${snake}`));
  return named.length > 0 ? named : tables;
}

/** The plausible request with every id field, in the path and at the body's top level, set to another municipality's records. */
function* foreignAttempts(
  operation: Operation,
  valid: Attempt,
  operations: OpenApiOperations,
  idsByTable: Map<string, string>,
): Generator<Attempt> {
  const tables = [...idsByTable.keys()];
  const bodyFields = Object.entries(operations.resolve(operation.body)?.properties ?? {})
    .filter(([name, schema]) => looksLikeId(name, schema as Schema))
    .map(([name]) => name);
  const pathFields = operation.parameters.filter((parameter) => parameter.in === 'path').map(({ name }) => name);
  const choices = [
    ...pathFields.map((name) => ({ where: 'path' as const, name, tables: tablesFor(name, operation.path, tables) })),
    ...bodyFields.map((name) => ({ where: 'body' as const, name, tables: tablesFor(name, operation.path, tables) })),
  ];
  const rounds = Math.max(...choices.map((choice) => choice.tables.length));
  for (let round = 0; round < rounds; round += 1) {
    const path = { ...valid.path };
    const body = typeof valid.body === 'object' && valid.body !== null ? { ...valid.body } : valid.body;
    for (const choice of choices) {
      const id = idsByTable.get(choice.tables[round % choice.tables.length])!;
      if (choice.where === 'path') path[choice.name] = id;
      else (body as Record<string, unknown>)[choice.name] = id;
    }
    yield { ...valid, path, body };
  }
}
