import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import { runLoad } from './load';
import { BENCH_SIGNING_SECRET, seedRespiteWorld } from './respite-seed';
import { freePort, MeasuredProcess, waitFor } from './support';

export interface SuggestionFigures {
  volunteers: number;
  suggested: number;
  requests: number;
  concurrency: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const SKILLS = ['company', 'transport', 'practical_help', 'respite_at_home', 'dementia_care'];
const DAGDELEN = ['ochtend', 'middag', 'avond'];

/**
 * Staff ask for suggestions for one help request against `volunteers` volunteers with varied
 * availability, skills, VOG dates and current matches, written with SQL.
 */
export async function suggestionsBench(size: { volunteers: number; requests: number; concurrency: number }): Promise<SuggestionFigures> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  const world = await seedRespiteWorld(database, { carers: 50, offers: 1, slots: 1, capacity: 1 });
  const municipalityId = world.municipalityId;
  const staff = (await database.query(`INSERT INTO account (municipality_id, email, role, email_verified_at) VALUES ($1, 'bench-staff-' || gen_random_uuid() || '@example.nl', 'staff', now()) RETURNING id`, [municipalityId])).rows[0].id as string;
  await database.query(
    `INSERT INTO account (municipality_id, email, role, email_verified_at)
     SELECT $1, 'bench-volunteer-' || g || '-' || gen_random_uuid() || '@example.nl', 'volunteer', now() FROM generate_series(1, $2) g`,
    [municipalityId, size.volunteers],
  );
  // Each volunteer (the subqueries refer to the row, so they are drawn anew for each): two to four skills, six to twelve weekly dagdelen, a VOG between 0 and 5 years old.
  await database.query(
    `INSERT INTO volunteer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, registered_by, skills, languages, availability, max_matches, vog_issued_on)
     SELECT $1, a.id, 'Bench', 'Volunteer ' || row_number() OVER (), '1960-01-01', '1121AB', '1', 'staff',
            (SELECT array_agg(s) FROM (SELECT s FROM unnest($2::text[]) s WHERE a.id IS NOT NULL ORDER BY random() LIMIT 2 + floor(random() * 3)::int) x),
            CASE WHEN random() < 0.2 THEN ARRAY['nl', 'tr'] ELSE ARRAY['nl'] END,
            (SELECT array_agg(d) FROM (SELECT w || '-' || p AS d FROM generate_series(1, 7) w CROSS JOIN unnest($3::text[]) p WHERE a.id IS NOT NULL ORDER BY random() LIMIT 6 + floor(random() * 7)::int) y),
            1 + floor(random() * 3)::int, (now() - random() * interval '5 years')::date
       FROM account a WHERE a.municipality_id = $1 AND a.role = 'volunteer'`,
    [municipalityId, SKILLS, DAGDELEN],
  );
  const carer = (await database.query('SELECT carer_id, id FROM care_relationship WHERE municipality_id = $1 LIMIT 1', [municipalityId])).rows[0] as { carer_id: string; id: string };
  const wednesday = new Date(Date.now() + 7 * 86_400_000);
  wednesday.setUTCDate(wednesday.getUTCDate() + ((3 - wednesday.getUTCDay() + 7) % 7));
  const request = (
    await database.query(
      `INSERT INTO help_request (municipality_id, carer_id, care_relationship_id, kind, wanted_dates, required_skills, language, requested_by)
       VALUES ($1, $2, $3, 'transport', $4, ARRAY['transport'], 'tr', 'staff') RETURNING id`,
      [municipalityId, carer.carer_id, carer.id, JSON.stringify([{ date: wednesday.toISOString().slice(0, 10), dagdeel: 'middag' }])],
    )
  ).rows[0].id as string;
  // A quarter of the volunteers already have a match.
  await database.query(
    `INSERT INTO volunteer_match (municipality_id, help_request_id, volunteer_id, carer_id, status)
     SELECT $1, $2, v.id, $3, 'accepted' FROM volunteer v WHERE v.municipality_id = $1 AND random() < 0.25`,
    [municipalityId, request, carer.carer_id],
  );
  const other = (
    await database.query(
      `INSERT INTO help_request (municipality_id, carer_id, care_relationship_id, kind, wanted_dates, required_skills, language, requested_by)
       VALUES ($1, $2, $3, 'transport', $4, ARRAY['transport'], 'tr', 'staff') RETURNING id`,
      [municipalityId, carer.carer_id, carer.id, JSON.stringify([{ date: wednesday.toISOString().slice(0, 10), dagdeel: 'middag' }])],
    )
  ).rows[0].id as string;
  const token = new JwtService({ secret: BENCH_SIGNING_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600 } }).sign({ sub: staff, role: 'staff', mun: municipalityId });
  const port = await freePort();
  const api = new MeasuredProcess('dist/apps/api/main.js', { PORT: String(port), LOG_LEVEL: 'error', TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
    const url = `${base}/api/v1/help-requests/${other}/suggestions?limit=100`;
    const suggested = ((await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] }).items.length;
    const figures = await runLoad(size.requests, size.concurrency, () => fetch(url, { headers: { authorization: `Bearer ${token}` } }));
    return {
      volunteers: size.volunteers,
      suggested,
      requests: size.requests,
      concurrency: size.concurrency,
      requestsPerSecond: figures.requestsPerSecond,
      p50Ms: figures.p50Ms,
      p95Ms: figures.p95Ms,
      p99Ms: figures.p99Ms,
    };
  } finally {
    await api.stop();
    await database.end();
  }
}
