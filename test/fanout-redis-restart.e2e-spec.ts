import { MAIL_CONCURRENCY, OutboxReconciler } from '@app/messaging';
import { ChildProcess } from 'node:child_process';
import { announceToCarers, municipalityWithCarerAccounts } from './support/announcements';
import { messageIdsByRecipient } from './support/killed-worker';
import { exitOf, freePort, startRedis, stopRedis } from './support/local-servers';
import { TestApp } from './support/test-app';
import { waitUntil } from './support/wait';

const RECIPIENTS = 3000;

describe('a fan-out across Redis restarted empty', () => {
  let redis: ChildProcess;
  let app: TestApp;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    const port = await freePort();
    redis = await startRedis(port);
    // A modest rate, so the fan-out is still sending when Redis goes.
    app = await TestApp.start({
      worker: true,
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, MAIL_RATE_PER_SECOND: '300' },
    });
  });
  afterAll(async () => {
    await app.close();
    await stopRedis(redis);
    process.env = { ...savedEnv };
  });

  it(`delivers one announcement to each of ${RECIPIENTS} people when Redis loses its queues mid-way`, async () => {
    const { admin, mailToThem: ours } = await municipalityWithCarerAccounts(app, RECIPIENTS);
    const started = await announceToCarers(app, admin.accessToken);
    expect(started.status).toBe(202);
    const progress = () => app.get(`/api/v1/fanouts/${started.body.fanoutId}`, { token: admin.accessToken });

    await waitUntil(async () => ours().length >= RECIPIENTS / 4 || undefined, 60_000, 'a quarter delivered');
    const port = Number(new URL(process.env.REDIS_URL!).port);
    redis.kill('SIGKILL');
    await exitOf(redis);
    redis = await startRedis(port);
    expect((await progress()).body.done).toBe(false);
    // The worker reconciles every minute; here the pass runs as soon as Redis answers again.
    const reconciler = app.worker!.get(OutboxReconciler);
    const restored = await waitUntil(
      async () => (await reconciler.reconcile().catch(() => -1)) + 1 || undefined,
      20_000,
      'a reconciliation with Redis back',
    );
    expect(restored - 1).toBeGreaterThan(0);

    const done = await waitUntil(
      async () => {
        const answer = await progress();
        return answer.body.done ? answer.body : undefined;
      },
      120_000,
      'fan-out done after the restart',
    );
    expect(done).toEqual({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, skipped: 0, toPrint: 0, done: true });
    const byRecipient = messageIdsByRecipient(ours());
    expect(byRecipient.size).toBe(RECIPIENTS);
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const resent = ours().length - RECIPIENTS;
    process.stdout.write(`fan-out across a Redis restart: ${RECIPIENTS} recipients, ${resent} resends\n`);
    expect(resent).toBeLessThanOrEqual(MAIL_CONCURRENCY);
  }, 240_000);
});
