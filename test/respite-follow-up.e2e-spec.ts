import { DataSource } from 'typeorm';
import { municipalYear } from './support/municipal-year';
import { bookSlot, hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';

const at = hoursFromNow;

describe('respite: cancelled slots, moves, attendance, usage and calendar feeds', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const book = (token: string, slotId: string, careRelationshipId: string, joinWaitlist?: boolean) =>
    bookSlot(app, token, slotId, careRelationshipId, joinWaitlist);
  const used = async (carerId: string) =>
    (await dataSource.query('SELECT used::float AS used FROM respite_budget_usage WHERE carer_id = $1', [carerId]))[0]
      ?.used ?? 0;
  const reminderKeys = (bookingId: string) =>
    dataSource.query<Array<{ dedupe_key: string; status: string }>>(
      `SELECT dedupe_key, status FROM message WHERE dedupe_key LIKE $1 ORDER BY created_at, dedupe_key`,
      [`respite-reminder.${bookingId}.%`],
    );

  it('calls a slot off: bookings and waiting list end, budgets come back, every carer is told with a calendar cancellation', async () => {
    const { municipality, staff, slot } = await setUpRespite(app);
    const target = await slot(96, 2);
    const [first, second, waiting] = await seedCarers(app, municipality, 3);
    const bookings = [
      await book(first.token, target.id, first.relationshipId),
      await book(second.token, target.id, second.relationshipId),
    ];
    expect((await book(waiting.token, target.id, waiting.relationshipId, true)).body.status).toBe('waitlisted');
    expect(await used(first.carerId)).toBe(1);

    const called = await app.post(`/api/v1/respite/slots/${target.id}/cancel`, {
      token: staff.accessToken,
      body: { reason: 'Storing in het gebouw' },
    });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ bookingsCancelled: 3, slot: { id: target.id, remaining: 2 } });
    expect(called.body.slot.cancelledAt).not.toBeNull();
    expect(await used(first.carerId)).toBe(0);
    const rows = await dataSource.query(`SELECT status, cancel_reason FROM respite_booking WHERE slot_id = $1`, [
      target.id,
    ]);
    expect(rows).toEqual(Array(3).fill({ status: 'cancelled', cancel_reason: 'slot_cancelled' }));
    for (const booking of bookings)
      expect((await reminderKeys(booking.body.id)).map((row) => row.status)).toEqual(['skipped', 'skipped']);

    for (const carer of [first, second, waiting]) {
      const mail = await app.smtp.waitForSubject(carer.email, 'Uw respijtzorg gaat niet door');
      expect(mail.text).not.toContain('Storing');
      expect(mail.attachments[0]?.content).toContain('METHOD:CANCEL');
      expect(mail.attachments[0]?.content).toContain('STATUS:CANCELLED');
    }
    // Calling it off twice tells nobody twice; booking it now is refused.
    expect(
      (await app.post(`/api/v1/respite/slots/${target.id}/cancel`, { token: staff.accessToken, body: { reason: 'x' } }))
        .body.bookingsCancelled,
    ).toBe(0);
    expect((await book(first.token, target.id, first.relationshipId)).body.code).toBe('SLOT_CANCELLED');
    const search = await app.get(
      `/api/v1/respite/slots?from=${encodeURIComponent(at(90))}&to=${encodeURIComponent(at(100))}`,
      { token: first.token },
    );
    expect(search.body.items.map((item: { id: string }) => item.id)).not.toContain(target.id);
    expect(
      (await app.post(`/api/v1/respite/slots/${target.id}/cancel`, { token: staff.accessToken, body: {} })).status,
    ).toBe(400);
    expect(
      (await app.post(`/api/v1/respite/slots/${target.id}/cancel`, { token: first.token, body: { reason: 'x' } }))
        .status,
    ).toBe(403);
  });

  it('moves a booking with its reminders and budget, frees the old place for the waiting list, and refuses after the cut-off', async () => {
    const { municipality, slot } = await setUpRespite(app, { respiteBudget: { unit: 'hours', perYear: 10 } });
    const [carer, waiting] = await seedCarers(app, municipality, 2);
    const from = await slot(100, 1, 4);
    const to = await slot(150, 1, 6);
    const booked = await book(carer.token, from.id, carer.relationshipId);
    expect((await book(waiting.token, from.id, waiting.relationshipId, true)).body.status).toBe('waitlisted');
    const before = await reminderKeys(booked.body.id);

    const moved = await app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, {
      token: carer.token,
      body: { slotId: to.id },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: booked.body.id, slotId: to.id, status: 'confirmed', units: 6 });
    expect(await used(carer.carerId)).toBe(6);
    const after = await reminderKeys(booked.body.id);
    expect(
      after.filter((row) => before.some((old) => old.dedupe_key === row.dedupe_key)).map((row) => row.status),
    ).toEqual(['skipped', 'skipped']);
    expect(after.filter((row) => row.status === 'queued')).toHaveLength(2);
    const slots = await dataSource.query('SELECT id, booked FROM respite_slot WHERE id = ANY($1) ORDER BY starts_at', [
      [from.id, to.id],
    ]);
    expect(slots.map((row: { booked: number }) => row.booked)).toEqual([1, 1]);
    expect(
      (await dataSource.query('SELECT status FROM respite_booking WHERE carer_id = $1', [waiting.carerId]))[0].status,
    ).toBe('offered');
    expect((await app.smtp.waitFor(carer.email, 2)).subject).toBe('Uw respijtzorg is geboekt');

    // Over budget, into a full slot, or too close to the start: refused, and nothing changes.
    const big = await slot(200, 1, 11);
    expect(
      (
        await app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, {
          token: carer.token,
          body: { slotId: big.id },
        })
      ).body.code,
    ).toBe('RESPITE_BUDGET_EXCEEDED');
    expect(
      (
        await app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, {
          token: carer.token,
          body: { slotId: from.id },
        })
      ).body.code,
    ).toBe('SLOT_FULL');
    expect(await used(carer.carerId)).toBe(6);
    expect(
      (await dataSource.query('SELECT slot_id FROM respite_booking WHERE id = $1', [booked.body.id]))[0].slot_id,
    ).toBe(to.id);
    const soon = await book(carer.token, (await slot(10, 1, 2)).id, carer.relationshipId);
    const tooLate = await app.post(`/api/v1/respite/bookings/${soon.body.id}/move`, {
      token: carer.token,
      body: { slotId: (await slot(300, 1, 2)).id },
    });
    expect([tooLate.status, tooLate.body.code]).toEqual([409, 'BOOKING_NOT_MOVABLE']);
    expect(
      (
        await app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, {
          token: waiting.token,
          body: { slotId: big.id },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, {
          token: carer.token,
          body: { slotId: 'not-a-uuid' },
        })
      ).status,
    ).toBe(400);
  });

  it('sends every real change its own mail: book, move, move back, then the carer cancels; the calendar follows by UID and SEQUENCE', async () => {
    const { municipality, slot } = await setUpRespite(app);
    const [carer] = await seedCarers(app, municipality, 1);
    const first = await slot(100, 2, 4);
    const second = await slot(150, 2, 4);
    const booked = await book(carer.token, first.id, carer.relationshipId);
    expect(booked.status).toBe(201);
    const move = (slotId: string) =>
      app.post(`/api/v1/respite/bookings/${booked.body.id}/move`, { token: carer.token, body: { slotId } });
    await app.smtp.waitFor(carer.email, 1);
    expect((await move(second.id)).status).toBe(200);
    await app.smtp.waitFor(carer.email, 2);
    expect((await move(first.id)).status).toBe(200);
    await app.smtp.waitFor(carer.email, 3);
    const cancelled = await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, {
      token: carer.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    await app.smtp.waitFor(carer.email, 4);

    const mails = app.smtp.to(carer.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      'Uw respijtzorg is geboekt',
      'Uw respijtzorg is geboekt',
      'Uw respijtzorg is geboekt',
      'Uw respijtzorg is geannuleerd',
    ]);
    const calendar = mails.map((mail) => mail.attachments.find((file) => file.filename.endsWith('.ics'))!.content);
    const field = (ics: string, name: string) => ics.match(new RegExp(`^${name}[:;](.*)$`, 'm'))?.[1].trim();
    expect(new Set(calendar.map((ics) => field(ics, 'UID')))).toEqual(new Set([`respite-${booked.body.id}`]));
    expect(calendar.map((ics) => field(ics, 'SEQUENCE'))).toEqual(['0', '1', '2', '3']);
    expect(calendar.map((ics) => field(ics, 'METHOD'))).toEqual(['REQUEST', 'REQUEST', 'REQUEST', 'CANCEL']);
    // Reminders of every earlier state are withdrawn; none is left queued after the cancellation.
    expect((await reminderKeys(booked.body.id)).filter((row) => row.status === 'queued')).toEqual([]);
    // A retry of the same change sends nothing new.
    expect((await move(first.id)).status).toBe(409);
    const again = await app.post(`/api/v1/respite/bookings/${booked.body.id}/cancel`, { token: carer.token, body: {} });
    expect(again.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(app.smtp.to(carer.email)).toHaveLength(4);
  });

  it('records attendance after the start, counts no-shows in occupancy, and shows budgets to carer and staff', async () => {
    const first = await setUpRespite(app);
    const second = await setUpRespite(app);
    const target = await first.slot(48, 3);
    const [came, stayedAway] = await seedCarers(app, first.municipality, 2);
    const a = await book(came.token, target.id, came.relationshipId);
    const b = await book(stayedAway.token, target.id, stayedAway.relationshipId);
    const record = (bookingId: string, outcome: string, token = first.staff.accessToken) =>
      app.post(`/api/v1/respite/bookings/${bookingId}/attendance`, { token, body: { outcome } });
    expect((await record(a.body.id, 'attended')).body.code).toBe('SLOT_NOT_STARTED');

    // The slot has begun.
    await dataSource.query(
      `UPDATE respite_slot SET starts_at = starts_at - interval '49 hours', ends_at = ends_at - interval '49 hours' WHERE id = $1`,
      [target.id],
    );
    await dataSource.query(
      `UPDATE respite_booking SET starts_at = starts_at - interval '49 hours', ends_at = ends_at - interval '49 hours' WHERE slot_id = $1`,
      [target.id],
    );
    expect((await record(a.body.id, 'attended')).body.status).toBe('attended');
    expect((await record(b.body.id, 'no_show')).body.status).toBe('no_show');
    expect((await record(b.body.id, 'maybe')).status).toBe(400);
    expect((await record(b.body.id, 'attended', second.staff.accessToken)).status).toBe(404);
    expect((await record(b.body.id, 'attended', came.token)).status).toBe(403);
    expect(
      (await app.post(`/api/v1/respite/bookings/${b.body.id}/cancel`, { token: stayedAway.token, body: {} })).body.code,
    ).toBe('BOOKING_NOT_CANCELLABLE');

    const range = `from=${encodeURIComponent(at(-72))}&to=${encodeURIComponent(at(72))}`;
    const occupancy = await app.get(`/api/v1/respite/offers/${first.offerId}/occupancy?${range}`, {
      token: first.staff.accessToken,
    });
    expect(occupancy.body).toEqual({
      slots: 1,
      capacity: 3,
      booked: 2,
      waitlisted: 0,
      attended: 1,
      noShows: 1,
      lateCancellations: 0,
      occupancyRate: 0.667,
    });
    expect(
      (await app.get(`/api/v1/respite/offers/${first.offerId}/occupancy?${range}`, { token: second.staff.accessToken }))
        .status,
    ).toBe(404);
    const slotBookings = await app.get(`/api/v1/respite/slots/${target.id}/bookings`, {
      token: first.staff.accessToken,
    });
    expect(slotBookings.body.items.map((item: { status: string }) => item.status)).toEqual(['attended', 'no_show']);

    const year = municipalYear(a.body.startsAt);
    const mine = await app.get(`/api/v1/me/respite-budget?year=${year}`, { token: came.token });
    expect(mine.body).toEqual({ year, unit: 'dagdelen', perYear: 24, used: 1, left: 23 });
    expect(
      (await app.get(`/api/v1/carers/${came.carerId}/respite-budget?year=${year}`, { token: first.staff.accessToken }))
        .body.used,
    ).toBe(1);
    expect(
      (await app.get(`/api/v1/carers/${came.carerId}/respite-budget`, { token: second.staff.accessToken })).status,
    ).toBe(404);
    expect((await app.get('/api/v1/me/respite-budget?year=twenty', { token: came.token })).status).toBe(400);
  });

  it('serves a personal calendar feed behind a secret that can be renewed and revoked', async () => {
    const { municipality, staff, slot } = await setUpRespite(app);
    const [carer, other] = await seedCarers(app, municipality, 2);
    const kept = await book(carer.token, (await slot(60, 2)).id, carer.relationshipId);
    const dropped = await book(carer.token, (await slot(90, 2)).id, carer.relationshipId);
    await book(other.token, (await slot(120, 2)).id, other.relationshipId);
    await app.post(`/api/v1/respite/bookings/${dropped.body.id}/cancel`, { token: carer.token, body: {} });

    const created = await app.request('PUT', '/api/v1/me/calendar-feed', { token: carer.token });
    expect(created.status).toBe(200);
    const url = new URL(created.body.url);
    const feed = await app.get(`${url.pathname}${url.search}`);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain(`UID:respite-${kept.body.id}`);
    expect(feed.body).toMatch(new RegExp(`UID:respite-${dropped.body.id}[\\s\\S]*?STATUS:CANCELLED`));
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(feed.body).toContain('SUMMARY:Respijtzorg: De Linde');

    const renewed = new URL((await app.request('PUT', '/api/v1/me/calendar-feed', { token: carer.token })).body.url);
    expect((await app.get(`${url.pathname}${url.search}`)).status).toBe(404);
    expect((await app.get(`${renewed.pathname}${renewed.search}`)).status).toBe(200);
    expect((await app.request('DELETE', '/api/v1/me/calendar-feed', { token: carer.token })).status).toBe(204);
    expect((await app.get(`${renewed.pathname}${renewed.search}`)).status).toBe(404);
    expect((await app.get('/api/v1/calendar-feed.ics')).status).toBe(400);
    expect((await app.get(`/api/v1/calendar-feed.ics?key=${'x'.repeat(5000)}`)).status).toBe(400);
    expect((await app.request('PUT', '/api/v1/me/calendar-feed', { token: staff.accessToken })).status).toBe(403);
  });

  it('filters slots by kind, suitability and wijk', async () => {
    const { admin, staff, offerId, slot, municipality } = await setUpRespite(app);
    const wijk = await app.post('/api/v1/wijken', {
      token: admin.accessToken,
      body: { name: 'Centrum', postcodeRanges: [{ from: 1121, to: 1121 }] },
    });
    const atHome = await app.post('/api/v1/respite/offers', {
      token: staff.accessToken,
      body: { kind: 'at_home', name: 'Thuis', wijkId: wijk.body.id, suitability: ['physical'] },
    });
    await app.post(`/api/v1/respite/offers/${atHome.body.id}/slots`, {
      token: staff.accessToken,
      body: { startsAt: at(50), endsAt: at(53), capacity: 1 },
    });
    await slot(51, 1);
    const [carer] = await seedCarers(app, municipality, 1);
    const names = async (filter: string) =>
      (
        await app.get(
          `/api/v1/respite/slots?from=${encodeURIComponent(at(40))}&to=${encodeURIComponent(at(60))}&${filter}`,
          { token: carer.token },
        )
      ).body.items.map((item: { offerId: string }) => item.offerId);
    expect(await names('kind=at_home')).toEqual([atHome.body.id]);
    expect(await names('suitability=dementia')).toEqual([offerId]);
    expect(await names(`wijkId=${wijk.body.id}`)).toEqual([atHome.body.id]);
    expect(await names(`municipalityId=${municipality.id}`)).toHaveLength(2);
    expect(
      (
        await app.get(
          `/api/v1/respite/slots?from=${encodeURIComponent(at(40))}&to=${encodeURIComponent(at(60))}&kind=spa`,
          { token: carer.token },
        )
      ).status,
    ).toBe(400);
    const foreignWijk = await app.post('/api/v1/respite/offers', {
      token: staff.accessToken,
      body: { kind: 'at_home', name: 'X', wijkId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(foreignWijk.status).toBe(404);

    // Staff change their offers (not the kind); another municipality cannot.
    const changed = await app.patch(`/api/v1/respite/offers/${offerId}`, {
      token: staff.accessToken,
      body: { name: 'De Linde (nieuw)', suitability: ['dementia', 'physical'] },
    });
    expect(changed.body).toMatchObject({
      name: 'De Linde (nieuw)',
      kind: 'day_care',
      suitability: ['dementia', 'physical'],
      servedMunicipalityIds: [municipality.id],
    });
    expect(await names('suitability=physical')).toEqual([atHome.body.id, offerId]);
    expect(
      (await app.patch(`/api/v1/respite/offers/${offerId}`, { token: staff.accessToken, body: { kind: 'at_home' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await app.patch(`/api/v1/respite/offers/${offerId}`, {
          token: staff.accessToken,
          body: { name: 'x'.repeat(10_000) },
        })
      ).status,
    ).toBe(400);
    const other = await setUpRespite(app);
    expect(
      (
        await app.patch(`/api/v1/respite/offers/${offerId}`, {
          token: other.staff.accessToken,
          body: { name: 'Overgenomen' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.patch(`/api/v1/respite/offers/${offerId}`, { token: carer.token, body: { name: 'Overgenomen' } }))
        .status,
    ).toBe(403);
  });
});
