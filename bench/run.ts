import { mkdirSync, writeFileSync } from 'node:fs';
import { appreciationBench } from './appreciation.bench';
import { bookingBench } from './booking.bench';
import { fanoutBench } from './fanout.bench';
import { slotSearchBench } from './slot-search.bench';
import { suggestionsBench } from './suggestions.bench';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- fanout [--recipients N]`,
 * `booking [--carers N --slots N --capacity N --concurrency N --worker true]` or
 * `slot-search [--slots N --requests N --concurrency N]` or
 * `suggestions [--volunteers N --requests N --concurrency N]` or
 * `appreciation [--carers N --concurrency N --redemptions N --hot-vouchers N]` runs one.
 */
const BENCHES: Record<string, (args: Record<string, string>) => Promise<object>> = {
  fanout: (args) => fanoutBench(Number(args.recipients ?? 100_000)),
  booking: (args) =>
    bookingBench({ carers: Number(args.carers ?? 5000), slots: Number(args.slots ?? 500), capacity: Number(args.capacity ?? 10), concurrency: Number(args.concurrency ?? 200), withWorker: args.worker === 'true' }),
  suggestions: (args) => suggestionsBench({ volunteers: Number(args.volunteers ?? 5000), requests: Number(args.requests ?? 300), concurrency: Number(args.concurrency ?? 1) }),
  appreciation: (args) =>
    appreciationBench({ carers: Number(args.carers ?? 2000), concurrency: Number(args.concurrency ?? 50), redemptions: Number(args.redemptions ?? 5000), hotVouchers: Number(args['hot-vouchers'] ?? 5) }),
  'slot-search': (args) => slotSearchBench({ slots: Number(args.slots ?? 20_000), requests: Number(args.requests ?? 20_000), concurrency: Number(args.concurrency ?? 50) }),
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const names = argv.filter((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
  const args: Record<string, string> = {};
  argv.forEach((arg, index) => {
    if (arg.startsWith('--')) args[arg.slice(2)] = argv[index + 1] ?? '';
  });
  const selected = names.length > 0 ? names : Object.keys(BENCHES);
  const results: Record<string, object> = {};
  for (const name of selected) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`Unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.stderr.write(`running ${name}...\n`);
    results[name] = await bench(args);
    console.table(results[name]);
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
  process.stderr.write('written to bench/results/latest.json\n');
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
