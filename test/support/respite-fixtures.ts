import { AccessTokens } from '@app/platform';
import { Municipality } from '@app/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from './test-app';

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
  const rows = (await dataSource.query(
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
  )) as Array<{ carer_id: string; account_id: string; relationship_id: string; email: string }>;
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
