import { AccountService, MunicipalityService, Municipality } from '@app/identity';
import { NO_MUNICIPALITY, PersonRole } from '@app/platform';
import { randomBytes, randomInt } from 'node:crypto';
import { TestApp } from './test-app';

const DEMO_CODE = 'GM0415';

/** A code no test creates, so a test can ask for a municipality that does not exist. */
export const UNKNOWN_MUNICIPALITY_CODE = 'GM9998';

/**
 * A code from GM0001 to GM8999 other than the demo's: the GM9xxx range stays free for codes
 * that must not exist, and the demo's code belongs to the seed test, which expects it untouched.
 */
export function randomMunicipalityCode(): string {
  for (;;) {
    const code = `GM${String(randomInt(1, 9000)).padStart(4, '0')}`;
    if (code !== DEMO_CODE) return code;
  }
}

/** A random code no municipality has yet: a suite creates hundreds, so a bare random code can meet one. */
export async function unusedMunicipalityCode(database: {
  query(text: string, values: unknown[]): Promise<unknown>;
}): Promise<string> {
  for (;;) {
    const code = randomMunicipalityCode();
    const found = (await database.query('SELECT 1 FROM municipality WHERE code = $1', [code])) as
      unknown[] | { rows: unknown[] };
    if ((Array.isArray(found) ? found : found.rows).length === 0) return code;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** A municipality of its own for each test, so tests never share data. */
export async function createMunicipality(app: TestApp, name = 'Testgemeente'): Promise<Municipality> {
  const service = app.app.get(MunicipalityService);
  for (;;) {
    const { municipality, created } = await service.createOrFind({ code: randomMunicipalityCode(), name });
    if (created) return municipality;
  }
}

export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}@example.nl`;
}

export interface TestPerson {
  id: string;
  email: string;
  municipalityId: string;
  accessToken: string;
  refreshToken: string;
}

export async function createPerson(
  app: TestApp,
  municipality: Municipality,
  role: PersonRole,
  options: { emailVerified?: boolean; email?: string } = {},
): Promise<TestPerson> {
  const email = options.email ?? uniqueEmail(role);
  const account = await app.app.get(AccountService).create({
    municipalityId: municipality.id,
    email,
    role,
    password: TEST_PASSWORD,
    emailVerified: options.emailVerified ?? true,
  });
  const login = await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return {
    id: account.id,
    email,
    municipalityId: municipality.id,
    accessToken: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}

/** An operator of the platform: belongs to no municipality. */
export async function createOperator(app: TestApp): Promise<Omit<TestPerson, 'municipalityId'>> {
  const email = uniqueEmail('operator');
  const account = await app.app.get(AccountService).create({
    municipalityId: NO_MUNICIPALITY,
    email,
    role: 'operator',
    password: TEST_PASSWORD,
    emailVerified: true,
  });
  const login = await app.post('/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { id: account.id, email, accessToken: login.body.accessToken, refreshToken: login.body.refreshToken };
}

/** A municipality of its own with an admin, a staff member and the wijk Dorp (postcodes 1121..). */
export async function municipalityWithWijk(app: TestApp) {
  const municipality = await createMunicipality(app);
  const admin = await createPerson(app, municipality, 'admin');
  const wijk = await app.post('/api/v1/wijken', {
    token: admin.accessToken,
    body: { name: 'Dorp', postcodeRanges: [{ from: 1121, to: 1121 }] },
  });
  const staff = await createPerson(app, municipality, 'staff');
  return { municipality, admin, staff, wijkId: wijk.body.id as string };
}
