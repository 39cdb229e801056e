import { AccessTokens } from '@app/platform';
import { Municipality } from '@app/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson } from './factories';
import { TestApp } from './test-app';

const HOUR = 3_600_000;
/** An ISO time a whole number of minutes from now. */
export const hoursFromNow = (hours: number) =>
  new Date(Math.round((Date.now() + hours * HOUR) / 60_000) * 60_000).toISOString();

/** A municipality with an admin, a staff member and one day-care offer; `slot` adds slots to it. */
export async function setUpRespite(app: TestApp, settings: Record<string, unknown> = {}) {
  const municipality = await createMunicipality(app);
  const admin = await createPerson(app, municipality, 'admin');
  const staff = await createPerson(app, municipality, 'staff');
  await app.patch('/api/v1/municipality/settings', {
    token: admin.accessToken,
    body: { respiteMinimumNoticeHours: 1, respiteCancellationCutoffHours: 24, ...settings },
  });
  const offer = await app.post('/api/v1/respite/offers', {
    token: staff.accessToken,
    body: { kind: 'day_care', name: 'De Linde', location: 'Dorpsstraat 1, Landsmeer', suitability: ['dementia'] },
  });
  const slot = async (startsInHours: number, capacity = 1, lengthHours = 4) =>
    (
      await app.post(`/api/v1/respite/offers/${offer.body.id}/slots`, {
        token: staff.accessToken,
        body: { startsAt: hoursFromNow(startsInHours), endsAt: hoursFromNow(startsInHours + lengthHours), capacity },
      })
    ).body as { id: string };
  return { municipality, admin, staff, offerId: offer.body.id as string, slot };
}

export function bookSlot(
  app: TestApp,
  token: string,
  slotId: string,
  careRelationshipId: string,
  joinWaitlist?: boolean,
) {
  return app.post('/api/v1/respite/bookings', {
    token,
    body: { slotId, careRelationshipId, ...(joinWaitlist === undefined ? {} : { joinWaitlist }) },
  });
}

export interface SeededCarer {
  carerId: string;
  accountId: string;
  relationshipId: string;
  email: string;
  token: string;
}

/**
 * Many verified carers with one care relationship each, written straight to the
 * database (hashing 200 passwords would only test argon2), with access tokens.
 */
export async function seedCarers(app: TestApp, municipality: Municipality, count: number): Promise<SeededCarer[]> {
  const dataSource = app.app.get(DataSource);
  const tokens = app.app.get(AccessTokens);
  const batch = randomBytes(4).toString('hex');
  const rows = await dataSource.query<
    Array<{ carer_id: string; account_id: string; relationship_id: string; email: string }>
  >(
    `WITH accounts AS (
       INSERT INTO account (municipality_id, email, role, language, email_verified_at)
       SELECT $1, 'seed-' || g || '-' || $2 || '@example.nl', 'carer', 'nl', now() FROM generate_series(1, $3) g
       RETURNING id, email),
     carers AS (
       INSERT INTO carer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, status, registered_by, confirmed_at)
       SELECT $1, id, 'Test', 'Carer', '1960-01-01', '1121AB', '1', 'active', 'self', now() FROM accounts
       RETURNING id, account_id),
     relationships AS (
       INSERT INTO care_relationship (municipality_id, carer_id, care_recipient_name, relation, lives_in_municipality, since, hours_per_week, kinds_of_care)
       SELECT $1, id, 'M.', 'parent', true, '2020-01-01', 10, '{}' FROM carers
       RETURNING id, carer_id)
     SELECT c.id AS carer_id, c.account_id, r.id AS relationship_id, a.email
       FROM carers c JOIN relationships r ON r.carer_id = c.id JOIN accounts a ON a.id = c.account_id`,
    [municipality.id, batch, count],
  );
  return Promise.all(
    rows.map(async (row) => ({
      carerId: row.carer_id,
      accountId: row.account_id,
      relationshipId: row.relationship_id,
      email: row.email,
      token: await tokens.sign({ id: row.account_id, role: 'carer', municipalityId: municipality.id }),
    })),
  );
}
