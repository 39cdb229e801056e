import { getQueueToken } from '@nestjs/bullmq';
import { Message, MessageService, QUEUES } from '@app/messaging';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { createMunicipality, createOperator, createPerson, TestPerson } from './support/factories';
import { TestApp } from './support/test-app';
import { sleep, waitUntil } from './support/wait';

describe('messaging backbone', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const recipientOf = (person: TestPerson) => ({
    accountId: person.id,
    municipalityId: person.municipalityId,
    email: person.email,
    language: 'nl' as const,
    channel: 'email' as const,
  });
  const messageRow = (id: string) => dataSource.getRepository(Message).findOneByOrFail({ id });
  const outboxRows = async (messageId: string) =>
    (
      await dataSource.query('SELECT count(*)::int AS n FROM outbox_entry WHERE job_id = $1', [`message.${messageId}`])
    )[0].n as number;

  it('commits or rolls back a message and its job together with the domain change', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const messages = app.app.get(MessageService);
    let queuedId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        queuedId = (await messages.queue(manager, {
          recipient: recipientOf(person),
          kind: 'verify_email',
          runAt: new Date(Date.now() + 3600_000),
        }))!.id;
        await manager.query(`UPDATE account SET display_name = 'changed' WHERE id = $1`, [person.id]);
        throw new Error('domain rule broken');
      }),
    ).rejects.toThrow('domain rule broken');
    expect(await dataSource.getRepository(Message).countBy({ id: queuedId })).toBe(0);
    expect(await outboxRows(queuedId)).toBe(0);
    expect(
      (await dataSource.query('SELECT display_name FROM account WHERE id = $1', [person.id]))[0].display_name,
    ).toBeNull();

    const committed = await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE account SET display_name = 'changed' WHERE id = $1`, [person.id]);
      return messages.queue(manager, {
        recipient: recipientOf(person),
        kind: 'verify_email',
        runAt: new Date(Date.now() + 3600_000),
      });
    });
    expect(await outboxRows(committed!.id)).toBe(1);
  });

  it('does not send twice when the relay enqueues an entry again after a crash', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    const message = (await app.app
      .get(MessageService)
      .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
    await waitUntil(async () => (await messageRow(message.id)).status === 'sent', 10_000, 'sent');

    // As if the relay died after enqueueing but before marking the entry.
    await dataSource.query('UPDATE outbox_entry SET relayed_at = NULL WHERE job_id = $1', [`message.${message.id}`]);
    await waitUntil(
      async () =>
        (await dataSource.query('SELECT relayed_at FROM outbox_entry WHERE job_id = $1', [`message.${message.id}`]))[0]
          .relayed_at !== null,
    );
    // And once more after the finished job left Redis: the message's own state stops it.
    await app.worker!.get<Queue>(getQueueToken(QUEUES.mail), { strict: false }).remove(`message.${message.id}`);
    await dataSource.query('UPDATE outbox_entry SET relayed_at = NULL WHERE job_id = $1', [`message.${message.id}`]);
    await waitUntil(
      async () =>
        (await dataSource.query('SELECT relayed_at FROM outbox_entry WHERE job_id = $1', [`message.${message.id}`]))[0]
          .relayed_at !== null,
    );
    await sleep(500);
    expect(app.smtp.to(person.email)).toHaveLength(1);
    expect((await messageRow(message.id)).attempts).toBe(1);
  });

  it('never sends a reminder that was cancelled', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    const messages = app.app.get(MessageService);
    const reminder = (await messages.queueNow({
      recipient: recipientOf(person),
      kind: 'verify_email',
      runAt: new Date(Date.now() + 1500),
    }))!;
    await waitUntil(
      async () =>
        (await dataSource.query('SELECT relayed_at FROM outbox_entry WHERE job_id = $1', [`message.${reminder.id}`]))[0]
          .relayed_at !== null,
    );
    await dataSource.transaction((manager) => messages.cancel(manager, reminder.id));
    await sleep(2500);
    expect(app.smtp.to(person.email)).toHaveLength(0);
    expect(await messageRow(reminder.id)).toMatchObject({ status: 'skipped', outcome: 'cancelled' });
  });

  it('retries a temporary SMTP failure (4xx) and then delivers', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    app.smtp.rejectWith = 451;
    try {
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      await waitUntil(async () => (await messageRow(message.id)).attempts >= 1, 10_000, 'a failed attempt');
      app.smtp.rejectWith = null;
      const sent = await waitUntil(
        async () => {
          const row = await messageRow(message.id);
          return row.status === 'sent' ? row : undefined;
        },
        15_000,
        'delivery after retry',
      );
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
      expect(app.smtp.to(person.email)).toHaveLength(1);
    } finally {
      app.smtp.rejectWith = null;
    }
  });

  it('records a permanent SMTP failure (5xx) once and does not retry', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    app.smtp.rejectWith = 550;
    try {
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      const failed = await waitUntil(
        async () => {
          const row = await messageRow(message.id);
          return row.status === 'failed' ? row : undefined;
        },
        10_000,
        'failure',
      );
      expect(failed).toMatchObject({ attempts: 1, outcome: 'failed_rejected', smtpReplyCode: 550 });
      app.smtp.rejectWith = null;
      await sleep(2500);
      expect((await messageRow(message.id)).attempts).toBe(1);
      expect(app.smtp.to(person.email)).toHaveLength(0);
    } finally {
      app.smtp.rejectWith = null;
    }
  });

  it('skips campaign mail for people who unsubscribed, prints it for those who chose post, and keeps transactional mail', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const reader = await createPerson(app, municipality, 'carer');
    const leaver = await createPerson(app, municipality, 'carer', { emailVerified: false });
    const paper = await createPerson(app, municipality, 'carer');
    await dataSource.query(`UPDATE account SET contact_channel = 'post' WHERE id = $1`, [paper.id]);

    const announce = (subject: string) =>
      app.post('/api/v1/announcements', {
        token: admin.accessToken,
        body: {
          subject: { nl: subject, en: subject },
          body: { nl: 'Beste mantelzorger,\n\nTot ziens!', en: 'Dear carer' },
          audience: { roles: ['carer'] },
        },
      });
    // A missing part is a validation error, never a half-started fan-out.
    for (const missing of ['subject', 'body', 'audience']) {
      const body: Record<string, unknown> = {
        subject: { nl: 'x', en: 'x' },
        body: { nl: 'x', en: 'x' },
        audience: { roles: ['carer'] },
      };
      delete body[missing];
      expect({
        missing,
        status: (await app.post('/api/v1/announcements', { token: admin.accessToken, body })).status,
      }).toEqual({ missing, status: 400 });
    }
    const first = await announce('Nieuwsbrief november');
    expect(first.status).toBe(202);
    const progress = await waitUntil(
      async () => {
        const answer = await app.get(`/api/v1/fanouts/${first.body.fanoutId}`, { token: admin.accessToken });
        return answer.body.done ? answer.body : undefined;
      },
      15_000,
      'fan-out done',
    );
    expect(progress).toEqual({ total: 3, sent: 2, failed: 0, skipped: 0, toPrint: 1, done: true });

    // The leaver unsubscribes with the one-click link (RFC 8058) from the message's header.
    const mail = await app.smtp.waitFor(leaver.email);
    const header = mail.rawHeaders['list-unsubscribe'];
    expect(mail.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = new URL(header.replace(/^<|>$/g, ''));
    const page = await app.get(`${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    expect(
      (await dataSource.query('SELECT campaign_opt_out_at FROM account WHERE id = $1', [leaver.id]))[0]
        .campaign_opt_out_at,
    ).toBeNull();
    const oneClick = await app.post(`${url.pathname}${url.search}`, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);

    const second = await announce('Nieuwsbrief december');
    await waitUntil(
      async () => (await app.get(`/api/v1/fanouts/${second.body.fanoutId}`, { token: admin.accessToken })).body.done,
      15_000,
      'second fan-out',
    );
    expect((await app.get(`/api/v1/fanouts/${second.body.fanoutId}`, { token: admin.accessToken })).body).toEqual({
      total: 3,
      sent: 1,
      failed: 0,
      skipped: 1,
      toPrint: 1,
      done: true,
    });
    expect(app.smtp.to(reader.email).map((received) => received.subject)).toEqual([
      'Nieuwsbrief november',
      'Nieuwsbrief december',
    ]);
    expect(app.smtp.to(paper.email)).toHaveLength(0);

    // Transactional mail still reaches the leaver.
    await app.post('/api/v1/auth/verify-email/resend', { body: { email: leaver.email } });
    expect((await app.smtp.waitFor(leaver.email, 2)).subject).toBe('Bevestig uw e-mailadres');

    const log = await app.get('/api/v1/me/messages', { token: leaver.accessToken });
    expect(
      log.body.items.map((entry: { kind: string; status: string; outcome: string | null }) => [
        entry.kind,
        entry.status,
        entry.outcome,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['announcement', 'sent', 'sent'],
        ['announcement', 'skipped', 'skipped_opted_out'],
      ]),
    );
  });

  it('shows link pages on GET without acting, and acts on the button', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    await app.post('/api/v1/auth/verify-email/resend', { body: { email: person.email } });
    const mail = await app.smtp.waitFor(person.email);
    const link = new URL(/http:\/\/localhost:3000\/verify-email\?\S+/.exec(mail.text)![0]);
    const token = link.searchParams.get('token')!;

    for (let visit = 0; visit < 3; visit++) {
      const page = await app.get(`${link.pathname}${link.search}`);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.body).toContain('<html lang="nl">');
      expect(page.body).toContain('method="post"');
    }
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.emailVerified).toBe(false);
    const english = await app.get(`/verify-email?token=${encodeURIComponent(token)}&lang=en`);
    expect(english.body).toContain('Confirm my email address');

    const pressed = await app.post('/verify-email', {
      rawBody: new URLSearchParams({ token, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(pressed.status).toBe(200);
    expect(pressed.body).toContain('Uw e-mailadres is bevestigd');
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.emailVerified).toBe(true);
    const spent = await app.get(`${link.pathname}${link.search}`);
    expect(spent.status).toBe(400);
    expect(spent.body).toContain('Deze link werkt niet');

    const forged = await app.get('/unsubscribe?token=eyJwIjoidW5zdWJzY3JpYmUifQ.bm9wZQ');
    expect(forged.status).toBe(400);
  });

  it("shows a person's communication log to staff of the same municipality only", async () => {
    const municipality = await createMunicipality(app);
    const other = await createMunicipality(app);
    const staff = await createPerson(app, municipality, 'staff');
    const foreignStaff = await createPerson(app, other, 'staff');
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    await app.post('/api/v1/auth/verify-email/resend', { body: { email: person.email } });
    await app.smtp.waitFor(person.email);
    const log = await waitUntil(async () => {
      const answer = await app.get(`/api/v1/people/${person.id}/messages`, { token: staff.accessToken });
      return answer.body.items?.[0]?.status === 'sent' ? answer.body : undefined;
    });
    expect(log.items[0]).toMatchObject({
      kind: 'verify_email',
      category: 'transactional',
      channel: 'email',
      status: 'sent',
      providerMessageId: expect.any(String),
    });
    expect((await app.get(`/api/v1/people/${person.id}/messages`, { token: foreignStaff.accessToken })).status).toBe(
      404,
    );
    expect((await app.get(`/api/v1/people/${person.id}/messages`, { token: person.accessToken })).status).toBe(403);
  });
});

