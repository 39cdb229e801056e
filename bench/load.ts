import { performance } from 'node:perf_hooks';

export interface LoadFigures {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
}

/**
 * Sends `total` requests with `concurrency` in flight, each made by `send(index)`, and reports
 * throughput and latency percentiles (nearest rank over every sample, no sampling).
 */
export async function runLoad(total: number, concurrency: number, send: (index: number) => Promise<Response>): Promise<LoadFigures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const index = next++;
        const sent = performance.now();
        const response = await send(index);
        await response.arrayBuffer();
        latencies.push(performance.now() - sent);
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!.toFixed(1));
  return { requests: total, seconds: Number(seconds.toFixed(2)), requestsPerSecond: Math.round(total / seconds), p50Ms: percentile(50), p95Ms: percentile(95), p99Ms: percentile(99), statuses };
}
