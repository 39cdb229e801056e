import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../libs/platform/src/auth/access-token';

export const BENCH_SIGNING_SECRET = randomBytes(32).toString('hex');

const benchJwt = new JwtService({ secret: BENCH_SIGNING_SECRET, signOptions: { algorithm: 'HS256', expiresIn: 3600 } });

/** An access token as the API issues them, for a person of the bench's own world. */
export function benchToken(accountId: string, role: 'carer' | 'admin', municipalityId: string): string {
  return benchJwt.sign(
    { sub: accountId, role, mun: municipalityId, iam: Date.now() },
    { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
  );
}

export interface RespiteWorld {
  municipalityId: string;
  carers: Array<{ accountId: string; carerId: string; relationshipId: string; token: string }>;
  slotIds: string[];
  slotsStartAt: Date;
  slotsEndAt: Date;
}

/**
 * A municipality with `carers` verified carers (one care relationship each) and `offers` day-care
 * offers with `slots` slots of four hours in all, one every `minutesApart` (default 300) from three
 * days ahead, written with SQL.
 */
export async function seedRespiteWorld(
  database: Client,
  size: { carers: number; offers: number; slots: number; capacity: number; minutesApart?: number },
): Promise<RespiteWorld> {
  const batch = randomBytes(4).toString('hex');
  const settings = {
    senderName: 'Mantelzorgsteunpunt Benchmark',
    respiteMinimumNoticeHours: 1,
    respiteBudget: { unit: 'dagdelen', perYear: 1000 },
  };
  // A municipality code not yet taken, so every world is its own municipality.
  const municipalityId = (
    await database.query(
      `INSERT INTO municipality (code, name, settings)
       SELECT 'GM' || lpad(n::text, 4, '0'), 'Benchmark', $1 FROM generate_series(1, 9999) n
        WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.code = 'GM' || lpad(n::text, 4, '0')) ORDER BY random() LIMIT 1 RETURNING id`,
      [JSON.stringify(settings)],
    )
  ).rows[0].id as string;
  const carers = (
    await database.query(
      `WITH accounts AS (
         INSERT INTO account (municipality_id, email, role, language, email_verified_at)
         SELECT $1, 'bench-carer-' || g || '-' || $2 || '@example.nl', 'carer', 'nl', now() FROM generate_series(1, $3) g RETURNING id),
       carers AS (
         INSERT INTO carer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, status, registered_by, confirmed_at)
         SELECT $1, id, 'Bench', 'Carer', '1960-01-01', '1121AB', '1', 'active', 'self', now() FROM accounts RETURNING id, account_id),
       relationships AS (
         INSERT INTO care_relationship (municipality_id, carer_id, care_recipient_name, relation, lives_in_municipality, since, hours_per_week, kinds_of_care)
         SELECT $1, id, 'M.', 'parent', true, '2020-01-01', 10, '{}' FROM carers RETURNING id, carer_id)
       SELECT r.id, r.carer_id, c.account_id FROM relationships r JOIN carers c ON c.id = r.carer_id`,
      [municipalityId, batch, size.carers],
    )
  ).rows as Array<{ id: string; carer_id: string; account_id: string }>;
  const offers = (
    await database.query(
      `INSERT INTO respite_offer (municipality_id, served_municipality_ids, kind, name, suitability)
       SELECT $1, ARRAY[$1]::uuid[], (ARRAY['day_care', 'short_stay', 'at_home'])[1 + g % 3], 'Aanbod ' || g, ARRAY['dementia'] FROM generate_series(1, $2) g RETURNING id`,
      [municipalityId, size.offers],
    )
  ).rows.map((row: { id: string }) => row.id);
  const minutesApart = size.minutesApart ?? 300;
  const slotsStartAt = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 72 * 3_600_000);
  const slotIds = (
    await database.query(
      `INSERT INTO respite_slot (municipality_id, offer_id, starts_at, ends_at, dagdeel, capacity, booked)
       SELECT $1, ($2::uuid[])[1 + g % array_length($2::uuid[], 1)], $3::timestamptz + g * $6::float8 * interval '1 minute', $3::timestamptz + g * $6::float8 * interval '1 minute' + interval '4 hours', 'custom', $5, 0
         FROM generate_series(0, $4 - 1) g ORDER BY g RETURNING id`,
      [municipalityId, offers, slotsStartAt, size.slots, size.capacity, minutesApart],
    )
  ).rows.map((row: { id: string }) => row.id);
  return {
    municipalityId,
    carers: carers.map((row) => ({
      accountId: row.account_id,
      carerId: row.carer_id,
      relationshipId: row.id,
      token: benchToken(row.account_id, 'carer', municipalityId),
    })),
    slotIds,
    slotsStartAt,
    slotsEndAt: new Date(slotsStartAt.getTime() + size.slots * minutesApart * 60_000),
  };
}
