import { DataSource } from 'typeorm';
import { municipalityWithWijk, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { bookSlot, hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

describe('access trust: proxies', () => {
  let app: TestApp;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    app = await TestApp.start({ env: { TRUST_PROXY: '10.60.0.0/16' } });
  });
  afterAll(async () => {
    await app.close();
    process.env = { ...savedEnv };
  });

  const login = (ip: string, forwardedFor: string) =>
    app.post('/api/v1/auth/login', {
      body: { email: uniqueEmail('guess'), password: 'wrong password guess' },
      headers: { 'x-forwarded-for': forwardedFor },
      ip,
    });

  it('ignores X-Forwarded-For from a peer it does not trust, and reads it from one it does', async () => {
    const answers = await Promise.all(
      Array.from({ length: 51 }, (_, attempt) => login('10.70.1.1', `198.51.100.${attempt + 1}`)),
    );
    // Every forged address counted on the real peer: its allowance of 50 is gone.
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(50);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
    expect((await login('10.70.1.1', '198.51.100.200')).status).toBe(429);
    // Through the trusted proxy, the client it names is counted, not the proxy or the forger.
    expect((await login('10.60.0.1', '203.0.113.9')).status).toBe(401);
    expect((await login('10.60.0.1', '10.70.1.1')).status).toBe(429);
  });
});

