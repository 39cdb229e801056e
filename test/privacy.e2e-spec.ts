import { ownerDatabase } from './support/owner-database';
import { getQueueToken } from '@nestjs/bullmq';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { Municipality } from '@app/identity';
import { MessageService, QUEUES } from '@app/messaging';
import { Access, ACCESS_KEY, AUDIT_KEY, PersonRole } from '@app/platform';
import { PersonalDataRegistry, Retention } from '@app/privacy';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, TEST_PASSWORD, TestPerson, uniqueEmail } from './support/factories';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const answersWith = (points: number) => Array.from({ length: 9 }, (_, index) => (index < points ? 3 : 1));
const REASON = 'Verzoek van de mantelzorger per brief';

describe('privacy: audit log, export, erasure and retention', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  interface Carer {
    carerId: string;
    accountId: string;
    token: string;
    relationshipId: string;
  }

  /** A carer signed up through the API with a care relationship (health notes), a high-burden screening and its signal. */
  async function carerWithRecord(municipality: Municipality, staff: TestPerson, lastName = 'Visser'): Promise<Carer> {
    const email = uniqueEmail('carer');
    const signUp = await app.post('/api/v1/carers', {
      body: {
        municipalityCode: municipality.code,
        email,
        password: TEST_PASSWORD,
        firstName: 'Rita',
        lastName,
        dateOfBirth: '1961-06-15',
        postcode: '1121AB',
        houseNumber: '5',
        consents: [{ purpose: 'health_data' }],
      },
    });
    expect(signUp.status).toBe(201);
    const token = (await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).body
      .accessToken as string;
    const relationship = await app.post('/api/v1/me/care-relationships', {
      token,
      body: {
        careRecipientName: 'Moeder Anna',
        relation: 'parent',
        livesInMunicipality: true,
        since: '2019-01-01',
        hoursPerWeek: 20,
        kindsOfCare: ['dementia'],
        notes: `Vergeetachtig, ${lastName}`,
      },
    });
    expect(relationship.status).toBe(201);
    await app.post('/api/v1/me/screenings', { token, body: { answers: answersWith(9) } });
    const [signal] = (await app.get(`/api/v1/signals?carerId=${signUp.body.id}`, { token: staff.accessToken })).body
      .items;
    expect(
      (
        await app.post(`/api/v1/signals/${signal.id}/notes`, {
          token: staff.accessToken,
          body: { text: `Gebeld met ${lastName}` },
        })
      ).status,
    ).toBe(201);
    const [{ account_id: accountId }] = await dataSource.query('SELECT account_id FROM carer WHERE id = $1', [
      signUp.body.id,
    ]);
    return { carerId: signUp.body.id, accountId, token, relationshipId: relationship.body.id };
  }

  async function setUp() {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const staff = await createPerson(app, municipality, 'staff');
    return { municipality, admin, staff };
  }

  function auditRows(subjectAccountId: string) {
    return dataSource.query<
      Array<{
        actor_account_id: string;
        action: string;
        route: string;
        subject_type: string;
        subject_id: string;
        reason: string | null;
      }>
    >(
      'SELECT actor_account_id, action, route, subject_type, subject_id, reason FROM audit_entry WHERE subject_account_id = $1 ORDER BY created_at',
      [subjectAccountId],
    );
  }

  it('declares for every staff and admin route whether it is audited', () => {
    const discovery = app.app.get(DiscoveryService);
    const scanner = app.app.get(MetadataScanner);
    const reflector = app.app.get(Reflector);
    const undeclared: string[] = [];
    const auditWriters: string[] = [];
    let audited = 0;
    for (const wrapper of discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!controller || !wrapper.instance) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(wrapper.instance))) {
        const handler = (wrapper.instance as Record<string, unknown>)[name] as () => unknown;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const route = `${method} /${[base, path].filter((part) => part && part !== '/').join('/')}`.replace(
          /\/+/g,
          '/',
        );
        if (route.includes('audit') && method !== 'GET') auditWriters.push(route);
        const access = reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [handler, controller]);
        if (access && 'public' in access) continue;
        const roles = (access?.roles ?? ['carer', 'volunteer', 'staff', 'admin']) as PersonRole[];
        if (!roles.some((role) => role === 'staff' || role === 'admin')) continue;
        // A person's own data (/me…) is theirs to see; the audit log is about others' records.
        if (/^[A-Z]+ \/me(\/|$)/.test(route)) continue;
        const audit = reflector.getAllAndOverride<object | undefined>(AUDIT_KEY, [handler, controller]);
        if (!audit) undeclared.push(route);
        else if ('subject' in audit || 'auditedByService' in audit) audited++;
      }
    }
    expect(undeclared).toEqual([]);
    expect(auditWriters).toEqual([]);
    expect(audited).toBeGreaterThan(40);
  });

  it('writes an audit entry for each staff read and change, and shows the person who looked', async () => {
    const { municipality, admin, staff } = await setUp();
    const carer = await carerWithRecord(municipality, staff);
    const other = await carerWithRecord(municipality, staff, 'Jansen');
    const before = (await auditRows(carer.accountId)).length;

    const calls: Array<[string, () => Promise<{ status: number }>]> = [
      ['GET /api/v1/carers/:carerId', () => app.get(`/api/v1/carers/${carer.carerId}`, { token: staff.accessToken })],
      [
        'GET /api/v1/carers/:carerId/care-relationships',
        () => app.get(`/api/v1/carers/${carer.carerId}/care-relationships`, { token: staff.accessToken }),
      ],
      [
        'GET /api/v1/carers/:carerId/screenings',
        () => app.get(`/api/v1/carers/${carer.carerId}/screenings`, { token: staff.accessToken }),
      ],
      [
        'GET /api/v1/carers/:carerId/consents',
        () => app.get(`/api/v1/carers/${carer.carerId}/consents`, { token: staff.accessToken }),
      ],
      [
        'GET /api/v1/people/:accountId/messages',
        () => app.get(`/api/v1/people/${carer.accountId}/messages`, { token: staff.accessToken }),
      ],
      [
        'PATCH /api/v1/carers/:carerId/care-relationships/:id',
        () =>
          app.patch(`/api/v1/carers/${carer.carerId}/care-relationships/${carer.relationshipId}`, {
            token: admin.accessToken,
            body: { hoursPerWeek: 22 },
          }),
      ],
    ];
    for (const [, call] of calls) expect((await call()).status).toBeLessThan(300);
    const rows = (await auditRows(carer.accountId)).slice(before);
    expect(rows.map((row) => row.route)).toEqual(calls.map(([route]) => route));
    expect(rows.map((row) => row.action)).toEqual(['read', 'read', 'read', 'read', 'read', 'change']);
    expect(rows.slice(0, 5).every((row) => row.actor_account_id === staff.id)).toBe(true);
    expect(rows[5].actor_account_id).toBe(admin.id);

    // A search logs every person it showed, each against their own record.
    const search = await app.get('/api/v1/carers?limit=100', { token: staff.accessToken });
    expect(search.body.items).toHaveLength(2);
    expect((await auditRows(other.accountId)).filter((row) => row.route === 'GET /api/v1/carers')).toHaveLength(1);

    // A failed read (another municipality's record) shows nothing and logs nothing.
    const elsewhere = await setUp();
    const foreign = await app.get(`/api/v1/carers/${carer.carerId}`, { token: elsewhere.staff.accessToken });
    expect(foreign.status).toBe(404);
    expect(
      await dataSource.query('SELECT 1 FROM audit_entry WHERE actor_account_id = $1', [elsewhere.staff.id]),
    ).toEqual([]);

    const mine = await app.get('/api/v1/me/access-log?limit=100', { token: carer.token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBe((await auditRows(carer.accountId)).length);
    expect(mine.body.items[0]).toMatchObject({ actorRole: 'staff', action: 'read', subjectType: 'carer' });
    expect(JSON.stringify(mine.body)).not.toContain(staff.id);

    const log = await app.get(`/api/v1/audit?subjectAccountId=${carer.accountId}&limit=100`, {
      token: admin.accessToken,
    });
    expect(log.status).toBe(200);
    expect(
      log.body.items.every((entry: { subjectAccountId: string }) => entry.subjectAccountId === carer.accountId),
    ).toBe(true);
    expect((await app.get('/api/v1/audit', { token: staff.accessToken })).status).toBe(403);
    expect((await app.get(`/api/v1/audit?from=yesterday`, { token: admin.accessToken })).status).toBe(400);
    const otherAdmin = await createPerson(app, elsewhere.municipality, 'admin');
    expect(
      (await app.get(`/api/v1/audit?subjectAccountId=${carer.accountId}`, { token: otherAdmin.accessToken })).body
        .items,
    ).toEqual([]);
  });

  it('keeps the audit log append-only, for the application and its database role alike', async () => {
    const { municipality, staff } = await setUp();
    const carer = await carerWithRecord(municipality, staff);
    await app.get(`/api/v1/carers/${carer.carerId}`, { token: staff.accessToken });
    const count = async () =>
      Number(
        (await dataSource.query('SELECT count(*) FROM audit_entry WHERE subject_account_id = $1', [carer.accountId]))[0]
          .count,
      );
    const entries = await count();
    expect(entries).toBeGreaterThan(0);
    // Even the schema's owner, who could change privileges, meets the trigger.
    const owner = await ownerDatabase();
    try {
      await expect(
        owner.query(`UPDATE audit_entry SET reason = 'changed' WHERE subject_account_id = $1`, [carer.accountId]),
      ).rejects.toThrow(/append-only/);
      await expect(
        owner.query('DELETE FROM audit_entry WHERE subject_account_id = $1', [carer.accountId]),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query('TRUNCATE audit_entry')).rejects.toThrow(/append-only/);
    } finally {
      await owner.end();
    }
    expect(await count()).toBe(entries);
    for (const method of ['DELETE', 'PATCH', 'PUT'] as const)
      expect((await app.request(method, '/api/v1/audit', { token: staff.accessToken })).status).toBe(404);
  });

  it("exports every table's data of the person, and nobody else's", async () => {
    const { municipality, staff } = await setUp();
    const carer = await carerWithRecord(municipality, staff);
    const other = await carerWithRecord(municipality, staff, 'Jansen');

    const answer = await app.get('/api/v1/me/export', { token: carer.token });
    expect(answer.status).toBe(200);
    const { tables } = answer.body as { tables: Record<string, Array<Record<string, unknown>>> };

    // Every table that can point at a person has its section.
    const personTables = await dataSource.query<Array<{ table_name: string }>>(
      `SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name IN ('account_id', 'carer_id', 'volunteer_id', 'participant_id', 'signal_id', 'voucher_id')
          AND table_name NOT IN ('audit_entry')`,
    );
    const registered = app.app
      .get(PersonalDataRegistry)
      .all()
      .flatMap((source) => [...source.tables]);
    for (const { table_name } of personTables) expect(registered).toContain(table_name);
    expect(Object.keys(tables).sort()).toEqual([...registered].sort());

    expect(tables.account).toEqual([expect.objectContaining({ id: carer.accountId })]);
    expect(tables.carer).toEqual([
      expect.objectContaining({ id: carer.carerId, last_name: 'Visser', postcode: '1121AB' }),
    ]);
    expect(tables.care_relationship).toEqual([
      expect.objectContaining({ id: carer.relationshipId, notes: 'Vergeetachtig, Visser' }),
    ]);
    expect(tables.consent.length).toBeGreaterThan(0);
    expect(tables.screening).toHaveLength(1);
    expect(tables.signal).toHaveLength(1);
    expect(tables.signal_note).toEqual([expect.objectContaining({ text: 'Gebeld met Visser' })]);
    expect(tables.message.length).toBeGreaterThan(0);
    expect(tables.account[0]).not.toHaveProperty('password_hash');
    const text = JSON.stringify(tables);
    for (const foreignId of [other.accountId, other.carerId, other.relationshipId])
      expect(text).not.toContain(foreignId);
    expect(text).not.toContain('Jansen');

    // Staff produce it on request, with a reason, logged; not for another municipality.
    const byStaff = await app.get(`/api/v1/people/${carer.accountId}/export?reason=${encodeURIComponent(REASON)}`, {
      token: staff.accessToken,
    });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.tables.carer[0].id).toBe(carer.carerId);
    expect((await auditRows(carer.accountId)).filter((row) => row.action === 'export')).toEqual([
      expect.objectContaining({ reason: REASON, actor_account_id: staff.id }),
    ]);
    expect((await app.get(`/api/v1/people/${carer.accountId}/export`, { token: staff.accessToken })).status).toBe(400);
    const elsewhere = await setUp();
    const foreign = await app.get(`/api/v1/people/${carer.accountId}/export?reason=${encodeURIComponent(REASON)}`, {
      token: elsewhere.staff.accessToken,
    });
    expect(foreign.status).toBe(404);
    expect(
      (
        await app.get(`/api/v1/people/not-a-uuid/export?reason=${encodeURIComponent(REASON)}`, {
          token: staff.accessToken,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.get(`/api/v1/people/${carer.accountId}/export?reason=${encodeURIComponent(REASON)}`, {
          token: carer.token,
        })
      ).status,
    ).toBe(403);
  });

  it('erases a person: no personal field left in any table, sessions ended, pending jobs gone from Redis', async () => {
    const { municipality, staff } = await setUp();
    const carer = await carerWithRecord(municipality, staff);
    const other = await carerWithRecord(municipality, staff, 'Jansen');
    const [{ email }] = await dataSource.query('SELECT email FROM account WHERE id = $1', [carer.accountId]);

    // A reminder waiting in Redis for its time, as booking reminders do.
    const reminder = await app.app.get(MessageService).queueNow({
      recipient: {
        accountId: carer.accountId,
        municipalityId: municipality.id,
        email,
        language: 'nl',
        channel: 'email',
      },
      kind: 'announcement',
      params: { subject: 'Herinnering', body: 'Tot morgen' },
      runAt: new Date(Date.now() + 2 * 24 * 3600_000),
    });
    const mailQueue = app.worker!.get<Queue>(getQueueToken(QUEUES.mail), { strict: false });
    await waitUntil(
      async () => (await mailQueue.getJob(`message.${reminder!.id}`)) ?? false,
      10_000,
      'the reminder in Redis',
    );
    const login = await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });

    const erased = await app.request('DELETE', '/api/v1/me', { token: carer.token });
    expect(erased.status).toBe(202);
    expect((await app.get('/api/v1/me', { token: carer.token })).status).toBe(401);
    expect((await app.post('/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status).toBe(
      401,
    );
    expect((await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).status).toBe(401);
    await waitUntil(
      async () => !(await mailQueue.getJob(`message.${reminder!.id}`)),
      10_000,
      'the reminder removed from Redis',
    );

    // Table by table: nothing that names, reaches or describes the person.
    const one = async (sql: string) => (await dataSource.query(sql, [carer.accountId]))[0];
    expect(
      await one(
        'SELECT email, password_hash, display_name, erased_at IS NOT NULL AS erased FROM account WHERE id = $1',
      ),
    ).toEqual({ email: null, password_hash: null, display_name: null, erased: true });
    expect(
      await one(
        'SELECT first_name, last_name, postcode, house_number, phone, date_of_birth::text AS born, status FROM carer WHERE account_id = $1',
      ),
    ).toEqual({
      first_name: '',
      last_name: '',
      postcode: null,
      house_number: null,
      phone: null,
      born: '1961-01-01',
      status: 'inactive',
    });
    const carerIds = 'SELECT id FROM carer WHERE account_id = $1';
    expect(
      await dataSource.query(
        `SELECT care_recipient_name, notes_encrypted, kinds_of_care FROM care_relationship WHERE carer_id IN (${carerIds})`,
        [carer.accountId],
      ),
    ).toEqual([{ care_recipient_name: '', notes_encrypted: null, kinds_of_care: [] }]);
    expect(
      await dataSource.query(`SELECT answers FROM screening WHERE carer_id IN (${carerIds})`, [carer.accountId]),
    ).toEqual([{ answers: [] }]);
    expect(
      await dataSource.query(
        `SELECT 1 FROM signal_note WHERE signal_id IN (SELECT id FROM signal WHERE carer_id IN (${carerIds}))`,
        [carer.accountId],
      ),
    ).toEqual([]);
    expect(
      await dataSource.query(
        'SELECT 1 FROM refresh_token WHERE account_id = $1 UNION ALL SELECT 1 FROM one_time_token WHERE account_id = $1',
        [carer.accountId],
      ),
    ).toEqual([]);
    expect(
      await dataSource.query('SELECT 1 FROM message WHERE account_id = $1 OR to_address = $2', [
        carer.accountId,
        email,
      ]),
    ).toEqual([]);
    expect(
      await one(`SELECT status, outcome FROM message WHERE id = '${reminder!.id}' AND $1::uuid IS NOT NULL`),
    ).toEqual({ status: 'skipped', outcome: 'cancelled_erased' });
    expect(
      await dataSource.query(`SELECT 1 FROM outbox_entry WHERE job_id = $1 AND cancelled_at IS NULL`, [
        `message.${reminder!.id}`,
      ]),
    ).toEqual([]);
    const export_ = (
      await app.get(`/api/v1/people/${carer.accountId}/export?reason=${encodeURIComponent(REASON)}`, {
        token: staff.accessToken,
      })
    ).body;
    const leftover = JSON.stringify(export_);
    for (const personal of [email, 'Visser', 'Rita', '1121AB', 'Moeder Anna', 'Vergeetachtig', 'Gebeld met'])
      expect(leftover).not.toContain(personal);

    // Anonymous figures stay: the screening and the signal still count; the other carer is untouched.
    expect(Number((await one(`SELECT count(*) FROM signal WHERE carer_id IN (${carerIds})`)).count)).toBe(1);
    expect((await app.get(`/api/v1/carers/${other.carerId}`, { token: staff.accessToken })).body).toMatchObject({
      lastName: 'Jansen',
      postcode: '1121AB',
    });

    // Idempotent, also when staff erase on request; staff and another municipality cannot erase here.
    const again = await app.post(`/api/v1/people/${carer.accountId}/erasure`, {
      token: staff.accessToken,
      body: { reason: REASON },
    });
    expect(again.status).toBe(202);
    expect((await auditRows(carer.accountId)).filter((row) => row.action === 'erase')).toEqual([
      expect.objectContaining({ reason: REASON }),
    ]);
    expect(
      (await app.post(`/api/v1/people/${staff.id}/erasure`, { token: staff.accessToken, body: { reason: REASON } }))
        .status,
    ).toBe(404);
    const elsewhere = await setUp();
    expect(
      (
        await app.post(`/api/v1/people/${other.accountId}/erasure`, {
          token: elsewhere.staff.accessToken,
          body: { reason: REASON },
        })
      ).status,
    ).toBe(404);
    expect(
      (await app.post(`/api/v1/people/${other.accountId}/erasure`, { token: staff.accessToken, body: { reason: 'x' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await app.post(`/api/v1/people/${other.accountId}/erasure`, {
          token: staff.accessToken,
          body: { reason: REASON, extra: true },
        })
      ).status,
    ).toBe(400);
    expect((await app.request('DELETE', '/api/v1/me', { token: staff.accessToken })).status).toBe(403);

    // Erased people never get another message: audiences and reactivation pass them by.
    expect((await app.post(`/api/v1/carers/${carer.carerId}/reactivate`, { token: staff.accessToken })).body.code).toBe(
      'PERSON_ERASED',
    );
  });

  it('retention anonymises exactly the carers and volunteers past the municipal period', async () => {
    const { municipality, admin, staff } = await setUp();
    await app.patch('/api/v1/municipality/settings', { token: admin.accessToken, body: { retentionMonths: 24 } });
    const expiredCarer = await carerWithRecord(municipality, staff, 'Oud');
    const recentCarer = await carerWithRecord(municipality, staff, 'Recent');
    const activeCarer = await carerWithRecord(municipality, staff, 'Actief');
    await dataSource.query(
      `UPDATE carer SET status = 'inactive', inactive_since = now() - interval '25 months' WHERE id = $1`,
      [expiredCarer.carerId],
    );
    await dataSource.query(
      `UPDATE carer SET status = 'inactive', inactive_since = now() - interval '23 months' WHERE id = $1`,
      [recentCarer.carerId],
    );
    await dataSource.query(`UPDATE account SET last_active_at = now() - interval '30 months' WHERE id = $1`, [
      activeCarer.accountId,
    ]);

    const volunteer = async (lastActive: string) => {
      const person = await createPerson(app, municipality, 'volunteer');
      await dataSource.query(
        `INSERT INTO volunteer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, registered_by) VALUES ($1, $2, 'Vera', 'Vrijwilliger', '1970-03-03', '1121AB', '9', 'self')`,
        [municipality.id, person.id],
      );
      await dataSource.query(`UPDATE account SET last_active_at = now() - $2::interval WHERE id = $1`, [
        person.id,
        lastActive,
      ]);
      return person.id;
    };
    const expiredVolunteer = await volunteer('25 months');
    const recentVolunteer = await volunteer('1 month');

    const outcome = await app.worker!.get(Retention, { strict: false }).apply();
    expect(outcome.erased).toBeGreaterThanOrEqual(2);
    const erased = await dataSource.query<Array<{ id: string }>>(
      'SELECT id FROM account WHERE municipality_id = $1 AND erased_at IS NOT NULL',
      [municipality.id],
    );
    expect(erased.map((row) => row.id).sort()).toEqual([expiredCarer.accountId, expiredVolunteer].sort());
    expect(
      (await dataSource.query('SELECT last_name FROM carer WHERE id = $1', [expiredCarer.carerId]))[0].last_name,
    ).toBe('');
    expect(
      (
        await dataSource.query('SELECT last_name, postcode FROM volunteer WHERE account_id = $1', [expiredVolunteer])
      )[0],
    ).toEqual({ last_name: '', postcode: null });
    for (const kept of [recentCarer.carerId, activeCarer.carerId])
      expect((await dataSource.query('SELECT last_name FROM carer WHERE id = $1', [kept]))[0].last_name).not.toBe('');
    expect(
      (await dataSource.query('SELECT last_name FROM volunteer WHERE account_id = $1', [recentVolunteer]))[0].last_name,
    ).toBe('Vrijwilliger');

    // A second run finds nobody new.
    await app.worker!.get(Retention, { strict: false }).apply();
    expect(
      (
        await dataSource.query(
          'SELECT count(*)::int AS n FROM account WHERE municipality_id = $1 AND erased_at IS NOT NULL',
          [municipality.id],
        )
      )[0].n,
    ).toBe(2);
  });
});
