import { randomUUID } from 'node:crypto';
import { Municipality } from '@app/identity';
import { createMunicipality, createOperator, createPerson } from './support/factories';
import { seedCarers } from './support/respite-fixtures';
import { HttpAnswer, TestApp } from './support/test-app';
import { signUpVolunteer } from './support/volunteer-fixtures';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Schema = Record<string, any>;

interface Operation {
  method: Method;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  body?: Schema;
  security: string[];
}

interface Attempt {
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** Headers sent instead of (or besides) the caller's own. */
  headers?: Record<string, string>;
}

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
const CALLER_ROLES = ['admin', 'staff', 'carer', 'volunteer', 'provider', 'operator', 'partner'] as const;
type CallerRole = (typeof CALLER_ROLES)[number];

/**
 * Every operation of the OpenAPI document, with the role that gets past its access check, sent
 * wrong input: ids of nothing and of no shape, wrong types, huge strings, missing and unknown
 * fields, bodies that are no object. Whatever comes in, the answer is a 2xx or a 4xx problem+json,
 * never a 5xx.
 */
describe('fuzzed input over the OpenAPI document', () => {
  let app: TestApp;
  let municipality: Municipality;
  const tokens = new Map<CallerRole, string>();

  beforeAll(async () => {
    // The worker delivers the volunteer's confirmation mail.
    app = await TestApp.start({ worker: true });
    municipality = await createMunicipality(app);
  });
  afterAll(() => app.close());

  /** A token for the role, signed in again when an earlier request (a sign-out, a deletion) ended it. */
  async function credentials(role: CallerRole): Promise<Record<string, string>> {
    let token = tokens.get(role);
    const stillValid = async () =>
      role === 'partner'
        ? true
        : (await app.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } })).status === 200;
    if (!token || !(await stillValid())) {
      token = await signIn(role);
      tokens.set(role, token);
    }
    return role === 'partner' ? { 'x-api-key': token } : { authorization: `Bearer ${token}` };
  }

  /** A caller of the role with what its routes need: a carer with a care relationship, a volunteer's profile. */
  async function signIn(role: CallerRole): Promise<string> {
    if (role === 'partner') return partnerKey();
    if (role === 'operator') return (await createOperator(app)).accessToken;
    if (role === 'carer') return (await seedCarers(app, municipality, 1))[0].token;
    if (role === 'volunteer') return (await signUpVolunteer(app, municipality.code)).token;
    return (await createPerson(app, municipality, role)).accessToken;
  }

  async function partnerKey(): Promise<string> {
    const admin = await createPerson(app, municipality, 'admin');
    const created = await app.post('/api/v1/partners', {
      token: admin.accessToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { name: 'Boekhandel' },
    });
    if (created.status !== 201) throw new Error(`partner not created: ${JSON.stringify(created.body)}`);
    return created.body.apiKey as string;
  }

  it('answers wrong input to every operation with a 4xx problem, never a 5xx', async () => {
    const docs = (await app.get('/api/docs-json')).body;
    const operations = operationsOf(docs);
    expect(operations.length).toBeGreaterThan(100);
    const resolve = (schema: Schema | undefined): Schema | undefined =>
      schema?.$ref ? resolve(docs.components.schemas[schema.$ref.split('/').pop()]) : schema;
    const plausible = plausibleValues(resolve, municipality.code);

    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const admitted = new Map<string, number>();
    let sent = 0;
    for (const operation of operations) {
      const valid = plausibleAttempt(operation, plausible, resolve);
      const role = await roleAdmitted(operation, valid);
      admitted.set(role, (admitted.get(role) ?? 0) + 1);
      for (const attempt of wrongAttempts(operation, valid, resolve)) {
        const answer = await send(operation, attempt, await credentials(role));
        sent += 1;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const fault = faultOf(answer);
        if (fault) failures.push(`${operation.method} ${operation.path} as ${role}: ${fault} for ${summary(attempt)}`);
      }
    }
    process.stdout.write(
      `OpenAPI fuzz: ${operations.length} operations, ${sent} requests; roles ${JSON.stringify(Object.fromEntries(admitted))}; ` +
        `answers ${JSON.stringify(Object.fromEntries(statuses))}\n`,
    );
    expect(failures).toEqual([]);
  }, 600_000);

  /** The first role whose plausible request gets past authentication and the role check. */
  async function roleAdmitted(operation: Operation, valid: Attempt): Promise<CallerRole> {
    const candidates: readonly CallerRole[] = operation.security.includes('apiKey')
      ? ['partner']
      : operation.security.length === 0
        ? ['admin']
        : CALLER_ROLES.filter((role) => role !== 'partner');
    for (const role of candidates) {
      // A GET as it is; anything else without a body, so that it stops at validation when it gets past the role.
      const probe = operation.method === 'GET' ? valid : { ...valid, body: undefined };
      const answer = await send(operation, probe, await credentials(role));
      if (answer.status !== 401 && answer.status !== 403) return role;
    }
    return candidates[0];
  }

  function send(operation: Operation, attempt: Attempt, headers: Record<string, string>): Promise<HttpAnswer> {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(attempt.path[name] ?? randomUUID()),
    );
    const query = new URLSearchParams(attempt.query).toString();
    const mutating = operation.method !== 'GET';
    return app.request(operation.method, `${path}${query ? `?${query}` : ''}`, {
      headers: {
        ...headers,
        ...(mutating ? { 'idempotency-key': randomUUID() } : {}),
        ...(attempt.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...attempt.headers,
      },
      body: attempt.body,
      rawBody: attempt.rawBody,
    });
  }
});

