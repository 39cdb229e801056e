import { randomUUID } from 'node:crypto';
import { Municipality } from '@app/identity';
import { DataSource } from 'typeorm';
import { createMunicipality } from './support/factories';
import {
  idPerTable,
  listsIds,
  looksLikeId,
  namedTables,
  populateMunicipality,
  recordTables,
} from './support/municipal-records';
import { Callers } from './support/openapi-callers';
import { Attempt, OpenApiOperations, Operation, Resolve, Schema } from './support/openapi-operations';
import { HttpAnswer, TestApp } from './support/test-app';

const HUGE = 'x'.repeat(20_000);
const WRONG_VALUES = [
  null,
  12345,
  -1,
  1.5,
  1e308,
  2 ** 31,
  'text',
  'a\u0000b',
  HUGE,
  true,
  [],
  [HUGE],
  {},
  { nested: {} },
];

/** Values of the right type at or past its edges: far dates, impossible days, numbers beyond a column's range. */
function edgesOf(schema: Schema | undefined): unknown[] {
  if (schema?.format === 'date' || schema?.pattern?.includes('\\d{4}-'))
    return ['0001-01-01', '9999-12-31', '2027-02-30', '2027-13-01', '20270101'];
  if (schema?.format === 'date-time')
    return ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '2027-02-30T10:00:00Z', '2027-03-01T25:00:00Z'];
  if (schema?.type === 'integer' || schema?.type === 'number') return [0, -(2 ** 31), 2 ** 53, Number.MAX_SAFE_INTEGER];
  if (schema?.type === 'array') return [Array.from({ length: 2_000 }, () => 'x')];
  return [];
}
/**
 * Every operation of the OpenAPI document, with the role that gets past its access check, sent
 * wrong input: ids of nothing and of no shape, wrong types, huge strings, missing and unknown
 * fields, bodies that are no object. Whatever comes in, the answer is a 2xx or a 4xx problem+json,
 * never a 5xx.
 */
describe('fuzzed input over the OpenAPI document', () => {
  let app: TestApp;
  let municipality: Municipality;
  let callers: Callers;

  beforeAll(async () => {
    // The worker delivers the volunteer's confirmation mail.
    app = await TestApp.start({ worker: true });
    municipality = await createMunicipality(app);
    callers = new Callers(app, municipality);
  });
  afterAll(() => app.close());

  it('answers wrong input to every operation with a 4xx problem, never a 5xx', async () => {
    const operations = await OpenApiOperations.read(app, municipality.code);
    expect(operations.all.length).toBeGreaterThan(100);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const admitted = new Map<string, number>();
    let sent = 0;
    for (const operation of operations.all) {
      const valid = operations.plausibleAttempt(operation);
      const role = await callers.roleAdmitted(operation, valid);
      admitted.set(role, (admitted.get(role) ?? 0) + 1);
      for (const attempt of wrongAttempts(operation, valid, operations.resolve)) {
        const answer = await callers.send(operation, attempt, role);
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const fault = faultOf(answer);
        if (fault) failures.push(`${operation.method} ${operation.path} as ${role}: ${fault} for ${summary(attempt)}`);
      }
    }
    process.stdout.write(
      `OpenAPI fuzz: ${operations.all.length} operations, ${sent} requests; roles ${JSON.stringify(Object.fromEntries(admitted))}; ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(failures).toEqual([]);
  }, 600_000);

  it('answers wrong input about existing records with a 4xx problem, never a 5xx', async () => {
    // Past the 404 of an unknown id: the same wrong bodies and queries reach the rules and the database.
    const populated = await populateMunicipality(app);
    const dataSource = app.app.get(DataSource);
    const tables = await recordTables(dataSource);
    const ids = await idPerTable(dataSource, tables, 'municipality_id = $1', [populated.id]);
    const operations = await OpenApiOperations.read(app, populated.code);
    const ownCallers = new Callers(app, populated);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    for (const operation of operations.all) {
      const ownId = (name: string) => {
        const table = namedTables(name, operation.path, tables).find((candidate) => ids.has(candidate));
        return table ? ids.get(table) : undefined;
      };
      const names = operation.parameters.filter((parameter) => parameter.in === 'path').map(({ name }) => name);
      const path = Object.fromEntries(names.map((name) => [name, ownId(name)]));
      if (Object.values(path).some((id) => !id)) continue;
      const plausible = operations.plausibleAttempt(operation);
      // Ids in the body point at records too: a slot to book, a volunteer to match, entries to cite.
      const body = withOwnIds(plausible.body, operations.resolve(operation.body), ownId);
      if (names.length === 0 && body === plausible.body) continue;
      const valid = { ...plausible, path: path as Record<string, string>, body };
      const role = await ownCallers.roleAdmitted(operation, valid);
      for (const attempt of wrongAttempts(operation, valid, operations.resolve)) {
        if (attempt.path !== valid.path || attempt.headers) continue;
        const answer = await ownCallers.send(operation, attempt, role);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const fault = faultOf(answer);
        if (fault) failures.push(`${operation.method} ${operation.path} as ${role}: ${fault} for ${summary(attempt)}`);
      }
    }
    process.stdout.write(`OpenAPI fuzz on existing records: answers ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(statuses.get(404) ?? 0).toBeLessThan([...statuses.values()].reduce((sum, count) => sum + count, 0) / 2);
    expect(failures).toEqual([]);
  }, 600_000);
});

/** The body with its top-level id fields and lists of ids set to records that exist; the same body when none is. */
function withOwnIds(body: unknown, schema: Schema | undefined, ownId: (name: string) => string | undefined): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const changed: Record<string, unknown> = { ...body };
  let any = false;
  for (const [name, property] of Object.entries<Schema>(schema?.properties ?? {})) {
    const id = ownId(listsIds(name, property) ? name.replace(/Ids$/, 'Id') : name);
    if (!id || !(looksLikeId(name, property) || listsIds(name, property))) continue;
    changed[name] = listsIds(name, property) ? [id] : id;
    any = true;
  }
  return any ? changed : body;
}

