export interface LoadFigures {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** Throughput and nearest-rank latency percentiles over every sample (no sampling). */
export function summarise(latenciesMs: number[], seconds: number): LoadFigures {
  const sorted = Float64Array.from(latenciesMs).sort();
  const percentile = (p: number) =>
    sorted.length === 0 ? 0 : round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)], 1);
  return {
    requests: sorted.length,
    seconds: round(seconds, 2),
    perSecond: Math.round(sorted.length / seconds),
    p50Ms: percentile(50),
    p95Ms: percentile(95),
    p99Ms: percentile(99),
  };
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
