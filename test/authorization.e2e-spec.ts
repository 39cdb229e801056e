import { PartnerService } from '@app/identity';
import { RequestContext } from '@app/platform';
import { createMunicipality, createPerson } from './support/factories';
import { TestApp } from './support/test-app';

describe('roles and municipality scoping', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('answers 401 without a token or with a forged one', async () => {
    expect((await app.get('/api/v1/me')).status).toBe(401);
    const forged = await app.get('/api/v1/me', {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl',
    });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers 403 for a role the route does not allow', async () => {
    const municipality = await createMunicipality(app);
    const staff = await createPerson(app, municipality, 'staff');
    const carer = await createPerson(app, municipality, 'carer');
    const adminOnly = await app.post('/api/v1/partners', { token: staff.accessToken, body: { name: 'Boekhandel' } });
    expect(adminOnly.status).toBe(403);
    expect(adminOnly.body.code).toBe('FORBIDDEN');
    expect((await app.get('/api/v1/wijken', { token: carer.accessToken })).status).toBe(403);
    expect((await app.get('/api/v1/wijken', { token: staff.accessToken })).status).toBe(200);
  });

  it('hides records of another municipality behind 404', async () => {
    const landsmeer = await createMunicipality(app, 'Landsmeer');
    const velsen = await createMunicipality(app, 'Velsen');
    const adminLandsmeer = await createPerson(app, landsmeer, 'admin');
    const staffVelsen = await createPerson(app, velsen, 'staff');

    const foreign = await app.get(`/api/v1/users/${staffVelsen.id}`, { token: adminLandsmeer.accessToken });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const missing = await app.get('/api/v1/users/3f1c2f7e-0d8e-4a8e-9f5e-2b7f3a9c1d00', {
      token: adminLandsmeer.accessToken,
    });
    expect(missing.body).toEqual(foreign.body);

    const list = await app.get('/api/v1/users?limit=100', { token: adminLandsmeer.accessToken });
    expect(list.body.items.map((user: { id: string }) => user.id)).toEqual([adminLandsmeer.id]);
  });

  it('keeps wijken, settings and partners to their municipality', async () => {
    const first = await createMunicipality(app);
    const second = await createMunicipality(app);
    const adminFirst = await createPerson(app, first, 'admin');
    const adminSecond = await createPerson(app, second, 'admin');

    const wijk = { name: 'Centrum', postcodeRanges: [{ from: 1121, to: 1122 }] };
    expect((await app.post('/api/v1/wijken', { token: adminFirst.accessToken, body: wijk })).status).toBe(201);
    // The same postcodes may belong to a wijk of another municipality, but not twice in one.
    expect((await app.post('/api/v1/wijken', { token: adminSecond.accessToken, body: wijk })).status).toBe(201);
    const overlap = await app.post('/api/v1/wijken', {
      token: adminFirst.accessToken,
      body: { name: 'Noord', postcodeRanges: [{ from: 1122, to: 1125 }] },
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('WIJK_POSTCODE_OVERLAP');

    const lookup = await app.get('/api/v1/wijken/lookup?postcode=1122%20AB', { token: adminFirst.accessToken });
    expect(lookup.status).toBe(200);
    expect(lookup.body.name).toBe('Centrum');
    expect((await app.get('/api/v1/wijken/lookup?postcode=9999%20ZZ', { token: adminFirst.accessToken })).status).toBe(
      404,
    );

    const changed = await app.patch('/api/v1/municipality/settings', {
      token: adminFirst.accessToken,
      body: { respiteBudget: { unit: 'hours', perYear: 40 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings.respiteBudget).toEqual({ unit: 'hours', perYear: 40 });
    expect(changed.body.settings.vogMaximumAgeMonths).toBe(36);
    const untouched = await app.get('/api/v1/municipality', { token: adminSecond.accessToken });
    expect(untouched.body.settings.respiteBudget).toEqual({ unit: 'dagdelen', perYear: 24 });

    const partner = await app.post('/api/v1/partners', { token: adminFirst.accessToken, body: { name: 'Bloemist' } });
    expect(partner.status).toBe(201);
    expect((await app.get('/api/v1/partners', { token: adminSecond.accessToken })).body.items).toEqual([]);
  });

  it('turns a partner API key into a partner of its municipality, and nothing else', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const created = await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Theater' } });
    expect(created.body.apiKey).toMatch(/^mzp_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    const partners = app.app.get(PartnerService);
    expect(await partners.verify(created.body.apiKey)).toEqual({
      id: created.body.id,
      role: 'partner',
      municipalityId: municipality.id,
      keyScope: { campaignId: null, voucherKinds: null, partnerKind: 'merchant' },
    });
    expect(
      await partners.verify(created.body.apiKey.slice(0, -1) + (created.body.apiKey.endsWith('A') ? 'B' : 'A')),
    ).toBeNull();
    expect(await partners.verify('not-a-key')).toBeNull();
    const stored = await app.app
      .get(RequestContext)
      .runAs({ id: admin.id, role: 'admin', municipalityId: municipality.id }, () => partners.list());
    expect(JSON.stringify(stored)).not.toContain((created.body.apiKey as string).slice('mzp_'.length + 13));
  });
});