describe('queue dashboard and metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it("opens the dashboard only for operators, never for a municipality's admin, with a session cookie", async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const staff = await createPerson(app, municipality, 'staff');
    const operator = await createOperator(app);
    expect((await app.get('/queues')).status).toBe(401);
    expect((await app.get('/queues', { headers: { cookie: 'mz_queue_dashboard=forged.value' } })).status).toBe(401);
    expect((await app.post('/api/v1/queues/session', { token: staff.accessToken })).status).toBe(403);
    expect((await app.post('/api/v1/queues/session', { token: admin.accessToken })).status).toBe(403);
    // An operator sees no person's data and works in no municipality.
    expect((await app.get(`/api/v1/people/${staff.id}/messages`, { token: operator.accessToken })).status).toBe(403);
    expect((await app.get('/api/v1/carers', { token: operator.accessToken })).status).toBe(403);
    expect((await app.get('/api/v1/messages/failed', { token: operator.accessToken })).status).toBe(403);

    const session = await app.post('/api/v1/queues/session', { token: operator.accessToken });
    expect(session.status).toBe(200);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/^mz_queue_dashboard=[^;]+; Path=\/queues; Max-Age=3600; HttpOnly; SameSite=Strict/);
    const pair = cookie.split(';')[0];
    const page = await app.get('/queues', { headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Mantelzorg queues');
    const queues = await app.get('/queues/api/queues', { headers: { cookie: pair } });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(
      Object.values(QUEUES).sort(),
    );

    // Every change asked of the dashboard is recorded before it acts (here on a queue that does not exist).
    const change = await app.request('PUT', '/queues/api/queues/no-such-queue/retry/failed?x=1', {
      headers: { cookie: pair },
    });
    expect(change.status).toBeGreaterThanOrEqual(400);
    const actions = await app.get('/api/v1/queues/actions', { token: operator.accessToken });
    expect(actions.status).toBe(200);
    expect(actions.body.items).toContainEqual(
      expect.objectContaining({
        actorAccountId: operator.id,
        method: 'PUT',
        path: '/queues/api/queues/no-such-queue/retry/failed',
      }),
    );
    expect((await app.get('/api/v1/queues/actions', { token: admin.accessToken })).status).toBe(403);

    // A disabled operator's session ends at once, not when its cookie expires.
    await app.app.get(DataSource).query('UPDATE account SET disabled_at = now() WHERE id = $1', [operator.id]);
    expect((await app.get('/queues/api/queues', { headers: { cookie: pair } })).status).toBe(401);
  });

  it('reports queue depth per state in /metrics', async () => {
    const metrics = await app.get('/metrics');
    expect(metrics.body).toMatch(/queue_jobs\{queue="mail",state="waiting"\} \d+/);
    expect(metrics.body).toMatch(/queue_jobs\{queue="fanout",state="failed"\} \d+/);
  });
});
