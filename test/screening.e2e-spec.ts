import { CarerFollowUp } from '@app/carers';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { addWorkingDays } from '../libs/carers/src/working-days';
import { createMunicipality, createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const answersWith = (points: number) => Array.from({ length: 9 }, (_, index) => (index < points ? 3 : 1));

describe('overload screening and follow-up', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  async function setUp() {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const staff = await createPerson(app, municipality, 'staff');
    const email = uniqueEmail('carer');
    const signUp = await app.post('/api/v1/carers', {
      body: {
        municipalityCode: municipality.code,
        email,
        password: TEST_PASSWORD,
        firstName: 'Rita',
        lastName: 'Visser',
        dateOfBirth: '1960-02-02',
        postcode: '1121AB',
        houseNumber: '5',
      },
    });
    const carer = (await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).body
      .accessToken as string;
    return { municipality, admin, staff, carer, carerId: signUp.body.id as string, email };
  }

  it('serves the statements in Dutch and English', async () => {
    const nl = await app.get('/api/v1/screening-instruments/ediz');
    expect(nl.body).toMatchObject({ id: 'ediz', version: '1', scale: ['nee!', 'nee', '+/-', 'ja', 'ja!'] });
    expect(nl.body.statements).toHaveLength(9);
    const en = await app.get('/api/v1/screening-instruments/ediz', { headers: { 'accept-language': 'en' } });
    expect(en.body.scale[4]).toBe('yes!');
    expect((await app.get('/api/v1/screening-instruments/nope')).status).toBe(404);
  });

  it('scores at the band edges, explains the score and opens one signal on high burden', async () => {
    const { carer, staff, carerId } = await setUp();
    const expectations: Array<[number, string]> = [
      [3, 'low'],
      [4, 'moderate'],
      [6, 'moderate'],
      [7, 'high'],
    ];
    for (const [points, burden] of expectations) {
      const answer = await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(points) } });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        instrument: 'ediz',
        instrumentVersion: '1',
        score: points,
        maxScore: 9,
        burden,
        signalOpened: burden === 'high',
      });
      expect(answer.body.explanation.countedStatements).toEqual(
        Array.from({ length: points }, (_, index) => index + 1),
      );
    }
    const again = await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(9) } });
    expect(again.body).toMatchObject({ burden: 'high', signalOpened: false });
    const signals = await app.get(`/api/v1/signals?carerId=${carerId}`, { token: staff.accessToken });
    expect(signals.body.items).toHaveLength(1);

    const history = await app.get('/api/v1/me/screenings', { token: carer });
    expect(history.body.items.map((item: { score: number }) => item.score)).toEqual([9, 7, 6, 4, 3]);
    expect(
      (await app.get('/api/v1/carers?burden=high', { token: staff.accessToken })).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).toEqual([carerId]);
    expect((await app.get('/api/v1/carers?burden=low', { token: staff.accessToken })).body.items).toEqual([]);

    for (const answers of [
      answersWith(3).slice(0, 8),
      [5, 0, 0, 0, 0, 0, 0, 0, 0],
      ['ja', 0, 0, 0, 0, 0, 0, 0, 0],
      [],
    ]) {
      const bad = await app.post('/api/v1/me/screenings', { token: carer, body: { answers } });
      expect({ answers, status: bad.status }).toEqual({ answers, status: 400 });
    }
  });

  it('sets the due date in working days of the municipal setting, skipping weekends', async () => {
    const { carer, staff, admin, carerId, municipality } = await setUp();
    await app.patch('/api/v1/municipality/settings', { token: admin.accessToken, body: { signalDueWorkingDays: 3 } });
    await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(8) } });
    const [signal] = (await app.get(`/api/v1/signals?carerId=${carerId}`, { token: staff.accessToken })).body.items;
    const created = DateTime.fromISO(signal.createdAt).setZone(municipality.timezone);
    const due = DateTime.fromISO(signal.dueAt).setZone(municipality.timezone);
    expect(due.toISODate()).toBe(addWorkingDays(created, 3).toISODate());
    expect(due.weekday).toBeLessThanOrEqual(5);
    expect(due.toFormat('HH:mm')).toBe('23:59');
  });

  it('lets exactly one staff member claim a signal, keeps notes encrypted and closes it', async () => {
    const { carer, staff, municipality, carerId } = await setUp();
    const colleague = await createPerson(app, municipality, 'staff');
    await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(9) } });
    const [signal] = (await app.get(`/api/v1/signals?carerId=${carerId}`, { token: staff.accessToken })).body.items;
    const claims = await Promise.all(
      [staff, colleague, staff, colleague].map((person) =>
        app.post(`/api/v1/signals/${signal.id}/claim`, { token: person.accessToken }),
      ),
    );
    expect(claims.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(claims.filter((answer) => answer.status === 409 && answer.body.code === 'SIGNAL_NOT_OPEN')).toHaveLength(3);

    expect(
      (
        await app.post(`/api/v1/signals/${signal.id}/notes`, {
          token: staff.accessToken,
          body: { text: 'Gebeld; slaapt slecht door nachtelijke zorg' },
        })
      ).status,
    ).toBe(201);
    const stored = await dataSource.query('SELECT text_encrypted FROM signal_note WHERE signal_id = $1', [signal.id]);
    expect(stored[0].text_encrypted).not.toContain('slaapt');
    expect(
      (await app.get(`/api/v1/signals/${signal.id}/notes`, { token: colleague.accessToken })).body.items[0].text,
    ).toBe('Gebeld; slaapt slecht door nachtelijke zorg');
    const closed = await app.post(`/api/v1/signals/${signal.id}/close`, {
      token: staff.accessToken,
      body: { note: 'Respijtzorg geregeld' },
    });
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false });
    expect(
      (await app.get(`/api/v1/signals?status=closed&carerId=${carerId}`, { token: staff.accessToken })).body.items,
    ).toHaveLength(1);
    // Closed, a new high screening opens a new signal.
    expect(
      (await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(9) } })).body.signalOpened,
    ).toBe(true);
  });

  it('escalates an overdue signal to every admin, once', async () => {
    const { carer, admin, municipality, carerId, staff } = await setUp();
    const secondAdmin = await createPerson(app, municipality, 'admin');
    await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(9) } });
    await dataSource.query(`UPDATE signal SET due_at = now() - interval '1 hour' WHERE carer_id = $1`, [carerId]);
    const followUp = app.worker!.get(CarerFollowUp);
    expect(await followUp.escalateOverdueSignals()).toBeGreaterThanOrEqual(1);
    for (const person of [admin, secondAdmin]) {
      const mail = await app.smtp.waitFor(person.email);
      expect(mail.subject).toBe('Een signaal van overbelasting is over de termijn');
      expect(mail.text).not.toContain('Visser');
    }
    const [signal] = (await app.get(`/api/v1/signals?carerId=${carerId}&overdue=true`, { token: staff.accessToken }))
      .body.items;
    expect(signal).toMatchObject({ overdue: true, escalatedAt: expect.any(String) });
    await followUp.escalateOverdueSignals();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.to(admin.email)).toHaveLength(1);
    expect(app.smtp.to(staff.email)).toHaveLength(0);
  });

  it('reminds a carer to screen again after the set months, once per screening', async () => {
    const { carer, carerId, email } = await setUp();
    await app.post('/api/v1/me/screenings', { token: carer, body: { answers: answersWith(2) } });
    const followUp = app.worker!.get(CarerFollowUp);
    await followUp.remindRescreening();
    await dataSource.query(`UPDATE screening SET created_at = now() - interval '7 months' WHERE carer_id = $1`, [
      carerId,
    ]);
    await followUp.remindRescreening();
    await followUp.remindRescreening();
    await app.smtp.waitFor(email, 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Deliveries run in parallel, so the order of arrival is not fixed.
    expect(
      app.smtp
        .to(email)
        .map((mail) => mail.subject)
        .sort(),
    ).toEqual(['Bevestig uw e-mailadres', 'Hoe gaat het met u?']);
  });

  it('asks for the yearly re-confirmation, marks the unanswered inactive after the grace period, and staff can reactivate', async () => {
    const first = await setUp();
    const followUp = app.worker!.get(CarerFollowUp);
    await dataSource.query(`UPDATE carer SET confirmed_at = now() - interval '13 months' WHERE id = $1`, [
      first.carerId,
    ]);
    await followUp.requestReconfirmation();
    const mail = await app.smtp.waitForSubject(first.email, 'Zorgt u nog voor iemand?');
    const link = new URL(/http:\/\/localhost:3000\/reconfirm\?\S+/.exec(mail.text)![0]);
    expect((await app.get(`${link.pathname}${link.search}`)).status).toBe(200);
    expect(
      (await dataSource.query('SELECT reconfirmation_requested_at FROM carer WHERE id = $1', [first.carerId]))[0]
        .reconfirmation_requested_at,
    ).not.toBeNull();
    const confirmed = await app.post('/reconfirm', {
      rawBody: new URLSearchParams({ token: link.searchParams.get('token')!, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(confirmed.status).toBe(200);
    const row = (
      await dataSource.query(
        "SELECT status, reconfirmation_requested_at, confirmed_at > now() - interval '1 minute' AS fresh FROM carer WHERE id = $1",
        [first.carerId],
      )
    )[0];
    expect(row).toEqual({ status: 'active', reconfirmation_requested_at: null, fresh: true });

    // Asked by mail a month ago (the grace period counts from the mail sent) and no answer: inactive.
    const second = await setUp();
    await dataSource.query(`UPDATE carer SET confirmed_at = now() - interval '14 months' WHERE id = $1`, [
      second.carerId,
    ]);
    await followUp.requestReconfirmation();
    await app.smtp.waitForSubject(second.email, 'Zorgt u nog voor iemand?');
    await waitUntil(
      async () =>
        (
          await dataSource.query(
            `SELECT m.status FROM message m JOIN carer c ON c.account_id = m.account_id
              WHERE c.id = $1 AND m.kind = 'reconfirmation_request'`,
            [second.carerId],
          )
        )[0]?.status === 'sent',
      5000,
      'the request marked sent',
    );
    expect((await followUp.requestReconfirmation()).deactivated).toBe(0);
    await dataSource.query(
      `UPDATE carer SET reconfirmation_requested_at = reconfirmation_requested_at - interval '31 days' WHERE id = $1`,
      [second.carerId],
    );
    await dataSource.query(
      `UPDATE message m SET created_at = m.created_at - interval '31 days', sent_at = m.sent_at - interval '31 days'
         FROM carer c WHERE c.account_id = m.account_id AND c.id = $1 AND m.kind = 'reconfirmation_request'`,
      [second.carerId],
    );
    expect((await followUp.requestReconfirmation()).deactivated).toBeGreaterThanOrEqual(1);
    expect((await app.get(`/api/v1/carers/${second.carerId}`, { token: second.staff.accessToken })).body.status).toBe(
      'inactive',
    );
    expect(
      (await app.get('/api/v1/carers?status=inactive', { token: second.staff.accessToken })).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).toEqual([second.carerId]);
    const reactivated = await app.post(`/api/v1/carers/${second.carerId}/reactivate`, {
      token: second.staff.accessToken,
    });
    // Active again; the address still awaits verification, so it reads as pending.
    expect(reactivated.body.status).toBe('pending_verification');
    expect((await dataSource.query('SELECT status FROM carer WHERE id = $1', [second.carerId]))[0].status).toBe(
      'active',
    );
  });

  it('keeps screenings and signals inside the municipality', async () => {
    const first = await setUp();
    const second = await setUp();
    await app.post('/api/v1/me/screenings', { token: first.carer, body: { answers: answersWith(9) } });
    const [signal] = (await app.get(`/api/v1/signals?carerId=${first.carerId}`, { token: first.staff.accessToken }))
      .body.items;
    const foreign = second.staff.accessToken;
    const attempts = [
      await app.get(`/api/v1/carers/${first.carerId}/screenings`, { token: foreign }),
      await app.post(`/api/v1/signals/${signal.id}/claim`, { token: foreign }),
      await app.post(`/api/v1/signals/${signal.id}/notes`, { token: foreign, body: { text: 'x' } }),
      await app.get(`/api/v1/signals/${signal.id}/notes`, { token: foreign }),
      await app.post(`/api/v1/signals/${signal.id}/close`, { token: foreign, body: {} }),
      await app.post(`/api/v1/carers/${first.carerId}/reactivate`, { token: foreign }),
    ];
    expect(attempts.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await app.get('/api/v1/signals?limit=100', { token: foreign })).body.items).toEqual([]);
    expect((await app.get('/api/v1/signals', { token: first.carer })).status).toBe(403);
    expect(
      (await app.get(`/api/v1/signals?carerId=${first.carerId}`, { token: first.staff.accessToken })).body.items[0]
        .status,
    ).toBe('open');
  });
});
