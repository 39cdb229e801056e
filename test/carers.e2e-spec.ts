import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { announceToCarers } from './support/announcements';
import { TEST_PASSWORD, UNKNOWN_MUNICIPALITY_CODE, uniqueEmail } from './support/factories';
import { municipalityWithWijk as createWijkedMunicipality } from './support/factories';
import { linkToken } from './support/smtp-sink';
import { TestApp } from './support/test-app';

const yearsAgo = (years: number, days = 0) =>
  DateTime.now().setZone('Europe/Amsterdam').minus({ years, days }).toISODate()!;

describe('carers', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const municipalityWithWijk = () => createWijkedMunicipality(app);

  const signUpBody = (code: string, overrides: Record<string, unknown> = {}) => ({
    municipalityCode: code,
    email: uniqueEmail('carer'),
    password: TEST_PASSWORD,
    firstName: 'Anna',
    lastName: 'de Vries',
    dateOfBirth: '1956-04-12',
    postcode: '1121 ab',
    houseNumber: '12a',
    ...overrides,
  });

  it('signs up, verifies the email and becomes an active carer in the right wijk', async () => {
    const { municipality, wijkId } = await municipalityWithWijk();
    const body = signUpBody(municipality.code, { consents: [{ purpose: 'health_data' }], language: 'en' });
    const created = await app.post('/api/v1/carers', { body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'pending_verification' });

    const mail = await app.smtp.waitFor(body.email);
    expect(mail.subject).toBe('Confirm your email address');
    expect(
      (await app.post('/api/v1/auth/verify-email', { body: { token: linkToken(mail, '/verify-email') } })).status,
    ).toBe(200);
    const login = await app.post('/api/v1/auth/login', { body: { email: body.email, password: TEST_PASSWORD } });
    const profile = await app.get('/api/v1/me/carer', { token: login.body.accessToken });
    expect(profile.body).toMatchObject({
      id: created.body.id,
      status: 'active',
      postcode: '1121AB',
      houseNumber: '12a',
      wijkId,
      youngCarer: false,
      language: 'en',
      registeredBy: 'self',
    });
    const consents = await app.get('/api/v1/me/consents', { token: login.body.accessToken });
    expect(consents.body.items).toEqual([
      expect.objectContaining({ purpose: 'health_data', version: '2026-01', givenBy: 'self', withdrawnAt: null }),
    ]);

    const again = await app.post('/api/v1/carers', { body: { ...body, email: String(body.email).toUpperCase() } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('refuses self sign-up under 16 with a clear code, and bad input with field errors', async () => {
    const { municipality } = await municipalityWithWijk();
    const young = await app.post('/api/v1/carers', {
      body: signUpBody(municipality.code, { dateOfBirth: yearsAgo(16, -1) }),
    });
    expect(young.status).toBe(422);
    expect(young.body.code).toBe('SELF_SIGNUP_UNDER_16');
    expect(
      (await app.post('/api/v1/carers', { body: signUpBody(municipality.code, { dateOfBirth: yearsAgo(16) }) })).status,
    ).toBe(201);

    const future = await app.post('/api/v1/carers', {
      body: signUpBody(municipality.code, { dateOfBirth: DateTime.now().plus({ days: 2 }).toISODate() }),
    });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('DATE_IN_FUTURE');

    const bad = await app.post('/api/v1/carers', {
      body: signUpBody(municipality.code, {
        postcode: '0123 AB',
        dateOfBirth: '12-04-1956',
        houseNumber: { n: 1 },
        firstName: 'x'.repeat(5000),
        isStaff: true,
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['postcode', 'dateOfBirth', 'houseNumber', 'firstName', 'isStaff']),
    );

    const nowhere = await app.post('/api/v1/carers', { body: signUpBody(UNKNOWN_MUNICIPALITY_CODE) });
    expect([404]).toContain(nowhere.status);
    expect(nowhere.body.code).toBe('MUNICIPALITY_NOT_FOUND');
    const carers = await dataSource.query('SELECT count(*)::int AS n FROM carer WHERE municipality_id = $1', [
      municipality.id,
    ]);
    expect(carers[0].n).toBe(1);
  });

  it('lets staff register a carer without email (post) and a young carer with guardian consent', async () => {
    const { staff, wijkId } = await municipalityWithWijk();
    const paper = await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: { firstName: 'Gerrit', lastName: 'Bakker', dateOfBirth: '1940-01-30', postcode: '1121CD', houseNumber: 3 },
    });
    expect(paper.status).toBe(201);
    expect(paper.body.status).toBe('active');
    const paperCarer = await app.get(`/api/v1/carers/${paper.body.id}`, { token: staff.accessToken });
    expect(paperCarer.body).toMatchObject({
      email: null,
      contactChannel: 'post',
      registeredBy: 'staff',
      wijkId,
      houseNumber: '3',
    });

    const withoutGuardian = await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: { firstName: 'Sam', lastName: 'Jansen', dateOfBirth: yearsAgo(14), postcode: '1121AB', houseNumber: '8' },
    });
    expect(withoutGuardian.status).toBe(422);
    expect(withoutGuardian.body.code).toBe('GUARDIAN_CONSENT_REQUIRED');
    const young = await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: {
        firstName: 'Sam',
        lastName: 'Jansen',
        dateOfBirth: yearsAgo(14),
        postcode: '1121AB',
        houseNumber: '8',
        guardianConsent: { guardianName: 'P. Jansen (vader)' },
      },
    });
    expect(young.status).toBe(201);
    const consents = await app.get(`/api/v1/carers/${young.body.id}/consents`, { token: staff.accessToken });
    expect(consents.body.items).toEqual([expect.objectContaining({ purpose: 'guardian', givenBy: 'staff' })]);

    const youngOnly = await app.get('/api/v1/carers?youngCarer=true', { token: staff.accessToken });
    expect(youngOnly.body.items.map((carer: { id: string }) => carer.id)).toEqual([young.body.id]);
    const byName = await app.get('/api/v1/carers?name=bakk', { token: staff.accessToken });
    expect(byName.body.items.map((carer: { id: string }) => carer.id)).toEqual([paper.body.id]);
    const byPostcode = await app.get('/api/v1/carers?postcode=1121%20C', { token: staff.accessToken });
    expect(byPostcode.body.items.map((carer: { id: string }) => carer.id)).toEqual([paper.body.id]);
    // LIKE's wildcards are taken as typed, never as "anything".
    for (const wildcard of ['name=%25', 'name=_', 'name=%5C'])
      expect((await app.get(`/api/v1/carers?${wildcard}`, { token: staff.accessToken })).body.items).toEqual([]);
    const byWijk = await app.get(`/api/v1/carers?wijkId=${wijkId}&limit=1`, { token: staff.accessToken });
    expect(byWijk.body.items).toHaveLength(1);
    expect(byWijk.body.nextCursor).toEqual(expect.any(String));
    expect((await app.get('/api/v1/carers?youngCarer=maybe', { token: staff.accessToken })).status).toBe(400);
  });

  it('keeps health fields only under consent, encrypted, and erases them when consent is withdrawn', async () => {
    const { municipality } = await municipalityWithWijk();
    const body = signUpBody(municipality.code);
    await app.post('/api/v1/carers', { body });
    const carer = (await app.post('/api/v1/auth/login', { body: { email: body.email, password: TEST_PASSWORD } })).body
      .accessToken as string;
    const relationship = {
      careRecipientName: 'M.',
      relation: 'parent',
      livesInMunicipality: true,
      since: '2021-03-01',
      hoursPerWeek: 12.5,
    };

    const withoutConsent = await app.post('/api/v1/me/care-relationships', {
      token: carer,
      body: { ...relationship, kindsOfCare: ['dementia'] },
    });
    expect(withoutConsent.status).toBe(422);
    expect(withoutConsent.body.code).toBe('HEALTH_CONSENT_REQUIRED');
    const plain = await app.post('/api/v1/me/care-relationships', { token: carer, body: relationship });
    expect(plain.status).toBe(201);
    expect(plain.body).toMatchObject({ careRecipientName: 'M.', hoursPerWeek: 12.5, kindsOfCare: [], notes: null });

    for (const [field, value] of [
      ['hoursPerWeek', 200],
      ['hoursPerWeek', 'twelve'],
      ['since', '2099-01-01'],
      ['careRecipientName', 'Maria Johanna de Vries'],
      ['relation', 'boss'],
    ] as const) {
      const answer = await app.post('/api/v1/me/care-relationships', {
        token: carer,
        body: { ...relationship, [field]: value },
      });
      expect({ field, status: answer.status }).toEqual({ field, status: 400 });
    }

    expect((await app.post('/api/v1/me/consents', { token: carer, body: { purpose: 'health_data' } })).status).toBe(
      201,
    );
    const withHealth = await app.post('/api/v1/me/care-relationships', {
      token: carer,
      body: {
        ...relationship,
        careRecipientName: 'J',
        kindsOfCare: ['dementia', 'physical'],
        notes: 'Vader dwaalt s nachts',
      },
    });
    expect(withHealth.status).toBe(201);
    expect(withHealth.body.notes).toBe('Vader dwaalt s nachts');
    const stored = await dataSource.query('SELECT notes_encrypted FROM care_relationship WHERE id = $1', [
      withHealth.body.id,
    ]);
    expect(stored[0].notes_encrypted).toMatch(/^v1:/);
    expect(stored[0].notes_encrypted).not.toContain('dwaalt');

    const withdrawn = await app.post('/api/v1/me/consents/health_data/withdraw', { token: carer });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.items[0].withdrawnAt).toEqual(expect.any(String));
    const after = await app.get('/api/v1/me/care-relationships', { token: carer });
    expect(after.body.items.find((item: { id: string }) => item.id === withHealth.body.id)).toMatchObject({
      kindsOfCare: [],
      notes: null,
    });
    const raw = await dataSource.query('SELECT kinds_of_care, notes_encrypted FROM care_relationship WHERE id = $1', [
      withHealth.body.id,
    ]);
    expect(raw[0]).toEqual({ kinds_of_care: [], notes_encrypted: null });
    expect(
      (await app.patch(`/api/v1/me/care-relationships/${plain.body.id}`, { token: carer, body: { notes: 'x' } }))
        .status,
    ).toBe(422);

    const updated = await app.patch(`/api/v1/me/care-relationships/${plain.body.id}`, {
      token: carer,
      body: { hoursPerWeek: 20 },
    });
    expect(updated.body.hoursPerWeek).toBe(20);
    expect(
      (await app.post(`/api/v1/me/care-relationships/${plain.body.id}/end`, { token: carer })).body.endedAt,
    ).toEqual(expect.any(String));
    const endedChange = await app.patch(`/api/v1/me/care-relationships/${plain.body.id}`, {
      token: carer,
      body: { hoursPerWeek: 10 },
    });
    expect(endedChange.status).toBe(409);
    expect((await app.get('/api/v1/me/care-relationships', { token: carer })).body.items).toHaveLength(1);
  });

  it('keeps every carer route inside the municipality', async () => {
    const first = await municipalityWithWijk();
    const second = await municipalityWithWijk();
    const bodyA = signUpBody(first.municipality.code);
    const createdA = await app.post('/api/v1/carers', { body: bodyA });
    const carerA = (await app.post('/api/v1/auth/login', { body: { email: bodyA.email, password: TEST_PASSWORD } }))
      .body.accessToken as string;
    const relationA = await app.post('/api/v1/me/care-relationships', {
      token: carerA,
      body: {
        careRecipientName: 'K.',
        relation: 'child',
        livesInMunicipality: true,
        since: '2020-01-01',
        hoursPerWeek: 9,
      },
    });
    const bodyB = signUpBody(second.municipality.code);
    await app.post('/api/v1/carers', { body: bodyB });
    const carerB = (await app.post('/api/v1/auth/login', { body: { email: bodyB.email, password: TEST_PASSWORD } }))
      .body.accessToken as string;

    for (const path of [
      `/api/v1/carers/${createdA.body.id}`,
      `/api/v1/carers/${createdA.body.id}/care-relationships`,
      `/api/v1/carers/${createdA.body.id}/consents`,
    ]) {
      const answer = await app.get(path, { token: second.staff.accessToken });
      expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    expect(
      (await app.get('/api/v1/carers?limit=100', { token: second.staff.accessToken })).body.items.map(
        (carer: { id: string }) => carer.id,
      ),
    ).not.toContain(createdA.body.id);
    expect(
      (
        await app.patch(`/api/v1/me/care-relationships/${relationA.body.id}`, {
          token: carerB,
          body: { hoursPerWeek: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await app.post(`/api/v1/me/care-relationships/${relationA.body.id}/end`, { token: carerB })).status).toBe(
      404,
    );
    expect((await app.get('/api/v1/carers', { token: carerA })).status).toBe(403);
    expect((await app.get('/api/v1/me/carer', { token: first.staff.accessToken })).status).toBe(403);
  });

  it('lists carers who chose post, with their address, for the print shop', async () => {
    const { admin, staff } = await municipalityWithWijk();
    const other = await municipalityWithWijk();
    await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: {
        firstName: 'Gerrit',
        lastName: '=Bakker, sr.',
        dateOfBirth: '1940-01-30',
        postcode: '1121CD',
        houseNumber: '3-hs',
      },
    });
    await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: {
        firstName: 'Els',
        lastName: 'Smit',
        dateOfBirth: '1950-05-05',
        postcode: '1121AB',
        houseNumber: '9',
        email: uniqueEmail('els'),
      },
    });
    const started = await announceToCarers(app, admin.accessToken);
    const path = `/api/v1/fanouts/${started.body.fanoutId}`;
    for (let attempt = 0; attempt < 100 && !(await app.get(path, { token: admin.accessToken })).body.done; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await app.get(path, { token: admin.accessToken })).body).toMatchObject({
      total: 2,
      sent: 1,
      toPrint: 1,
      done: true,
    });

    const csv = await app.get(`${path}/post-recipients.csv`, { token: admin.accessToken });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toBe('name,postcode,house_number,language\r\n"Gerrit =Bakker, sr.",1121 CD,3-hs,nl\r\n');
    expect((await app.get(`${path}/post-recipients.csv`, { token: other.admin.accessToken })).status).toBe(404);
  });

  it('lets staff keep the relationships and consents of a carer without a login', async () => {
    const { staff } = await municipalityWithWijk();
    const other = await municipalityWithWijk();
    const paper = await app.post('/api/v1/carers/registrations', {
      token: staff.accessToken,
      body: {
        firstName: 'Gerrit',
        lastName: 'Bakker',
        dateOfBirth: '1940-01-30',
        postcode: '1121CD',
        houseNumber: '3',
      },
    });
    const base = `/api/v1/carers/${paper.body.id}`;
    const relationship = {
      careRecipientName: 'T.',
      relation: 'partner',
      livesInMunicipality: true,
      since: '2019-06-01',
      hoursPerWeek: 30,
      kindsOfCare: ['dementia'],
    };
    expect(
      (await app.post(`${base}/care-relationships`, { token: staff.accessToken, body: relationship })).body.code,
    ).toBe('HEALTH_CONSENT_REQUIRED');
    expect(
      (await app.post(`${base}/consents`, { token: staff.accessToken, body: { purpose: 'health_data' } })).body,
    ).toMatchObject({ purpose: 'health_data', givenBy: 'staff' });
    const added = await app.post(`${base}/care-relationships`, { token: staff.accessToken, body: relationship });
    expect(added.status).toBe(201);
    expect(
      (
        await app.patch(`${base}/care-relationships/${added.body.id}`, {
          token: staff.accessToken,
          body: { hoursPerWeek: 40 },
        })
      ).body.hoursPerWeek,
    ).toBe(40);
    expect(
      (
        await app.post(`${base}/care-relationships/${added.body.id}`, {
          token: other.staff.accessToken,
          body: relationship,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.patch(`${base}/care-relationships/${added.body.id}`, {
          token: other.staff.accessToken,
          body: { hoursPerWeek: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await app.post(`${base}/consents/health_data/withdraw`, { token: other.staff.accessToken })).status).toBe(
      404,
    );
    const withdrawn = await app.post(`${base}/consents/health_data/withdraw`, { token: staff.accessToken });
    expect(withdrawn.status).toBe(200);
    expect(
      (await app.get(`${base}/care-relationships`, { token: staff.accessToken })).body.items[0].kindsOfCare,
    ).toEqual([]);
    expect(
      (await app.post(`${base}/care-relationships/${added.body.id}/end`, { token: staff.accessToken })).body.endedAt,
    ).toEqual(expect.any(String));
  });
});