/** One thing wrong at a time, so each answer tells which input a server failed on. */
function* wrongAttempts(operation: Operation, valid: Attempt, resolve: Resolve): Generator<Attempt> {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'header') continue;
    const edges = edgesOf(parameter.schema).map(String);
    for (const wrong of [
      'not-an-id',
      randomUUID(),
      HUGE,
      "'; SELECT 1; --",
      '-1',
      '1e400',
      '',
      '\u0000',
      'a\\',
      '%_%',
      ...edges,
    ]) {
      if (parameter.in === 'path' && wrong === '') continue;
      yield parameter.in === 'path'
        ? { ...valid, path: { ...valid.path, [parameter.name]: wrong } }
        : { ...valid, query: { ...valid.query, [parameter.name]: wrong } };
    }
  }
  yield { ...valid, query: { ...valid.query, unknownParameter: 'x' } };
  for (const authorization of ['Bearer', 'Bearer x.y.z', `Bearer ${HUGE}`, 'Basic YTpi', 'bearer  '])
    yield { ...valid, headers: { authorization } };
  yield { ...valid, headers: { 'x-api-key': 'mz_wrong' } };
  yield { ...valid, headers: { 'accept-language': HUGE.slice(0, 2000) } };
  if (operation.method === 'GET' || operation.method === 'DELETE') return;
  for (const key of ['short', 'k'.repeat(201), 'sleutel met spaties', '../../etc'])
    yield { ...valid, headers: { 'idempotency-key': key } };
  yield {
    ...valid,
    body: undefined,
    rawBody: 'name=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
  yield { ...valid, body: undefined, rawBody: 'plain', headers: { 'content-type': 'text/plain' } };
  for (const rawBody of ['[]', '"text"', '42', 'null', '{', '{"a":']) yield { ...valid, body: undefined, rawBody };
  yield { ...valid, body: {} };
  const body = resolve(operation.body);
  if (!body || typeof valid.body !== 'object' || valid.body === null || Array.isArray(valid.body)) return;
  yield { ...valid, body: { ...valid.body, unknownField: 'x' } };
  const given = valid.body as Record<string, unknown>;
  for (const [name, property] of Object.entries((body.properties ?? {}) as Record<string, Schema>)) {
    for (const wrong of [...WRONG_VALUES, ...edgesOf(resolve(property))]) {
      yield { ...valid, body: { ...given, [name]: wrong } };
    }
    // One level down: the fields of an object, or of an array's first object.
    const inner = resolve(property.type === 'array' ? property.items : property);
    const value = Array.isArray(given[name]) ? (given[name] as unknown[])[0] : given[name];
    if (!inner?.properties || typeof value !== 'object' || value === null) continue;
    for (const innerName of Object.keys(inner.properties)) {
      for (const wrong of [null, 12345, 'a\u0000b', HUGE, {}]) {
        const changed = { ...value, [innerName]: wrong };
        yield { ...valid, body: { ...given, [name]: Array.isArray(given[name]) ? [changed] : changed } };
      }
    }
  }
}

function faultOf(answer: HttpAnswer): string | null {
  if (answer.status >= 500) return `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`;
  if (answer.status < 400) return null;
  const type = String(answer.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return `${answer.status} as ${type}`;
  if (answer.body?.status !== answer.status || typeof answer.body?.title !== 'string')
    return `${answer.status} without a problem's status and title`;
  return null;
}

function summary(attempt: Attempt): string {
  return JSON.stringify(attempt, (_, value) => (value === HUGE ? `x × ${HUGE.length}` : value)).slice(0, 300);
}
