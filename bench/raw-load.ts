import { performance } from 'node:perf_hooks';
import { LoadFigures, summarise } from './latency';

/**
 * The baseline's load: `total` units of work with `concurrency` in flight, each done by
 * `work(index)` straight against the database or transport, timed one by one.
 */
export async function runConcurrently(
  total: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const sent = performance.now();
        await work(index);
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000);
}
