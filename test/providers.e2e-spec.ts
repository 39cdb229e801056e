import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './support/factories';
import { hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';

/** Respite providers: bound to their offers, they keep those slots and see only what they need of who comes. */
describe('respite providers', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  it('lets a provider keep only their own offer: slots, capacity, who is booked, attendance, calling off', async () => {
    const respite = await setUpRespite(app);
    const { admin, staff, municipality } = respite;
    const provider = await createPerson(app, municipality, 'provider');
    const other = await app.post('/api/v1/respite/offers', {
      token: staff.accessToken,
      body: { kind: 'day_care', name: 'Het Anker', location: 'Kerkstraat 2' },
    });
    const otherSlot = await app.post(`/api/v1/respite/offers/${other.body.id}/slots`, {
      token: staff.accessToken,
      body: { startsAt: hoursFromNow(50), endsAt: hoursFromNow(54), capacity: 2 },
    });

    // Only admins bind, only provider accounts of this municipality.
    const bind = (token: string, accountIds: string[], offerId = respite.offerId) =>
      app.request('PUT', `/api/v1/respite/offers/${offerId}/providers`, { token, body: { accountIds } });
    expect((await bind(staff.accessToken, [provider.id])).status).toBe(403);
    expect((await bind(admin.accessToken, [staff.id])).status).toBe(400);
    const elsewhere = await createPerson(app, await createMunicipality(app), 'provider');
    expect((await bind(admin.accessToken, [elsewhere.id])).status).toBe(400);
    expect((await bind(admin.accessToken, ['not-a-uuid'])).status).toBe(400);
    const bound = await bind(admin.accessToken, [provider.id]);
    expect([bound.status, bound.body]).toEqual([200, { accountIds: [provider.id] }]);

    const token = provider.accessToken;
    const mine = await app.get('/api/v1/me/provider/offers', { token });
    expect(mine.body.items.map((offer: { id: string }) => offer.id)).toEqual([respite.offerId]);

    const slot = await app.post(`/api/v1/respite/offers/${respite.offerId}/slots`, {
      token,
      body: { startsAt: hoursFromNow(48), endsAt: hoursFromNow(52), capacity: 1 },
    });
    expect(slot.status).toBe(201);
    const foreign = await app.post(`/api/v1/respite/offers/${other.body.id}/slots`, {
      token,
      body: { startsAt: hoursFromNow(48), endsAt: hoursFromNow(52), capacity: 1 },
    });
    expect(foreign.status).toBe(404);
    expect(
      (await app.request('PATCH', `/api/v1/respite/slots/${slot.body.id}`, { token, body: { capacity: 3 } })).body
        .capacity,
    ).toBe(3);
    expect(
      (await app.request('PATCH', `/api/v1/respite/slots/${otherSlot.body.id}`, { token, body: { capacity: 9 } }))
        .status,
    ).toBe(404);
    const [untouched] = await dataSource.query('SELECT capacity FROM respite_slot WHERE id = $1', [otherSlot.body.id]);
    expect(untouched.capacity).toBe(2);

    // A carer books, sharing a need with the provider.
    const [carer] = await seedCarers(app, municipality, 1);
    const booked = await app.post('/api/v1/respite/bookings', {
      token: carer.token,
      body: { slotId: slot.body.id, careRelationshipId: carer.relationshipId, sharedNeeds: 'Rolstoel, eet glutenvrij' },
    });
    expect(booked.status).toBe(201);
    const [stored] = await dataSource.query('SELECT shared_needs_encrypted FROM respite_booking WHERE id = $1', [
      booked.body.id,
    ]);
    expect(stored.shared_needs_encrypted).not.toContain('Rolstoel');
    const seen = await app.get(`/api/v1/me/provider/slots/${slot.body.id}/bookings`, { token });
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([
      {
        id: booked.body.id,
        status: 'confirmed',
        firstName: 'Test',
        relation: 'parent',
        sharedNeeds: 'Rolstoel, eet glutenvrij',
      },
    ]);
    const [audited] = await dataSource.query(
      `SELECT actor_role, subject_account_id FROM audit_entry WHERE subject_id = $1 AND action = 'read'`,
      [booked.body.id],
    );
    expect(audited).toEqual({ actor_role: 'provider', subject_account_id: carer.accountId });
    expect((await app.get(`/api/v1/me/provider/slots/${otherSlot.body.id}/bookings`, { token })).status).toBe(404);
    expect((await app.get(`/api/v1/respite/slots/${slot.body.id}/bookings`, { token })).status).toBe(403);
    expect((await app.get('/api/v1/carers', { token })).status).toBe(403);

    // Attendance is theirs to record, once the slot has begun.
    const early = await app.post(`/api/v1/respite/bookings/${booked.body.id}/attendance`, {
      token,
      body: { outcome: 'attended' },
    });
    expect([early.status, early.body.code]).toEqual([409, 'SLOT_NOT_STARTED']);
    await dataSource.query(
      `UPDATE respite_slot SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
      [slot.body.id],
    );
    await dataSource.query(`UPDATE respite_booking SET starts_at = now() - interval '1 hour' WHERE id = $1`, [
      booked.body.id,
    ]);
    const attended = await app.post(`/api/v1/respite/bookings/${booked.body.id}/attendance`, {
      token,
      body: { outcome: 'attended' },
    });
    expect([attended.status, attended.body.status]).toEqual([200, 'attended']);

    const calledOff = await app.post(`/api/v1/respite/slots/${otherSlot.body.id}/cancel`, {
      token,
      body: { reason: 'Ziekte' },
    });
    expect(calledOff.status).toBe(404);
    const later = await app.post(`/api/v1/respite/offers/${respite.offerId}/slots`, {
      token,
      body: { startsAt: hoursFromNow(72), endsAt: hoursFromNow(76), capacity: 1 },
    });
    expect(
      (await app.post(`/api/v1/respite/slots/${later.body.id}/cancel`, { token, body: { reason: 'Ziekte' } })).status,
    ).toBe(200);

    // Unbound, the provider reaches nothing.
    await bind(admin.accessToken, []);
    expect((await app.get('/api/v1/me/provider/offers', { token })).body.items).toEqual([]);
    expect((await app.get(`/api/v1/me/provider/slots/${slot.body.id}/bookings`, { token })).status).toBe(404);
  });
});
