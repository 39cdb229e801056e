import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** An SMTP sink that only counts: recipients (distinct) and messages, without parsing bodies. */
export class CountingSink {
  readonly recipients = new Set<string>();
  messages = 0;
  private server?: SMTPServer;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        this.recipients.add(address.address.toLowerCase());
        callback();
      },
      onData: (stream, _session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.messages++;
          callback();
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as { port: number }).port}`;
  }

  reset(): void {
    this.recipients.clear();
    this.messages = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Starts a built process and samples its resident memory until it stops. */
export class MeasuredProcess {
  peakRssBytes = 0;
  private readonly child: ChildProcess;

  get pid(): number | undefined {
    return this.child.pid;
  }
  private readonly sampler: NodeJS.Timeout;

  /** `nodeArgs` e.g. ['--cpu-prof'] to profile the process under load. */
  constructor(script: string, env: Record<string, string | undefined>, nodeArgs: string[] = []) {
    this.child = spawn('node', [...nodeArgs, script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    // Read from /proc, not by running `ps`: a `ps` every 200 ms per measured process blocked this
    // process's event loop, which serves the SMTP sink and makes the load, while the product ran.
    this.sampler = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
        const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0);
        this.peakRssBytes = Math.max(this.peakRssBytes, kb * 1024);
      } catch {
        // the process has ended
      }
    }, 200);
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }
}

export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Starts the built API with `env` (BENCH_API_NODE_ARGS=--cpu-prof to profile it) and waits until it answers its health check. */
export async function startApi(
  env: Record<string, string>,
  nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
): Promise<{ process: MeasuredProcess; base: string }> {
  const port = await freePort();
  const api = new MeasuredProcess(
    'dist/apps/api/main.js',
    // The heap settings the API runs with (scripts/node.sh), as in production.
    { LOG_LEVEL: 'error', NODE_OPTIONS: process.env.API_NODE_OPTIONS, ...env, PORT: String(port) },
    nodeArgs,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => ((await fetch(`${base}/health`)).ok ? true : undefined), 30_000, 'API');
  return { process: api, base };
}

/** A deterministic stream of numbers in [0, 1), so product and baseline get the same requests. */
export function seededRandom(seed: number): (index: number) => number {
  return (index) => {
    let x = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
    return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Withdraws what earlier benchmarks left unsent in the bench database, so a worker started
 * now delivers only the work it is measured on.
 */
export async function quiesceOutbox(database: Client): Promise<void> {
  await database.query(
    `UPDATE outbox_entry SET cancelled_at = now() WHERE relayed_at IS NULL AND cancelled_at IS NULL`,
  );
  await database.query(`UPDATE message SET status = 'skipped', outcome = 'cancelled' WHERE status = 'queued'`);
}

/**
 * Vacuums and analyses the whole database after seeding, as the table owner, so the measured
 * sides do not pay for autovacuum's catch-up on the seed's rows, and plans see their sizes.
 */
export async function settleDatabase(): Promise<void> {
  const owner = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL });
  await owner.connect();
  try {
    await owner.query('VACUUM ANALYZE');
  } finally {
    await owner.end();
  }
}

/**
 * CPU time so far (ms) of the processes a benchmark involves, from /proc: Postgres, Redis, this
 * process and the given ones. Postgres counts its ended children too (the postmaster's
 * cutime/cstime): a backend or autovacuum worker that exits between two snapshots would
 * otherwise take its whole CPU time out of the difference.
 */
export function cpuSnapshot(named: Record<string, number | undefined> = {}): Record<string, number> {
  const ticksPerMs = 100 / 1000;
  const cpuOf = (pid: number | string): { comm: string; ms: number; endedChildrenMs: number } | undefined => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return {
        comm,
        ms: (Number(fields[11]) + Number(fields[12])) / ticksPerMs,
        endedChildrenMs: (Number(fields[13]) + Number(fields[14])) / ticksPerMs,
      };
    } catch {
      return undefined;
    }
  };
  const totals: Record<string, number> = { postgres: 0, redis: 0, bench: cpuOf(process.pid)?.ms ?? 0 };
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    const process = cpuOf(pid);
    if (process?.comm === 'postgres') totals.postgres += process.ms + process.endedChildrenMs;
    else if (process?.comm.startsWith('redis-server')) totals.redis += process.ms;
  }
  for (const [name, pid] of Object.entries(named)) totals[name] = pid ? (cpuOf(pid)?.ms ?? 0) : 0;
  return totals;
}

/** CPU ms per unit of work of each process group between two snapshots. */
export function cpuPerUnit(before: Record<string, number>, after: Record<string, number>, units: number): string {
  return Object.keys(after)
    .map((name) => `${name} ${((after[name] - (before[name] ?? 0)) / units).toFixed(2)}`)
    .join(', ');
}

/** Requests (or units of work) before measuring, so product and baseline are both measured warm: JIT, connections, plans. */
export const WARM_UP_REQUESTS = 2000;
