import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { runLoad } from './load';
import { BENCH_SIGNING_SECRET, seedRespiteWorld } from './respite-seed';
import { freePort, MeasuredProcess, waitFor } from './support';

export interface AppreciationFigures {
  carers: number;
  applicationsPerSecond: number;
  applicationP95Ms: number;
  approved: number;
  vouchersUnderContention: number;
  redemptions: number;
  redemptionsPerSecond: number;
  redemptionP50Ms: number;
  redemptionP95Ms: number;
  redemptionP99Ms: number;
  /** Cents taken from the vouchers minus cents recorded in redemptions: must be 0. */
  ledgerDifference: number;
}

/**
 * `carers` verified carers apply at once (`concurrency` in flight); then partners redeem
 * one cent at a time against only `hotVouchers` vouchers, so every redemption contends
 * for the same few rows.
 */
export async function appreciationBench(size: { carers: number; concurrency: number; redemptions: number; hotVouchers: number }): Promise<AppreciationFigures> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const world = await seedRespiteWorld(database, { carers: size.carers, offers: 1, slots: 1, capacity: 1 });
  const municipalityId = world.municipalityId;
  // Each carer looks after someone else, so none waits for review as a second carer of one person.
  await database.query(`UPDATE care_relationship SET care_recipient_name = 'R' || id WHERE municipality_id = $1`, [municipalityId]);
  const admin = (await database.query(`INSERT INTO account (municipality_id, email, role, email_verified_at) VALUES ($1, 'bench-admin-' || gen_random_uuid() || '@example.nl', 'admin', now()) RETURNING id`, [municipalityId])).rows[0].id as string;
  const adminToken = new JwtService({ secret: BENCH_SIGNING_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600 } }).sign({ sub: admin, role: 'admin', mun: municipalityId });
  const port = await freePort();
  const api = new MeasuredProcess('dist/apps/api/main.js', { PORT: String(port), LOG_LEVEL: 'error', TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  const base = `http://127.0.0.1:${port}`;
  const post = (path: string, body: unknown, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
    const year = 2000 + Math.floor(Math.random() * 100);
    const campaign = (await (
      await post(
        '/api/v1/appreciation/campaigns',
        { year, kind: 'voucher', amountCents: 5000, opensAt: new Date(Date.now() - 3_600_000).toISOString(), closesAt: new Date(Date.now() + 86_400_000).toISOString(), rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either' } },
        { authorization: `Bearer ${adminToken}` },
      )
    ).json()) as { id: string };
    const apiKey = ((await (await post('/api/v1/partners', { name: 'Bench partner' }, { authorization: `Bearer ${adminToken}` })).json()) as { apiKey: string }).apiKey;

    const applications = await runLoad(world.carers.length, size.concurrency, (index) =>
      post(`/api/v1/appreciation/campaigns/${campaign.id}/applications`, { careRelationshipId: world.carers[index]!.relationshipId }, { authorization: `Bearer ${world.carers[index]!.token}` }),
    );
    const codes = (await database.query('SELECT code FROM voucher WHERE campaign_id = $1 LIMIT $2', [campaign.id, size.hotVouchers])).rows.map((row: { code: string }) => row.code);
    const redemptions = await runLoad(size.redemptions, size.concurrency, (index) => post('/api/v1/vouchers/redemptions', { code: codes[index % codes.length], amountCents: 1 }, { 'x-api-key': apiKey }));
    const ledger = (
      await database.query(
        `SELECT (SELECT sum(value_cents - balance_cents) FROM voucher WHERE campaign_id = $1)::int - (SELECT coalesce(sum(r.amount_cents), 0) FROM voucher_redemption r JOIN voucher v ON v.id = r.voucher_id WHERE v.campaign_id = $1)::int AS difference`,
        [campaign.id],
      )
    ).rows[0].difference as number;
    return {
      carers: world.carers.length,
      applicationsPerSecond: applications.requestsPerSecond,
      applicationP95Ms: applications.p95Ms,
      approved: applications.statuses['201'] ?? 0,
      vouchersUnderContention: codes.length,
      redemptions: redemptions.statuses['201'] ?? 0,
      redemptionsPerSecond: redemptions.requestsPerSecond,
      redemptionP50Ms: redemptions.p50Ms,
      redemptionP95Ms: redemptions.p95Ms,
      redemptionP99Ms: redemptions.p99Ms,
      ledgerDifference: ledger,
    };
  } finally {
    await api.stop();
    await database.end();
  }
}
