import { FeedbackService } from '@app/intake';
import { MatchService } from '@app/volunteers';
import { DataSource } from 'typeorm';
import { municipalYear } from './support/municipal-year';
import { seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { proposeTransportTo } from './support/volunteer-fixtures';

type Shown = number | '<5';

/** After respite, volunteer help or an activity: one short question, answered once, read back with small numbers hidden. */
describe('feedback', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('asks once after respite took place, takes one answer by link or API, and hides small numbers in the results', async () => {
    const respite = await setUpRespite(app);
    const slot = await respite.slot(48, 10);
    const carers = await seedCarers(app, respite.municipality, 6);
    for (const carer of carers) {
      const booked = await app.post('/api/v1/respite/bookings', {
        token: carer.token,
        body: { slotId: slot.id, careRelationshipId: carer.relationshipId },
      });
      expect(booked.status).toBe(201);
    }
    // The afternoon took place yesterday.
    await dataSource.query(
      `UPDATE respite_slot SET starts_at = now() - interval '26 hours', ends_at = now() - interval '22 hours' WHERE id = $1`,
      [slot.id],
    );
    await dataSource.query(
      `UPDATE respite_booking SET starts_at = now() - interval '26 hours', ends_at = now() - interval '22 hours' WHERE slot_id = $1`,
      [slot.id],
    );
    const feedback = app.app.get(FeedbackService);
    expect(await feedback.askDue()).toBeGreaterThanOrEqual(6);
    expect(await feedback.askDue()).toBe(0);
    const mail = await app.smtp.waitForSubject(carers[0].email, 'Hoe was het?');

    // The first answers by the link: a score and a few words, once.
    const token = decodeURIComponent(/feedback\?token=([^&\s]+)/.exec(mail.text)![1]);
    const page = await app.get(`/feedback?token=${encodeURIComponent(token)}`);
    expect(String(page.body)).toContain('Hoe tevreden bent u?');
    const form = (score: string, text: string) => ({
      rawBody: new URLSearchParams({ token, lang: 'nl', score, text }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await app.post('/feedback', form('9', ''))).status).toBe(400);
    expect((await app.post('/feedback', form('4', 'Fijne middag, wel erg warm binnen.'))).status).toBe(200);
    expect((await app.post('/feedback', form('1', 'nog eens'))).status).toBe(400);

    // The others in the portal's way: their open question, answered once.
    for (const carer of carers.slice(1)) {
      const pending = await app.get('/api/v1/me/feedback', { token: carer.token });
      expect(pending.body.items).toHaveLength(1);
      expect(pending.body.items[0]).toMatchObject({ kind: 'respite_booking', aboutName: 'De Linde', score: null });
      for (const body of [{ score: 6 }, { score: 'good' }, { score: 3, text: 'x'.repeat(2001) }, {}])
        expect(
          (await app.post(`/api/v1/me/feedback/${pending.body.items[0].id}`, { token: carer.token, body })).status,
        ).toBe(400);
      expect(
        (
          await app.post(`/api/v1/me/feedback/${pending.body.items[0].id}`, {
            token: carers[0].token,
            body: { score: 1 },
          })
        ).status,
      ).toBe(404);
      const answered = await app.post(`/api/v1/me/feedback/${pending.body.items[0].id}`, {
        token: carer.token,
        body: { score: 5 },
      });
      expect([answered.status, answered.body.score]).toEqual([200, 5]);
    }
    expect((await app.get('/api/v1/me/feedback', { token: carers[1].token })).body.items).toEqual([]);
    const [stored] = await dataSource.query(
      `SELECT text_encrypted FROM feedback_request WHERE text_encrypted IS NOT NULL AND about_name = 'De Linde' AND municipality_id = $1`,
      [respite.municipality.id],
    );
    expect(stored.text_encrypted).not.toContain('warm');

    const year = municipalYear();
    const results = await app.get(`/api/v1/reports/feedback?year=${year}`, { token: respite.staff.accessToken });
    const row = results.body.rows.find((item: { aboutName: string }) => item.aboutName === 'De Linde');
    expect(row).toMatchObject({ kind: 'respite_booking', answers: 6 });
    expect(row.averageScore).toBe(Math.round(((4 + 5 * 5) / 6) * 10) / 10);
    const comments = await app.get(`/api/v1/feedback/comments?year=${year}`, { token: respite.staff.accessToken });
    expect(comments.body.items).toEqual([
      expect.objectContaining({ aboutName: 'De Linde', score: 4, text: 'Fijne middag, wel erg warm binnen.' }),
    ]);
    expect(JSON.stringify(comments.body)).not.toContain(carers[0].email);
    expect((await app.get(`/api/v1/feedback/comments?year=${year}`, { token: carers[0].token })).status).toBe(403);
    expect((await app.get('/api/v1/reports/feedback?year=abc', { token: respite.staff.accessToken })).status).toBe(400);
  });

  it('asks the carer after volunteer help ended, and shows fewer than five answers as "<5"', async () => {
    const { staff, carer, proposed } = await proposeTransportTo(app);
    await app.app.get(MatchService).answer(proposed.body.id, true);
    expect(
      (
        await app.post(`/api/v1/matches/${proposed.body.id}/end`, {
          token: staff.accessToken,
          body: { reason: 'Klaar' },
        })
      ).status,
    ).toBe(200);
    await app.app.get(FeedbackService).askDue();
    const pending = await app.get('/api/v1/me/feedback', { token: carer.token });
    expect(pending.body.items).toEqual([
      expect.objectContaining({ kind: 'volunteer_match', aboutName: 'volunteer_help' }),
    ]);
    await app.post(`/api/v1/me/feedback/${pending.body.items[0].id}`, { token: carer.token, body: { score: 2 } });
    const results = await app.get(`/api/v1/reports/feedback?year=${municipalYear()}`, {
      token: staff.accessToken,
    });
    const row = results.body.rows.find((item: { kind: string }) => item.kind === 'volunteer_match');
    expect({ answers: row.answers as Shown, averageScore: row.averageScore }).toEqual({
      answers: '<5',
      averageScore: null,
    });
  });
});
