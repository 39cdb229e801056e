import { mkdirSync, writeFileSync } from 'node:fs';
import { bookingBench } from './booking.bench';
import { fanoutBench } from './fanout.bench';
import { loginBench } from './login.bench';
import { redemptionBench } from './redemption.bench';
import { requestLayersBench } from './request-layers.bench';
import { slotSearchBench } from './slot-search.bench';
import { BenchResult, TargetCheck } from './targets';

type Args = Record<string, string>;
const number = (args: Args, name: string, fallback: number) => Number(args[name] ?? fallback);

/**
 * `npm run bench` runs every benchmark; `npm run bench -- booking` runs one, and options
 * change its size (see README). Each measures the product and, in the same run on the
 * same data, the machine's raw baseline for the same work.
 */
const BENCHES: Record<string, (args: Args) => Promise<BenchResult>> = {
  booking: (args) =>
    bookingBench({
      carers: number(args, 'carers', 3000),
      slots: number(args, 'slots', 1000),
      capacity: number(args, 'capacity', 10),
      concurrency: number(args, 'concurrency', 32),
    }),
  'slot-search': (args) =>
    slotSearchBench({
      slots: number(args, 'slots', 10_000),
      requests: number(args, 'requests', 20_000),
      concurrency: number(args, 'concurrency', 32),
    }),
  fanout: (args) => fanoutBench({ recipients: number(args, 'recipients', 100_000) }),
  login: (args) => loginBench({ logins: number(args, 'logins', 400), concurrency: number(args, 'concurrency', 8) }),
  'request-layers': (args) =>
    requestLayersBench({ requests: number(args, 'requests', 20_000), concurrency: number(args, 'concurrency', 32) }),
  redemption: (args) =>
    redemptionBench({
      vouchers: number(args, 'vouchers', 1000),
      redemptions: number(args, 'redemptions', 10_000),
      concurrency: number(args, 'concurrency', 32),
    }),
};

function parse(argv: string[]): { names: string[]; args: Args } {
  const names: string[] = [];
  const args: Args = {};
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg.startsWith('--')) args[arg.slice(2)] = argv[++index] ?? '';
    else names.push(arg);
  }
  return { names, args };
}

async function main(): Promise<void> {
  const { names, args } = parse(process.argv.slice(2));
  const unknown = names.filter((name) => !BENCHES[name]);
  if (unknown.length > 0)
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  const selected = names.length > 0 ? names : Object.keys(BENCHES);
  const started = Date.now();
  const results: Record<string, BenchResult> = {};
  for (const name of selected) {
    process.stderr.write(`running ${name}...\n`);
    results[name] = await BENCHES[name](args);
    console.log(`\n${name}`);
    console.table(results[name].figures);
  }
  const targets: TargetCheck[] = Object.values(results).flatMap((result) => result.targets);
  console.log('\nsummary (targets for the 2-core machine)');
  console.table(targets.map((check) => ({ ...check, met: check.met ? 'met' : 'NOT MET' })));
  mkdirSync('bench/results', { recursive: true });
  const minutes = Math.round((Date.now() - started) / 600) / 100;
  writeFileSync(
    'bench/results/latest.json',
    JSON.stringify(
      { at: new Date().toISOString(), minutes, cpus: (await import('node:os')).cpus().length, results, targets },
      null,
      2,
    ),
  );
  process.stderr.write(
    `${targets.filter((check) => check.met).length} of ${targets.length} targets met in ${minutes} min; written to bench/results/latest.json\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
