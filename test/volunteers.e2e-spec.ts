import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { municipalityWithWijk as createWijkedMunicipality } from './support/factories';
import { linkToken } from './support/smtp-sink';
import { TestApp } from './support/test-app';
import { signUpVolunteer } from './support/volunteer-fixtures';
import { VolunteerExpiry } from '@app/volunteers';

const yearsAgo = (years: number, days = 0) =>
  DateTime.now().setZone('Europe/Amsterdam').minus({ years, days }).toISODate()!;
const daysFromNow = (days: number) => DateTime.now().setZone('Europe/Amsterdam').plus({ days }).toISODate()!;

describe('volunteers', () => {
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
    email: uniqueEmail('volunteer'),
    password: TEST_PASSWORD,
    firstName: 'Kees',
    lastName: 'Bakker',
    dateOfBirth: '1958-02-03',
    postcode: '1121 AB',
    houseNumber: '4',
    skills: ['transport', 'company'],
    languages: ['nl', 'tr'],
    availability: ['3-middag', '1-ochtend', '1-ochtend'],
    maxMatches: 3,
    ...overrides,
  });

  const signUpAndLogIn = (code: string, overrides: Record<string, unknown> = {}) =>
    signUpVolunteer(app, code, overrides);

  it('signs a volunteer up in the right wijk, verifies the email, and lets them keep their preferences', async () => {
    const { municipality, wijkId } = await municipalityWithWijk();
    const body = signUpBody(municipality.code);
    const created = await app.post('/api/v1/volunteers', { body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'pending_verification' });
    const mail = await app.smtp.waitFor(body.email);
    expect(mail.subject).toBe('Bevestig uw e-mailadres');
    expect(
      (await app.post('/api/v1/auth/verify-email', { body: { token: linkToken(mail, '/verify-email') } })).status,
    ).toBe(200);
    const token = (await app.post('/api/v1/auth/login', { body: { email: body.email, password: TEST_PASSWORD } })).body
      .accessToken;

    const profile = await app.get('/api/v1/me/volunteer', { token });
    expect(profile.body).toMatchObject({
      id: created.body.id,
      postcode: '1121AB',
      wijkId,
      status: 'active',
      skills: ['transport', 'company'],
      languages: ['nl', 'tr'],
      availability: ['1-ochtend', '3-middag'],
      maxMatches: 3,
      vogIssuedOn: null,
      email: body.email,
    });
    const changed = await app.patch('/api/v1/me/volunteer', {
      token,
      body: { availability: ['5-avond', '2-ochtend'], maxMatches: 1 },
    });
    expect(changed.body).toMatchObject({
      availability: ['2-ochtend', '5-avond'],
      maxMatches: 1,
      skills: ['transport', 'company'],
    });
    expect((await app.patch('/api/v1/me/volunteer', { token, body: { skills: ['juggling'] } })).body.code).toBe(
      'UNKNOWN_SKILL',
    );
    expect((await app.patch('/api/v1/me/volunteer', { token, body: { availability: ['8-ochtend'] } })).status).toBe(
      400,
    );
    expect((await app.patch('/api/v1/me/volunteer', { token, body: { maxMatches: 0 } })).status).toBe(400);
    expect((await app.patch('/api/v1/me/volunteer', { token, body: { vogIssuedOn: '2026-01-01' } })).status).toBe(400);

    const away = await app.post('/api/v1/me/volunteer/absences', {
      token,
      body: { from: daysFromNow(10), to: daysFromNow(20) },
    });
    expect(away.status).toBe(201);
    expect((await app.get('/api/v1/me/volunteer/absences', { token })).body.items).toEqual([
      { id: away.body.id, from: daysFromNow(10), to: daysFromNow(20) },
    ]);
    expect(
      (await app.post('/api/v1/me/volunteer/absences', { token, body: { from: daysFromNow(20), to: daysFromNow(10) } }))
        .status,
    ).toBe(400);

    const again = await app.post('/api/v1/volunteers', { body: { ...body, email: body.email.toUpperCase() } });
    expect([again.status, again.body.code]).toEqual([409, 'EMAIL_TAKEN']);
  });

  it('refuses the too young, unknown skills and bad input, writing nothing', async () => {
    const { municipality } = await municipalityWithWijk();
    const accounts = async () =>
      (
        await dataSource.query('SELECT count(*)::int AS n FROM account WHERE municipality_id = $1', [municipality.id])
      )[0].n;
    const before = await accounts();
    const young = await app.post('/api/v1/volunteers', {
      body: signUpBody(municipality.code, { dateOfBirth: yearsAgo(16, -1) }),
    });
    expect([young.status, young.body.code]).toEqual([422, 'VOLUNTEER_TOO_YOUNG']);
    expect(
      (await app.post('/api/v1/volunteers', { body: signUpBody(municipality.code, { dateOfBirth: yearsAgo(16) }) }))
        .status,
    ).toBe(201);
    const skill = await app.post('/api/v1/volunteers', {
      body: signUpBody(municipality.code, { skills: ['transport', 'juggling'] }),
    });
    expect([skill.status, skill.body.code]).toEqual([422, 'UNKNOWN_SKILL']);
    expect(skill.body.detail).toContain('juggling');
    for (const overrides of [
      { availability: ['maandag'] },
      { languages: ['dutch'] },
      { maxMatches: '2' },
      { firstName: 'x'.repeat(10_000) },
      { email: 'not-an-email' },
      { dateOfBirth: daysFromNow(3) },
      { municipalityCode: 'GM99' },
      { role: 'admin' },
    ]) {
      const answer = await app.post('/api/v1/volunteers', { body: signUpBody(municipality.code, overrides) });
      expect({ overrides, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        overrides,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    const { password: _password, ...withoutPassword } = signUpBody(municipality.code);
    expect((await app.post('/api/v1/volunteers', { body: withoutPassword })).status).toBe(400);
    expect(await accounts()).toBe(before + 1);

    // Skills come from the municipality's own list.
    const admin = await createPerson(app, municipality, 'admin');
    await app.patch('/api/v1/municipality/settings', {
      token: admin.accessToken,
      body: { volunteerSkills: ['transport', 'juggling'] },
    });
    expect(
      (await app.post('/api/v1/volunteers', { body: signUpBody(municipality.code, { skills: ['juggling'] }) })).status,
    ).toBe(201);
  });

  it('lets staff register volunteers, record VOG and trainings, and find them, inside their municipality only', async () => {
    const first = await municipalityWithWijk();
    const second = await municipalityWithWijk();
    const { municipalityCode: _code, password, ...registration } = signUpBody(first.municipality.code);
    // Staff do not choose the password or the municipality.
    expect(
      (
        await app.post('/api/v1/volunteers/registrations', {
          token: first.staff.accessToken,
          body: { ...registration, password },
        })
      ).status,
    ).toBe(400);
    const invited = await app.post('/api/v1/volunteers/registrations', {
      token: first.staff.accessToken,
      body: registration,
    });
    expect(invited.body).toEqual({ id: expect.any(String), status: 'invited' });
    expect((await app.smtp.waitFor(registration.email)).subject).toBeTruthy();
    const { email: _email, ...withoutEmail } = registration;
    const onPaper = await app.post('/api/v1/volunteers/registrations', {
      token: first.staff.accessToken,
      body: { ...withoutEmail, skills: ['transport'] },
    });
    expect(onPaper.body.status).toBe('registered');

    const vog = await app.request('PUT', `/api/v1/volunteers/${invited.body.id}/vog`, {
      token: first.staff.accessToken,
      body: { issuedOn: yearsAgo(1) },
    });
    expect(vog.body.vogIssuedOn).toBe(yearsAgo(1));
    // The answer shows the same person as a GET does, address included.
    const shown = await app.get(`/api/v1/volunteers/${invited.body.id}`, { token: first.staff.accessToken });
    expect(vog.body).toEqual(shown.body);
    expect(vog.body.email).toBe(registration.email);
    const stale = await app.request('PUT', `/api/v1/volunteers/${onPaper.body.id}/vog`, {
      token: first.staff.accessToken,
      body: { issuedOn: yearsAgo(4) },
    });
    expect(stale.status).toBe(200);
    expect(
      (
        await app.request('PUT', `/api/v1/volunteers/${onPaper.body.id}/vog`, {
          token: first.staff.accessToken,
          body: { issuedOn: daysFromNow(1) },
        })
      ).body.code,
    ).toBe('DATE_IN_FUTURE');
    const training = await app.post(`/api/v1/volunteers/${invited.body.id}/trainings`, {
      token: first.staff.accessToken,
      body: { kind: 'dementia', completedOn: yearsAgo(0, 30), validUntil: daysFromNow(700) },
    });
    expect(training.status).toBe(201);
    expect(
      (
        await app.post(`/api/v1/volunteers/${invited.body.id}/trainings`, {
          token: first.staff.accessToken,
          body: { kind: 'dementia', completedOn: yearsAgo(0, 30), validUntil: yearsAgo(1) },
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.get(`/api/v1/volunteers/${invited.body.id}/trainings`, { token: first.staff.accessToken })).body.items,
    ).toEqual([TrainingShape('dementia')]);

    // The VOG counts for 36 months by default.
    const ids = async (query: string) =>
      (await app.get(`/api/v1/volunteers?${query}`, { token: first.staff.accessToken })).body.items
        .map((item: { id: string }) => item.id)
        .sort();
    expect(await ids('vogValid=true')).toEqual([invited.body.id]);
    expect(await ids('vogValid=false')).toEqual([onPaper.body.id]);
    expect(await ids('skill=company')).toEqual([invited.body.id]);
    expect(await ids(`wijkId=${first.wijkId}`)).toEqual([invited.body.id, onPaper.body.id].sort());
    const paged = await app.get('/api/v1/volunteers?limit=1', { token: first.staff.accessToken });
    expect(paged.body.items).toHaveLength(1);
    expect(
      (await app.get(`/api/v1/volunteers?limit=1&cursor=${paged.body.nextCursor}`, { token: first.staff.accessToken }))
        .body.items,
    ).toHaveLength(1);

    // Another municipality's staff, a carer, and the volunteer themselves stay out.
    expect((await app.get(`/api/v1/volunteers/${invited.body.id}`, { token: second.staff.accessToken })).status).toBe(
      404,
    );
    expect(
      (
        await app.request('PUT', `/api/v1/volunteers/${invited.body.id}/vog`, {
          token: second.staff.accessToken,
          body: { issuedOn: yearsAgo(1) },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.post(`/api/v1/volunteers/${invited.body.id}/trainings`, {
          token: second.staff.accessToken,
          body: { kind: 'dementia', completedOn: yearsAgo(1) },
        })
      ).status,
    ).toBe(404);
    expect((await app.get('/api/v1/volunteers', { token: second.staff.accessToken })).body.items).toEqual([]);
    const carer = await createPerson(app, first.municipality, 'carer');
    expect((await app.get('/api/v1/volunteers', { token: carer.accessToken })).status).toBe(403);
    expect((await app.get('/api/v1/me/volunteer', { token: carer.accessToken })).status).toBe(403);
    const volunteer = await signUpAndLogIn(first.municipality.code);
    expect((await app.get(`/api/v1/volunteers/${invited.body.id}`, { token: volunteer.token })).status).toBe(403);
    expect(
      (
        await app.request('PUT', `/api/v1/volunteers/${volunteer.id}/vog`, {
          token: volunteer.token,
          body: { issuedOn: yearsAgo(1) },
        })
      ).status,
    ).toBe(403);
  });

  it('reminds volunteers and staff, once, before a VOG reaches its maximum age or a training lapses', async () => {
    const { municipality, staff, admin } = await municipalityWithWijk();
    const vogSoon = DateTime.now().setZone('Europe/Amsterdam').minus({ months: 36 }).plus({ days: 10 }).toISODate()!;
    const expiring = await signUpAndLogIn(municipality.code, { lastName: 'Bijna' });
    const fine = await signUpAndLogIn(municipality.code, { lastName: 'Ruim' });
    await app.request('PUT', `/api/v1/volunteers/${expiring.id}/vog`, {
      token: staff.accessToken,
      body: { issuedOn: vogSoon },
    });
    await app.request('PUT', `/api/v1/volunteers/${fine.id}/vog`, {
      token: staff.accessToken,
      body: { issuedOn: yearsAgo(1) },
    });
    await app.post(`/api/v1/volunteers/${fine.id}/trainings`, {
      token: staff.accessToken,
      body: { kind: 'dementia', completedOn: yearsAgo(2), validUntil: daysFromNow(5) },
    });
    await app.post(`/api/v1/volunteers/${expiring.id}/trainings`, {
      token: staff.accessToken,
      body: { kind: 'first_aid', completedOn: yearsAgo(2), validUntil: daysFromNow(60) },
    });

    const expiry = app.worker!.get(VolunteerExpiry);
    await expiry.remindExpiring();
    expect((await app.smtp.waitForSubject(expiring.email, 'Uw VOG moet vernieuwd worden')).text).toContain(
      DateTime.fromISO(vogSoon).plus({ months: 36 }).toISODate()!,
    );
    expect((await app.smtp.waitForSubject(fine.email, 'Uw training verloopt binnenkort')).text).toContain(
      daysFromNow(5),
    );
    const digest = await app.smtp.waitForSubject(
      staff.email,
      "2 VOG's of trainingen van vrijwilligers verlopen binnenkort",
    );
    expect(digest.text).toContain('Vrijwilliger Bijna: VOG tot');
    expect(digest.text).toContain('Vrijwilliger Ruim: training tot');
    await app.smtp.waitForSubject(admin.email, "2 VOG's of trainingen van vrijwilligers verlopen binnenkort");

    // A second run the same day sends nothing new.
    await expiry.remindExpiring();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.to(expiring.email).filter((mail) => mail.subject === 'Uw VOG moet vernieuwd worden')).toHaveLength(
      1,
    );
    expect(app.smtp.to(fine.email).filter((mail) => mail.subject === 'Uw training verloopt binnenkort')).toHaveLength(
      1,
    );
    expect(app.smtp.to(staff.email).filter((mail) => mail.subject.startsWith('2 VOG'))).toHaveLength(1);
  });
});

function TrainingShape(kind: string) {
  return { id: expect.any(String), kind, completedOn: expect.any(String), validUntil: expect.any(String) };
}
