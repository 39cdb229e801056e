import { getQueueToken } from '@nestjs/bullmq';
import { Message, MessageService, OutboxReconciler, QUEUES } from '@app/messaging';
import { Queue } from 'bullmq';
import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { CarerFollowUp } from '@app/carers';
import { createMunicipality, createPerson, municipalityWithWijk, TestPerson } from './support/factories';
import { exitOf, freePort, startRedis, stopRedis } from './support/local-servers';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const recipientOf = (person: TestPerson) => ({
  accountId: person.id,
  municipalityId: person.municipalityId,
  email: person.email,
  language: 'nl' as const,
  channel: 'email' as const,
});

/** Quick retries, so that many attempts fit in a test; the rules are the production ones. */
const QUICK_RETRIES = { MAIL_RETRY_FIRST_DELAY_SECONDS: '0.05', MAIL_RETRY_MAX_DELAY_SECONDS: '0.2' };

async function messageWhen(dataSource: DataSource, id: string, done: (message: Message) => boolean, what: string) {
  return waitUntil(
    async () => {
      const message = await dataSource.getRepository(Message).findOneByOrFail({ id });
      return done(message) ? message : undefined;
    },
    20_000,
    what,
  );
}

describe('delivery on a bad day', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('keeps trying through a mail server answering 421 for longer than eight attempts, then sends once', async () => {
    const app = await TestApp.start({ worker: true, env: QUICK_RETRIES });
    try {
      const dataSource = app.app.get(DataSource);
      const person = await createPerson(app, await createMunicipality(app), 'carer', { emailVerified: false });
      app.smtp.rejectWith = 421;
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      const retried = await messageWhen(dataSource, message.id, (row) => row.attempts >= 12, 'twelve failed attempts');
      expect(retried).toMatchObject({ status: 'queued', smtpReplyCode: 421 });
      app.smtp.rejectWith = null;
      const sent = await messageWhen(dataSource, message.id, (row) => row.status === 'sent', 'delivery');
      expect(sent.outcome).toBe('sent');
      expect(app.smtp.to(person.email)).toHaveLength(1);
    } finally {
      app.smtp.rejectWith = null;
      await app.close();
    }
  }, 60_000);

  it('fails a message with its reason once MAIL_RETRY_HOURS have passed', async () => {
    const app = await TestApp.start({ worker: true, env: { ...QUICK_RETRIES, MAIL_RETRY_HOURS: '0.0003' } });
    try {
      const dataSource = app.app.get(DataSource);
      const person = await createPerson(app, await createMunicipality(app), 'carer', { emailVerified: false });
      app.smtp.rejectWith = 451;
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      const failed = await messageWhen(dataSource, message.id, (row) => row.status === 'failed', 'failure');
      expect(failed).toMatchObject({ outcome: 'failed_retries_exhausted', smtpReplyCode: 451 });
      expect(failed.attempts).toBeGreaterThan(1);
      expect(app.smtp.to(person.email)).toHaveLength(0);
    } finally {
      app.smtp.rejectWith = null;
      await app.close();
    }
  }, 60_000);

  it('ends a message as failed when its last attempt fails for a reason outside the mail server', async () => {
    const app = await TestApp.start({ worker: true });
    try {
      const dataSource = app.app.get(DataSource);
      const person = await createPerson(app, await createMunicipality(app), 'carer');
      // A voucher mail whose voucher does not exist cannot be rendered.
      const [message] = await dataSource.transaction((manager) =>
        app.app.get(MessageService).queueMany(manager, [
          {
            recipient: recipientOf(person),
            kind: 'appreciation_voucher_issued',
            params: { voucherId: '00000000-0000-4000-8000-000000000000' },
          },
        ]),
      );
      await dataSource.query('UPDATE outbox_entry SET cancelled_at = now() WHERE job_id = $1', [
        `message.${message.id}`,
      ]);
      // Its one and only attempt is its last.
      const queue = app.worker!.get<Queue>(getQueueToken(QUEUES.mail), { strict: false });
      await queue.add('deliver', { messageId: message.id }, { jobId: `last-attempt.${message.id}`, attempts: 1 });
      const failed = await messageWhen(dataSource, message.id, (row) => row.status === 'failed', 'failure');
      expect(failed.outcome).toBe('failed_error');
    } finally {
      await app.close();
    }
  }, 30_000);

  it('sets aside an outbox entry no queue knows, and relays the others', async () => {
    const app = await TestApp.start({ worker: true });
    try {
      const dataSource = app.app.get(DataSource);
      const person = await createPerson(app, await createMunicipality(app), 'carer', { emailVerified: false });
      await dataSource.query(
        `INSERT INTO outbox_entry (queue, job_name, job_id, payload) VALUES ('retired-queue', 'old-job', $1, '{}')`,
        [`retired.${person.id}`],
      );
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      await messageWhen(dataSource, message.id, (row) => row.status === 'sent', 'the message after the entry');
      const [retired] = await dataSource.query(
        'SELECT relayed_at, set_aside_at, set_aside_reason FROM outbox_entry WHERE job_id = $1',
        [`retired.${person.id}`],
      );
      expect(retired).toMatchObject({ relayed_at: null, set_aside_at: expect.any(Date) });
      expect(retired.set_aside_reason).toContain('unknown');
    } finally {
      await app.close();
    }
  }, 30_000);
});

