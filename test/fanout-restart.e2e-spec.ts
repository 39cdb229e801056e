import { MAIL_CONCURRENCY } from '@app/messaging';
import { DataSource } from 'typeorm';
import { announceToCarers, municipalityWithCarerAccounts } from './support/announcements';
import { messageIdsByRecipient, WorkerProcess } from './support/killed-worker';
import { TestApp } from './support/test-app';

const RECIPIENTS = 3000;

describe('fan-out survives a killed worker', () => {
  let app: TestApp;
  const worker = new WorkerProcess();

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await worker.kill();
    await app.close();
  });

  it(`delivers exactly one announcement to each of ${RECIPIENTS} people when the worker is killed mid-way`, async () => {
    const dataSource = app.app.get(DataSource);
    const { admin, mailToThem: ours } = await municipalityWithCarerAccounts(app, RECIPIENTS);
    await worker.start();
    const started = await announceToCarers(app, admin.accessToken);
    expect(started.status).toBe(202);

    const progress = await worker.killMidwayAndFinish(
      app,
      admin.accessToken,
      started.body.fanoutId,
      () => ours().length,
      RECIPIENTS,
    );

    expect(progress).toEqual({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0, skipped: 0, toPrint: 0, done: true });
    const byRecipient = messageIdsByRecipient(ours());
    expect(byRecipient.size).toBe(RECIPIENTS);
    expect([...byRecipient.values()].every((ids) => ids.size === 1)).toBe(true);
    const resent = ours().length - RECIPIENTS;
    process.stdout.write(`fan-out restart: ${RECIPIENTS} recipients, ${resent} in-flight resends after SIGKILL\n`);
    // What a kill can repeat: each send slot's message, on the wire or accepted with its outcome still being written.
    expect(resent).toBeLessThanOrEqual(MAIL_CONCURRENCY);
    const rows = await dataSource.query(
      'SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS people FROM message WHERE fanout_id = $1',
      [started.body.fanoutId],
    );
    expect(rows[0]).toEqual({ n: RECIPIENTS, people: RECIPIENTS });
  }, 240_000);
});
