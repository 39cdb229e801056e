import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { BENCH_SIGNING_SECRET, benchToken, seedRespiteWorld } from './respite-seed';
import { atLeast, below, BenchResult, exactly, ratio } from './targets';
import {
  CountingSink,
  cpuPerUnit,
  cpuSnapshot,
  freePort,
  MeasuredProcess,
  mib,
  quiesceOutbox,
  settleDatabase,
  startApi,
  waitFor,
} from './support';

const HOUR = 3_600_000;

/**
 * Dag van de Mantelzorg invitations to `recipients` carers through the product (API ->
 * fan-out -> outbox -> relay -> BullMQ -> worker -> SMTP), against nodemailer's pooled
 * transport sending as many prepared messages straight to the same sink.
 */
export async function fanoutBench(size: { recipients: number }): Promise<BenchResult> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const sink = new CountingSink();
  const smtpUrl = await sink.start();
  const world = await seedRespiteWorld(database, { carers: size.recipients, offers: 1, slots: 1, capacity: 1 });
  await quiesceOutbox(database);
  await settleDatabase();
  const admin = (
    await database.query(
      `INSERT INTO account (municipality_id, email, role, email_verified_at) VALUES ($1, 'bench-admin-' || gen_random_uuid() || '@example.nl', 'admin', now()) RETURNING id`,
      [world.municipalityId],
    )
  ).rows[0].id as string;
  const adminToken = benchToken(admin, 'admin', world.municipalityId);
  const env = {
    SMTP_URL: smtpUrl,
    TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    MAIL_RATE_PER_SECOND: '100000',
    WORKER_PORT: String(await freePort()),
  };
  const api = await startApi(env);
  const worker = new MeasuredProcess(
    'dist/apps/worker/main.js',
    // The heap settings the worker runs with (scripts/node.sh), as in production.
    { LOG_LEVEL: 'error', NODE_OPTIONS: process.env.WORKER_NODE_OPTIONS, ...env },
    process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean),
  );
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  try {
    const activity = (await (
      await fetch(`${api.base}/api/v1/activities`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'event',
          occasion: 'dag_van_de_mantelzorg',
          title: 'Dag van de Mantelzorg',
          capacity: 500,
          date: new Date(Date.now() + 30 * 24 * HOUR).toISOString().slice(0, 10),
          startTime: '19:30',
          endTime: '22:00',
        }),
      })
    ).json()) as { id: string };
    await waitFor(
      async () => ((await fetch(`http://127.0.0.1:${env.WORKER_PORT}/health`)).ok ? true : undefined),
      30_000,
      'worker',
    );

    const started = Date.now();
    const cpuBefore = cpuSnapshot({ api: api.process.pid, worker: worker.pid });
    const invited = await fetch(`${api.base}/api/v1/activities/${activity.id}/invitations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ audience: { all: true } }),
    });
    if (invited.status !== 202 && invited.status !== 201)
      throw new Error(`invitation answered ${invited.status} ${await invited.text()}`);
    const { fanoutId } = (await invited.json()) as { fanoutId: string };
    const enqueuedAt = await waitFor(
      async () => {
        const { rows } = await database.query(
          `SELECT f.expanded_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM outbox_entry o WHERE o.relayed_at IS NULL AND o.cancelled_at IS NULL) AS enqueued FROM fanout f WHERE f.id = $1`,
          [fanoutId],
        );
        return rows[0]?.enqueued ? Date.now() : undefined;
      },
      HOUR,
      'every delivery job enqueued',
    );
    await waitFor(
      async () => (sink.messages >= size.recipients ? true : undefined),
      HOUR,
      'every invitation at the sink',
    );
    const productSeconds = (Date.now() - started) / 1000;
    const productCpu = cpuPerUnit(
      cpuBefore,
      cpuSnapshot({ api: api.process.pid, worker: worker.pid }),
      size.recipients,
    );
    const progress = (await (await fetch(`${api.base}/api/v1/fanouts/${fanoutId}`, { headers })).json()) as {
      total: number;
      sent: number;
    };
    const distinct = sink.recipients.size;
    await worker.stop();

    sink.reset();
    const sinkCpuBefore = cpuSnapshot();
    const baseline = await sendBaseline(smtpUrl, size.recipients);
    const baselineSeconds = baseline.seconds;
    const baselineCpu = `${cpuPerUnit(sinkCpuBefore, cpuSnapshot(), size.recipients)}, nodemailer ${(baseline.cpuMs / size.recipients).toFixed(2)}`;
    const baselineDistinct = sink.recipients.size;

    const productRate = size.recipients / productSeconds;
    const baselineRate = size.recipients / baselineSeconds;
    const fanoutRatio = ratio(productRate, baselineRate);
    const enqueueSeconds = (enqueuedAt - started) / 1000;
    return {
      figures: {
        recipients: size.recipients,
        enqueueSeconds,
        productSeconds,
        productMessagesPerSecond: Math.round(productRate),
        baselineSeconds,
        baselineMessagesPerSecond: Math.round(baselineRate),
        ratio: fanoutRatio,
        productCpuMsPerMessage: productCpu,
        baselineCpuMsPerMessage: baselineCpu,
        workerPeakRss: mib(worker.peakRssBytes),
        messagesAtSink: sink.messages,
        distinctRecipientsAtSink: distinct,
        recordedAsSent: progress.sent,
        baselineDistinctRecipients: baselineDistinct,
      },
      targets: [
        atLeast('fanout', 'messages/s, ratio to raw nodemailer', fanoutRatio, 0.6),
        below('fanout', 'worker peak RSS, MiB', Math.round(worker.peakRssBytes / 1024 / 1024), 300),
        below('fanout', `enqueue ${size.recipients}, s`, enqueueSeconds, 20),
        exactly('fanout', 'distinct recipients at sink', distinct, size.recipients),
      ],
    };
  } finally {
    await worker.stop();
    await api.process.stop();
    await sink.stop();
    await database.end();
  }
}

/** The sink (this process) counts on both sides, so the CPU figures compare like with like. */
async function sendBaseline(smtpUrl: string, count: number): Promise<{ seconds: number; cpuMs: number }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/mail-baseline.ts', smtpUrl, String(count), randomBytes(4).toString('hex')],
    { maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout) as { seconds: number; cpuMs: number };
}
