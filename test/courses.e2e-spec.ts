import { ResidentSignups } from '@app/activities';
import { DataSource } from 'typeorm';
import { formPost, linkIn } from './support/activity-fixtures';
import { UNKNOWN_MUNICIPALITY_CODE } from './support/factories';
import { hoursFromNow } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { setUpMatching, signUpVolunteer } from './support/volunteer-fixtures';

/** A course that gives a training: volunteers and staff join it, and attending records the training that counts. */
describe('courses that count', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('records the training for the volunteers and staff who came, and counts it toward the 70% target', async () => {
    const { municipality, admin, staff } = await setUpMatching(app);
    const volunteer = await signUpVolunteer(app, municipality.code);
    const course = {
      kind: 'course',
      title: 'Omgaan met dementie',
      capacity: 20,
      givesTraining: 'dementia',
      trainingValidMonths: 24,
      alsoOpenTo: ['volunteers', 'staff'],
      sessions: [{ startsAt: hoursFromNow(48), endsAt: hoursFromNow(50) }],
    };
    for (const body of [
      { ...course, kind: 'event' },
      { ...course, givesTraining: 'Dementie!' },
      { ...course, trainingValidMonths: 0 },
      { ...course, alsoOpenTo: ['everyone'] },
      { ...course, givesTraining: undefined },
    ])
      expect((await app.post('/api/v1/activities', { token: admin.accessToken, body })).status).toBe(400);
    const created = await app.post('/api/v1/activities', { token: admin.accessToken, body: course });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ givesTraining: 'dementia', alsoOpenTo: ['volunteers', 'staff'] });

    const enrol = (token: string, body: Record<string, unknown> = {}) =>
      app.post(`/api/v1/activities/${created.body.id}/enrolments`, { token, body });
    const byVolunteer = await enrol(volunteer.token);
    expect(byVolunteer.status).toBe(201);
    const byStaff = await enrol(staff.accessToken, { self: true });
    expect(byStaff.status).toBe(201);

    // An event, or a group not opened to them, stays closed.
    const closed = await app.post('/api/v1/activities', {
      token: admin.accessToken,
      body: {
        ...course,
        kind: 'peer_group',
        theme: 'dementia',
        givesTraining: undefined,
        trainingValidMonths: undefined,
        alsoOpenTo: [],
      },
    });
    const refused = await app.post(`/api/v1/activities/${closed.body.id}/enrolments`, {
      token: volunteer.token,
      body: {},
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_OPEN_TO_YOU']);

    const sessionId = created.body.sessions[0].id as string;
    await dataSource.query(
      `UPDATE activity_session SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [sessionId],
    );
    const attendance = () =>
      app.request('PUT', `/api/v1/activities/${created.body.id}/sessions/${sessionId}/attendance`, {
        token: staff.accessToken,
        body: {
          entries: [
            { participantId: byVolunteer.body.id, attended: true },
            { participantId: byStaff.body.id, attended: true },
          ],
        },
      });
    expect((await attendance()).status).toBe(200);
    expect((await attendance()).status).toBe(200);

    const trainings = await app.get(`/api/v1/volunteers/${volunteer.id}/trainings`, { token: staff.accessToken });
    expect(trainings.body.items).toHaveLength(1);
    const [session] = await dataSource.query(
      `SELECT (starts_at AT TIME ZONE 'Europe/Amsterdam')::date::text AS day FROM activity_session WHERE id = $1`,
      [sessionId],
    );
    expect(trainings.body.items[0]).toMatchObject({ kind: 'dementia', completedOn: session.day });
    expect(trainings.body.items[0].validUntil.slice(0, 4)).toBe(String(Number(session.day.slice(0, 4)) + 2));
    const [staffTrainings] = await dataSource.query(
      'SELECT count(*)::int AS n FROM staff_training WHERE account_id = $1 AND activity_id = $2',
      [staff.id, created.body.id],
    );
    expect(staffTrainings.n).toBe(1);

    const overview = await app.get('/api/v1/volunteers/overview', { token: staff.accessToken });
    expect(overview.body.volunteers.activeWithDementiaTraining).toBeGreaterThanOrEqual(1);
    expect(overview.body.staff).toMatchObject({ withDementiaTraining: 1 });
    expect(overview.body.staff.active).toBeGreaterThanOrEqual(2);
  });

  it('lets residents without an account find a course, sign up by a confirmed address, race for places and withdraw', async () => {
    const { municipality, admin, staff } = await setUpMatching(app);
    const course = (body: Record<string, unknown>) =>
      app.post('/api/v1/activities', {
        token: admin.accessToken,
        body: {
          kind: 'course',
          title: 'Valpreventie',
          capacity: 4,
          maxCompanions: 1,
          alsoOpenTo: ['residents'],
          sessions: [{ startsAt: hoursFromNow(72), endsAt: hoursFromNow(74) }],
          ...body,
        },
      });
    const open = (await course({})).body as { id: string };
    const closed = (await course({ title: 'Alleen mantelzorgers', alsoOpenTo: [] })).body as { id: string };
    const ask = (activityId: string, body: Record<string, unknown>, ip = '10.9.0.1') =>
      app.post(`/api/v1/activities/${activityId}/resident-requests`, { body, ip });
    const resident = (n: number) => ({ name: `Inwoner ${n}`, email: `inwoner-${n}-${municipality.code}@example.org` });

    // Anyone finds what is open to residents, by the municipality's code; nothing else shows.
    const listed = await app.get(`/api/v1/open-activities?municipality=${municipality.code}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([open.id]);
    expect(listed.body.items[0]).toMatchObject({ title: 'Valpreventie', placesLeft: 4, maxCompanions: 1 });
    expect((await app.get('/api/v1/open-activities?municipality=Hilversum')).status).toBe(400);
    expect((await app.get(`/api/v1/open-activities?municipality=${UNKNOWN_MUNICIPALITY_CODE}`)).status).toBe(404);

    // Bad input, an activity not open to residents, too many companions: a clear problem, nothing written.
    const refusals: Array<[string, Record<string, unknown>, number]> = [
      [open.id, { name: 'Zonder adres' }, 400],
      [open.id, { ...resident(0), email: 'geen-adres' }, 400],
      [open.id, { ...resident(0), name: 'x'.repeat(10_000) }, 400],
      [open.id, { ...resident(0), companions: 'twee' }, 400],
      [open.id, { ...resident(0), isAdmin: true }, 400],
      [open.id, { ...resident(0), companions: 2 }, 422],
      [closed.id, resident(0), 404],
      ['00000000-0000-4000-8000-000000000000', resident(0), 404],
      ['not-a-uuid', resident(0), 400],
    ];
    for (const [activityId, body, status] of refusals) {
      const answer = await ask(activityId, body);
      expect([activityId, answer.status, answer.headers['content-type']]).toEqual([
        activityId,
        status,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    const [{ n: requestsWritten }] = await dataSource.query(
      'SELECT count(*)::int AS n FROM activity_resident_request WHERE municipality_id = $1',
      [municipality.id],
    );
    expect(requestsWritten).toBe(0);

    // Asking writes no place; the confirmation link does, once.
    expect((await ask(open.id, { ...resident(1), companions: 1 })).status).toBe(202);
    const confirmMail = await app.smtp.waitForSubject(
      resident(1).email,
      'Bevestig uw aanmelding: Valpreventie',
      15_000,
    );
    const places = async () =>
      (await dataSource.query('SELECT places_taken FROM activity WHERE id = $1', [open.id]))[0].places_taken as number;
    expect(await places()).toBe(0);
    const confirmToken = linkIn(confirmMail.text, 'activity-sign-up').searchParams.get('token')!;
    expect((await app.get(`/activity-sign-up?token=${encodeURIComponent(confirmToken)}`)).body).toContain(
      'Ja, meld mij aan',
    );
    const confirmed = await formPost(app, '/activity-sign-up', { token: confirmToken, lang: 'nl' });
    expect(confirmed.body).toContain('U bent aangemeld');
    expect(await places()).toBe(2);
    const again = await formPost(app, '/activity-sign-up', { token: confirmToken, lang: 'nl' });
    expect(again.body).toContain('Deze link werkt niet meer');
    const forged = await formPost(app, '/activity-sign-up', { token: `${confirmToken.slice(0, -4)}AAAA`, lang: 'nl' });
    expect(forged.body).toContain('Deze link werkt niet meer');
    const registered = await app.smtp.waitForSubject(resident(1).email, 'U bent aangemeld: Valpreventie', 15_000);
    expect(registered.attachments.length).toBeGreaterThanOrEqual(1);

    // Six residents confirm at once for the two places left: two get them, four wait, capacity holds.
    const racers = [2, 3, 4, 5, 6, 7];
    await Promise.all(racers.map((n) => ask(open.id, resident(n), `10.9.1.${n}`)));
    const tokens = await Promise.all(
      racers.map(async (n) => {
        const mail = await app.smtp.waitForSubject(resident(n).email, 'Bevestig uw aanmelding: Valpreventie', 15_000);
        return linkIn(mail.text, 'activity-sign-up').searchParams.get('token')!;
      }),
    );
    await Promise.all(tokens.map((token) => formPost(app, '/activity-sign-up', { token, lang: 'nl' })));
    const statuses = await dataSource.query(
      `SELECT status, count(*)::int AS n FROM activity_participant WHERE activity_id = $1 GROUP BY status ORDER BY status`,
      [open.id],
    );
    expect(statuses).toEqual([
      { status: 'attending', n: 3 },
      { status: 'waitlisted', n: 4 },
    ]);
    expect(await places()).toBe(4);
    const [{ n: rows }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM activity_participant WHERE activity_id = $1 AND account_id IS NULL AND joined_via = 'resident'`,
      [open.id],
    );
    expect(rows).toBe(7);

    // Staff see residents by name on the list.
    const participants = await app.get(`/api/v1/activities/${open.id}/participants`, { token: staff.accessToken });
    expect(participants.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Inwoner 1', joinedVia: 'resident', companions: 1 })]),
    );

    // The first resident withdraws by the link in their confirmation; the first waiting is offered the place.
    const withdrawToken = linkIn(registered.text, 'activity-withdraw').searchParams.get('token')!;
    expect((await formPost(app, '/activity-withdraw', { token: withdrawToken, lang: 'nl' })).body).toContain(
      'U bent afgemeld',
    );
    const [firstWaiting] = await dataSource.query(
      `SELECT resident_email FROM activity_participant WHERE activity_id = $1 AND status = 'offered'`,
      [open.id],
    );
    const offer = await app.smtp.waitForSubject(
      firstWaiting.resident_email,
      'Er is een plaats vrij: Valpreventie',
      15_000,
    );
    const offerToken = linkIn(offer.text, 'activity-place').searchParams.get('token')!;
    expect((await formPost(app, '/activity-place', { token: offerToken, lang: 'nl' })).body).toContain(
      'U bent aangemeld',
    );
    expect(await places()).toBeLessThanOrEqual(4);

    // A month after the last session the names and addresses are forgotten; the anonymous answers stay.
    await dataSource.query(
      `UPDATE activity_session SET starts_at = now() - interval '32 days', ends_at = now() - interval '31 days' WHERE activity_id = $1`,
      [open.id],
    );
    await app.app.get(ResidentSignups).forgetResidents();
    const [{ named, total }] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE resident_name IS NOT NULL OR resident_email IS NOT NULL)::int AS named, count(*)::int AS total
         FROM activity_participant WHERE activity_id = $1`,
      [open.id],
    );
    expect({ named, total }).toEqual({ named: 0, total: 7 });
  });
});