describe('failed messages', () => {
  it('are listed for staff of the municipality with their reason, counted in /metrics, and can be sent again', async () => {
    const app = await TestApp.start({ worker: true });
    try {
      const dataSource = app.app.get(DataSource);
      const municipality = await createMunicipality(app);
      const staff = await createPerson(app, municipality, 'staff');
      const other = await createPerson(app, await createMunicipality(app), 'staff');
      const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
      app.smtp.rejectWith = 550;
      const message = (await app.app
        .get(MessageService)
        .queueNow({ recipient: recipientOf(person), kind: 'verify_email' }))!;
      await messageWhen(dataSource, message.id, (row) => row.status === 'failed', 'failure');
      app.smtp.rejectWith = null;

      const list = await app.get('/api/v1/messages/failed', { token: staff.accessToken });
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: message.id,
          accountId: person.id,
          outcome: 'failed_rejected',
          smtpReplyCode: 550,
          attempts: 1,
        }),
      ]);
      expect((await app.get('/api/v1/messages/failed', { token: other.accessToken })).body.items).toEqual([]);
      expect((await app.get('/api/v1/messages/failed', { token: person.accessToken })).status).toBe(403);
      expect((await app.get('/metrics')).body).toMatch(/messages_failed\{outcome="failed_rejected"\} [1-9]/);

      expect((await app.post(`/api/v1/messages/${message.id}/retry`, { token: other.accessToken })).status).toBe(404);
      const retried = await app.post(`/api/v1/messages/${message.id}/retry`, { token: staff.accessToken });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ status: 'queued', outcome: null });
      await messageWhen(dataSource, message.id, (row) => row.status === 'sent', 'delivery after the retry');
      expect(app.smtp.to(person.email)).toHaveLength(1);
      const again = await app.post(`/api/v1/messages/${message.id}/retry`, { token: staff.accessToken });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('MESSAGE_NOT_FAILED');
    } finally {
      app.smtp.rejectWith = null;
      await app.close();
    }
  }, 30_000);
});

