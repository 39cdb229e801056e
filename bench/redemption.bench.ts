import { Client, Pool } from 'pg';
import { newVoucherCode } from '../libs/appreciation/src/voucher-code';
import { HttpRequestPlan, productFigures, runHttpLoad } from './http-load';
import { runConcurrently } from './raw-load';
import { BENCH_SIGNING_SECRET, benchToken, seedRespiteWorld } from './respite-seed';
import { atLeast, BenchResult, exactly, ratio } from './targets';
import { cpuPerUnit, cpuSnapshot, seededRandom, settleDatabase, startApi, WARM_UP_REQUESTS } from './support';

const VALUE_CENTS = 2500;

interface VoucherWorld {
  municipalityId: string;
  partnerId: string;
  apiKey: string;
  codes: string[];
}

/**
 * Partners redeem parts of `vouchers` vouchers at once (amounts of 1 to 4 euro, so about
 * half of the vouchers run out and later attempts are refused): through the API, then as
 * the same conditional UPDATE with its redemption record straight through pg on an identical set.
 */
export async function redemptionBench(size: {
  vouchers: number;
  redemptions: number;
  concurrency: number;
}): Promise<BenchResult> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const api = await startApi({ TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  try {
    const productWorld = await seedVouchers(database, api.base, size.vouchers);
    const baselineWorld = await seedVouchers(database, api.base, size.vouchers);
    // Each side warms up on a smaller voucher set of its own, redeeming the way the measured run does.
    const productWarmUp = await seedVouchers(database, api.base, size.vouchers / 5);
    const baselineWarmUp = await seedVouchers(database, api.base, size.vouchers / 5);
    await settleDatabase();
    const random = seededRandom(42);
    const redemptionOf = (world: VoucherWorld, index: number) => ({
      code: world.codes[Math.floor(random(index) * world.codes.length)],
      amountCents: 100 + 100 * Math.floor(random(index + 1_000_000) * 4),
    });
    const redemptions = (world: VoucherWorld, total: number) => ({
      url: api.base,
      total,
      connections: size.concurrency,
      plan: (index: number): HttpRequestPlan => ({
        method: 'POST',
        path: '/api/v1/vouchers/redemptions',
        headers: { 'x-api-key': world.apiKey, 'idempotency-key': `bench-redemption-${world.municipalityId}-${index}` },
        body: redemptionOf(world, index),
      }),
    });

    await runHttpLoad(redemptions(productWarmUp, WARM_UP_REQUESTS));
    let productAccepted = 0;
    const productBefore = cpuSnapshot({ api: api.process.pid });
    const product = await runHttpLoad({
      ...redemptions(productWorld, size.redemptions),
      onResponse: (status) => {
        if (status === 201) productAccepted++;
      },
    });
    const productCpu = cpuPerUnit(productBefore, cpuSnapshot({ api: api.process.pid }), size.redemptions);
    await api.process.stop();
    // The raw side starts from a settled database too, not in autovacuum's work on the product's rows.
    await settleDatabase();

    const pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    const redeem = (world: VoucherWorld, index: number) => {
      const { code, amountCents } = redemptionOf(world, index);
      return rawRedemption(pool, world, code, amountCents);
    };
    await runConcurrently(
      WARM_UP_REQUESTS,
      size.concurrency,
      async (index) => void (await redeem(baselineWarmUp, index)),
    );
    let baselineAccepted = 0;
    const baselineBefore = cpuSnapshot();
    const baseline = await runConcurrently(size.redemptions, size.concurrency, async (index) => {
      if (await redeem(baselineWorld, index)) baselineAccepted++;
    });
    const baselineCpu = cpuPerUnit(baselineBefore, cpuSnapshot(), size.redemptions);
    await pool.end();

    const ledger = await ledgerCheck(database, [productWorld.municipalityId, baselineWorld.municipalityId]);
    const productRate = productAccepted / product.seconds;
    const baselineRate = baselineAccepted / baseline.seconds;
    const redemptionRatio = ratio(productRate, baselineRate);
    return {
      figures: {
        vouchers: size.vouchers,
        attempts: size.redemptions,
        concurrency: size.concurrency,
        productAccepted,
        productRedemptionsPerSecond: Math.round(productRate),
        ...productFigures(product, productCpu, ['201', '409']),
        baselineAccepted,
        baselineRedemptionsPerSecond: Math.round(baselineRate),
        baselineP95Ms: baseline.p95Ms,
        baselineCpuMsPerRedemption: baselineCpu,
        ratio: redemptionRatio,
        balancesBelowZero: ledger.belowZero,
        ledgerDifferenceCents: ledger.difference,
      },
      targets: [
        atLeast('redemption', 'redemptions/s, ratio to raw UPDATE', redemptionRatio, 0.35),
        exactly('redemption', 'balances below zero', ledger.belowZero, 0),
        exactly('redemption', 'cents taken minus cents recorded', ledger.difference, 0),
      ],
    };
  } finally {
    await api.process.stop();
    await database.end();
  }
}

/** A municipality with a voucher campaign, a partner (made through the API) and `count` issued vouchers. */
async function seedVouchers(database: Client, base: string, count: number): Promise<VoucherWorld> {
  const world = await seedRespiteWorld(database, { carers: count, offers: 1, slots: 1, capacity: 1 });
  const admin = (
    await database.query(
      `INSERT INTO account (municipality_id, email, role, email_verified_at) VALUES ($1, 'bench-admin-' || gen_random_uuid() || '@example.nl', 'admin', now()) RETURNING id`,
      [world.municipalityId],
    )
  ).rows[0].id as string;
  const token = benchToken(admin, 'admin', world.municipalityId);
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path} answered ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const campaign = await post('/api/v1/appreciation/campaigns', {
    year: new Date().getFullYear(),
    kind: 'voucher',
    amountCents: VALUE_CENTS,
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either' },
  });
  const partner = await post('/api/v1/partners', { name: 'Bench partner' });
  const codes = world.carers.map(() => newVoucherCode());
  await database.query(
    `WITH applications AS (
       INSERT INTO appreciation_application (municipality_id, campaign_id, carer_id, care_relationship_id, care_recipient_key, status, reasons)
       SELECT $1, $2, c.carer_id, c.relationship_id, 'bench-' || c.relationship_id, 'approved', '[]' FROM unnest($3::uuid[], $4::uuid[]) AS c(carer_id, relationship_id)
       RETURNING id, carer_id)
     INSERT INTO voucher (municipality_id, campaign_id, application_id, carer_id, account_id, code, value_cents, balance_cents, expires_on)
     SELECT $1, $2, a.id, a.carer_id, carer.account_id, ($5::text[])[row_number() OVER ()], $6, $6, current_date + 365 FROM applications a JOIN carer ON carer.id = a.carer_id`,
    [
      world.municipalityId,
      campaign.id,
      world.carers.map((carer) => carer.carerId),
      world.carers.map((carer) => carer.relationshipId),
      codes,
      VALUE_CENTS,
    ],
  );
  return { municipalityId: world.municipalityId, partnerId: partner.id, apiKey: partner.apiKey, codes };
}

