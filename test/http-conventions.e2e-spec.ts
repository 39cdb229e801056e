import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, uniqueEmail } from './support/factories';
import { seedCarers } from './support/respite-fixtures';
import { TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('lists every invalid field in a problem+json answer', async () => {
    const answer = await app.post('/api/v1/auth/login', { body: { email: 42, password: ['x'] } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: expect.any(String),
      title: 'De gegevens kloppen niet',
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(answer.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
      expect.arrayContaining(['email', 'password']),
    );
  });

  it('speaks one language in a problem: Dutch by default, English to who asks for it', async () => {
    const english = { 'accept-language': 'en-GB,en;q=0.9' };
    const invalid = { email: 'nobody@example.org', password: 'not the password' };
    const cases = [
      () => app.post('/api/v1/auth/login', { body: {} }),
      () => app.post('/api/v1/auth/login', { body: {}, headers: english }),
      () => app.post('/api/v1/auth/login', { body: invalid }),
      () => app.post('/api/v1/auth/login', { body: invalid, headers: english }),
      () => app.get('/api/v1/does-not-exist'),
      () => app.get('/api/v1/does-not-exist', { headers: english }),
    ];
    const answers: Array<{ title: string; detail: string }> = [];
    for (const send of cases) answers.push((await send()).body as { title: string; detail: string });
    expect(answers.map(({ title, detail }) => [title, detail])).toEqual([
      ['De gegevens kloppen niet', 'Het verzoek heeft ongeldige of onbekende velden.'],
      ['The request is not valid', 'The request has invalid or unknown fields.'],
      ['E-mailadres of wachtwoord klopt niet', 'Het e-mailadres of het wachtwoord klopt niet.'],
      ['Email or password is incorrect', 'Email or password is incorrect.'],
      ['Niet gevonden', 'Niet gevonden.'],
      ['Not found', 'The resource was not found.'],
    ]);
  });

  it('rejects unknown body fields, missing fields and huge strings', async () => {
    const unknown = await app.post('/api/v1/auth/login', { body: { email: 'a@b.nl', password: 'x', isAdmin: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ field: 'isAdmin', message: expect.stringContaining('should not exist') }]);
    const missing = await app.post('/api/v1/auth/login', { body: { email: 'a@b.nl' } });
    expect(new Set(missing.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set(['password']));
    const huge = await app.post('/api/v1/auth/login', {
      body: { email: `${'a'.repeat(10_000)}@b.nl`, password: 'p'.repeat(100_000) },
    });
    expect(huge.status).toBe(400);
    expect(huge.body.code).toBe('VALIDATION_FAILED');
  });

  it('answers malformed JSON, oversized bodies and unknown routes with problem+json', async () => {
    const malformed = await app.post('/api/v1/auth/login', {
      rawBody: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const oversized = await app.post('/api/v1/auth/login', {
      rawBody: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.code).toBe('PAYLOAD_TOO_LARGE');
    const nowhere = await app.get('/api/v1/does-not-exist');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify([malformed.body, oversized.body, nowhere.body])).not.toMatch(
      /stack|Error:|node_modules|SELECT/,
    );
  });

  it('refuses the NUL character, an overlong path and null for a field that cannot be emptied, as problems', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const inQuery = await app.get('/api/v1/carers?name=a%00b', { token: admin.accessToken });
    expect(inQuery.status).toBe(400);
    expect(inQuery.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name' }] });
    const inBody = await app.post('/api/v1/auth/login', { body: { email: 'a@b.nl', password: 'x\u0000y' } });
    expect(inBody.status).toBe(400);
    expect(inBody.body.errors).toEqual([{ field: 'password', message: 'password must not contain the NUL character' }]);
    const overlong = await app.get(`/api/v1/users/${'x'.repeat(5000)}`, { token: admin.accessToken });
    expect(overlong.status).toBe(414);
    expect(overlong.headers['content-type']).toContain('application/problem+json');
    expect(overlong.body).toMatchObject({ status: 414, code: 'URI_TOO_LONG' });
    expect(overlong.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-request-id': expect.any(String) });
    const [carer] = await seedCarers(app, municipality, 1);
    const emptied = await app.patch('/api/v1/me/carer', { token: carer.token, body: { firstName: null } });
    expect(emptied.status).toBe(400);
    expect(emptied.body.errors.map((error: { field: string }) => error.field)).toContain('firstName');
    expect((await app.get('/api/v1/me/carer', { token: carer.token })).body.firstName).toBe('Test');
    const offer = await app.post('/api/v1/respite/offers', {
      token: admin.accessToken,
      body: { kind: 'day_care', name: 'De Linde', location: 'Dorpsstraat 1' },
    });
    for (const emptied of [{ name: null }, { suitability: null }, { alsoServes: null }])
      expect(
        (await app.patch(`/api/v1/respite/offers/${offer.body.id}`, { token: admin.accessToken, body: emptied }))
          .status,
      ).toBe(400);
    const cleared = await app.patch(`/api/v1/respite/offers/${offer.body.id}`, {
      token: admin.accessToken,
      body: { location: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ name: 'De Linde', location: null });
  });

  it("answers a portal form holding the NUL character with the portal's own page", async () => {
    const form = await app.get('/sign-in');
    const cookie = String(form.headers['set-cookie']).split(';')[0];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body as string)?.[1];
    expect(csrf).toBeDefined();
    const answer = await app.post('/sign-in', {
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      rawBody: new URLSearchParams({ _csrf: csrf!, email: 'iemand\u0000@example.nl', password: 'x\u0000y' }).toString(),
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers['content-type']).toContain('text/html');
  });

  it('rejects an id that is not a UUID', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const answer = await app.get("/api/v1/users/1' OR '1'='1", { token: admin.accessToken });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/problem+json');
  });

  it('replays a POST with the same Idempotency-Key and body, once', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const headers = { 'idempotency-key': `partner-${Date.now()}-abc` };
    const first = await app.post('/api/v1/partners', {
      token: admin.accessToken,
      headers,
      body: { name: 'Kaaswinkel' },
    });
    const again = await app.post('/api/v1/partners', {
      token: admin.accessToken,
      headers,
      body: { name: 'Kaaswinkel' },
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await app.post('/api/v1/partners', { token: admin.accessToken, headers, body: { name: 'Slager' } });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const rows = await app.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM partner WHERE municipality_id = $1', [municipality.id]);
    expect(rows[0].n).toBe(1);
    // The stored answer holds the API key, so it is kept encrypted.
    const [stored] = await app.app
      .get(DataSource)
      .query('SELECT response_sealed FROM idempotency_record WHERE key = $1', [headers['idempotency-key']]);
    expect(stored.response_sealed).toMatch(/^v1:/);
    expect(stored.response_sealed).not.toContain(first.body.apiKey);
  });

  it('lets a key whose request crashed before its work committed run again, and never runs committed work twice', async () => {
    const dataSource = app.app.get(DataSource);
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const create = (key: string) =>
      app.post('/api/v1/partners', {
        token: admin.accessToken,
        headers: { 'idempotency-key': key },
        body: { name: 'Bakker' },
      });
    const hashOf = async (key: string) => {
      await create(key);
      const [row] = await dataSource.query('SELECT request_hash FROM idempotency_record WHERE key = $1', [key]);
      return row.request_hash as string;
    };
    const requestHash = await hashOf(`probe-${Date.now()}`);
    const claimed = (key: string, lease: string, committed: boolean) =>
      dataSource.query(
        `INSERT INTO idempotency_record (scope, key, request_hash, lease_expires_at, work_committed_at)
         VALUES ($1, $2, $3, now() + $4::interval, CASE WHEN $5 THEN now() END)`,
        [`admin:${admin.id}`, key, requestHash, lease, committed],
      );
    const partners = async () =>
      (
        await dataSource.query('SELECT count(*)::int AS n FROM partner WHERE municipality_id = $1', [municipality.id])
      )[0].n as number;
    expect(await partners()).toBe(1);

    const running = `running-${Date.now()}`;
    await claimed(running, '1 minute', false);
    expect((await create(running)).body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    const crashed = `crashed-${Date.now()}`;
    await claimed(crashed, '-1 second', false);
    expect((await create(crashed)).status).toBe(201);
    expect(await partners()).toBe(2);
    const lost = `lost-${Date.now()}`;
    await claimed(lost, '-1 second', true);
    const answer = await create(lost);
    expect([answer.status, answer.body.code]).toEqual([409, 'IDEMPOTENCY_ANSWER_LOST']);
    expect(await partners()).toBe(2);
  });

  it('runs simultaneous repeats of one Idempotency-Key only once', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const headers = { 'idempotency-key': `race-${Date.now()}-xyz` };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        app.post('/api/v1/partners', { token: admin.accessToken, headers, body: { name: 'Bakker' } }),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    expect(
      answers.every(
        (answer) => answer.status === 201 || (answer.status === 409 && answer.body.code === 'IDEMPOTENCY_IN_PROGRESS'),
      ),
    ).toBe(true);
    const rows = await app.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM partner WHERE municipality_id = $1', [municipality.id]);
    expect(rows[0].n).toBe(1);
  });

  it('lets a failed request be retried with the same key', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const email = uniqueEmail('retry');
    await createPerson(app, municipality, 'staff', { email });
    const headers = { 'idempotency-key': `invite-${Date.now()}-key` };
    const conflict = await app.post('/api/v1/users', {
      token: admin.accessToken,
      headers,
      body: { email, role: 'staff', displayName: 'X' },
    });
    expect(conflict.status).toBe(409);
    const again = await app.post('/api/v1/users', {
      token: admin.accessToken,
      headers,
      body: { email, role: 'staff', displayName: 'X' },
    });
    expect(again.status).toBe(409);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('pages with limit and cursor, newest first, without gaps or repeats', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    for (let index = 0; index < 4; index++) await createPerson(app, municipality, 'staff');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await app.get(
        `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin.accessToken },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[seen.length - 1]).toBe(admin.id);

    expect((await app.get('/api/v1/users?limit=101', { token: admin.accessToken })).status).toBe(400);
    expect((await app.get('/api/v1/users?limit=abc', { token: admin.accessToken })).status).toBe(400);
    const badCursor = await app.get('/api/v1/users?cursor=bm90LWEtY3Vyc29y', { token: admin.accessToken });
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.code).toBe('INVALID_CURSOR');
  });

  it('sets security headers and echoes a request id', async () => {
    const answer = await app.get('/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(answer.headers['x-request-id']).toBe('trace-123');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['content-security-policy']).toContain("form-action 'self'");
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Over plain http a browser is not told to switch to https.
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    expect(answer.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    // Problem answers carry them too: a route that does not exist, and one refused without a token.
    for (const refused of [await app.get('/api/v1/no-such-route'), await app.get('/api/v1/me')]) {
      expect([401, 404]).toContain(refused.status);
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('serves Prometheus metrics', async () => {
    await app.get('/health');
    const answer = await app.get('/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('text/plain');
    expect(answer.body).toContain('http_request_duration_seconds_bucket');
    expect(answer.body).toContain('process_resident_memory_bytes');
  });

  it('documents every route with its problem answers in OpenAPI', async () => {
    const docs = await app.get('/api/docs-json');
    expect(docs.status).toBe(200);
    const paths = docs.body.paths as Record<
      string,
      Record<string, { responses: Record<string, unknown>; security?: unknown[]; parameters?: unknown[] }>
    >;
    for (const route of [
      '/api/v1/auth/login',
      '/api/v1/auth/refresh',
      '/api/v1/auth/verify-email',
      '/api/v1/me',
      '/api/v1/users/{id}',
      '/api/v1/partners',
      '/health',
      '/metrics',
    ]) {
      expect(paths[route]).toBeDefined();
    }
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const codes = Object.keys(operation.responses);
        expect({ route: `${method} ${path}`, ok: codes.some((code) => code.startsWith('2')) }).toEqual({
          route: `${method} ${path}`,
          ok: true,
        });
        if (operation.security?.length) {
          expect({ route: `${method} ${path}`, codes }).toEqual({
            route: `${method} ${path}`,
            codes: expect.arrayContaining(['401', '403']),
          });
        }
      }
    }
    expect(paths['/api/v1/auth/login'].post.responses).toHaveProperty('429');
    expect(docs.body.components.schemas.ProblemDto).toBeDefined();
    expect(paths['/api/v1/partners'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]),
    );
  });

  it('answers every list in one shape: { items, nextCursor } with limit and cursor', async () => {
    const docs = (await app.get('/api/docs-json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: { schemas: Record<string, OpenApiSchema> };
    };
    const resolve = (schema: OpenApiSchema | undefined): OpenApiSchema | undefined =>
      schema?.$ref ? resolve(docs.components.schemas[schema.$ref.split('/').pop()!]) : schema;
    const lists: string[] = [];
    const misfits: Array<{ route: string; problem: string }> = [];
    for (const [path, operations] of Object.entries(docs.paths)) {
      const operation = operations.get;
      const schema = resolve(operation?.responses['200']?.content?.['application/json']?.schema);
      if (!operation || !schema) continue;
      const route = `GET ${path}`;
      if (schema.type === 'array') {
        misfits.push({ route, problem: 'answers a bare array' });
        continue;
      }
      if (!schema.properties?.items) continue;
      lists.push(route);
      const parameters = (operation.parameters ?? []).map((parameter) => `${parameter.in}:${parameter.name}`);
      if (!schema.properties.nextCursor) misfits.push({ route, problem: 'no nextCursor' });
      if (!schema.required?.includes('nextCursor')) misfits.push({ route, problem: 'nextCursor not required' });
      if (!parameters.includes('query:limit')) misfits.push({ route, problem: 'no limit' });
      if (!parameters.includes('query:cursor')) misfits.push({ route, problem: 'no cursor' });
    }
    expect(misfits).toEqual([]);
    // The walk found the lists (a renamed schema cannot make it pass by finding none).
    expect(lists).toEqual(
      expect.arrayContaining(['GET /api/v1/me/activities', 'GET /api/v1/me/vouchers', 'GET /api/v1/carers']),
    );
  });

  it('walks a short list page by page with limit and cursor', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    for (const [index, name] of ['Noord', 'Oost', 'Zuid', 'West', 'Centrum'].entries()) {
      const created = await app.post('/api/v1/wijken', {
        token: admin.accessToken,
        body: { name, postcodeRanges: [{ from: 3001 + index, to: 3001 + index }] },
      });
      expect(created.status).toBe(201);
    }
    const all = await app.get('/api/v1/wijken?limit=100', { token: admin.accessToken });
    expect(all.body.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await app.get(`/api/v1/wijken?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        token: admin.accessToken,
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((wijk: { id: string }) => wijk.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((wijk: { id: string }) => wijk.id));
    expect(seen).toHaveLength(5);
    const forged = await app.get('/api/v1/wijken?limit=2&cursor=bm90LWEtd2lqaw', { token: admin.accessToken });
    expect([forged.status, forged.body.code]).toEqual([400, 'INVALID_CURSOR']);
  });
});

interface OpenApiSchema {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, OpenApiSchema>;
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, { schema?: OpenApiSchema }> }>;
}
