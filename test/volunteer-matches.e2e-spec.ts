import { LinkTokens } from '@app/messaging';
import { MatchService } from '@app/volunteers';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, TEST_PASSWORD } from './support/factories';
import { TestApp } from './support/test-app';
import {
  askForHelp,
  nextWednesday,
  proposeTransportTo,
  registerVolunteer,
  setUpMatching,
  signUpVolunteer,
  yearsAgo,
} from './support/volunteer-fixtures';

const SITE = /http:\/\/localhost:3000\/(match-accept|match-decline)\?\S+/g;

describe('volunteer matches', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const transportRequest = (
    carerToken: string,
    careRelationshipId: string,
    kind = 'transport',
    dates = [{ date: nextWednesday(), dagdeel: 'middag' }],
  ) => askForHelp(app, carerToken, careRelationshipId, kind, dates);
  const links = (text: string) =>
    Object.fromEntries([...text.matchAll(SITE)].map((found) => [found[1], new URL(found[0])]));
  const post = (link: URL) =>
    app.post(link.pathname, {
      rawBody: new URLSearchParams({ token: link.searchParams.get('token')!, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  /** Wednesdays from tomorrow (Amsterdam) to `until`, counted per calendar year (the budget is yearly). */
  const wednesdaysPerYear = async (until: string): Promise<number[]> =>
    (
      await dataSource.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM generate_series((now() AT TIME ZONE 'Europe/Amsterdam')::date + 1, $1::date, interval '1 day') day
          WHERE extract(isodow FROM day) = 3 GROUP BY extract(year FROM day) ORDER BY extract(year FROM day)`,
        [until],
      )
    ).map((row) => row.n);
  const matchStatus = async (matchId: string) =>
    (await dataSource.query('SELECT status FROM volunteer_match WHERE id = $1', [matchId]))[0].status;

  const proposeTransport = () => proposeTransportTo(app);

  it('proposes by email, accepts only on the button press, tells the carer, and refuses tampered or expired links', async () => {
    const { staff, carer, volunteer, requestId, proposed } = await proposeTransport();
    expect(proposed.status).toBe(201);
    expect(proposed.body.status).toBe('proposed');
    expect(
      (
        await app.post(`/api/v1/help-requests/${requestId}/matches`, {
          token: staff.accessToken,
          body: { volunteerId: volunteer.id },
        })
      ).body.code,
    ).toBe('ALREADY_PROPOSED');
    const mail = await app.smtp.waitForSubject(volunteer.email, 'Kunt u een mantelzorger helpen?');
    expect(mail.text).toContain(nextWednesday());
    const { 'match-accept': accept, 'match-decline': decline } = links(mail.text);
    // The button (accept) comes first; declining is offered after it.
    expect(mail.text.indexOf('/match-accept?')).toBeLessThan(mail.text.indexOf('/match-decline?'));

    expect((await app.get(`${accept.pathname}${accept.search}`)).status).toBe(200);
    expect(await matchStatus(proposed.body.id)).toBe('proposed');
    const tampered = new URL(accept.toString());
    tampered.searchParams.set('token', `${accept.searchParams.get('token')!.slice(0, -2)}xx`);
    expect((await post(tampered)).status).toBe(400);
    // A decline token does not accept, and an accept token does not decline.
    expect(
      (
        await app.post(accept.pathname, {
          rawBody: new URLSearchParams({ token: decline.searchParams.get('token')!, lang: 'nl' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(400);
    const expired = app.app.get(LinkTokens).sign('match-accept', proposed.body.id, -60);
    expect(
      (
        await app.post('/match-accept', {
          rawBody: new URLSearchParams({ token: expired, lang: 'nl' }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(400);
    expect(await matchStatus(proposed.body.id)).toBe('proposed');

    expect((await post(accept)).status).toBe(200);
    expect(await matchStatus(proposed.body.id)).toBe('accepted');
    expect((await post(accept)).status).toBe(400);
    expect((await post(decline)).status).toBe(400);
    expect((await app.get(`/api/v1/help-requests/${requestId}`, { token: staff.accessToken })).body.status).toBe(
      'matched',
    );
    const told = await app.smtp.waitForSubject(carer.email, 'Een vrijwilliger helpt u');
    expect(told.text).toContain('Vrijwilliger helpt u met vervoer');
    // No mail links to the bare site root, which has no page yet.
    expect(told.text).not.toMatch(/http:\/\/localhost:3000\/?(\s|$)/);

    // Hours on the accepted match; staff end it with a reason.
    const today = DateTime.now().setZone('Europe/Amsterdam').toISODate()!;
    expect(
      (
        await app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
          token: volunteer.token,
          body: { workedOn: today, hours: 2.5 },
        })
      ).body,
    ).toMatchObject({ hours: 2.5, workedOn: today });
    expect(
      (
        await app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
          token: volunteer.token,
          body: { workedOn: '2999-01-01', hours: 2 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
          token: volunteer.token,
          body: { workedOn: today, hours: 30 },
        })
      ).status,
    ).toBe(400);
    const other = await createPerson(app, await createMunicipality(app), 'staff');
    expect(
      (await app.post(`/api/v1/matches/${proposed.body.id}/end`, { token: other.accessToken, body: { reason: 'x' } }))
        .status,
    ).toBe(404);
    expect(
      (
        await app.post(`/api/v1/matches/${proposed.body.id}/end`, {
          token: staff.accessToken,
          body: { reason: 'Verhuisd' },
        })
      ).body,
    ).toMatchObject({ status: 'ended', endReason: 'Verhuisd' });
    expect(
      (
        await app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
          token: volunteer.token,
          body: { workedOn: today, hours: 1 },
        })
      ).body.code,
    ).toBe('MATCH_NOT_ACTIVE');
  });

  // Only Date is pinned: timers, I/O and the database clock run as usual.
  const pinClock = (at: string) =>
    jest.useFakeTimers({
      now: new Date(at),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });

  it.each([
    ['winter (UTC+1)', '2026-01-15T23:30:00Z', '2026-01-16', '2026-01-17'],
    ['summer (UTC+2)', '2026-07-15T23:30:00Z', '2026-07-16', '2026-07-17'],
  ])(
    'takes "today" for logged hours from Amsterdam, also at 23:30 UTC in %s',
    async (_season, at, localToday, tomorrow) => {
      const { volunteer, proposed } = await proposeTransport();
      const mail = await app.smtp.waitForSubject(volunteer.email, 'Kunt u een mantelzorger helpen?');
      expect((await post(links(mail.text)['match-accept'])).status).toBe(200);

      pinClock(at);
      try {
        const signedIn = await app.post('/api/v1/auth/login', {
          body: { email: volunteer.email, password: TEST_PASSWORD },
        });
        const logHours = (workedOn: string) =>
          app.post(`/api/v1/me/volunteer/matches/${proposed.body.id}/hours`, {
            token: signedIn.body.accessToken,
            body: { workedOn, hours: 1 },
          });
        const logged = await logHours(localToday);
        expect([logged.status, logged.body.workedOn]).toEqual([201, localToday]);
        const early = await logHours(tomorrow);
        expect([early.status, early.body.code]).toEqual([400, 'DATE_IN_FUTURE']);
      } finally {
        jest.useRealTimers();
      }
    },
  );

  it('lets only one of many simultaneous accepts win, and one volunteer per request', async () => {
    const { staff, carer, municipality } = await setUpMatching(app);
    const volunteers = await Promise.all(
      Array.from({ length: 5 }, () =>
        signUpVolunteer(app, municipality.code, { skills: ['transport'], availability: ['3-middag'] }),
      ),
    );
    for (const volunteer of volunteers)
      await app.request('PUT', `/api/v1/volunteers/${volunteer.id}/vog`, {
        token: staff.accessToken,
        body: { issuedOn: yearsAgo(1) },
      });
    const requestId = await transportRequest(carer.token, carer.relationshipId);
    const proposals: string[] = [];
    for (const volunteer of volunteers)
      proposals.push(
        (
          await app.post(`/api/v1/help-requests/${requestId}/matches`, {
            token: staff.accessToken,
            body: { volunteerId: volunteer.id },
          })
        ).body.id as string,
      );

    // The same proposal accepted ten times at once, and four other volunteers accepting too.
    const answers = await Promise.all([
      ...Array.from({ length: 10 }, () =>
        app.post(`/api/v1/me/volunteer/matches/${proposals[0]}/accept`, { token: volunteers[0].token }),
      ),
      ...volunteers
        .slice(1)
        .map((volunteer, index) =>
          app.post(`/api/v1/me/volunteer/matches/${proposals[index + 1]}/accept`, { token: volunteer.token }),
        ),
    ]);
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(13);
    const [rows] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'accepted')::int AS accepted, count(*) FILTER (WHERE status = 'proposed')::int AS proposed FROM volunteer_match WHERE help_request_id = $1`,
      [requestId],
    );
    expect(rows).toEqual({ accepted: 1, proposed: 0 });
    // Another volunteer's proposal cannot be answered by someone else.
    expect(
      (await app.post(`/api/v1/me/volunteer/matches/${proposals[1]}/decline`, { token: volunteers[2].token })).status,
    ).toBe(404);
  });

  it('books respite at home for the carer when the volunteer accepts', async () => {
    const { staff, carer } = await setUpMatching(app);
    const volunteerId = await registerVolunteer(app, staff.accessToken, 'Thuis', {
      skills: ['transport', 'respite_at_home'],
      availability: ['3-middag', '3-ochtend'],
    });
    const later = DateTime.fromISO(nextWednesday()).plus({ weeks: 1 }).toISODate()!;
    const requestId = await transportRequest(carer.token, carer.relationshipId, 'respite_at_home', [
      { date: nextWednesday(), dagdeel: 'middag' },
      { date: later, dagdeel: 'ochtend' },
    ]);
    const proposed = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
      token: staff.accessToken,
      body: { volunteerId },
    });
    const [account] = await dataSource.query(
      'SELECT a.email FROM account a JOIN volunteer v ON v.account_id = a.id WHERE v.id = $1',
      [volunteerId],
    );
    const { 'match-accept': accept } = links(
      (await app.smtp.waitForSubject(account.email, 'Kunt u een mantelzorger helpen?')).text,
    );
    expect((await post(accept)).status).toBe(200);

    const bookings = await app.get('/api/v1/me/respite-bookings', { token: carer.token });
    expect(
      bookings.body.items.map((booking: { status: string; startsAt: string }) => [booking.status, booking.startsAt]),
    ).toEqual([
      ['confirmed', DateTime.fromISO(`${nextWednesday()}T13:00`, { zone: 'Europe/Amsterdam' }).toUTC().toISO()],
      ['confirmed', DateTime.fromISO(`${later}T09:00`, { zone: 'Europe/Amsterdam' }).toUTC().toISO()],
    ]);
    expect((await app.get('/api/v1/me/respite-budget', { token: carer.token })).body.used).toBe(2);
    const confirmation = await app.smtp.waitForSubject(carer.email, 'Uw respijtzorg is geboekt');
    expect(confirmation.attachments[0]?.content).toContain('BEGIN:VEVENT');
    expect(await matchStatus(proposed.body.id)).toBe('accepted');
  });

  it('books weekly help week by week within the budget, keeps the acceptance, and ends the bookings with the match', async () => {
    const { admin, staff, carer } = await setUpMatching(app);
    await app.patch('/api/v1/municipality/settings', {
      token: admin.accessToken,
      body: { respiteBudget: { unit: 'dagdelen', perYear: 3 } },
    });
    const volunteerId = await registerVolunteer(app, staff.accessToken, 'Wekelijks', {
      skills: ['respite_at_home'],
      availability: ['3-middag'],
    });
    const until = DateTime.fromISO(nextWednesday()).plus({ weeks: 4 }).toISODate()!;
    const request = await app.post('/api/v1/me/help-requests', {
      token: carer.token,
      body: {
        kind: 'respite_at_home',
        careRelationshipId: carer.relationshipId,
        weeklyPattern: ['3-middag'],
        weeklyUntil: until,
      },
    });
    expect(request.status).toBe(201);
    expect(request.body.weeklyUntil).toBe(until);
    const proposed = await app.post(`/api/v1/help-requests/${request.body.id}/matches`, {
      token: staff.accessToken,
      body: { volunteerId },
    });
    const [volunteerAccount] = await dataSource.query(
      'SELECT a.id, a.email FROM account a JOIN volunteer v ON v.account_id = a.id WHERE v.id = $1',
      [volunteerId],
    );
    expect((await app.app.get(MatchService).answer(proposed.body.id, true)).status).toBe('accepted');

    // Every Wednesday afternoon until the end date: the budget of 3 a year covers three a year, the rest are told.
    const perYear = await wednesdaysPerYear(until);
    const coverable = perYear.reduce((sum, n) => sum + Math.min(3, n), 0);
    const wanted = perYear.reduce((sum, n) => sum + n, 0);
    const confirmed = await dataSource.query(
      `SELECT id FROM respite_booking WHERE match_id = $1 AND status = 'confirmed' ORDER BY starts_at`,
      [proposed.body.id],
    );
    expect(confirmed).toHaveLength(coverable);
    const matches = await app.get(`/api/v1/help-requests/${request.body.id}/matches`, { token: staff.accessToken });
    const match = matches.body.items.find((item: { id: string }) => item.id === proposed.body.id);
    expect(match.status).toBe('accepted');
    expect(match.unbookedDates).toHaveLength(wanted - coverable);
    expect(match.unbookedDates.every((item: { reason: string }) => item.reason === 'budget')).toBe(true);
    const told = await app.smtp.waitForSubject(volunteerAccount.email, 'Niet alle data zijn geboekt');
    expect(told.text).toContain('respijtbudget');

    // Ending the match ends its coming bookings, gives the budget back, drops reminders, and tells the carer once.
    const ended = await app.post(`/api/v1/matches/${proposed.body.id}/end`, {
      token: staff.accessToken,
      body: { reason: 'Vrijwilliger verhuist' },
    });
    expect(ended.status).toBe(200);
    expect(
      await dataSource.query(`SELECT id FROM respite_booking WHERE match_id = $1 AND status = 'confirmed'`, [
        proposed.body.id,
      ]),
    ).toEqual([]);
    expect((await app.get('/api/v1/me/respite-budget', { token: carer.token })).body.used).toBe(0);
    const reminders = await dataSource.query(
      `SELECT count(*)::int AS n FROM message WHERE kind = 'respite_reminder' AND status = 'queued' AND params ->> 'bookingId' = ANY($1)`,
      [confirmed.map((row: { id: string }) => row.id)],
    );
    expect(reminders[0].n).toBe(0);
    const mail = await app.smtp.waitForSubject(carer.email, 'De hulp van de vrijwilliger is gestopt');
    expect(mail.text).toContain('gaan niet meer door');
  });

  it('never books past the budget when two volunteers accept weekly help for one carer at once', async () => {
    const { admin, staff, carer } = await setUpMatching(app);
    await app.patch('/api/v1/municipality/settings', {
      token: admin.accessToken,
      body: { respiteBudget: { unit: 'dagdelen', perYear: 5 } },
    });
    const until = DateTime.fromISO(nextWednesday()).plus({ weeks: 3 }).toISODate()!;
    const proposals = [];
    for (const [name, dagdeel] of [
      ['Een', 'middag'],
      ['Twee', 'ochtend'],
    ]) {
      const volunteerId = await registerVolunteer(app, staff.accessToken, name, {
        skills: ['respite_at_home'],
        availability: [`3-${dagdeel}`],
      });
      const request = await app.post('/api/v1/me/help-requests', {
        token: carer.token,
        body: {
          kind: 'respite_at_home',
          careRelationshipId: carer.relationshipId,
          weeklyPattern: [`3-${dagdeel}`],
          weeklyUntil: until,
        },
      });
      proposals.push(
        (
          await app.post(`/api/v1/help-requests/${request.body.id}/matches`, {
            token: staff.accessToken,
            body: { volunteerId },
          })
        ).body.id as string,
      );
    }
    const answers = await Promise.all(proposals.map((id) => app.app.get(MatchService).answer(id, true)));
    expect(answers.map((answer) => answer.status)).toEqual(['accepted', 'accepted']);
    const [booked] = await dataSource.query(
      `SELECT count(*)::int AS n FROM respite_booking WHERE match_id = ANY($1) AND status = 'confirmed'`,
      [proposals],
    );
    // Two dagdelen every Wednesday, against a budget of 5 a year.
    const perYear = await wednesdaysPerYear(until);
    expect(booked.n).toBe(perYear.reduce((sum, n) => sum + Math.min(5, n * 2), 0));
    const [usage] = await dataSource.query(
      'SELECT max(used)::float8 AS most FROM respite_budget_usage WHERE carer_id = $1',
      [carer.carerId],
    );
    expect(usage.most).toBeLessThanOrEqual(5);
  });

  it('refuses to propose a volunteer who fails a hard filter, such as an expired VOG', async () => {
    const { staff, carer } = await setUpMatching(app);
    const requestId = await transportRequest(carer.token, carer.relationshipId);
    const expiredVog = await registerVolunteer(app, staff.accessToken, 'Verlopen', {}, yearsAgo(4));
    const refused = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
      token: staff.accessToken,
      body: { volunteerId: expiredVog },
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'VOLUNTEER_NOT_ELIGIBLE']);
    const valid = await registerVolunteer(app, staff.accessToken, 'Geldig');
    expect(
      (
        await app.post(`/api/v1/help-requests/${requestId}/matches`, {
          token: staff.accessToken,
          body: { volunteerId: valid },
        })
      ).status,
    ).toBe(201);
    // The VOG passes its maximum age: out of suggestions, and no new proposals.
    await dataSource.query(`UPDATE volunteer SET vog_issued_on = now() - interval '37 months' WHERE id = $1`, [valid]);
    expect(
      (await app.get(`/api/v1/help-requests/${requestId}/suggestions`, { token: staff.accessToken })).body.items,
    ).toEqual([]);
    const other = await transportRequest(carer.token, carer.relationshipId);
    expect(
      (
        await app.post(`/api/v1/help-requests/${other}/matches`, {
          token: staff.accessToken,
          body: { volunteerId: valid },
        })
      ).body.code,
    ).toBe('VOLUNTEER_NOT_ELIGIBLE');
    expect(
      (
        await app.post(`/api/v1/help-requests/${requestId}/matches`, {
          token: staff.accessToken,
          body: { volunteerId: 'nope' },
        })
      ).status,
    ).toBe(400);
  });

  it('never proposes a volunteer beyond their maximum, even for many requests at once', async () => {
    const { staff, carer } = await setUpMatching(app);
    const volunteerId = await registerVolunteer(app, staff.accessToken, 'Druk', { maxMatches: 2 });
    const requests = await Promise.all(
      Array.from({ length: 8 }, () => transportRequest(carer.token, carer.relationshipId)),
    );
    const answers = await Promise.all(
      requests.map((requestId) =>
        app.post(`/api/v1/help-requests/${requestId}/matches`, { token: staff.accessToken, body: { volunteerId } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(2);
    expect(
      answers.filter((answer) => answer.status === 409 && answer.body.code === 'VOLUNTEER_NOT_ELIGIBLE'),
    ).toHaveLength(6);
    const [count] = await dataSource.query(
      `SELECT count(*)::int AS n FROM volunteer_match WHERE volunteer_id = $1 AND status = 'proposed'`,
      [volunteerId],
    );
    expect(count.n).toBe(2);
  });
});
