import { SharedRate } from '@app/platform';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** The mail send rate's mechanism (SendRate), against the real Redis: one allowance for all processes. */
describe('a rate shared by all processes', () => {
  const clients: Redis[] = [];
  const connect = (url = process.env.REDIS_URL!) => {
    const client = new Redis(url, { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    client.on('error', () => undefined);
    clients.push(client);
    return client;
  };
  afterAll(() => clients.forEach((client) => client.disconnect()));

  it('grants no second more than its allowance, however many processes race for it', async () => {
    const key = `test:shared-rate:${randomBytes(6).toString('hex')}`;
    const perSecond = 20;
    // Two workers, each with its own connection and its own slices of the allowance.
    const workers = await Promise.all(
      [connect(), connect()].map(async (client) => {
        await client.connect();
        return new SharedRate(client, key, perSecond);
      }),
    );
    const started = Date.now();
    await Promise.all(Array.from({ length: 70 }, (_, index) => workers[index % 2].acquire()));
    const elapsed = Date.now() - started;

    const reader = connect();
    await reader.connect();
    const seconds = await reader.keys(`${key}:*`);
    const granted = (await reader.mget(seconds)).map(Number);
    expect(Math.max(...granted)).toBeLessThanOrEqual(perSecond);
    expect(granted.reduce((sum, count) => sum + count, 0)).toBeGreaterThanOrEqual(70);
    // 70 at 20 a second span at least four seconds of Redis's clock, so three of their boundaries.
    expect(seconds.length).toBeGreaterThanOrEqual(4);
    expect(elapsed).toBeGreaterThanOrEqual(2000);
  });

  it('refuses rather than granting while Redis is away', async () => {
    const away = connect('redis://127.0.0.1:1');
    const rate = new SharedRate(away, 'test:shared-rate:away', 5);
    await expect(rate.acquire()).rejects.toThrow();
  });

  it('refuses an allowance below one a second', () => {
    expect(() => new SharedRate(connect(), 'test:shared-rate:none', 0)).toThrow(/at least 1/);
  });
});
