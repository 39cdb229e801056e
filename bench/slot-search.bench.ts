import { Client } from 'pg';
import { runLoad } from './load';
import { BENCH_SIGNING_SECRET, seedRespiteWorld } from './respite-seed';
import { freePort, MeasuredProcess, waitFor } from './support';

export interface SlotSearchFigures {
  slots: number;
  requests: number;
  concurrency: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non200: number;
}

/** Carers look for a week of available slots at random points of the calendar. */
export async function slotSearchBench(size: { slots: number; requests: number; concurrency: number }): Promise<SlotSearchFigures> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const world = await seedRespiteWorld(database, { carers: 100, offers: 40, slots: size.slots, capacity: 10 });
  const port = await freePort();
  const api = new MeasuredProcess('dist/apps/api/main.js', { PORT: String(port), LOG_LEVEL: 'error', TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  const base = `http://127.0.0.1:${port}`;
  const week = 7 * 86_400_000;
  const span = Math.max(world.slotsEndAt.getTime() - world.slotsStartAt.getTime() - week, 1);
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
    const figures = await runLoad(size.requests, size.concurrency, (index) => {
      const from = new Date(world.slotsStartAt.getTime() + Math.floor(Math.random() * span));
      const query = new URLSearchParams({ from: from.toISOString(), to: new Date(from.getTime() + week).toISOString(), onlyAvailable: 'true', limit: '50' });
      if (index % 3 === 0) query.set('kind', 'day_care');
      return fetch(`${base}/api/v1/respite/slots?${query}`, { headers: { authorization: `Bearer ${world.carers[index % world.carers.length]!.token}` } });
    });
    return {
      slots: size.slots,
      requests: size.requests,
      concurrency: size.concurrency,
      requestsPerSecond: figures.requestsPerSecond,
      p50Ms: figures.p50Ms,
      p95Ms: figures.p95Ms,
      p99Ms: figures.p99Ms,
      non200: size.requests - (figures.statuses['200'] ?? 0),
    };
  } finally {
    await api.stop();
    await database.end();
  }
}