describe('post as a channel', () => {
  it('puts messages to a carer who chose post on the print queue; staff print them; re-confirmation waits for the letter', async () => {
    const app = await TestApp.start({ worker: true });
    try {
      const dataSource = app.app.get(DataSource);
      const { staff } = await municipalityWithWijk(app);
      const elsewhere = await createPerson(app, await createMunicipality(app), 'staff');
      const paper = await app.post('/api/v1/carers/registrations', {
        token: staff.accessToken,
        body: {
          firstName: 'Gerrit',
          lastName: 'Bakker',
          dateOfBirth: '1940-01-30',
          postcode: '1121CD',
          houseNumber: 3,
        },
      });
      expect(paper.status).toBe(201);
      const carerId = paper.body.id as string;
      const [{ account_id: accountId }] = await dataSource.query('SELECT account_id FROM carer WHERE id = $1', [
        carerId,
      ]);
      const followUp = app.worker!.get(CarerFollowUp);
      await dataSource.query(`UPDATE carer SET confirmed_at = now() - interval '13 months' WHERE id = $1`, [carerId]);
      await followUp.requestReconfirmation();
      const [letter] = await dataSource.query(
        `SELECT id, status, channel FROM message WHERE account_id = $1 AND kind = 'reconfirmation_request'`,
        [accountId],
      );
      expect(letter).toMatchObject({ status: 'to_print', channel: 'post' });
      const [{ n: jobs }] = await dataSource.query('SELECT count(*)::int AS n FROM outbox_entry WHERE job_id = $1', [
        `message.${letter.id}`,
      ]);
      expect(jobs).toBe(0);

      const waiting = await app.get('/api/v1/print-queue', { token: staff.accessToken });
      expect(waiting.status).toBe(200);
      expect(waiting.body.items).toEqual([
        expect.objectContaining({ id: letter.id, name: 'Gerrit Bakker', postcode: '1121 CD', houseNumber: '3' }),
      ]);
      expect((await app.get('/api/v1/print-queue', { token: elsewhere.accessToken })).body.items).toEqual([]);

      // Not printed yet: a month later nobody is made inactive.
      const monthAgo = async (column: 'created_at' | 'sent_at') => {
        await dataSource.query(
          `UPDATE carer SET reconfirmation_requested_at = reconfirmation_requested_at - interval '31 days' WHERE id = $1`,
          [carerId],
        );
        await dataSource.query(`UPDATE message SET created_at = created_at - interval '31 days' WHERE id = $1`, [
          letter.id,
        ]);
        if (column === 'sent_at')
          await dataSource.query(`UPDATE message SET sent_at = sent_at - interval '31 days' WHERE id = $1`, [
            letter.id,
          ]);
      };
      await monthAgo('created_at');
      await followUp.requestReconfirmation();
      expect((await dataSource.query('SELECT status FROM carer WHERE id = $1', [carerId]))[0].status).toBe('active');

      const csv = await app.get(`/api/v1/print-queue/letters.csv?ids=${letter.id}`, { token: staff.accessToken });
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(String(csv.body)).toContain('Gerrit Bakker');
      expect(String(csv.body)).toContain('Zorgt u nog voor iemand?');
      const page = await app.get(`/api/v1/print-queue/letters?ids=${letter.id}`, { token: staff.accessToken });
      expect(page.headers['content-type']).toContain('text/html');
      expect(String(page.body)).toContain('<h2>Zorgt u nog voor iemand?</h2>');
      const elsewhereCsv = await app.get(`/api/v1/print-queue/letters.csv?ids=${letter.id}`, {
        token: elsewhere.accessToken,
      });
      expect(String(elsewhereCsv.body)).not.toContain('Gerrit');
      for (const ids of ['', 'not-a-uuid', `${letter.id},x`])
        expect((await app.get(`/api/v1/print-queue/letters?ids=${ids}`, { token: staff.accessToken })).status).toBe(
          400,
        );

      const notHere = await app.post('/api/v1/print-queue/printed', {
        token: elsewhere.accessToken,
        body: { messageIds: [letter.id] },
      });
      expect(notHere.body).toEqual({ printed: [] });
      const printed = await app.post('/api/v1/print-queue/printed', {
        token: staff.accessToken,
        body: { messageIds: [letter.id] },
      });
      expect(printed.body).toEqual({ printed: [letter.id] });
      const log = await app.get(`/api/v1/people/${accountId}/messages`, { token: staff.accessToken });
      expect(log.body.items[0]).toMatchObject({ id: letter.id, status: 'sent', outcome: 'printed', channel: 'post' });

      // Printed a month ago and still unanswered: now the carer is made inactive.
      await monthAgo('sent_at');
      await followUp.requestReconfirmation();
      expect((await dataSource.query('SELECT status FROM carer WHERE id = $1', [carerId]))[0].status).toBe('inactive');
    } finally {
      await app.close();
    }
  }, 30_000);
});

