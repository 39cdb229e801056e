import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { unusedMunicipalityCode, uniqueEmail } from './support/factories';

const run = promisify(execFile);
const CLI = 'dist/apps/cli/main.js';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [CLI, ...args], { env: process.env });
    return { code: 0, stdout: stdout.trim(), stderr: stderr.trim() };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout.trim(), stderr: failed.stderr.trim() };
  }
}

// Each step starts the built CLI: a Node process that takes seconds to boot on a busy machine.
jest.setTimeout(120_000);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('command line (built)', () => {
  let code: string;

  beforeAll(async () => {
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    code = await unusedMunicipalityCode(database);
    await database.end();
  });

  it('applies migrations idempotently', async () => {
    const result = await cli('db:migrate');
    expect(result).toMatchObject({ code: 0, stdout: 'No pending migrations.' });
  });

  it('creates a municipality once and prints the same id when repeated', async () => {
    const first = await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(UUID);
    const second = await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    expect(second).toMatchObject({ code: 0, stdout: first.stdout });
  });

  it('refuses a bad municipality code with a clear message', async () => {
    const result = await cli('municipality:create', '--code', 'GM12', '--name', 'Nergens');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--code must be a CBS code');
  });

  it('creates a user once, idempotent on email, and refuses bad input', async () => {
    await cli('municipality:create', '--code', code, '--name', 'Gorinchem');
    const email = uniqueEmail('cli-admin');
    const args = [
      'user:create',
      '--municipality',
      code,
      '--role',
      'admin',
      '--email',
      email,
      '--password',
      'a long enough password',
    ];
    const first = await cli(...args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(UUID);
    expect(await cli(...args)).toMatchObject({ code: 0, stdout: first.stdout });

    const otherRole = await cli(
      'user:create',
      '--municipality',
      code,
      '--role',
      'staff',
      '--email',
      email,
      '--password',
      'a long enough password',
    );
    expect(otherRole.code).not.toBe(0);
    expect(otherRole.stderr).toContain('another municipality or role');
    const badRole = await cli(
      'user:create',
      '--municipality',
      code,
      '--role',
      'carer',
      '--email',
      uniqueEmail(),
      '--password',
      'a long enough password',
    );
    expect(badRole.stderr).toContain('--role must be admin, staff or operator');
    const shortPassword = await cli(
      'user:create',
      '--municipality',
      code,
      '--role',
      'staff',
      '--email',
      uniqueEmail(),
      '--password',
      'short',
    );
    expect(shortPassword.stderr).toContain('--password must be 12 to 256 characters');
    const unknownMunicipality = await cli(
      'user:create',
      '--municipality',
      'GM9999x',
      '--role',
      'staff',
      '--email',
      uniqueEmail(),
      '--password',
      'a long enough password',
    );
    expect(unknownMunicipality.code).not.toBe(0);
    expect(unknownMunicipality.stderr).toContain('No municipality with code');
  });

  it('seeds the demo municipality with wijken, people, a respite offer with slots and two activities, once', async () => {
    const first = await cli('seed:demo');
    expect(first.code).toBe(0);
    const second = await cli('seed:demo');
    expect(second).toMatchObject({ code: 0, stdout: first.stdout });
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    try {
      const [row] = (
        await database.query(
          `SELECT (SELECT count(*)::int FROM wijk w WHERE w.municipality_id = m.id) AS wijken,
                  (SELECT count(*)::int FROM account a WHERE a.municipality_id = m.id) AS accounts,
                  (SELECT count(*)::int FROM respite_offer o WHERE o.municipality_id = m.id) AS offers,
                  (SELECT count(*)::int FROM respite_slot s WHERE s.municipality_id = m.id AND s.starts_at > now()) AS slots,
                  (SELECT count(*)::int FROM activity a WHERE a.municipality_id = m.id) AS activities,
                  (SELECT count(*)::int FROM respite_booking b WHERE b.municipality_id = m.id AND b.status = 'confirmed') AS bookings,
                  (SELECT count(*)::int FROM fanout f WHERE f.municipality_id = m.id) AS invitations,
                  (SELECT count(*)::int FROM activity_session s JOIN activity a ON a.id = s.activity_id
                    WHERE a.municipality_id = m.id AND a.occasion = 'dag_van_de_mantelzorg' AND to_char(s.starts_at AT TIME ZONE 'Europe/Amsterdam', 'MM-DD HH24:MI') = '11-10 14:00') AS carers_day
             FROM municipality m WHERE m.code = 'GM0415'`,
        )
      ).rows;
      // An admin, a staff member and a carer with one booking, invited (by one fan-out) to the Dag van de Mantelzorg.
      expect(row).toMatchObject({
        wijken: 3,
        accounts: 3,
        offers: 1,
        activities: 2,
        carers_day: 1,
        bookings: 1,
        invitations: 1,
      });
      // Mondays, Wednesdays and Fridays over four weeks, two dagdelen each.
      expect(row.slots).toBeGreaterThanOrEqual(20);
    } finally {
      await database.end();
    }
  });
});
