import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './support/factories';
import { freePort } from './support/local-servers';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const RECIPIENTS = 3000;

describe('fan-out survives a killed worker', () => {
  let app: TestApp;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await app.close();
  });

  it(`delivers exactly one invitation to each of ${RECIPIENTS} people when the worker is killed mid-way`, async () => {
    const dataSource = app.app.get(DataSource);
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const batch = randomBytes(4).toString('hex');
    await dataSource.query(
      `INSERT INTO account (municipality_id, email, role, language)
       SELECT $1, 'fan-' || g || '-' || $2 || '@example.nl', 'carer', CASE WHEN g % 5 = 0 THEN 'en' ELSE 'nl' END FROM generate_series(1, $3) g`,
      [municipality.id, batch, RECIPIENTS],
    );
    const startWorker = async () =>
      spawn('node', ['dist/apps/worker/main.js'], {
        env: { ...process.env, SMTP_URL: process.env.SMTP_URL, WORKER_PORT: String(await freePort()), LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      });

    worker = await startWorker();
    const started = await app.post('/api/v1/announcements', {
      token: admin.accessToken,
      body: { subject: { nl: 'Uitnodiging Dag van de Mantelzorg', en: 'Invitation Carers Day' }, body: { nl: 'Welkom op 10 november.', en: 'Welcome on 10 November.' }, audience: { roles: ['carer'] } },
    });
    expect(started.status).toBe(202);
    const fanoutPath = `/api/v1/fanouts/${started.body.fanoutId}`;

    await waitUntil(async () => app.smtp.messages.length >= RECIPIENTS / 4, 60_000, 'a quarter delivered');
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker!.once('exit', resolve));
    const midway = await app.get(fanoutPath, { token: admin.accessToken });
    expect(midway.body.done).toBe(false);
    expect(midway.body.sent).toBeLessThan(RECIPIENTS);

    worker = await startWorker();
    const progress = await waitUntil(async () => {
      const answer = await app.get(fanoutPath, { token: admin.accessToken });
      return answer.body.done ? answer.body : undefined;
    }, 120_000, 'fan-out done after restart');
    worker.kill('SIGTERM');

    expect(progress).toEqual({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, skipped: 0, done: true });
    const invitations = app.smtp.messages.filter((mail) => mail.to[0]?.endsWith(`-${batch}@example.nl`));
    const messageIdsByRecipient = new Map<string, Set<string>>();
    for (const mail of invitations) {
      const ids = messageIdsByRecipient.get(mail.to[0]!) ?? new Set<string>();
      ids.add(mail.messageId);
      messageIdsByRecipient.set(mail.to[0]!, ids);
    }
    expect(messageIdsByRecipient.size).toBe(RECIPIENTS);
    // One message per person: a resend of a mail in flight at the kill carries the same Message-ID.
    expect([...messageIdsByRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const resent = invitations.length - RECIPIENTS;
    process.stdout.write(`fan-out restart: ${RECIPIENTS} recipients, ${resent} in-flight resends after SIGKILL\n`);
    expect(resent).toBeLessThanOrEqual(20);
    const rows = await dataSource.query('SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS people FROM message WHERE fanout_id = $1', [started.body.fanoutId]);
    expect(rows[0]).toEqual({ n: RECIPIENTS, people: RECIPIENTS });
  }, 240_000);
});
