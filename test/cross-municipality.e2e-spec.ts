import { Municipality } from '@app/identity';
import { DataSource } from 'typeorm';
import { createMunicipality } from './support/factories';
import { Callers } from './support/openapi-callers';
import { Attempt, OpenApiOperations, Operation, Schema } from './support/openapi-operations';
import {
  idPerTable,
  listsIds,
  looksLikeId,
  populateMunicipality,
  recordTables,
  tablesFor,
} from './support/municipal-records';
import { TestApp } from './support/test-app';

/**
 * Every operation of the OpenAPI document that takes an id, called by each role of one
 * municipality with the ids of another's records, in the path and in the body: no answer is a 5xx,
 * a read that succeeds, or a write that succeeds and speaks of those records (a batch may answer
 * 200 with none of them done), and not one row of the other municipality changes.
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
    const foreign = await populateMunicipality(app);
    const tables = await recordTables(dataSource);
    const idsByTable = await idPerTable(
      dataSource,
      tables,
      'municipality_id <> $1 ORDER BY (municipality_id = $2) DESC',
      [own.id, foreign.id],
    );
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
    const foreignIds = [...idsByTable.values()];

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
        const answer = await callers.send(operation, attempt, role);
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (
          answer.status >= 500 ||
          (answer.status < 400 && (operation.method === 'GET' || mentionsAny(answer.body, foreignIds)))
        )
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

function takesIds(operations: OpenApiOperations) {
  return (operation: Operation) =>
    operation.parameters.some((parameter) => parameter.in === 'path') ||
    Object.entries(operations.resolve(operation.body)?.properties ?? {}).some(
      ([name, schema]) => looksLikeId(name, schema as Schema) || listsIds(name, schema as Schema),
    );
}

/** The plausible request with every id field (and list of ids), in the path and at the body's top level, set to another municipality's records. */
function* foreignAttempts(
  operation: Operation,
  valid: Attempt,
  operations: OpenApiOperations,
  idsByTable: Map<string, string>,
): Generator<Attempt> {
  const tables = [...idsByTable.keys()];
  const properties = Object.entries<Schema>(operations.resolve(operation.body)?.properties ?? {});
  const bodyFields = properties.filter(([name, schema]) => looksLikeId(name, schema)).map(([name]) => name);
  const listFields = properties.filter(([name, schema]) => listsIds(name, schema)).map(([name]) => name);
  const pathFields = operation.parameters.filter((parameter) => parameter.in === 'path').map(({ name }) => name);
  const choices = [
    ...pathFields.map((name) => ({ where: 'path' as const, name, tables: tablesFor(name, operation.path, tables) })),
    ...bodyFields.map((name) => ({ where: 'body' as const, name, tables: tablesFor(name, operation.path, tables) })),
    ...listFields.map((name) => ({
      where: 'list' as const,
      name,
      tables: tablesFor(name.replace(/Ids$/, 'Id'), operation.path, tables),
    })),
  ];
  const rounds = Math.max(...choices.map((choice) => choice.tables.length));
  for (let round = 0; round < rounds; round += 1) {
    const path = { ...valid.path };
    const body = typeof valid.body === 'object' && valid.body !== null ? { ...valid.body } : valid.body;
    for (const choice of choices) {
      const id = idsByTable.get(choice.tables[round % choice.tables.length])!;
      if (choice.where === 'path') path[choice.name] = id;
      else (body as Record<string, unknown>)[choice.name] = choice.where === 'list' ? [id] : id;
    }
    yield { ...valid, path, body };
  }
}

function mentionsAny(body: unknown, ids: string[]): boolean {
  const text = JSON.stringify(body ?? '');
  return ids.some((id) => text.includes(id));
}
