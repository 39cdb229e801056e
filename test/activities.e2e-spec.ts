import { ParticipationService, SessionReminders } from '@app/activities';
import { LinkTokens } from '@app/messaging';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createPerson, municipalityWithWijk } from './support/factories';
import { createEvent, formPost, inviteAndWait, linkIn, RSVP_PURPOSE, rsvpTokens } from './support/activity-fixtures';
import { hoursFromNow, seedCarers } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

describe('activities', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const rsvp = (token: string, response: 'yes' | 'no', companions?: number) =>
    app.post('/api/v1/rsvp', { body: { token, response, ...(companions === undefined ? {} : { companions }) } });
  const statusOf = async (activityId: string, accountId: string) =>
    (
      await dataSource.query<Array<{ status: string }>>(
        'SELECT status FROM activity_participant WHERE activity_id = $1 AND account_id = $2',
        [activityId, accountId],
      )
    )[0]?.status;

  it('puts the Dag van de Mantelzorg on 10 November by default, keeps recurring local times across DST, and refuses bad input', async () => {
    const { admin, staff } = await municipalityWithWijk(app);
    const day = await app.post('/api/v1/activities', {
      token: admin.accessToken,
      body: { kind: 'event', occasion: 'dag_van_de_mantelzorg', title: 'Theater voor mantelzorgers', capacity: 300 },
    });
    expect(day.status).toBe(201);
    const expectedYear =
      DateTime.now().setZone('Europe/Amsterdam') >
      DateTime.fromObject({ month: 11, day: 10 }, { zone: 'Europe/Amsterdam' }).endOf('day')
        ? DateTime.now().year + 1
        : DateTime.now().year;
    expect(
      DateTime.fromISO(day.body.sessions[0].startsAt).setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd HH:mm'),
    ).toBe(`${expectedYear}-11-10 14:00`);
    expect(day.body).toMatchObject({
      kind: 'event',
      occasion: 'dag_van_de_mantelzorg',
      capacity: 300,
      remaining: 300,
      maxCompanions: 1,
    });

    const chosen = await app.post('/api/v1/activities', {
      token: admin.accessToken,
      body: {
        kind: 'event',
        occasion: 'dag_van_de_mantelzorg',
        title: 'Lokale viering',
        capacity: 80,
        date: `${expectedYear}-11-07`,
        startTime: '19:30',
        endTime: '22:00',
      },
    });
    expect(
      DateTime.fromISO(chosen.body.sessions[0].startsAt).setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd HH:mm'),
    ).toBe(`${expectedYear}-11-07 19:30`);

    const nextYear = DateTime.now().year + 1;
    // Summer time starts on the last Sunday of March: weekly from eight days before crosses it.
    const lastOfMarch = DateTime.fromObject({ year: nextYear, month: 3, day: 31 });
    const summerTime = lastOfMarch.minus({ days: lastOfMarch.weekday % 7 });
    const group = await app.post('/api/v1/activities', {
      token: staff.accessToken,
      body: {
        kind: 'peer_group',
        theme: 'dementia',
        title: 'Lotgenotengroep dementie',
        capacity: 12,
        recurrence: {
          rule: 'FREQ=WEEKLY;COUNT=3',
          firstDate: summerTime.minus({ days: 8 }).toISODate(),
          startTime: '10:00',
          endTime: '12:00',
        },
      },
    });
    expect(group.status).toBe(201);
    const localTimes = group.body.sessions.map((session: { startsAt: string }) =>
      DateTime.fromISO(session.startsAt).setZone('Europe/Amsterdam').toFormat('HH:mm'),
    );
    expect(localTimes).toEqual(['10:00', '10:00', '10:00']);
    const offsets = group.body.sessions.map(
      (session: { startsAt: string }) => DateTime.fromISO(session.startsAt).setZone('Europe/Amsterdam').offset,
    );
    expect(offsets).toEqual([60, 60, 120]);

    const bad = async (body: unknown, code: string, status: number) => {
      const answer = await app.post('/api/v1/activities', { token: staff.accessToken, body });
      expect({ status: answer.status, code: answer.body.code, type: answer.headers['content-type'] }).toEqual({
        status,
        code,
        type: expect.stringContaining('application/problem+json'),
      });
      return answer.body;
    };
    const sessions = [{ startsAt: hoursFromNow(48), endsAt: hoursFromNow(50) }];
    expect(
      (await bad({ kind: 'event', title: 'x', capacity: '10', sessions }, 'VALIDATION_FAILED', 400)).errors.map(
        (error: { field: string }) => error.field,
      ),
    ).toContain('capacity');
    await bad({ kind: 'event', capacity: 10, sessions }, 'VALIDATION_FAILED', 400);
    await bad({ kind: 'event', title: 'x'.repeat(5000), capacity: 10, sessions }, 'VALIDATION_FAILED', 400);
    await bad({ kind: 'event', title: 'x', capacity: 10, sessions, secret: true }, 'VALIDATION_FAILED', 400);
    await bad({ kind: 'party', title: 'x', capacity: 10, sessions }, 'VALIDATION_FAILED', 400);
    await bad({ kind: 'peer_group', title: 'x', capacity: 10, sessions }, 'INVALID_ACTIVITY', 422);
    await bad({ kind: 'course', occasion: 'dag_van_de_mantelzorg', title: 'x', capacity: 10 }, 'INVALID_ACTIVITY', 422);
    await bad({ kind: 'course', title: 'x', capacity: 10 }, 'INVALID_SCHEDULE', 422);
    await bad({ kind: 'course', title: 'x', capacity: 10, sessions, date: '2030-01-01' }, 'INVALID_SCHEDULE', 422);
    await bad(
      {
        kind: 'course',
        title: 'x',
        capacity: 10,
        sessions: [{ startsAt: hoursFromNow(-5), endsAt: hoursFromNow(-3) }],
      },
      'INVALID_SCHEDULE',
      422,
    );
    await bad(
      {
        kind: 'course',
        title: 'x',
        capacity: 10,
        recurrence: { rule: 'FREQ=WEEKLY', firstDate: `${nextYear}-01-05`, startTime: '10:00', endTime: '11:00' },
      },
      'INVALID_SCHEDULE',
      422,
    );
    await bad(
      {
        kind: 'course',
        title: 'x',
        capacity: 10,
        recurrence: {
          rule: 'FREQ=WEEKLY;COUNT=2',
          firstDate: `${nextYear}-01-05`,
          startTime: '25:00',
          endTime: '11:00',
        },
      },
      'VALIDATION_FAILED',
      400,
    );
    await bad(
      {
        kind: 'course',
        title: 'x',
        capacity: 10,
        sessions,
        facilitatorAccountId:
          admin.id.replace(/.$/, '0') === admin.id ? admin.id.replace(/.$/, '1') : admin.id.replace(/.$/, '0'),
      },
      'INVALID_FACILITATOR',
      422,
    );
    const [count] = await dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE title = 'x'`);
    expect(count.n).toBe(0);
    const carer = await createPerson(
      app,
      (
        await dataSource.query(
          'SELECT m.* FROM municipality m JOIN account a ON a.municipality_id = m.id WHERE a.id = $1',
          [staff.id],
        )
      )[0],
      'carer',
    );
    expect(
      (
        await app.post('/api/v1/activities', {
          token: carer.accessToken,
          body: { kind: 'event', title: 'x', capacity: 10, sessions },
        })
      ).status,
    ).toBe(403);
  });

  it('invites an audience once: a second round reaches only those not yet invited, and answers arrive by link page and API', async () => {
    const { municipality, admin, wijkId } = await municipalityWithWijk(app);
    const carers = await seedCarers(app, municipality, 6);
    await dataSource.query('UPDATE carer SET wijk_id = $1 WHERE account_id = ANY($2)', [
      wijkId,
      carers.slice(0, 2).map((carer) => carer.accountId),
    ]);
    await dataSource.query(`UPDATE carer SET date_of_birth = '2005-05-05' WHERE account_id = $1`, [
      carers[5].accountId,
    ]);
    const event = await createEvent(app, admin.accessToken, { capacity: 10, maxCompanions: 1, location: 'Dorpshuis' });

    const young = await inviteAndWait(app, admin.accessToken, event.id, { ageBand: 'under_25' });
    expect(young).toMatchObject({ total: 1, sent: 1, done: true });
    const first = await inviteAndWait(app, admin.accessToken, event.id, { wijk: 'dorp' });
    expect(first).toMatchObject({ total: 2, sent: 2, failed: 0, skipped: 0, done: true });
    const second = await inviteAndWait(app, admin.accessToken, event.id, { all: true });
    expect(second).toMatchObject({ total: 3, sent: 3, done: true });
    const again = await inviteAndWait(app, admin.accessToken, event.id, { all: true });
    expect(again).toMatchObject({ total: 0, sent: 0, done: true });
    for (const carer of carers)
      expect(
        app.smtp.to(carer.email).filter((mail) => mail.subject === 'Uitnodiging: Dag van de Mantelzorg'),
      ).toHaveLength(1);
    const [invited] = await dataSource.query(
      'SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS people FROM activity_invitation WHERE activity_id = $1',
      [event.id],
    );
    expect(invited).toEqual({ n: 6, people: 6 });

    const mail = app.smtp
      .to(carers[0].email)
      .find((candidate) => candidate.subject === 'Uitnodiging: Dag van de Mantelzorg')!;
    expect(mail.rawHeaders['list-unsubscribe']).toContain('/unsubscribe?token=');
    const link = linkIn(mail.text, 'rsvp');
    const page = await app.get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Dag van de Mantelzorg');
    expect(page.body).toContain('type="radio"');
    expect(await statusOf(event.id, carers[0].accountId)).toBeUndefined();

    const answered = await formPost(app, '/rsvp', {
      token: link.searchParams.get('token')!,
      lang: 'nl',
      response: 'yes',
      companions: '1',
    });
    expect(answered.status).toBe(200);
    expect(await statusOf(event.id, carers[0].accountId)).toBe('attending');
    const confirmation = await app.smtp.waitForSubject(carers[0].email, 'U bent aangemeld: Dag van de Mantelzorg');
    expect(confirmation.attachments[0].content).toContain('BEGIN:VEVENT');
    expect((await app.get(`/api/v1/activities/${event.id}`, { token: admin.accessToken })).body.remaining).toBe(8);

    const token = link.searchParams.get('token')!;
    expect((await rsvp(token, 'yes', 2)).body.code).toBe('TOO_MANY_COMPANIONS');
    const changed = await rsvp(token, 'no');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: 'declined', companions: 0 });
    expect((await app.get(`/api/v1/activities/${event.id}`, { token: admin.accessToken })).body.remaining).toBe(10);

    const tampered = `${token.slice(0, -3)}${token.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`;
    expect((await rsvp(tampered, 'yes')).body).toMatchObject({ status: 400, code: 'TOKEN_INVALID' });
    const invitationId = (
      await dataSource.query('SELECT id FROM activity_invitation WHERE activity_id = $1 LIMIT 1', [event.id])
    )[0].id;
    const expired = app.app.get(LinkTokens).sign(RSVP_PURPOSE, invitationId, -60);
    expect((await rsvp(expired, 'yes')).body.code).toBe('TOKEN_INVALID');
    const wrongPurpose = app.app.get(LinkTokens).sign('activity-place', invitationId, 3600);
    expect((await rsvp(wrongPurpose, 'yes')).body.code).toBe('TOKEN_INVALID');
    expect((await rsvp(token, 'maybe' as 'yes')).body.code).toBe('VALIDATION_FAILED');
    expect(
      (await app.post('/api/v1/rsvp', { body: { token, response: 'yes', companions: 1, extra: 1 } })).body.code,
    ).toBe('VALIDATION_FAILED');

    const badAudience = await app.post(`/api/v1/activities/${event.id}/invitations`, {
      token: admin.accessToken,
      body: { audience: { all: true, wijk: 'dorp' } },
    });
    expect(badAudience.body.code).toBe('INVALID_AUDIENCE');
    expect(
      (
        await app.post(`/api/v1/activities/${event.id}/invitations`, {
          token: admin.accessToken,
          body: { audience: {} },
        })
      ).body.code,
    ).toBe('INVALID_AUDIENCE');
    expect(
      (
        await app.post(`/api/v1/activities/${event.id}/invitations`, {
          token: admin.accessToken,
          body: { audience: { wijk: 'Atlantis' } },
        })
      ).body.code,
    ).toBe('UNKNOWN_WIJK');
    expect(
      (await app.post(`/api/v1/activities/${event.id}/invitations`, { token: admin.accessToken, body: {} })).body.code,
    ).toBe('VALIDATION_FAILED');

    const figures = await app.get(`/api/v1/activities/${event.id}/figures`, { token: admin.accessToken });
    expect(figures.body).toMatchObject({ invited: 6, responded: 1, attending: 0, declined: 1 });
    expect(figures.body.byWijk.find((row: { wijk: string }) => row.wijk === 'Dorp')).toMatchObject({
      invited: 2,
      responded: 1,
    });
  });

  it('never passes capacity when 100 invited carers answer yes with a companion at once', async () => {
    const { municipality, admin } = await municipalityWithWijk(app);
    const carers = await seedCarers(app, municipality, 100);
    const event = await createEvent(app, admin.accessToken, { capacity: 50, maxCompanions: 1 });
    await inviteAndWait(app, admin.accessToken, event.id, { all: true });
    const tokens = await rsvpTokens(app, event.id);
    const answers = await Promise.all(carers.map((carer) => rsvp(tokens.get(carer.accountId)!, 'yes', 1)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.body.status === 'attending')).toHaveLength(25);
    expect(answers.filter((answer) => answer.body.status === 'waitlisted')).toHaveLength(75);
    const [row] = await dataSource.query(
      `SELECT a.places_taken, (SELECT coalesce(sum(1 + companions), 0)::int FROM activity_participant p WHERE p.activity_id = a.id AND p.status IN ('attending', 'offered')) AS held FROM activity a WHERE a.id = $1`,
      [event.id],
    );
    expect(row).toEqual({ places_taken: 50, held: 50 });
  });

  it('holds a freed place for the first waiting, passes it on when the hold lapses, and takes it on the button press', async () => {
    const { municipality, admin } = await municipalityWithWijk(app);
    const [first, second, third] = await seedCarers(app, municipality, 3);
    const event = await createEvent(app, admin.accessToken, {
      capacity: 2,
      maxCompanions: 1,
      title: 'Lotgenotenmiddag',
    });
    await inviteAndWait(app, admin.accessToken, event.id, { all: true });
    const tokens = await rsvpTokens(app, event.id);
    expect((await rsvp(tokens.get(first.accountId)!, 'yes', 1)).body.status).toBe('attending');
    expect((await rsvp(tokens.get(second.accountId)!, 'yes')).body.status).toBe('waitlisted');
    expect((await rsvp(tokens.get(third.accountId)!, 'yes')).body.status).toBe('waitlisted');
    await app.smtp.waitForSubject(second.email, 'Wachtlijst: Lotgenotenmiddag');

    expect((await rsvp(tokens.get(first.accountId)!, 'yes', 0)).body.status).toBe('attending');
    expect(await statusOf(event.id, second.accountId)).toBe('offered');
    const offer = await app.smtp.waitForSubject(second.email, 'Er is een plaats vrij: Lotgenotenmiddag');
    const expiredLink = linkIn(offer.text, 'activity-place');
    expect((await app.get(`${expiredLink.pathname}${expiredLink.search}`)).status).toBe(200);
    expect(await statusOf(event.id, second.accountId)).toBe('offered');

    await dataSource.query(
      `UPDATE activity_participant SET offer_expires_at = now() - interval '1 minute' WHERE activity_id = $1 AND account_id = $2`,
      [event.id, second.accountId],
    );
    expect(await app.app.get(ParticipationService).expireOffers()).toBe(1);
    expect(await statusOf(event.id, second.accountId)).toBe('cancelled');
    expect(await statusOf(event.id, third.accountId)).toBe('offered');
    expect(
      (await formPost(app, '/activity-place', { token: expiredLink.searchParams.get('token')!, lang: 'nl' })).status,
    ).toBe(400);

    const thirdOffer = await app.smtp.waitForSubject(third.email, 'Er is een plaats vrij: Lotgenotenmiddag');
    const link = linkIn(thirdOffer.text, 'activity-place');
    expect(
      (await formPost(app, '/activity-place', { token: link.searchParams.get('token')!, lang: 'nl' })).status,
    ).toBe(200);
    expect(await statusOf(event.id, third.accountId)).toBe('attending');
    const [row] = await dataSource.query('SELECT places_taken FROM activity WHERE id = $1', [event.id]);
    expect(row.places_taken).toBe(2);
  });

  it('enrols carers in courses, lets the facilitator see names and record attendance, and keeps members apart', async () => {
    const { municipality, admin, staff } = await municipalityWithWijk(app);
    const [carer, other, invitedOnly] = await seedCarers(app, municipality, 3);
    const volunteer = await createPerson(app, municipality, 'volunteer');
    const otherVolunteer = await createPerson(app, municipality, 'volunteer');
    const course = await app.post('/api/v1/activities', {
      token: staff.accessToken,
      body: {
        kind: 'course',
        title: 'Cursus omgaan met dementie',
        capacity: 2,
        facilitatorAccountId: volunteer.id,
        sessions: [
          { startsAt: hoursFromNow(72), endsAt: hoursFromNow(74) },
          { startsAt: hoursFromNow(240), endsAt: hoursFromNow(242) },
        ],
      },
    });
    expect(course.status).toBe(201);
    const enrolled = await app.post(`/api/v1/activities/${course.body.id}/enrolments`, {
      token: carer.token,
      body: {},
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.status).toBe('attending');
    expect(
      (
        await app.post(`/api/v1/activities/${course.body.id}/enrolments`, {
          token: carer.token,
          body: { carerId: other.carerId },
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.post(`/api/v1/activities/${course.body.id}/enrolments`, { token: staff.accessToken, body: {} })).body
        .code,
    ).toBe('VALIDATION_FAILED');
    const byStaff = await app.post(`/api/v1/activities/${course.body.id}/enrolments`, {
      token: staff.accessToken,
      body: { carerId: other.carerId },
    });
    expect(byStaff.body.status).toBe('attending');
    expect(
      (await app.post(`/api/v1/activities/${course.body.id}/enrolments`, { token: invitedOnly.token, body: {} })).body
        .status,
    ).toBe('waitlisted');

    const event = await createEvent(app, admin.accessToken, { capacity: 5 });
    expect(
      (await app.post(`/api/v1/activities/${event.id}/enrolments`, { token: carer.token, body: {} })).body.code,
    ).toBe('INVITATION_REQUIRED');

    const list = await app.get(`/api/v1/activities/${course.body.id}/participants`, { token: volunteer.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(JSON.stringify(list.body)).not.toContain('@example.nl');
    expect(list.body.items[0]).toEqual({
      id: expect.any(String),
      name: 'Test Carer',
      status: 'attending',
      companions: 0,
      joinedVia: 'self',
    });
    expect(
      (await app.get(`/api/v1/activities/${course.body.id}/participants`, { token: otherVolunteer.accessToken }))
        .status,
    ).toBe(404);
    expect((await app.get(`/api/v1/activities/${course.body.id}/participants`, { token: carer.token })).status).toBe(
      403,
    );

    const sessionId = course.body.sessions[0].id as string;
    const attendancePath = `/api/v1/activities/${course.body.id}/sessions/${sessionId}/attendance`;
    const entries = [
      { participantId: enrolled.body.id, attended: true },
      { participantId: byStaff.body.id, attended: false },
    ];
    expect(
      (await app.request('PUT', attendancePath, { token: volunteer.accessToken, body: { entries } })).body.code,
    ).toBe('SESSION_NOT_STARTED');
    await dataSource.query(
      `UPDATE activity_session SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
      [sessionId],
    );
    const recorded = await app.request('PUT', attendancePath, { token: volunteer.accessToken, body: { entries } });
    expect(recorded.body).toEqual({ sessionId, recorded: 2, attended: 1 });
    const waitlisted = (
      await dataSource.query('SELECT id FROM activity_participant WHERE activity_id = $1 AND account_id = $2', [
        course.body.id,
        invitedOnly.accountId,
      ])
    )[0].id;
    expect(
      (
        await app.request('PUT', attendancePath, {
          token: staff.accessToken,
          body: { entries: [{ participantId: waitlisted, attended: true }] },
        })
      ).body.code,
    ).toBe('UNKNOWN_PARTICIPANT');
    expect(
      (await app.request('PUT', attendancePath, { token: otherVolunteer.accessToken, body: { entries } })).status,
    ).toBe(404);
    expect(
      (
        await app.request('PUT', attendancePath, {
          token: staff.accessToken,
          body: { entries: [{ participantId: 'nope', attended: 'yes' }] },
        })
      ).body.code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await app.get(`/api/v1/activities/${course.body.id}/figures`, { token: staff.accessToken })).body,
    ).toMatchObject({ participants: 2, waitlisted: 1, attended: 1 });

    const mine = await app.get('/api/v1/me/activities', { token: carer.token });
    expect(mine.body).toEqual({
      items: [
        expect.objectContaining({
          activityId: course.body.id,
          status: 'attending',
          title: 'Cursus omgaan met dementie',
          kind: 'course',
        }),
      ],
      nextCursor: null,
    });
    const withdrawn = await app.post(`/api/v1/activities/${course.body.id}/participants/${byStaff.body.id}/cancel`, {
      token: carer.token,
      body: {},
    });
    expect(withdrawn.status).toBe(404);
  });

  it('tells participants of a moved or cancelled session, and reminds those attending once the day before', async () => {
    const { municipality, admin } = await municipalityWithWijk(app);
    const [coming, withdrawn] = await seedCarers(app, municipality, 2);
    const event = await createEvent(
      app,
      admin.accessToken,
      { title: 'Wandeling', capacity: 10, responseCutoffHours: 1 },
      20,
    );
    await inviteAndWait(app, admin.accessToken, event.id, { all: true });
    const tokens = await rsvpTokens(app, event.id);
    await rsvp(tokens.get(coming.accountId)!, 'yes');
    await rsvp(tokens.get(withdrawn.accountId)!, 'yes');
    await rsvp(tokens.get(withdrawn.accountId)!, 'no');

    const reminders = app.app.get(SessionReminders);
    expect(await reminders.remindUpcoming()).toBe(1);
    expect(await reminders.remindUpcoming()).toBe(0);
    const reminder = await app.smtp.waitForSubject(coming.email, 'Herinnering: Wandeling');
    expect(reminder.attachments[0].content).toContain('TZID=Europe/Amsterdam');
    expect(app.smtp.to(withdrawn.email).some((mail) => mail.subject === 'Herinnering: Wandeling')).toBe(false);

    const sessionId = event.sessions[0].id;
    const moved = await app.patch(`/api/v1/activities/${event.id}/sessions/${sessionId}`, {
      token: admin.accessToken,
      body: { startsAt: hoursFromNow(22), endsAt: hoursFromNow(24) },
    });
    expect(moved.status).toBe(200);
    const movedMail = await app.smtp.waitForSubject(coming.email, 'Nieuwe tijd: Wandeling');
    expect(movedMail.attachments[0].content).toContain('METHOD:REQUEST');
    expect(movedMail.attachments[0].content).toMatch(/^SEQUENCE:1\r?$/m);
    expect(await reminders.remindUpcoming()).toBe(1);

    // Moved back to its first time: a real change again, so a new mail and reminder, and a higher SEQUENCE.
    const back = await app.patch(`/api/v1/activities/${event.id}/sessions/${sessionId}`, {
      token: admin.accessToken,
      body: { startsAt: event.sessions[0].startsAt, endsAt: event.sessions[0].endsAt },
    });
    expect(back.status).toBe(200);
    await waitUntil(
      async () => app.smtp.to(coming.email).filter((mail) => mail.subject === 'Nieuwe tijd: Wandeling').length === 2,
      5000,
      'the second new-time mail',
    );
    const movedBack = app.smtp.to(coming.email).filter((mail) => mail.subject === 'Nieuwe tijd: Wandeling')[1];
    expect(movedBack.attachments[0].content).toMatch(/^SEQUENCE:2\r?$/m);
    expect(await reminders.remindUpcoming()).toBe(1);

    const cancelled = await app.post(`/api/v1/activities/${event.id}/sessions/${sessionId}/cancel`, {
      token: admin.accessToken,
      body: { reason: 'Storm verwacht' },
    });
    expect(cancelled.body.sessions[0].cancelledAt).not.toBeNull();
    const cancelMail = await app.smtp.waitForSubject(coming.email, 'Gaat niet door: Wandeling');
    expect(cancelMail.text).toContain('Storm verwacht');
    expect(cancelMail.attachments[0].content).toContain('METHOD:CANCEL');
    expect(await reminders.remindUpcoming()).toBe(0);
    expect(app.smtp.to(withdrawn.email).some((mail) => mail.subject.startsWith('Gaat niet door'))).toBe(false);
    expect((await rsvp(tokens.get(coming.accountId)!, 'no')).body.code).toBe('RESPONSES_CLOSED');
  });

  it('keeps activities, invitations, figures and attendance inside the municipality', async () => {
    const home = await municipalityWithWijk(app);
    const away = await municipalityWithWijk(app);
    const [awayCarer] = await seedCarers(app, away.municipality, 1);
    const event = await createEvent(app, home.admin.accessToken);
    const sessionId = event.sessions[0].id;
    const forbidden = [
      await app.get(`/api/v1/activities/${event.id}`, { token: away.admin.accessToken }),
      await app.patch(`/api/v1/activities/${event.id}`, { token: away.staff.accessToken, body: { capacity: 1 } }),
      await app.post(`/api/v1/activities/${event.id}/invitations`, {
        token: away.admin.accessToken,
        body: { audience: { all: true } },
      }),
      await app.get(`/api/v1/activities/${event.id}/figures`, { token: away.admin.accessToken }),
      await app.get(`/api/v1/activities/${event.id}/participants`, { token: away.staff.accessToken }),
      await app.post(`/api/v1/activities/${event.id}/enrolments`, {
        token: away.staff.accessToken,
        body: { carerId: awayCarer.carerId },
      }),
      await app.post(`/api/v1/activities/${event.id}/enrolments`, {
        token: home.staff.accessToken,
        body: { carerId: awayCarer.carerId },
      }),
      await app.post(`/api/v1/activities/${event.id}/sessions/${sessionId}/cancel`, {
        token: away.staff.accessToken,
        body: {},
      }),
      await app.request('PUT', `/api/v1/activities/${event.id}/sessions/${sessionId}/attendance`, {
        token: away.staff.accessToken,
        body: { entries: [{ participantId: event.id, attended: true }] },
      }),
    ];
    expect(forbidden.map((answer) => answer.status)).toEqual(Array(forbidden.length).fill(404));
    expect(
      (await app.get(`/api/v1/activities/${event.id}`, { token: home.staff.accessToken })).body.sessions[0].cancelledAt,
    ).toBeNull();
    const listed = await app.get('/api/v1/activities', { token: away.admin.accessToken });
    expect(listed.body.items.some((item: { id: string }) => item.id === event.id)).toBe(false);
    expect(
      (
        await app.post(`/api/v1/activities/${event.id}/invitations`, {
          token: home.staff.accessToken,
          body: { audience: { all: true } },
        })
      ).status,
    ).toBe(403);
    expect(
      (await app.patch(`/api/v1/activities/${event.id}`, { token: home.staff.accessToken, body: { capacity: 0 } }))
        .status,
    ).toBe(400);
  });
});
