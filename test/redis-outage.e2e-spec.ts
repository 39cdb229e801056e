import { Message } from '@app/messaging';
import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './support/factories';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitUntil(
    () => new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    }),
    5000,
    'redis-server',
  );
  return redis;
}

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
      const message = await waitUntil(async () => (await dataSource.getRepository(Message).findOneBy({ accountId: person.id, kind: 'password_reset' })) ?? undefined);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await dataSource.query('SELECT relayed_at FROM outbox_entry WHERE job_id = $1', [`message.${message.id}`]))[0].relayed_at).toBeNull();
      expect(app.smtp.to(person.email)).toHaveLength(0);

      redis = await startRedis(port);
      const mail = await app.smtp.waitFor(person.email, 1, 20_000);
      expect(mail.subject).toBe('Kies een nieuw wachtwoord');
      expect((await dataSource.getRepository(Message).findOneByOrFail({ id: message.id })).status).toBe('sent');
    } finally {
      await app.close();
      redis.kill('SIGKILL');
    }
  }, 60_000);
});
