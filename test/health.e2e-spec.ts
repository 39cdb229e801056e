import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { TestApp } from './support/test-app';

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
  for (let attempt = 0; attempt < 50; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = require('node:net').connect(port, '127.0.0.1');
      socket.on('connect', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return redis;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('redis-server did not start');
}

describe('health', () => {
  it('is ok while Postgres and Redis answer', async () => {
    const app = await TestApp.start();
    try {
      const answer = await app.get('/health');
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('ok');
    } finally {
      await app.close();
    }
  });

  it('answers 503 when Redis stops, and ok again when it is back', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const app = await TestApp.start({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    try {
      expect((await app.get('/health')).status).toBe(200);
      redis.kill('SIGKILL');
      await new Promise((resolve) => redis.once('exit', resolve));
      const down = await app.get('/health');
      expect(down.status).toBe(503);
      expect(down.headers['content-type']).toContain('application/problem+json');
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'Not answering: redis.' });

      redis = await startRedis(port);
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await app.get('/health')).status;
      }
      expect(status).toBe(200);
    } finally {
      redis.kill('SIGKILL');
      await app.close();
    }
  });

  it('answers 503 when Redis is unreachable from the start', async () => {
    const app = await TestApp.start({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    try {
      const answer = await app.get('/health');
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await app.close();
    }
  });
});
