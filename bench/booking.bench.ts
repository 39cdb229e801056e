import { Client } from 'pg';
import { runLoad } from './load';
import { BENCH_SIGNING_SECRET, seedRespiteWorld } from './respite-seed';
import { CountingSink, freePort, MeasuredProcess, waitFor } from './support';

export interface BookingFigures {
  carers: number;
  withWorker: boolean;
  slots: number;
  capacityPerSlot: number;
  requests: number;
  concurrency: number;
  requestsPerSecond: number;
  bookingsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  confirmed: number;
  waitlisted: number;
  full: number;
  otherStatuses: string;
  overbookedSlots: number;
  slotCountersAgree: boolean;
}

/**
 * Carers book across many slots at once, half of them the few popular ones, through the real
 * API. Afterwards the database is asked whether any slot holds more than its capacity.
 */
export async function bookingBench(size: { carers: number; slots: number; capacity: number; concurrency: number; withWorker: boolean }): Promise<BookingFigures> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const sink = new CountingSink();
  const smtpUrl = await sink.start();
  const world = await seedRespiteWorld(database, { carers: size.carers, offers: 20, slots: size.slots, capacity: size.capacity });
  const port = await freePort();
  const env = { SMTP_URL: smtpUrl, PORT: String(port), WORKER_PORT: String(await freePort()), LOG_LEVEL: 'error', TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET };
  const api = new MeasuredProcess('dist/apps/api/main.js', env, process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean));
  // On a small machine a worker sending the confirmations competes with the API for the CPU;
  // `--worker true` runs one alongside.
  const worker = size.withWorker ? new MeasuredProcess('dist/apps/worker/main.js', env) : undefined;
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
    const popular = Math.max(1, Math.floor(world.slotIds.length / 10));
    const requests = size.carers * 2;
    let confirmed = 0;
    let waitlisted = 0;
    let full = 0;
    let firstUnexpected: string | undefined;
    const figures = await runLoad(requests, size.concurrency, async (index) => {
      const carer = world.carers[index % world.carers.length]!;
      const slotIndex = index % 2 === 0 ? index % popular : Math.floor(Math.random() * world.slotIds.length);
      const response = await fetch(`${base}/api/v1/respite/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${carer.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slotId: world.slotIds[slotIndex], careRelationshipId: carer.relationshipId, joinWaitlist: index % 4 === 0 }),
      });
      if (response.status === 201) {
        const body = (await response.clone().json()) as { status: string };
        if (body.status === 'confirmed') confirmed++;
        else waitlisted++;
      } else if (response.status === 409) full++;
      else firstUnexpected ??= `${response.status} ${await response.clone().text()}`;
      return response;
    });
    const check = (
      await database.query(
        `SELECT count(*) FILTER (WHERE s.booked > s.capacity OR held.n > s.capacity)::int AS overbooked, count(*) FILTER (WHERE held.n <> s.booked)::int AS disagreeing
           FROM respite_slot s CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM respite_booking b WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'offered')) held
          WHERE s.id = ANY($1)`,
        [world.slotIds],
      )
    ).rows[0] as { overbooked: number; disagreeing: number };
    if (firstUnexpected) process.stderr.write(`first unexpected answer: ${firstUnexpected}\n`);
    const other = Object.entries(figures.statuses).filter(([status]) => !['201', '409'].includes(status));
    return {
      carers: size.carers,
      withWorker: size.withWorker,
      slots: size.slots,
      capacityPerSlot: size.capacity,
      requests,
      concurrency: size.concurrency,
      requestsPerSecond: figures.requestsPerSecond,
      bookingsPerSecond: Math.round((confirmed + waitlisted) / figures.seconds),
      p50Ms: figures.p50Ms,
      p95Ms: figures.p95Ms,
      p99Ms: figures.p99Ms,
      confirmed,
      waitlisted,
      full,
      otherStatuses: other.map(([status, count]) => `${status}:${count}`).join(' ') || 'none',
      overbookedSlots: check.overbooked,
      slotCountersAgree: check.disagreeing === 0,
    };
  } finally {
    await worker?.stop();
    await api.stop();
    await sink.stop();
    await database.end();
  }
}
