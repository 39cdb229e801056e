import { ChildProcess, spawn } from 'node:child_process';
import { Client, Pool } from 'pg';
import { HttpRequestPlan, runHttpLoad } from './http-load';
import { runConcurrently } from './raw-load';
import { BENCH_SIGNING_SECRET, seedRespiteWorld } from './respite-seed';
import { atLeast, below, BenchResult, ratio } from './targets';
import {
  cpuPerUnit,
  cpuSnapshot,
  freePort,
  seededRandom,
  settleDatabase,
  startApi,
  waitFor,
  WARM_UP_REQUESTS,
} from './support';

const WEEK_MS = 7 * 86_400_000;
const PAGE = 50;

/**
 * Carers look for a week of available slots at random points of a quarter holding `slots`
 * slots: through the API, against the same query straight through pg at the same
 * concurrency, and against a bare Fastify route returning a constant (the framework's ceiling).
 */
export async function slotSearchBench(size: {
  slots: number;
  requests: number;
  concurrency: number;
}): Promise<BenchResult> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  // A quarter of a year: about 770 slots a week, so a week's page is always full.
  const world = await seedRespiteWorld(database, {
    carers: 100,
    offers: 40,
    slots: size.slots,
    capacity: 10,
    minutesApart: (13 * 7 * 24 * 60) / size.slots,
  });
  await settleDatabase();
  const random = seededRandom(7);
  const span = Math.max(world.slotsEndAt.getTime() - world.slotsStartAt.getTime() - WEEK_MS, 1);
  const windowOf = (index: number) => {
    const from = new Date(world.slotsStartAt.getTime() + Math.floor(random(index) * span));
    return { from, to: new Date(from.getTime() + WEEK_MS), kind: index % 3 === 0 ? 'day_care' : undefined };
  };
  // Warm-up requests take indices after the measured ones, so they ask other weeks.
  const searches = (offset: number, total: number, url: string) => ({
    url,
    total,
    connections: size.concurrency,
    plan: (request: number): HttpRequestPlan => {
      const index = request + offset;
      const { from, to, kind } = windowOf(index);
      const query = new URLSearchParams({
        from: from.toISOString(),
        to: to.toISOString(),
        onlyAvailable: 'true',
        limit: String(PAGE),
        ...(kind ? { kind } : {}),
      });
      return {
        method: 'GET',
        path: `/api/v1/respite/slots?${query.toString()}`,
        headers: { authorization: `Bearer ${world.carers[index % world.carers.length].token}` },
      };
    },
  });

  const api = await startApi({ TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  let product;
  let productCpu: string;
  try {
    await runHttpLoad(searches(size.requests, WARM_UP_REQUESTS, api.base));
    const before = cpuSnapshot({ api: api.process.pid });
    product = await runHttpLoad(searches(0, size.requests, api.base));
    productCpu = cpuPerUnit(before, cpuSnapshot({ api: api.process.pid }), size.requests);
  } finally {
    await api.process.stop();
  }

  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  let baselineRows = 0;
  const search = async (index: number) => {
    const { from, to, kind } = windowOf(index);
    const { rows } = await pool.query(
      `SELECT slot.id, slot.offer_id, offer.name AS offer_name, offer.kind, offer.location, offer.wijk_id, offer.suitability, slot.starts_at, slot.ends_at, slot.dagdeel, slot.capacity, slot.booked
         FROM respite_slot slot JOIN respite_offer offer ON offer.id = slot.offer_id
        WHERE $1 = ANY(offer.served_municipality_ids) AND slot.starts_at >= $2 AND slot.starts_at < $3 AND slot.cancelled_at IS NULL AND slot.booked < slot.capacity
          AND ($5::text IS NULL OR offer.kind = $5)
        ORDER BY slot.starts_at, slot.id LIMIT $4`,
      [world.municipalityId, from, to, PAGE + 1, kind ?? null],
    );
    baselineRows += rows.length;
  };
  await runConcurrently(WARM_UP_REQUESTS, size.concurrency, (index) => search(size.requests + index));
  baselineRows = 0;
  const baselineBefore = cpuSnapshot();
  const baseline = await runConcurrently(size.requests, size.concurrency, search);
  const baselineCpu = cpuPerUnit(baselineBefore, cpuSnapshot(), size.requests);
  await pool.end();

  const ceiling = await bareFastifyCeiling(size.requests, size.concurrency);
  await database.end();
  const searchRatio = ratio(product.perSecond, baseline.perSecond);
  return {
    figures: {
      slots: size.slots,
      requests: size.requests,
      concurrency: size.concurrency,
      productRequestsPerSecond: product.perSecond,
      productP50Ms: product.p50Ms,
      productP95Ms: product.p95Ms,
      productP99Ms: product.p99Ms,
      productCpuMsPerRequest: productCpu,
      productNon200: size.requests - (product.statuses['200'] ?? 0),
      baselineQueriesPerSecond: baseline.perSecond,
      baselineP95Ms: baseline.p95Ms,
      baselineCpuMsPerQuery: baselineCpu,
      baselineRowsPerQuery: Math.round(baselineRows / size.requests),
      bareFastifyRequestsPerSecond: ceiling.perSecond,
      bareFastifyP95Ms: ceiling.p95Ms,
      ratio: searchRatio,
      ratioToBareFastify: ratio(product.perSecond, ceiling.perSecond),
    },
    targets: [
      atLeast('slot-search', 'requests/s, ratio to raw pg', searchRatio, 0.4),
      below('slot-search', 'p95 latency, ms', product.p95Ms, 25),
    ],
  };
}

/** A Fastify server in its own process with one route returning a constant, under the same load. */
async function bareFastifyCeiling(requests: number, concurrency: number) {
  const port = await freePort();
  const server: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `require('fastify')().get('/constant', async () => ({ items: [], nextCursor: null })).listen({ port: ${port}, host: '127.0.0.1' })`,
    ],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => ((await fetch(`${url}/constant`)).ok ? true : undefined), 10_000, 'bare Fastify');
    const load = { url, connections: concurrency, plan: (): HttpRequestPlan => ({ method: 'GET', path: '/constant' }) };
    await runHttpLoad({ ...load, total: WARM_UP_REQUESTS });
    return await runHttpLoad({ ...load, total: requests });
  } finally {
    server.kill('SIGTERM');
  }
}
