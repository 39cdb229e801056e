import { Client, Pool, PoolClient } from 'pg';
import { HttpRequestPlan, productFigures, runHttpLoad } from './http-load';
import { runConcurrently } from './raw-load';
import { BENCH_SIGNING_SECRET, RespiteWorld, seedRespiteWorld } from './respite-seed';
import { atLeast, below, BenchResult, exactly, ratio } from './targets';
import { cpuPerUnit, cpuSnapshot, seededRandom, settleDatabase, startApi, WARM_UP_REQUESTS } from './support';

export interface BookingSize {
  carers: number;
  slots: number;
  capacity: number;
  concurrency: number;
}

const REMINDER_OFFSETS_HOURS = [48, 3];
const localYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/**
 * Carers book two slots each, half of the requests aimed at the most popular tenth of the
 * slots: through the API, then the same requests as the same statements straight through pg
 * on an identical second world. Afterwards the database is asked whether any slot holds more
 * than its capacity.
 */
export async function bookingBench(size: BookingSize): Promise<BenchResult> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const shape = { carers: size.carers, offers: 20, slots: size.slots, capacity: size.capacity };
  const productWorld = await seedRespiteWorld(database, shape);
  const baselineWorld = await seedRespiteWorld(database, shape);
  // Each side warms up on a small world of its own, booking the way the measured run does.
  const warmUpShape = { carers: WARM_UP_REQUESTS / 2, offers: 5, slots: 100, capacity: size.capacity };
  const [productWarmUp, baselineWarmUp] = [
    await seedRespiteWorld(database, warmUpShape),
    await seedRespiteWorld(database, warmUpShape),
  ];
  await settleDatabase();
  const requests = size.carers * 2;
  const api = await startApi({ TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  try {
    let productBookings = 0;
    const bookings = (world: RespiteWorld, total: number) => {
      const slotOf = requestPlan(world.slotIds.length);
      return {
        url: api.base,
        total,
        connections: size.concurrency,
        plan: (index: number): HttpRequestPlan => {
          const carer = world.carers[index % world.carers.length];
          return {
            method: 'POST',
            path: '/api/v1/respite/bookings',
            headers: { authorization: `Bearer ${carer.token}` },
            body: { slotId: world.slotIds[slotOf(index)], careRelationshipId: carer.relationshipId },
          };
        },
      };
    };
    await runHttpLoad(bookings(productWarmUp, WARM_UP_REQUESTS));
    const productBefore = cpuSnapshot({ api: api.process.pid });
    const product = await runHttpLoad({
      ...bookings(productWorld, requests),
      onResponse: (status) => {
        if (status === 201) productBookings++;
      },
    });
    const productCpu = cpuPerUnit(productBefore, cpuSnapshot({ api: api.process.pid }), requests);
    await api.process.stop();
    // The raw side starts from a settled database too, not in autovacuum's work on the product's rows.
    await settleDatabase();

    const pool = new Pool({
      connectionString: process.env.DATABASE_URL,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    });
    const rawBookings = (world: RespiteWorld) => {
      const slotOf = requestPlan(world.slotIds.length);
      return (index: number) => rawBooking(pool, world, index % world.carers.length, world.slotIds[slotOf(index)]);
    };
    const warmUp = rawBookings(baselineWarmUp);
    await runConcurrently(WARM_UP_REQUESTS, size.concurrency, async (index) => void (await warmUp(index)));
    let baselineBookings = 0;
    const measured = rawBookings(baselineWorld);
    const baselineBefore = cpuSnapshot();
    const baseline = await runConcurrently(requests, size.concurrency, async (index) => {
      if (await measured(index)) baselineBookings++;
    });
    const baselineCpu = cpuPerUnit(baselineBefore, cpuSnapshot(), requests);
    await pool.end();

    const overbooked = await overbookedSlots(database, [...productWorld.slotIds, ...baselineWorld.slotIds]);
    const productRate = productBookings / product.seconds;
    const baselineRate = baselineBookings / baseline.seconds;
    const bookingRatio = ratio(productRate, baselineRate);
    return {
      figures: {
        requests,
        slots: size.slots,
        capacityPerSlot: size.capacity,
        concurrency: size.concurrency,
        productBookings,
        productBookingsPerSecond: Math.round(productRate),
        ...productFigures(product, productCpu, ['201', '409']),
        baselineBookings,
        baselineBookingsPerSecond: Math.round(baselineRate),
        baselineP50Ms: baseline.p50Ms,
        baselineP95Ms: baseline.p95Ms,
        baselineP99Ms: baseline.p99Ms,
        baselineCpuMsPerRequest: baselineCpu,
        ratio: bookingRatio,
        overbookedSlots: overbooked,
      },
      targets: [
        atLeast('booking', 'bookings/s, ratio to raw pg', bookingRatio, 0.35),
        below('booking', 'p99 latency, ms', product.p99Ms, 150),
        exactly('booking', 'slots over capacity', overbooked, 0),
        exactly('booking', 'same bookings as raw', productBookings - baselineBookings, 0),
      ],
    };
  } finally {
    await api.process.stop();
    await database.end();
  }
}

/** Request i's slot: even requests go to the popular tenth, odd ones anywhere. */
function requestPlan(slots: number): (index: number) => number {
  const random = seededRandom(20_261_124);
  const popular = Math.max(1, Math.floor(slots / 10));
  return (index) => Math.floor(random(index) * (index % 2 === 0 ? popular : slots));
}

/**
 * The product's booking as plain statements: the same reads (the carer with their account and
 * care relationship, the municipality, the slot, side by side), then budget, booking, the
 * confirmation and reminder messages with their outbox entries (a statement each), and the
 * place taken last.
 * Returns whether the place was booked.
 */
async function rawBooking(pool: Pool, world: RespiteWorld, carerIndex: number, slotId: string): Promise<boolean> {
  const { accountId, relationshipId } = world.carers[carerIndex];
  const [party, municipality, slot] = await Promise.all([
    pool.query(
      `SELECT carer.id, account.email, account.language, account.email_verified_at,
              EXISTS (SELECT 1 FROM care_relationship r WHERE r.id = $3 AND r.carer_id = carer.id
                         AND r.municipality_id = carer.municipality_id AND r.ended_at IS NULL) AS relationship_active
         FROM carer JOIN account ON account.id = carer.account_id
        WHERE carer.account_id = $1 AND carer.municipality_id = $2`,
      [accountId, world.municipalityId, relationshipId],
    ),
    pool.query('SELECT id, settings, timezone FROM municipality WHERE id = $1', [world.municipalityId]),
    pool.query(
      'SELECT s.id, s.starts_at, s.ends_at, s.capacity, s.booked, s.cancelled_at FROM respite_slot s JOIN respite_offer o ON o.id = s.offer_id WHERE s.id = $1 AND $2 = ANY(o.served_municipality_ids)',
      [slotId, world.municipalityId],
    ),
  ]);
  const carer = party.rows[0] as
    | { id: string; email: string; language: string; email_verified_at: Date | null; relationship_active: boolean }
    | undefined;
  const place = slot.rows[0] as { starts_at: Date; ends_at: Date; capacity: number; booked: number };
  if (!carer?.email_verified_at || !carer.relationship_active || !municipality.rows[0] || !place)
    throw new Error('baseline world is incomplete');
  if (place.booked >= place.capacity) return false;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const booked = await rawConfirm(
      client,
      world.municipalityId,
      carer.id,
      carer,
      accountId,
      relationshipId,
      slotId,
      place,
    );
    await client.query(booked ? 'COMMIT' : 'ROLLBACK');
    return booked;
  } catch (error) {
    await client.query('ROLLBACK');
    if ((error as { code?: string }).code === '23505' || (error as { code?: string }).code === '23P01') return false;
    throw error;
  } finally {
    client.release();
  }
}

