import { DateTime } from 'luxon';
import { BookingService } from '@app/respite';
import { DataSource } from 'typeorm';
import { TEST_PASSWORD, uniqueEmail } from './support/factories';
import { bookSlot, hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const at = hoursFromNow;

/** The next last Sunday of March, when summer time starts in the Netherlands, at least a week ahead. */
function nextSummerTimeStart(): DateTime {
  const soon = DateTime.now().setZone('Europe/Amsterdam').plus({ weeks: 1 });
  for (let year = soon.year; ; year++) {
    const lastOfMarch = DateTime.fromObject({ year, month: 3, day: 31 }, { zone: 'Europe/Amsterdam' });
    const sunday = lastOfMarch.minus({ days: lastOfMarch.weekday % 7 });
    if (sunday > soon) return sunday;
  }
}

describe('respite', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const setUp = (settings: Record<string, unknown> = {}) => setUpRespite(app, settings);
  const book = (token: string, slotId: string, careRelationshipId: string, joinWaitlist?: boolean) =>
    bookSlot(app, token, slotId, careRelationshipId, joinWaitlist);

  it('never books more than capacity when 200 carers book one slot at once', async () => {
    const { municipality, slot } = await setUp();
    const target = await slot(72, 10);
    const carers = await seedCarers(app, municipality, 200);
    const answers = await Promise.all(
      carers.map((carer, index) => book(carer.token, target.id, carer.relationshipId, index % 2 === 0)),
    );
    const confirmed = answers.filter((answer) => answer.status === 201 && answer.body.status === 'confirmed');
    const waitlisted = answers.filter((answer) => answer.status === 201 && answer.body.status === 'waitlisted');
    const full = answers.filter((answer) => answer.status === 409 && answer.body.code === 'SLOT_FULL');
    expect(confirmed).toHaveLength(10);
    expect(confirmed.length + waitlisted.length + full.length).toBe(200);
    const [row] = await dataSource.query(
      `SELECT s.booked, (SELECT count(*)::int FROM respite_booking b WHERE b.slot_id = s.id AND b.status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM respite_booking b WHERE b.slot_id = s.id AND b.status = 'waitlisted') AS waitlisted
         FROM respite_slot s WHERE s.id = $1`,
      [target.id],
    );
    expect(row).toEqual({ booked: 10, confirmed: 10, waitlisted: waitlisted.length });
    const search = await app.get(
      `/api/v1/respite/slots?from=${encodeURIComponent(at(70))}&to=${encodeURIComponent(at(80))}`,
      { token: carers[0].token },
    );
    expect(search.body.items.find((item: { id: string }) => item.id === target.id)).toMatchObject({
      capacity: 10,
      remaining: 0,
    });
    // The documented example copied into a URL as it is: its + arrives as a space and still means +.
    const local = (hours: number) =>
      DateTime.fromMillis(Date.parse(at(hours)))
        .setZone('Europe/Amsterdam')
        .toISO({ suppressMilliseconds: true })!;
    const unencoded = await app.get(`/api/v1/respite/slots?from=${local(70)}&to=${local(80)}`, {
      token: carers[0].token,
    });
    expect(unencoded.status).toBe(200);
    expect(unencoded.body.items.map((item: { id: string }) => item.id)).toEqual(
      search.body.items.map((item: { id: string }) => item.id),
    );
    const garbled = await app.get(`/api/v1/respite/slots?from=tomorrow&to=${local(80)}`, { token: carers[0].token });
    expect(garbled.status).toBe(400);
    expect(garbled.body.errors[0]).toEqual({ field: 'from', message: expect.stringContaining('%2B') });
  });

  it("holds one carer's parallel bookings to the yearly budget and the overlap rule", async () => {
    const { municipality, slot } = await setUp({ respiteBudget: { unit: 'dagdelen', perYear: 3 } });
    const [carer] = await seedCarers(app, municipality, 1);
    // Eight separate dagdelen on different days: the budget allows three.
    const separate = await Promise.all(Array.from({ length: 8 }, (_, index) => slot(48 + index * 24, 5)));
    const answers = await Promise.all(separate.map((target) => book(carer.token, target.id, carer.relationshipId)));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(
      answers.filter((answer) => answer.status === 422 && answer.body.code === 'RESPITE_BUDGET_EXCEEDED'),
    ).toHaveLength(5);
    const [usage] = await dataSource.query('SELECT used::float AS used FROM respite_budget_usage WHERE carer_id = $1', [
      carer.carerId,
    ]);
    expect(usage.used).toBe(3);

    const { municipality: second, slot: secondSlot } = await setUp();
    const [other] = await seedCarers(app, second, 1);
    const sameTime = await Promise.all(Array.from({ length: 6 }, () => secondSlot(100, 5)));
    const overlapping = await Promise.all(sameTime.map((target) => book(other.token, target.id, other.relationshipId)));
    expect(overlapping.filter((answer) => answer.status === 201)).toHaveLength(1);
    expect(
      overlapping.filter((answer) => answer.status === 409 && answer.body.code === 'OVERLAPPING_BOOKING'),
    ).toHaveLength(5);
    const [count] = await dataSource.query(
      `SELECT count(*)::int AS n FROM respite_booking WHERE care_relationship_id = $1 AND status = 'confirmed'`,
      [other.relationshipId],
    );
    expect(count.n).toBe(1);
  });

  it('offers a freed place to the first on the waiting list, passes it on when the hold expires, and books on acceptance', async () => {
    const { municipality, slot } = await setUp();
    const target = await slot(96, 1);
    const [first, second, third] = await seedCarers(app, municipality, 3);
    const booked = await book(first.token, target.id, first.relationshipId);
    expect((await book(second.token, target.id, second.relationshipId, true)).body.status).toBe('waitlisted');
    expect((await book(third.token, target.id, third.relationshipId, true)).body.status).toBe('waitlisted');
    expect((await book(third.token, target.id, third.relationshipId, true)).status).toBe(409);

    expect(
      (await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, { token: first.token, body: {} })).body
        .status,
    ).toBe('cancelled');
    const offerMail = await app.smtp.waitFor(second.email);
    expect(offerMail.subject).toBe('Er is een plaats vrijgekomen');
    const status = async (carerId: string) =>
      (
        await dataSource.query('SELECT status FROM respite_booking WHERE slot_id = $1 AND carer_id = $2', [
          target.id,
          carerId,
        ])
      )[0].status;
    expect(await status(second.carerId)).toBe('offered');

    await dataSource.query(
      `UPDATE respite_booking SET offer_expires_at = now() - interval '1 minute' WHERE slot_id = $1 AND carer_id = $2`,
      [target.id, second.carerId],
    );
    const expiredLink = new URL(/http:\/\/localhost:3000\/waitlist-offer\?\S+/.exec(offerMail.text)![0]);
    expect(await app.app.get(BookingService).expireOffers()).toBe(1);
    expect(await status(second.carerId)).toBe('cancelled');
    expect(await status(third.carerId)).toBe('offered');
    expect((await app.get(`${expiredLink.pathname}${expiredLink.search}`)).status).toBe(400);

    const thirdMail = await app.smtp.waitFor(third.email);
    const link = new URL(/http:\/\/localhost:3000\/waitlist-offer\?\S+/.exec(thirdMail.text)![0]);
    expect((await app.get(`${link.pathname}${link.search}`)).status).toBe(200);
    expect(await status(third.carerId)).toBe('offered');
    const accepted = await app.post('/waitlist-offer', {
      rawBody: new URLSearchParams({ token: link.searchParams.get('token')!, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(accepted.status).toBe(200);
    expect(await status(third.carerId)).toBe('confirmed');
    const [row] = await dataSource.query('SELECT booked FROM respite_slot WHERE id = $1', [target.id]);
    expect(row.booked).toBe(1);
  });

  it('passes over a waiting carer who booked an overlapping place meanwhile, and expires each offer on its own', async () => {
    const { municipality, slot } = await setUp();
    const target = await slot(96, 1);
    const sameTime = await slot(96, 1);
    const [holder, overlapping, next, other] = await seedCarers(app, municipality, 4);
    const booked = await book(holder.token, target.id, holder.relationshipId);
    expect((await book(overlapping.token, target.id, overlapping.relationshipId, true)).body.status).toBe('waitlisted');
    expect((await book(next.token, target.id, next.relationshipId, true)).body.status).toBe('waitlisted');
    expect((await book(overlapping.token, sameTime.id, overlapping.relationshipId)).body.status).toBe('confirmed');

    const cancelled = await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, {
      token: holder.token,
      body: {},
    });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'cancelled']);
    const entry = async (slotId: string, carerId: string) =>
      (
        await dataSource.query(
          'SELECT status, cancel_reason FROM respite_booking WHERE slot_id = $1 AND carer_id = $2',
          [slotId, carerId],
        )
      )[0] as { status: string; cancel_reason: string | null };
    expect(await entry(target.id, overlapping.carerId)).toEqual({
      status: 'cancelled',
      cancel_reason: 'overlapping_booking',
    });
    expect((await entry(target.id, next.carerId)).status).toBe('offered');
    expect((await entry(sameTime.id, overlapping.carerId)).status).toBe('confirmed');
    const [{ booked: places }] = await dataSource.query('SELECT booked FROM respite_slot WHERE id = $1', [target.id]);
    expect(places).toBe(1);

    // Two expired offers, one of which cannot be freed (its slot's counter was broken by hand): the other still expires.
    const broken = await slot(120, 1);
    const brokenHolder = await book(other.token, broken.id, other.relationshipId);
    await dataSource.query(
      `UPDATE respite_booking SET status = 'offered', offer_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [brokenHolder.body.id],
    );
    await dataSource.query('UPDATE respite_slot SET booked = 0 WHERE id = $1', [broken.id]);
    await dataSource.query(
      `UPDATE respite_booking SET offer_expires_at = now() - interval '1 minute' WHERE slot_id = $1 AND carer_id = $2`,
      [target.id, next.carerId],
    );
    expect(await app.app.get(BookingService).expireOffers()).toBe(1);
    expect((await entry(target.id, next.carerId)).status).toBe('cancelled');
    expect((await entry(broken.id, other.carerId)).status).toBe('offered');
  });

  it('releases the budget before the cut-off and keeps it counted after', async () => {
    const { municipality, slot } = await setUp({ respiteBudget: { unit: 'hours', perYear: 20 } });
    const [carer] = await seedCarers(app, municipality, 1);
    const early = await book(carer.token, (await slot(30, 2, 4)).id, carer.relationshipId);
    const late = await book(carer.token, (await slot(10, 2, 3)).id, carer.relationshipId);
    expect([early.body.units, late.body.units]).toEqual([4, 3]);
    const used = async () =>
      (
        await dataSource.query('SELECT used::float AS used FROM respite_budget_usage WHERE carer_id = $1', [
          carer.carerId,
        ])
      )[0].used;
    expect(await used()).toBe(7);
    expect(
      (await app.post(`/api/v1/respite/bookings/${early.body.id}/cancel`, { token: carer.token, body: {} })).body
        .lateCancellation,
    ).toBe(false);
    expect(await used()).toBe(3);
    expect(
      (await app.post(`/api/v1/respite/bookings/${late.body.id}/cancel`, { token: carer.token, body: {} })).body
        .lateCancellation,
    ).toBe(true);
    expect(await used()).toBe(3);
  });

  it('sends a confirmation with an .ics file, and a cancelled booking never sends its reminders', async () => {
    const { municipality, slot } = await setUp();
    const [carer] = await seedCarers(app, municipality, 1);
    const target = await slot(24 * 5, 1);
    const booked = await book(carer.token, target.id, carer.relationshipId);
    const confirmation = await app.smtp.waitFor(carer.email);
    expect(confirmation.subject).toBe('Uw respijtzorg is geboekt');
    const ics = confirmation.attachments.find((file) => file.contentType.startsWith('text/calendar'));
    expect(ics?.content).toContain('BEGIN:VEVENT');
    expect(ics?.content).toContain('LOCATION:Dorpsstraat 1\\, Landsmeer');
    expect(ics?.content).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T\d{6}/);

    const reminders = () =>
      dataSource.query(`SELECT status, outcome FROM message WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`, [
        `respite-reminder.${booked.body.id}.%`,
      ]);
    expect(await reminders()).toEqual([
      { status: 'queued', outcome: null },
      { status: 'queued', outcome: null },
    ]);
    await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, { token: carer.token, body: {} });
    expect(await reminders()).toEqual([
      { status: 'skipped', outcome: 'cancelled' },
      { status: 'skipped', outcome: 'cancelled' },
    ]);
    const [outbox] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE o.cancelled_at IS NOT NULL)::int AS cancelled FROM outbox_entry o JOIN message m ON o.job_id = 'message.' || m.id WHERE m.dedupe_key LIKE $1`,
      [`respite-reminder.${booked.body.id}.%`],
    );
    expect(outbox.cancelled).toBe(2);
  });

  it('generates slots from a weekly pattern at local times on a DST day, and refuses bad slots', async () => {
    const { staff, offerId } = await setUp();
    const summerTime = nextSummerTimeStart();
    const utc = (day: DateTime, hour: number) => `${day.toISODate()}T0${hour}:00:00.000Z`;
    const generated = await app.post(`/api/v1/respite/offers/${offerId}/slots/generate`, {
      token: staff.accessToken,
      body: {
        from: summerTime.minus({ days: 1 }).toISODate(),
        to: summerTime.plus({ days: 1 }).toISODate(),
        weekdays: [6, 7, 1],
        dagdelen: ['ochtend', 'avond'],
        capacity: 4,
      },
    });
    expect(generated.status).toBe(201);
    // Summer time starts that Sunday: 09:00 local is 08:00Z the day before, 07:00Z from then on.
    expect(
      generated.body.items
        .filter((item: { dagdeel: string }) => item.dagdeel === 'ochtend')
        .map((item: { startsAt: string }) => item.startsAt),
    ).toEqual([utc(summerTime.minus({ days: 1 }), 8), utc(summerTime, 7), utc(summerTime.plus({ days: 1 }), 7)]);
    for (const body of [
      { startsAt: at(50), endsAt: at(54), capacity: 0 },
      { startsAt: '2027-01-01T09:00:00', endsAt: at(54), capacity: 2 },
      { startsAt: at(54), endsAt: at(50), capacity: 2 },
      { startsAt: at(50), endsAt: at(54), capacity: 2, price: 10 },
    ]) {
      const answer = await app.post(`/api/v1/respite/offers/${offerId}/slots`, { token: staff.accessToken, body });
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    const slot = generated.body.items[0];
    expect(
      (await app.patch(`/api/v1/respite/slots/${slot.id}`, { token: staff.accessToken, body: { capacity: 6 } })).body
        .capacity,
    ).toBe(6);
  });

  it('requires a verified email, minimum notice, and keeps offers, slots and bookings inside the municipality', async () => {
    const first = await setUp();
    const second = await setUp();
    const target = await first.slot(72, 3);
    const [carerA] = await seedCarers(app, first.municipality, 1);
    const [carerB] = await seedCarers(app, second.municipality, 1);

    const email = uniqueEmail('unverified');
    await app.post('/api/v1/carers', {
      body: {
        municipalityCode: first.municipality.code,
        email,
        password: TEST_PASSWORD,
        firstName: 'U',
        lastName: 'V',
        dateOfBirth: '1970-01-01',
        postcode: '1121AB',
        houseNumber: '1',
      },
    });
    const unverified = (await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).body
      .accessToken as string;
    const relation = await app.post('/api/v1/me/care-relationships', {
      token: unverified,
      body: {
        careRecipientName: 'P.',
        relation: 'parent',
        livesInMunicipality: true,
        since: '2020-01-01',
        hoursPerWeek: 5,
      },
    });
    const notVerified = await book(unverified, target.id, relation.body.id);
    expect([notVerified.status, notVerified.body.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
    const soon = await first.slot(0.5, 3);
    expect((await book(carerA.token, soon.id, carerA.relationshipId)).body.code).toBe('TOO_LATE_TO_BOOK');

    const booked = await book(carerA.token, target.id, carerA.relationshipId);
    expect(booked.status).toBe(201);
    expect((await book(carerB.token, target.id, carerB.relationshipId)).status).toBe(404);
    expect((await book(carerA.token, target.id, carerB.relationshipId)).status).toBe(404);
    // A relationship that has ended books nothing either; a staff member is no carer.
    const ended = await app.post('/api/v1/me/care-relationships', {
      token: carerA.token,
      body: {
        careRecipientName: 'Q.',
        relation: 'partner',
        livesInMunicipality: true,
        since: '2021-01-01',
        hoursPerWeek: 3,
      },
    });
    await app.post(`/api/v1/me/care-relationships/${ended.body.id}/end`, { token: carerA.token });
    const withEnded = await book(carerA.token, target.id, ended.body.id);
    expect([withEnded.status, withEnded.body.detail]).toEqual([
      404,
      expect.stringMatching(/zorgrelatie|care relationship/i),
    ]);
    expect((await book(first.staff.accessToken, target.id, carerA.relationshipId)).status).toBe(403);
    const range = `from=${encodeURIComponent(at(60))}&to=${encodeURIComponent(at(80))}`;
    expect((await app.get(`/api/v1/respite/slots?${range}`, { token: carerB.token })).body.items).toEqual([]);
    expect(
      (
        await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, {
          token: second.staff.accessToken,
          body: {},
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, { token: carerB.token, body: {} })).status,
    ).toBe(404);
    expect(
      (
        await app.patch(`/api/v1/respite/slots/${target.id}`, {
          token: second.staff.accessToken,
          body: { capacity: 9 },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.post(`/api/v1/respite/offers/${first.offerId}/slots`, {
          token: second.staff.accessToken,
          body: { startsAt: at(50), endsAt: at(54), capacity: 2 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.patch(`/api/v1/respite/slots/${target.id}`, { token: first.staff.accessToken, body: { capacity: 0 } }))
        .status,
    ).toBe(400);

    // A regional offer of the first municipality that also serves the second can be booked from there.
    const regional = await app.post('/api/v1/respite/offers', {
      token: first.staff.accessToken,
      body: { kind: 'short_stay', name: 'Logeerhuis Regio', alsoServes: [second.municipality.id] },
    });
    await app.post(`/api/v1/respite/offers/${regional.body.id}/slots`, {
      token: first.staff.accessToken,
      body: { startsAt: at(75), endsAt: at(79), capacity: 2 },
    });
    const visible = await app.get(`/api/v1/respite/slots?${range}&onlyAvailable=true`, { token: carerB.token });
    expect(visible.body.items.map((item: { offerName: string }) => item.offerName)).toEqual(['Logeerhuis Regio']);
    expect((await book(carerB.token, visible.body.items[0].id, carerB.relationshipId)).status).toBe(201);
    await waitUntil(async () => app.smtp.to(carerB.email).length > 0, 10_000, 'confirmation');
  });
});
