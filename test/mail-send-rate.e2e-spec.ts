import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { announceToCarers } from './support/announcements';
import { createMunicipality, createPerson } from './support/factories';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const RATE = 4;
const EACH = 12;

/** A Redis database of this test's own, so its queues and its send rate are shared with no other test. */
async function privateRedisUrl(): Promise<string> {
  const url = new URL(process.env.REDIS_URL!);
  url.pathname = '/7';
  const redis = new Redis(url.toString());
  await redis.flushdb();
  redis.disconnect();
  return url.toString();
}

describe('the mail send rate', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({
      env: { REDIS_URL: await privateRedisUrl(), MAIL_RATE_PER_SECOND: String(RATE) },
      worker: true,
    });
  });
  afterAll(() => app.close());

  it('holds fan-out batches and single messages together to MAIL_RATE_PER_SECOND', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const batch = randomBytes(4).toString('hex');
    const emails = await app.app.get(DataSource).query<Array<{ email: string }>>(
      `INSERT INTO account (municipality_id, email, role, language, email_verified_at)
       SELECT $1, 'rate-' || g || '-' || $2 || '@example.nl', 'carer', 'nl', now() FROM generate_series(1, $3) g
       RETURNING email`,
      [municipality.id, batch, EACH],
    );
    // The same people get an announcement (fan-out batches) and a password-reset mail each (single messages).
    const announced = await announceToCarers(app, admin.accessToken);
    expect(announced.status).toBe(202);
    for (const [index, { email }] of emails.entries())
      expect(
        (await app.post('/api/v1/auth/password-reset/request', { body: { email }, ip: `10.77.0.${index + 1}` })).status,
      ).toBe(202);

    const ours = () => app.smtp.messages.filter((mail) => mail.to[0]?.endsWith(`-${batch}@example.nl`));
    await waitUntil(async () => ours().length >= 2 * EACH || undefined, 30_000, 'all mail delivered');
    const arrivals = ours()
      .map((mail) => mail.receivedAt.getTime())
      .sort((a, b) => a - b);
    // 24 at 4 a second fill six one-second windows of Redis's clock, so the first and the last are about four
    // seconds apart at the least (3,986 ms was seen: a send's own time varies); two paths each sending at the
    // full rate would fill three windows, at most about three seconds.
    expect(arrivals.at(-1)! - arrivals[0]).toBeGreaterThan(((2 * EACH) / RATE - 2.5) * 1000);
    expect(ours()).toHaveLength(2 * EACH);
  }, 60_000);
});
