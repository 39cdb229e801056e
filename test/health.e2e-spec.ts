import { freePort, startRedis, stopRedis } from './support/local-servers';
import { TestApp } from './support/test-app';

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
      expect(down.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: 'Geen antwoord van: redis.' });

      redis = await startRedis(port);
      let status = 0;
      for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await app.get('/health')).status;
      }
      expect(status).toBe(200);
    } finally {
      await stopRedis(redis);
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
