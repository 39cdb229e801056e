import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, municipalityWithWijk } from './support/factories';
import { TestApp } from './support/test-app';
import { nextWednesday, registerVolunteer, setUpMatching, yearsAgo, ZONE } from './support/volunteer-fixtures';

describe('help requests and volunteer suggestions', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start();
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const setUp = () => setUpMatching(app);
  const volunteer = (
    staffToken: string,
    lastName: string,
    overrides: Record<string, unknown> = {},
    vog: string | null = yearsAgo(1),
  ) => registerVolunteer(app, staffToken, lastName, overrides, vog);

  const match = (volunteerId: string, requestId: string, carerId: string, status: string, municipalityId: string) =>
    dataSource.query(
      'INSERT INTO volunteer_match (municipality_id, help_request_id, volunteer_id, carer_id, status) VALUES ($1, $2, $3, $4, $5)',
      [municipalityId, requestId, volunteerId, carerId, status],
    );

  it('takes requests from carers and staff, checks them, and keeps the notes encrypted', async () => {
    const { staff, carer, otherCarer, municipality } = await setUp();
    const body = {
      kind: 'transport',
      careRelationshipId: carer.relationshipId,
      wantedDates: [{ date: nextWednesday(), dagdeel: 'middag' }],
      requiredSkills: ['transport'],
      notes: 'Moeder heeft beginnende dementie',
    };
    const created = await app.post('/api/v1/me/help-requests', { token: carer.token, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'transport',
      status: 'open',
      notes: body.notes,
      ageDays: 0,
      carerId: carer.carerId,
    });
    const [stored] = await dataSource.query('SELECT notes_encrypted FROM help_request WHERE id = $1', [
      created.body.id,
    ]);
    expect(stored.notes_encrypted).not.toContain('dementie');
    expect((await app.get(`/api/v1/help-requests/${created.body.id}`, { token: staff.accessToken })).body.notes).toBe(
      body.notes,
    );
    expect(
      (await app.get('/api/v1/help-requests', { token: staff.accessToken })).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).toEqual([created.body.id]);

    const byStaff = await app.post(`/api/v1/carers/${otherCarer.carerId}/help-requests`, {
      token: staff.accessToken,
      body: { kind: 'company', careRelationshipId: otherCarer.relationshipId, weeklyPattern: ['2-ochtend'] },
    });
    expect(byStaff.status).toBe(201);
    expect(
      (await app.get('/api/v1/me/help-requests', { token: otherCarer.token })).body.items.map(
        (item: { id: string }) => item.id,
      ),
    ).toEqual([byStaff.body.id]);

    const refused = [
      [{ ...body, wantedDates: [] }, 400],
      [{ ...body, wantedDates: [{ date: '2020-01-01', dagdeel: 'middag' }] }, 400],
      [{ ...body, wantedDates: [{ date: nextWednesday(), dagdeel: 'nacht' }] }, 400],
      [{ ...body, kind: 'gardening' }, 400],
      [{ ...body, notes: 'x'.repeat(5000) }, 400],
      [{ ...body, requiredSkills: ['juggling'] }, 422],
      [{ ...body, careRelationshipId: otherCarer.relationshipId }, 404],
    ] as const;
    for (const [input, status] of refused)
      expect({
        input,
        status: (await app.post('/api/v1/me/help-requests', { token: carer.token, body: input })).status,
      }).toEqual({ input, status });
    const [count] = await dataSource.query('SELECT count(*)::int AS n FROM help_request WHERE municipality_id = $1', [
      municipality.id,
    ]);
    expect(count.n).toBe(2);

    const other = await createMunicipality(app);
    const otherStaff = await createPerson(app, other, 'staff');
    expect((await app.get(`/api/v1/help-requests/${created.body.id}`, { token: otherStaff.accessToken })).status).toBe(
      404,
    );
    expect(
      (await app.get(`/api/v1/help-requests/${created.body.id}/suggestions`, { token: otherStaff.accessToken })).status,
    ).toBe(404);
    expect(
      (await app.post(`/api/v1/carers/${carer.carerId}/help-requests`, { token: otherStaff.accessToken, body })).status,
    ).toBe(404);
    expect((await app.get(`/api/v1/help-requests/${created.body.id}/suggestions`, { token: carer.token })).status).toBe(
      403,
    );
  });

  it('filters out exactly the volunteers who fail a hard rule, and ranks the rest with reasons', async () => {
    const { admin, staff, carer, otherCarer, municipality, wijken } = await setUp();
    await app.request('PUT', `/api/v1/wijken/${wijken.dorp}/neighbours`, {
      token: admin.accessToken,
      body: { neighbourIds: [wijken.noord] },
    });
    const request = await app.post('/api/v1/me/help-requests', {
      token: carer.token,
      body: {
        kind: 'transport',
        careRelationshipId: carer.relationshipId,
        wantedDates: [{ date: nextWednesday(), dagdeel: 'middag' }],
        requiredSkills: ['transport'],
        language: 'tr',
      },
    });
    const earlier = await app.post('/api/v1/me/help-requests', {
      token: carer.token,
      body: { kind: 'company', careRelationshipId: carer.relationshipId, weeklyPattern: ['1-ochtend'] },
    });
    const elsewhere = await app.post(`/api/v1/carers/${otherCarer.carerId}/help-requests`, {
      token: staff.accessToken,
      body: { kind: 'company', careRelationshipId: otherCarer.relationshipId, weeklyPattern: ['1-ochtend'] },
    });
    const token = staff.accessToken;

    const excluded = {
      unavailable: await volunteer(token, 'Unavailable', { availability: ['5-ochtend'] }),
      away: await volunteer(token, 'Away'),
      noVog: await volunteer(token, 'NoVog', {}, null),
      oldVog: await volunteer(token, 'OldVog', {}, yearsAgo(4)),
      noSkill: await volunteer(token, 'NoSkill', { skills: ['company'] }),
      busy: await volunteer(token, 'Busy', { maxMatches: 1 }),
      declined: await volunteer(token, 'Declined'),
      inactive: await volunteer(token, 'Inactive'),
    };
    await dataSource.query(
      'INSERT INTO volunteer_absence (municipality_id, volunteer_id, from_date, to_date) VALUES ($1, $2, $3, $3)',
      [municipality.id, excluded.away, nextWednesday()],
    );
    await match(excluded.busy, elsewhere.body.id, otherCarer.carerId, 'proposed', municipality.id);
    await match(excluded.declined, request.body.id, carer.carerId, 'declined', municipality.id);
    await dataSource.query(`UPDATE volunteer SET status = 'inactive' WHERE id = $1`, [excluded.inactive]);

    const eligible = {
      local: await volunteer(token, 'Local', { postcode: '1121 AA' }),
      loyal: await volunteer(token, 'Loyal'),
      speaker: await volunteer(token, 'Speaker', { languages: ['nl', 'tr'] }),
      neighbour: await volunteer(token, 'Neighbour', { postcode: '1123 AB' }),
      plain: await volunteer(token, 'Plain'),
      loaded: await volunteer(token, 'Loaded', { maxMatches: 3 }),
    };
    await match(eligible.loyal, earlier.body.id, carer.carerId, 'ended', municipality.id);
    await match(eligible.loaded, elsewhere.body.id, otherCarer.carerId, 'accepted', municipality.id);
    // Away on another day only, and a VOG just inside the maximum age: still suggested.
    await dataSource.query(
      'INSERT INTO volunteer_absence (municipality_id, volunteer_id, from_date, to_date) VALUES ($1, $2, $3, $3)',
      [municipality.id, eligible.plain, DateTime.fromISO(nextWednesday()).plus({ days: 1 }).toISODate()],
    );
    await app.request('PUT', `/api/v1/volunteers/${eligible.speaker}/vog`, {
      token,
      body: { issuedOn: DateTime.now().setZone(ZONE).minus({ months: 36 }).plus({ days: 1 }).toISODate() },
    });
    // Another municipality's perfect volunteer never shows.
    const other = await createMunicipality(app);
    await volunteer((await createPerson(app, other, 'staff')).accessToken, 'Elsewhere');

    const suggestions = await app.get(`/api/v1/help-requests/${request.body.id}/suggestions`, { token });
    expect(suggestions.status).toBe(200);
    expect(
      suggestions.body.items.map((item: { lastName: string; score: number; reasons: string[] }) => [
        item.lastName,
        item.score,
        item.reasons,
      ]),
    ).toEqual([
      ['Local', 3, ["+3 lives in the carer's wijk"]],
      ['Loyal', 2, ['+2 helped this carer before']],
      ['Speaker', 2, ['+2 speaks tr']],
      ['Neighbour', 1, ["+1 lives in a wijk bordering the carer's"]],
      ['Plain', 0, ['0 meets every requirement, no preference applies']],
      ['Loaded', -1, ['-1 already has 1 match']],
    ]);
    const firstTwo = await app.get(`/api/v1/help-requests/${request.body.id}/suggestions?limit=2`, { token });
    expect(firstTwo.body.items).toHaveLength(2);
    const rest = await app.get(
      `/api/v1/help-requests/${request.body.id}/suggestions?limit=100&cursor=${firstTwo.body.nextCursor}`,
      { token },
    );
    // Paging walks the same ranking: the pages together are the whole list, in order, once each.
    expect(
      [...firstTwo.body.items, ...rest.body.items].map((item: { volunteerId: string }) => item.volunteerId),
    ).toEqual(suggestions.body.items.map((item: { volunteerId: string }) => item.volunteerId));
    expect(rest.body.nextCursor).toBeNull();
    expect((await app.get(`/api/v1/help-requests/${request.body.id}/suggestions?limit=0`, { token })).status).toBe(400);

    // Each excluded volunteer comes back once the one thing against them is gone.
    await dataSource.query('DELETE FROM volunteer_match WHERE volunteer_id = $1', [excluded.busy]);
    await app.request('PUT', `/api/v1/volunteers/${excluded.noVog}/vog`, { token, body: { issuedOn: yearsAgo(1) } });
    const again = (
      await app.get(`/api/v1/help-requests/${request.body.id}/suggestions?limit=100`, { token })
    ).body.items.map((item: { volunteerId: string }) => item.volunteerId);
    expect(again).toEqual(expect.arrayContaining([excluded.busy, excluded.noVog]));
    expect(again).not.toEqual(expect.arrayContaining([excluded.unavailable]));
    expect(
      again.filter((id: string) =>
        [
          excluded.unavailable,
          excluded.away,
          excluded.oldVog,
          excluded.noSkill,
          excluded.declined,
          excluded.inactive,
        ].includes(id),
      ),
    ).toEqual([]);
  });

  it('keeps bordering wijken mutual, replaceable and within the municipality', async () => {
    const { admin, staff, wijken } = await setUp();
    const put = (wijkId: string, body: unknown, token = admin.accessToken) =>
      app.request('PUT', `/api/v1/wijken/${wijkId}/neighbours`, { token, body });
    const neighboursOf = async () =>
      Object.fromEntries(
        (
          (await app.get('/api/v1/wijken', { token: staff.accessToken })).body.items as {
            name: string;
            neighbourIds: string[];
          }[]
        ).map((wijk) => [wijk.name, wijk.neighbourIds.sort()]),
      );

    const set = await put(wijken.dorp, { neighbourIds: [wijken.oost, wijken.noord, wijken.dorp, wijken.oost] });
    expect(set.status).toBe(200);
    expect(set.body.neighbourIds.sort()).toEqual([wijken.oost, wijken.noord].sort());
    expect(await neighboursOf()).toEqual({
      Dorp: [wijken.oost, wijken.noord].sort(),
      Oost: [wijken.dorp],
      Noord: [wijken.dorp],
    });

    // Replacing Oost's list drops Dorp from Oost and Oost from Dorp; Noord keeps Dorp.
    expect((await put(wijken.oost, { neighbourIds: [wijken.noord] })).status).toBe(200);
    expect(await neighboursOf()).toEqual({
      Dorp: [wijken.noord],
      Oost: [wijken.noord],
      Noord: [wijken.dorp, wijken.oost].sort(),
    });

    const other = await municipalityWithWijk(app);
    const refused = [
      [wijken.dorp, { neighbourIds: [other.wijkId] }, admin.accessToken, 404],
      [other.wijkId, { neighbourIds: [wijken.dorp] }, admin.accessToken, 404],
      [wijken.dorp, { neighbourIds: [wijken.oost] }, staff.accessToken, 403],
      [wijken.dorp, { neighbourIds: ['not-a-uuid'] }, admin.accessToken, 400],
      [wijken.dorp, { neighbourIds: wijken.oost }, admin.accessToken, 400],
      [wijken.dorp, {}, admin.accessToken, 400],
      [wijken.dorp, { neighbourIds: [], extra: true }, admin.accessToken, 400],
      ['not-a-uuid', { neighbourIds: [] }, admin.accessToken, 400],
    ] as const;
    for (const [wijkId, body, token, status] of refused) {
      const answer = await put(wijkId, body, token);
      expect({ body, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        body,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    expect(await neighboursOf()).toEqual({
      Dorp: [wijken.noord],
      Oost: [wijken.noord],
      Noord: [wijken.dorp, wijken.oost].sort(),
    });
  });

  it('sums up waiting requests and the share of volunteers with a valid VOG and dementia training', async () => {
    const { staff, carer } = await setUp();
    const token = staff.accessToken;
    const train = (volunteerId: string, validUntil?: string) =>
      app.post(`/api/v1/volunteers/${volunteerId}/trainings`, {
        token,
        body: { kind: 'dementia', completedOn: yearsAgo(2), ...(validUntil ? { validUntil } : {}) },
      });
    const both = await volunteer(token, 'Both');
    await train(both);
    await volunteer(token, 'VogOnly');
    await train(await volunteer(token, 'TrainedOldVog', {}, yearsAgo(4)));
    const lapsed = await volunteer(token, 'Lapsed');
    await train(lapsed, yearsAgo(1));
    const inactive = await volunteer(token, 'Inactive');
    await train(inactive);
    await dataSource.query(`UPDATE volunteer SET status = 'inactive' WHERE id = $1`, [inactive]);
    const ask = () =>
      app.post('/api/v1/me/help-requests', {
        token: carer.token,
        body: { kind: 'company', careRelationshipId: carer.relationshipId, weeklyPattern: ['2-middag'] },
      });
    const [, tenDays, fortyDays, matched] = [await ask(), await ask(), await ask(), await ask()];
    await dataSource.query(`UPDATE help_request SET created_at = now() - interval '10 days' WHERE id = $1`, [
      tenDays.body.id,
    ]);
    await dataSource.query(`UPDATE help_request SET created_at = now() - interval '40 days' WHERE id = $1`, [
      fortyDays.body.id,
    ]);
    await dataSource.query(`UPDATE help_request SET status = 'matched' WHERE id = $1`, [matched.body.id]);

    const overview = await app.get('/api/v1/volunteers/overview', { token });
    expect(overview.body).toEqual({
      openRequests: { total: 3, waitingOver7Days: 2, waitingOver30Days: 1, oldestWaitingDays: 40 },
      volunteers: {
        active: 4,
        inactive: 1,
        activeWithValidVog: 3,
        activeWithDementiaTraining: 2,
        activeTrainedWithValidVog: 1,
      },
      trainedShare: 0.25,
      // The municipality's staff member and admin, neither with a dementia training.
      staff: { active: 2, withDementiaTraining: 0, trainedShare: 0 },
      trainedTarget: 0.7,
    });
    expect((await app.get('/api/v1/volunteers/overview', { token: carer.token })).status).toBe(403);
  });
});