async function rawConfirm(
  client: PoolClient,
  municipalityId: string,
  carerId: string,
  account: { email: string; language: string },
  accountId: string,
  relationshipId: string,
  slotId: string,
  slot: { starts_at: Date; ends_at: Date },
): Promise<boolean> {
  const year = Number(localYear.format(slot.starts_at));
  const reserved = await client.query(
    `INSERT INTO respite_budget_usage AS usage (municipality_id, carer_id, year, used) SELECT $1, $2, $3, 1 WHERE 1 <= 1000
     ON CONFLICT (carer_id, year) DO UPDATE SET used = usage.used + EXCLUDED.used, updated_at = now() WHERE usage.used + EXCLUDED.used <= 1000 RETURNING used`,
    [municipalityId, carerId, year],
  );
  if (reserved.rowCount !== 1) return false;
  const booking = (
    await client.query(
      `INSERT INTO respite_booking (municipality_id, slot_id, carer_id, account_id, care_relationship_id, status, starts_at, ends_at, year, units)
       VALUES ($1, $2, $3, $4, $5, 'confirmed', $6, $7, $8, 1) RETURNING *`,
      [municipalityId, slotId, carerId, accountId, relationshipId, slot.starts_at, slot.ends_at, year],
    )
  ).rows[0] as { id: string };
  const at = slot.starts_at.getTime();
  const messages = [
    {
      kind: 'respite_booking_confirmed',
      dedupeKey: `respite-confirmed.${booking.id}.${at}`,
      runAt: null as Date | null,
    },
  ];
  for (const hours of REMINDER_OFFSETS_HOURS)
    messages.push({
      kind: 'respite_reminder',
      dedupeKey: `respite-reminder.${booking.id}.${at}.${hours}h`,
      runAt: new Date(at - hours * 3_600_000),
    });
  const inserted = await client.query(
    `INSERT INTO message (municipality_id, account_id, kind, category, channel, to_address, language, params, dedupe_key)
     SELECT $1, $2, kind, 'transactional', 'email', $3, $4, $5, dedupe_key FROM unnest($6::text[], $7::text[]) AS m(kind, dedupe_key) ON CONFLICT DO NOTHING RETURNING *`,
    [
      municipalityId,
      accountId,
      account.email,
      account.language,
      { bookingId: booking.id },
      messages.map((message) => message.kind),
      messages.map((message) => message.dedupeKey),
    ],
  );
  const rows = inserted.rows as Array<{ id: string; dedupe_key: string }>;
  await client.query(
    `INSERT INTO outbox_entry (queue, job_name, job_id, payload, run_at) SELECT 'mail', 'deliver', 'message.' || id, jsonb_build_object('messageId', id), run_at FROM unnest($1::uuid[], $2::timestamptz[]) AS o(id, run_at)`,
    [
      rows.map((row) => row.id),
      rows.map((row) => messages.find((message) => message.dedupeKey === row.dedupe_key)?.runAt ?? null),
    ],
  );
  const taken = await client.query(
    'UPDATE respite_slot SET booked = booked + 1, updated_at = now() WHERE id = $1 AND booked < capacity AND cancelled_at IS NULL RETURNING id',
    [slotId],
  );
  return taken.rowCount === 1;
}

async function overbookedSlots(database: Client, slotIds: string[]): Promise<number> {
  const { rows } = await database.query(
    `SELECT count(*)::int AS overbooked FROM respite_slot s
       CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM respite_booking b WHERE b.slot_id = s.id AND b.status IN ('confirmed', 'offered')) held
      WHERE s.id = ANY($1) AND (held.n > s.capacity OR held.n <> s.booked)`,
    [slotIds],
  );
  return (rows[0] as { overbooked: number }).overbooked;
}
