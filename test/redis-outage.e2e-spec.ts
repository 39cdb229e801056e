import { Message } from '@app/messaging';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './support/factories';
import { settlesWithin } from '@app/platform';
import { exitOf, freePort, startRedis, stopRedis } from './support/local-servers';
import { TestApp } from './support/test-app';
import { sleep, waitUntil } from './support/wait';

describe('Redis outage', () => {
  it('keeps accepting changes while Redis is away, and delivers their mail once it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const app = await TestApp.start({ worker: true, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      const dataSource = app.app.get(DataSource);
      const municipality = await createMunicipality(app);
      const person = await createPerson(app, municipality, 'carer', { emailVerified: false });

      redis.kill('SIGKILL');
      await new Promise((resolve) => redis.once('exit', resolve));
      const answer = await app.post('/api/v1/auth/password-reset/request', { body: { email: person.email } });
      expect(answer.status).toBe(202);
      const message = await waitUntil(
        async () =>
          (await dataSource.getRepository(Message).findOneBy({ accountId: person.id, kind: 'password_reset' })) ??
          undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(
        (await dataSource.query('SELECT relayed_at FROM outbox_entry WHERE job_id = $1', [`message.${message.id}`]))[0]
          .relayed_at,
      ).toBeNull();
      expect(app.smtp.to(person.email)).toHaveLength(0);

      redis = await startRedis(port);
      const mail = await app.smtp.waitFor(person.email, 1, 20_000);
      expect(mail.subject).toBe('Kies een nieuw wachtwoord');
      // The sink has the mail a moment before the worker records it as sent.
      await waitUntil(
        async () => (await dataSource.getRepository(Message).findOneByOrFail({ id: message.id })).status === 'sent',
        5000,
        'message marked sent',
      );
    } finally {
      await app.close();
      await stopRedis(redis);
    }
  }, 60_000);

  it('closes the worker while Redis is away, without waiting for it to come back', async () => {
    const port = await freePort();
    const redis = await startRedis(port);
    const app = await TestApp.start({ worker: true, env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    redis.kill('SIGKILL');
    await exitOf(redis);
    // Long enough for every worker's blocking connection to be between reconnect attempts.
    await sleep(1500);
    const closed = await settlesWithin(app.close(), 25_000);
    expect(closed).toBe(true);
  }, 40_000);
});
