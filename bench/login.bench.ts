import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PASSWORD_HASH_OPTIONS } from '../libs/identity/src/password-hasher';
import { productFigures, runHttpLoad } from './http-load';
import { BENCH_SIGNING_SECRET } from './respite-seed';
import { atLeast, below, BenchResult } from './targets';
import { cpuPerUnit, cpuSnapshot, mib, startApi } from './support';

const PASSWORD = 'een lange zin als wachtwoord voor de benchmark';

/**
 * Sign-in capacity: `logins` sign-ins of as many accounts, `concurrency` in flight (people
 * signing in when popular slots open), measured from outside: logins/s, p95 and the API's peak
 * memory. Every account has a different address, so no per-account limit is reached.
 */
export async function loginBench(size: { logins: number; concurrency: number }): Promise<BenchResult> {
  const database = new Client({ connectionString: process.env.DATABASE_URL });
  await database.connect();
  // The throttles count per IP too; the bench's single address gets a trusted-proxy header per request.
  const api = await startApi({ TOKEN_SIGNING_SECRET: BENCH_SIGNING_SECRET, TRUST_PROXY: '127.0.0.1' });
  try {
    const batch = randomBytes(4).toString('hex');
    const municipality = (
      await database.query<{ id: string }>(
        `INSERT INTO municipality (code, name, settings)
         SELECT 'GM' || lpad(n::text, 4, '0'), 'Benchmark login', '{}'::jsonb FROM generate_series(1, 9999) n
          WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.code = 'GM' || lpad(n::text, 4, '0')) ORDER BY random() LIMIT 1 RETURNING id`,
      )
    ).rows[0];
    const hash = await argon2.hash(PASSWORD, PASSWORD_HASH_OPTIONS);
    await database.query(
      `INSERT INTO account (municipality_id, email, password_hash, role, email_verified_at)
       SELECT $1, 'login-' || $2 || '-' || n || '@bench.example.nl', $3, 'staff', now() FROM generate_series(1, $4) n`,
      [municipality.id, batch, hash, size.logins],
    );
    const before = cpuSnapshot({ api: api.process.pid });
    const load = await runHttpLoad({
      url: api.base,
      total: size.logins,
      connections: size.concurrency,
      plan: (index) => ({
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
        body: { email: `login-${batch}-${index + 1}@bench.example.nl`, password: PASSWORD },
      }),
    });
    const cpu = cpuPerUnit(before, cpuSnapshot({ api: api.process.pid }), size.logins);
    const ok = load.statuses['200'] ?? 0;
    const loginsPerSecond = Math.round((ok / load.seconds) * 10) / 10;
    const peak = api.process.peakRssBytes;
    return {
      figures: {
        logins: size.logins,
        concurrency: size.concurrency,
        signedIn: ok,
        loginsPerSecond,
        ...productFigures(load, cpu, ['200']),
        apiPeakRss: mib(peak),
      },
      targets: [
        atLeast('login', 'logins/s at 8 in flight', loginsPerSecond, 30),
        below('login', 'p95 ms', load.p95Ms, 300),
        below('login', 'API peak RSS MiB', Math.round(peak / 1024 / 1024), 250),
      ],
    };
  } finally {
    await api.process.stop();
    await database.end();
  }
}
