import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './support/factories';
import { TestApp } from './support/test-app';
import { proposeTransportTo } from './support/volunteer-fixtures';

/** Hours: logged by the volunteer, read per match and per month by them and by staff, corrected by staff. */
describe('volunteer hours', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const today = () => DateTime.now().setZone('Europe/Amsterdam');

  /** An accepted match with 2.5 hours this month and 1.25 hours the month before. */
  async function matchWithHours() {
    const setUp = await proposeTransportTo(app);
    const matchId = setUp.proposed.body.id as string;
    const accepted = await app.post(`/api/v1/me/volunteer/matches/${matchId}/accept`, {
      token: setUp.volunteer.token,
    });
    expect(accepted.status).toBe(200);
    const thisMonth = today().startOf('month').toISODate()!;
    const lastMonth = today().minus({ months: 1 }).startOf('month').toISODate()!;
    for (const [workedOn, hours] of [
      [thisMonth, 1.5],
      [thisMonth, 1],
      [lastMonth, 1.25],
    ] as const) {
      const logged = await app.post(`/api/v1/me/volunteer/matches/${matchId}/hours`, {
        token: setUp.volunteer.token,
        body: { workedOn, hours },
      });
      expect(logged.status).toBe(201);
    }
    return { ...setUp, matchId, thisMonth: thisMonth.slice(0, 7), lastMonth: lastMonth.slice(0, 7) };
  }

  it('adds hours up per match and per month for the volunteer, and for staff per volunteer and per help request', async () => {
    const { staff, volunteer, requestId, matchId, thisMonth, lastMonth } = await matchWithHours();
    const mine = await app.get('/api/v1/me/volunteer/hours', { token: volunteer.token });
    expect(mine.status).toBe(200);
    expect(mine.body.totalHours).toBe(3.75);
    expect(mine.body.perMonth).toEqual([
      { month: thisMonth, hours: 2.5 },
      { month: lastMonth, hours: 1.25 },
    ]);
    expect(mine.body.perMatch).toEqual([
      {
        matchId,
        helpRequestId: requestId,
        volunteerId: volunteer.id,
        kind: 'transport',
        status: 'accepted',
        hours: 3.75,
      },
    ]);
    expect(mine.body.entries).toHaveLength(3);
    expect(mine.body.entries.every((entry: { corrected: boolean }) => entry.corrected === false)).toBe(true);

    const ofVolunteer = await app.get(`/api/v1/volunteers/${volunteer.id}/hours`, { token: staff.accessToken });
    expect(ofVolunteer.status).toBe(200);
    expect(ofVolunteer.body.totalHours).toBe(3.75);
    const ofRequest = await app.get(`/api/v1/help-requests/${requestId}/hours`, { token: staff.accessToken });
    expect(ofRequest.status).toBe(200);
    expect(ofRequest.body.perMatch).toHaveLength(1);
    expect(ofRequest.body.perMonth).toEqual(mine.body.perMonth);

    // Staff reads are audited like any look at a person's record.
    const [read] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = 'read' AND route LIKE '%/hours'`,
      [volunteer.id],
    );
    expect(read.n).toBe(1);
  });

  it('lets staff correct an entry, marked and audited, and refuses wrong input, other municipalities and volunteers', async () => {
    const { staff, volunteer, municipality } = await matchWithHours();
    const mine = await app.get('/api/v1/me/volunteer/hours', { token: volunteer.token });
    const entry = mine.body.entries[0];

    const corrected = await app.request('PATCH', `/api/v1/volunteer-hours/${entry.id}`, {
      token: staff.accessToken,
      body: { hours: 3 },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: entry.id, hours: 3, corrected: true });
    const after = await app.get('/api/v1/me/volunteer/hours', { token: volunteer.token });
    expect(after.body.totalHours).toBe(3.75 - entry.hours + 3);
    const [audited] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND action = 'change' AND subject_account_id IS NOT NULL`,
      [entry.id],
    );
    expect(audited.n).toBe(1);

    const patch = (body: unknown, token = staff.accessToken, id = entry.id) =>
      app.request('PATCH', `/api/v1/volunteer-hours/${id}`, { token, body });
    for (const [body, code] of [
      [{}, 'VALIDATION_FAILED'],
      [{ hours: 'three' }, 'VALIDATION_FAILED'],
      [{ hours: 25 }, 'VALIDATION_FAILED'],
      [{ hours: 0 }, 'VALIDATION_FAILED'],
      [{ workedOn: '2026-02-30' }, 'VALIDATION_FAILED'],
      [{ workedOn: 'x'.repeat(10_000) }, 'VALIDATION_FAILED'],
      [{ hours: 2, volunteerId: volunteer.id }, 'VALIDATION_FAILED'],
      [{ workedOn: today().plus({ days: 2 }).toISODate() }, 'DATE_IN_FUTURE'],
    ] as const) {
      const refused = await patch(body);
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status: 400, code });
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await patch({ hours: 2 }, volunteer.token)).status).toBe(403);
    expect((await patch({ hours: 2 }, staff.accessToken, 'not-a-uuid')).status).toBe(400);

    const elsewhere = await createPerson(app, await createMunicipality(app), 'staff');
    expect((await patch({ hours: 2 }, elsewhere.accessToken)).status).toBe(404);
    expect((await app.get(`/api/v1/volunteers/${volunteer.id}/hours`, { token: elsewhere.accessToken })).status).toBe(
      404,
    );
    // Nothing changed by the refused attempts.
    const [row] = await dataSource.query('SELECT hours::float8 AS hours FROM volunteer_hours WHERE id = $1', [
      entry.id,
    ]);
    expect(row.hours).toBe(3);
    expect(municipality.id).not.toBe(elsewhere.municipalityId);
  });

  it('adds the hours of the year to the monitor by wijk, with small numbers hidden', async () => {
    const { admin, volunteer, matchId, thisMonth, lastMonth } = await matchWithHours();
    const before = await app.get(`/api/v1/reports/monitor?year=${thisMonth.slice(0, 4)}`, { token: admin.accessToken });
    const figure = (report: { body: { figures: Array<{ figure: string; total: number | '<5' }> } }) =>
      report.body.figures.find((table) => table.figure === 'volunteer_hours')!.total;
    // 2.5 hours this month (and 1.25 last month, in the same year unless it is January): under 5, hidden.
    expect(figure(before)).toBe('<5');
    for (const hours of [8, 8])
      await app.post(`/api/v1/me/volunteer/matches/${matchId}/hours`, {
        token: volunteer.token,
        body: { workedOn: `${thisMonth}-01`, hours },
      });
    const after = await app.get(`/api/v1/reports/monitor?year=${thisMonth.slice(0, 4)}`, { token: admin.accessToken });
    const sameYear = lastMonth.slice(0, 4) === thisMonth.slice(0, 4);
    expect(figure(after)).toBe(Math.round(18.5 + (sameYear ? 1.25 : 0)));
  });
});
