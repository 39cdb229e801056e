import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { CountingSink, freePort, MeasuredProcess, mib, waitFor } from './support';

export interface FanoutFigures {
  recipients: number;
  enqueueSeconds: number;
  productSeconds: number;
  productMessagesPerSecond: number;
  baselineMessagesPerSecond: number;
  ratio: number;
  workerPeakRss: string;
  distinctRecipientsAtSink: number;
  exactlyOnce: boolean;
}

/**
 * Invitations to N carers through the product (API -> outbox -> relay -> BullMQ -> worker
 * -> SMTP) against nodemailer's pooled transport sending N prepared messages straight to
 * the same sink: the machine's own ceiling for the same work.
 */
export async function fanoutBench(recipients: number): Promise<FanoutFigures> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const sink = new CountingSink();
  const smtpUrl = await sink.start();
  const batch = randomBytes(4).toString('hex');
  const code = `GM${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;

  const municipality = (
    await database.query(
      `INSERT INTO municipality (code, name, settings) VALUES ($1, 'Benchmark', $2)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [code, JSON.stringify({ senderName: 'Mantelzorgsteunpunt Benchmark' })],
    )
  ).rows[0].id as string;
  const password = 'benchmark admin password';
  const adminEmail = `bench-admin-${batch}@example.nl`;
  await database.query(`INSERT INTO account (municipality_id, email, role, password_hash, email_verified_at) VALUES ($1, $2, 'admin', $3, now())`, [
    municipality,
    adminEmail,
    await argon2.hash(password, { type: argon2.argon2id }),
  ]);
  await database.query(
    `INSERT INTO account (municipality_id, email, role, language)
     SELECT $1, 'bench-' || g || '-' || $2 || '@example.nl', 'carer', 'nl' FROM generate_series(1, $3) g`,
    [municipality, batch, recipients],
  );

  const port = await freePort();
  const env = { SMTP_URL: smtpUrl, PORT: String(port), WORKER_PORT: String(await freePort()), LOG_LEVEL: 'error', MAIL_RATE_PER_SECOND: '100000' };
  const api = new MeasuredProcess('dist/apps/api/main.js', env);
  const worker = new MeasuredProcess('dist/apps/worker/main.js', env);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
    const login = (await (
      await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: adminEmail, password }) })
    ).json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };

    const started = Date.now();
    const answer = (await (
      await fetch(`${base}/api/v1/announcements`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ subject: { nl: 'Dag van de Mantelzorg', en: 'Carers Day' }, body: { nl: 'Welkom!', en: 'Welcome!' }, audience: { roles: ['carer'] } }),
      })
    ).json()) as { fanoutId: string };
    const enqueued = await waitFor(
      async () => {
        const row = (await database.query('SELECT expanded_at FROM fanout WHERE id = $1', [answer.fanoutId])).rows[0];
        return row?.expanded_at ? Date.now() : undefined;
      },
      3_600_000,
      'expansion',
    );
    await waitFor(
      async () => {
        const progress = (await (await fetch(`${base}/api/v1/fanouts/${answer.fanoutId}`, { headers: auth })).json()) as { done: boolean };
        return progress.done ? true : undefined;
      },
      3_600_000,
      'fan-out done',
    );
    const productSeconds = (Date.now() - started) / 1000;
    const distinct = [...sink.recipients].filter((address) => address.endsWith(`-${batch}@example.nl`)).length;
    const exactlyOnce = distinct === recipients && sink.messages === recipients;

    await worker.stop();
    sink.reset();
    const transport = nodemailer.createTransport({ ...smtpOptions(smtpUrl), pool: true, maxConnections: 10 });
    const baselineStart = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        while (next < recipients) {
          const index = next++;
          await transport.sendMail({
            from: 'Mantelzorgsteunpunt Benchmark <mantelzorg@example.nl>',
            to: `baseline-${index}@example.nl`,
            subject: 'Dag van de Mantelzorg',
            text: 'Welkom!',
            html: '<p>Welkom!</p>',
          });
        }
      }),
    );
    transport.close();
    const baselineSeconds = (Date.now() - baselineStart) / 1000;

    const productMessagesPerSecond = recipients / productSeconds;
    const baselineMessagesPerSecond = recipients / baselineSeconds;
    return {
      recipients,
      enqueueSeconds: (enqueued - started) / 1000,
      productSeconds,
      productMessagesPerSecond: Math.round(productMessagesPerSecond),
      baselineMessagesPerSecond: Math.round(baselineMessagesPerSecond),
      ratio: Number((productMessagesPerSecond / baselineMessagesPerSecond).toFixed(3)),
      workerPeakRss: mib(worker.peakRssBytes),
      distinctRecipientsAtSink: distinct,
      exactlyOnce,
    };
  } finally {
    await worker.stop();
    await api.stop();
    await sink.stop();
    await database.end();
  }
}

function smtpOptions(url: string) {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port) };
}