describe('access trust: metrics', () => {
  let app: TestApp;
  const savedEnv = { ...process.env };
  const token = 'metrics-scraper-token-0123456789';

  beforeAll(async () => {
    app = await TestApp.start({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await app.close();
    process.env = { ...savedEnv };
  });

  it('answers /metrics only to the configured bearer token', async () => {
    expect((await app.get('/metrics')).status).toBe(401);
    expect(
      (await app.get('/metrics', { headers: { authorization: 'Bearer wrong-token-of-the-same-size!!' } })).status,
    ).toBe(401);
    const scraped = await app.get('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('http_request_duration_seconds');
  });
});

describe('access trust: withdrawing an account', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await TestApp.start();
    second = await TestApp.start();
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('disables an account: sign-in, refresh and access tokens end on every API process within five seconds', async () => {
    const { admin, staff } = await municipalityWithWijk(first);
    const elsewhere = await municipalityWithWijk(first);
    expect((await second.get('/api/v1/me', { token: staff.accessToken })).status).toBe(200);

    expect((await first.post(`/api/v1/users/${staff.id}/disable`, { token: elsewhere.admin.accessToken })).status).toBe(
      404,
    );
    expect((await first.post(`/api/v1/users/${staff.id}/disable`, { token: staff.accessToken })).status).toBe(403);
    const self = await first.post(`/api/v1/users/${admin.id}/disable`, { token: admin.accessToken });
    expect([self.status, self.body.code]).toEqual([409, 'CANNOT_DISABLE_SELF']);

    const disabled = await first.post(`/api/v1/users/${staff.id}/disable`, { token: admin.accessToken });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    await waitUntil(
      async () => (await second.get('/api/v1/me', { token: staff.accessToken })).status === 401,
      5000,
      'the access token refused by the other API process',
    );
    expect((await first.get('/api/v1/me', { token: staff.accessToken })).status).toBe(401);
    expect((await second.post('/api/v1/auth/refresh', { body: { refreshToken: staff.refreshToken } })).status).toBe(
      401,
    );
    const login = await second.post('/api/v1/auth/login', { body: { email: staff.email, password: TEST_PASSWORD } });
    expect([login.status, login.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);

    const enabled = await first.post(`/api/v1/users/${staff.id}/enable`, { token: admin.accessToken });
    expect([enabled.status, enabled.body.disabled]).toEqual([200, false]);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await second.post('/api/v1/auth/login', { body: { email: staff.email, password: TEST_PASSWORD } });
    expect(again.status).toBe(200);
    expect((await second.get('/api/v1/me', { token: again.body.accessToken })).status).toBe(200);
  });

  it('refuses a key revoked through one API process on the other from the next request on', async () => {
    const { admin } = await municipalityWithWijk(first);
    const created = await first.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Bioscoop' } });
    const redeemOn = async (app: TestApp) =>
      (
        await app.post('/api/v1/vouchers/redemptions', {
          headers: { 'x-api-key': created.body.apiKey },
          body: { code: 'AAAA-AAAA-AAAA-2', amountCents: 100 },
        })
      ).status;
    expect(await redeemOn(second)).toBe(404);
    const [key] = (await first.get(`/api/v1/partners/${created.body.id}/keys`, { token: admin.accessToken })).body
      .items;
    const revoked = await first.request('DELETE', `/api/v1/partners/${created.body.id}/keys/${key.id}`, {
      token: admin.accessToken,
    });
    expect(revoked.status).toBe(204);
    expect(await redeemOn(second)).toBe(401);
  });
});

describe('access trust: partner keys', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('gives a partner several keys, lists them without the secret, and refuses a revoked one at once', async () => {
    const { admin } = await municipalityWithWijk(app);
    const elsewhere = await municipalityWithWijk(app);
    const created = await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Boekhandel' } });
    expect(created.status).toBe(201);
    const partnerId = created.body.id as string;
    const first = created.body.apiKey as string;
    const added = await app.post(`/api/v1/partners/${partnerId}/keys`, { token: admin.accessToken });
    expect(added.status).toBe(201);
    const second = added.body.apiKey as string;
    // Authenticated: an unknown code answers 404; a refused key answers 401.
    const useKey = async (apiKey: string) =>
      (
        await app.post('/api/v1/vouchers/redemptions', {
          headers: { 'x-api-key': apiKey },
          body: { code: 'AAAA-AAAA-AAAA-2', amountCents: 100 },
        })
      ).status;
    expect([await useKey(first), await useKey(second)]).toEqual([404, 404]);

    const listed = await app.get(`/api/v1/partners/${partnerId}/keys`, { token: admin.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(JSON.stringify(listed.body)).not.toContain(first.slice('mzp_'.length + 13));
    expect(listed.body.items.map((key: { prefix: string }) => key.prefix).sort()).toEqual(
      [first.split('_')[1], second.split('_')[1]].sort(),
    );
    expect(listed.body.items.every((key: { lastUsedAt: string | null }) => key.lastUsedAt !== null)).toBe(true);

    const firstId = listed.body.items.find((key: { prefix: string }) => key.prefix === first.split('_')[1]).id;
    expect(
      (
        await app.request('DELETE', `/api/v1/partners/${partnerId}/keys/${firstId}`, {
          token: elsewhere.admin.accessToken,
        })
      ).status,
    ).toBe(404);
    expect((await app.get(`/api/v1/partners/${partnerId}/keys`, { token: elsewhere.admin.accessToken })).status).toBe(
      404,
    );
    const revoked = await app.request('DELETE', `/api/v1/partners/${partnerId}/keys/${firstId}`, {
      token: admin.accessToken,
    });
    expect(revoked.status).toBe(204);
    expect([await useKey(first), await useKey(second)]).toEqual([401, 404]);
    const after = await app.get(`/api/v1/partners/${partnerId}/keys`, { token: admin.accessToken });
    expect(after.body.items.find((key: { id: string }) => key.id === firstId).revokedAt).not.toBeNull();
  });
});

describe('access trust: an audit log the application cannot bypass', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const sameTransaction = async (table: string, id: string, subjectId: string) => {
    const [row] = await dataSource.query(`SELECT xmin::text AS tx FROM ${table} WHERE id = $1`, [id]);
    const entries = await dataSource.query(
      `SELECT xmin::text AS tx, action FROM audit_entry WHERE subject_id = $1 AND action = 'change'`,
      [subjectId],
    );
    return { changeTx: row.tx, entries };
  };

  it("writes a staff change's entry in the change's own transaction, also when the record is new", async () => {
    const { admin, staff } = await municipalityWithWijk(app);
    const disabled = await app.post(`/api/v1/users/${staff.id}/disable`, { token: admin.accessToken });
    expect(disabled.status).toBe(200);
    const disabling = await sameTransaction('account', staff.id, staff.id);
    expect(disabling.entries).toEqual([{ tx: disabling.changeTx, action: 'change' }]);

    const { staff: otherStaff } = await municipalityWithWijk(app);
    const registered = await app.post('/api/v1/carers/registrations', {
      token: otherStaff.accessToken,
      body: { firstName: 'Gerrit', lastName: 'Bakker', dateOfBirth: '1940-01-30', postcode: '1121CD', houseNumber: 3 },
    });
    expect(registered.status).toBe(201);
    const registering = await sameTransaction('carer', registered.body.id, registered.body.id);
    expect(registering.entries).toEqual([{ tx: registering.changeTx, action: 'change' }]);
  });

  it("shows another municipality's staff reading a regional booking in the carer's access log and both admins' audit views", async () => {
    const provider = await setUpRespite(app);
    const home = await setUpRespite(app);
    const regional = await app.post('/api/v1/respite/offers', {
      token: provider.staff.accessToken,
      body: { kind: 'short_stay', name: 'Logeerhuis Regio', alsoServes: [home.municipality.id] },
    });
    const slot = await app.post(`/api/v1/respite/offers/${regional.body.id}/slots`, {
      token: provider.staff.accessToken,
      body: { startsAt: hoursFromNow(75), endsAt: hoursFromNow(79), capacity: 2 },
    });
    const [carer] = await seedCarers(app, home.municipality, 1);
    expect((await bookSlot(app, carer.token, slot.body.id, carer.relationshipId)).status).toBe(201);

    const read = await app.get(`/api/v1/respite/slots/${slot.body.id}/bookings`, { token: provider.staff.accessToken });
    expect([read.status, read.body.items.length]).toEqual([200, 1]);

    const mine = await app.get('/api/v1/me/access-log', { token: carer.token });
    expect(mine.body.items).toContainEqual(
      expect.objectContaining({
        action: 'read',
        subjectType: 'respite_booking',
        otherMunicipality: provider.municipality.name,
      }),
    );
    for (const admin of [home.admin, provider.admin]) {
      const audit = await app.get(`/api/v1/audit?subjectAccountId=${carer.accountId}`, { token: admin.accessToken });
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({
          action: 'read',
          actorAccountId: provider.staff.id,
          actorMunicipalityId: provider.municipality.id,
        }),
      );
    }
    const bystander = await setUpRespite(app);
    const elsewhere = await app.get(`/api/v1/audit?subjectAccountId=${carer.accountId}`, {
      token: bystander.admin.accessToken,
    });
    expect(elsewhere.body.items).toEqual([]);
  });

  it('runs as a role that adds to the audit log but cannot rewrite it, switch its trigger off or own a table', async () => {
    const [{ user }] = await dataSource.query('SELECT current_user AS user');
    const owner = new URL(process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL!).username;
    expect(user).not.toBe(owner);
    await expect(dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER USER')).rejects.toThrow(/owner/);
    await expect(dataSource.query(`UPDATE audit_entry SET reason = 'rewritten'`)).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('DELETE FROM audit_entry')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
    await expect(dataSource.query('DROP TABLE audit_entry')).rejects.toThrow(/owner/);
    await expect(dataSource.query(`DELETE FROM schema_migrations`)).rejects.toThrow(/permission denied/);
    const owned = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    expect(owned[0].n).toBe(0);
  });
});
