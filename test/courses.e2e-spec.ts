import { DataSource } from 'typeorm';
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
});