function operationsOf(docs: any): Operation[] {
  const methods: Method[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
  return Object.entries(docs.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
    methods
      .filter((method) => byMethod[method.toLowerCase()])
      .map((method) => {
        const operation = byMethod[method.toLowerCase()];
        return {
          method,
          path,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content?.['application/json']?.schema,
          security: (operation.security ?? []).flatMap((requirement: object) => Object.keys(requirement)),
        };
      }),
  );
}

/** A value of the schema's type and format that validation could accept. */
function plausibleValues(resolve: (schema: Schema | undefined) => Schema | undefined, municipalityCode: string) {
  const value = (schema: Schema | undefined, name = '', depth = 0): unknown => {
    const resolved = resolve(schema) ?? {};
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum) return resolved.enum[0];
    if (resolved.allOf) return value(resolved.allOf[0], name, depth);
    if (resolved.oneOf || resolved.anyOf) return value((resolved.oneOf ?? resolved.anyOf)[0], name, depth);
    switch (resolved.type) {
      case 'integer':
      case 'number':
        return resolved.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 ? [] : [value(resolved.items, name, depth + 1)];
      case 'object':
        return depth > 3 ? {} : objectOf(resolved, depth);
      default:
        return stringOf(resolved, name);
    }
  };
  const objectOf = (schema: Schema, depth: number) =>
    Object.fromEntries(
      Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, property]) => [
        name,
        value(property, name, depth + 1),
      ]),
    );
  const stringOf = (schema: Schema, name: string): string => {
    if (schema.format === 'uuid' || /Id$|^id$/.test(name)) return randomUUID();
    if (schema.format === 'date') return '2027-03-01';
    if (schema.format === 'date-time') return '2027-03-01T10:00:00.000Z';
    if (schema.format === 'email' || /email/i.test(name)) return 'fuzz@example.nl';
    if (/municipality/i.test(name)) return municipalityCode;
    if (/postcode/i.test(name)) return '1121AB';
    return 'Tekst'.padEnd(Math.max(schema.minLength ?? 0, 5), 'x');
  };
  return value;
}

function plausibleAttempt(
  operation: Operation,
  plausible: (schema: Schema | undefined, name?: string) => unknown,
  resolve: (schema: Schema | undefined) => Schema | undefined,
): Attempt {
  const path: Record<string, string> = {};
  const query: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const given = String(plausible(parameter.schema, parameter.name));
    if (parameter.in === 'path') path[parameter.name] = given;
    if (parameter.in === 'query' && parameter.required) query[parameter.name] = given;
  }
  return { path, query, body: operation.body ? plausible(resolve(operation.body)) : undefined };
}

/** One thing wrong at a time, so each answer tells which input a server failed on. */
function* wrongAttempts(
  operation: Operation,
  valid: Attempt,
  resolve: (schema: Schema | undefined) => Schema | undefined,
): Generator<Attempt> {
  for (const parameter of operation.parameters) {
    if (parameter.in === 'header') continue;
    const edges = edgesOf(parameter.schema).map(String);
    for (const wrong of ['not-an-id', randomUUID(), HUGE, "'; SELECT 1; --", '-1', '1e400', '', '\u0000', ...edges]) {
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