/** The redemption as the product issues it, straight through pg: the conditional UPDATE writing its record, then on refusal the read that says why. */
async function rawRedemption(pool: Pool, world: VoucherWorld, code: string, amountCents: number): Promise<boolean> {
  const { rows } = await pool.query(
    `WITH spent AS (
       UPDATE voucher SET balance_cents = balance_cents - $3, updated_at = now()
        WHERE code = $1 AND municipality_id = $2 AND balance_cents >= $3 AND expires_on >= (SELECT (now() AT TIME ZONE timezone)::date FROM municipality WHERE id = $2)
        RETURNING id, balance_cents)
     INSERT INTO voucher_redemption (municipality_id, voucher_id, partner_id, amount_cents, remaining_cents)
     SELECT $2, id, $4, $3, balance_cents FROM spent RETURNING id, remaining_cents`,
    [code, world.municipalityId, amountCents, world.partnerId],
  );
  if (rows.length === 1) return true;
  await pool.query('SELECT balance_cents, expires_on FROM voucher WHERE code = $1 AND municipality_id = $2', [
    code,
    world.municipalityId,
  ]);
  return false;
}

async function ledgerCheck(
  database: Client,
  municipalityIds: string[],
): Promise<{ belowZero: number; difference: number }> {
  const { rows } = await database.query(
    `SELECT (SELECT count(*) FROM voucher WHERE municipality_id = ANY($1) AND balance_cents < 0)::int AS below_zero,
            ((SELECT coalesce(sum(value_cents - balance_cents), 0) FROM voucher WHERE municipality_id = ANY($1))
             - (SELECT coalesce(sum(amount_cents), 0) FROM voucher_redemption WHERE municipality_id = ANY($1)))::int AS difference`,
    [municipalityIds],
  );
  return { belowZero: rows[0].below_zero as number, difference: rows[0].difference as number };
}