describe('Redis restarted empty', () => {
  let redis: ChildProcess;
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('gets back every pending and scheduled message and the schedules, and sends each once', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    const app = await TestApp.start({
      worker: true,
      env: { ...QUICK_RETRIES, REDIS_URL: `redis://127.0.0.1:${port}` },
    });
    try {
      const dataSource = app.app.get(DataSource);
      const messages = app.app.get(MessageService);
      const municipality = await createMunicipality(app);
      const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
      const sent = await createPerson(app, municipality, 'carer', { emailVerified: false });
      const inThreeDays = new Date(Date.now() + 3 * 24 * 3600_000);
      const reminder = (await messages.queueNow({
        recipient: recipientOf(person),
        kind: 'verify_email',
        runAt: inThreeDays,
      }))!;
      const delivered = (await messages.queueNow({ recipient: recipientOf(sent), kind: 'verify_email' }))!;
      await messageWhen(dataSource, delivered.id, (row) => row.status === 'sent', 'the first delivery');
      app.smtp.rejectWith = 421;
      const due = (await messages.queueNow({ recipient: recipientOf(person), kind: 'password_reset' }))!;
      await messageWhen(dataSource, due.id, (row) => row.attempts >= 1, 'a failed attempt');
      const mail = () => app.worker!.get<Queue>(getQueueToken(QUEUES.mail), { strict: false });
      expect(await mail().getJobState(`message.${reminder.id}`)).toBe('delayed');

      redis.kill('SIGKILL');
      await exitOf(redis);
      redis = await startRedis(port);
      await waitUntil(
        async () =>
          (await mail()
            .getJobCounts('delayed')
            .catch(() => null)) !== null,
        10_000,
        'Redis',
      );
      expect(await mail().getJobState(`message.${reminder.id}`)).toBe('unknown');
      expect(await mail().getJobSchedulers()).toEqual([]);

      const restored = await app.worker!.get(OutboxReconciler).reconcile();
      expect(restored).toBeGreaterThanOrEqual(2);
      app.smtp.rejectWith = null;
      await messageWhen(dataSource, due.id, (row) => row.status === 'sent', 'the due message after the restart');
      await waitUntil(
        async () => (await mail().getJobState(`message.${reminder.id}`)) === 'delayed',
        10_000,
        'reminder',
      );
      const job = await mail().getJob(`message.${reminder.id}`);
      expect(job!.timestamp + job!.delay).toBeGreaterThan(inThreeDays.getTime() - 60_000);
      const schedulers = await app
        .worker!.get<Queue>(getQueueToken(QUEUES.respiteMaintenance), { strict: false })
        .getJobSchedulers();
      expect(schedulers.map((scheduler) => scheduler.key)).toContain('expire-waitlist-offers');

      // A second pass finds nothing missing; the message sent before the restart is not sent again.
      expect(await app.worker!.get(OutboxReconciler).reconcile()).toBe(0);
      expect(app.smtp.to(sent.email)).toHaveLength(1);
      expect(app.smtp.to(person.email).map((received) => received.subject)).toHaveLength(1);
    } finally {
      app.smtp.rejectWith = null;
      await app.close();
      await stopRedis(redis);
    }
  }, 90_000);
});
