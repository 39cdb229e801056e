import autocannon from 'autocannon';
import { LoadFigures, summarise } from './latency';

export interface HttpRequestPlan {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface HttpLoadFigures extends LoadFigures {
  statuses: Record<string, number>;
}

/**
 * The product's load, made by autocannon: `total` requests over `connections` keep-alive
 * connections, request i built by `plan(i)`. Latency is recorded per response, so the
 * percentiles are exact; `onResponse` sees each answer's status and body.
 */
export async function runHttpLoad(options: {
  url: string;
  total: number;
  connections: number;
  plan: (index: number) => HttpRequestPlan;
  onResponse?: (status: number, body: string) => void;
}): Promise<HttpLoadFigures> {
  let next = 0;
  const latencies: number[] = [];
  // autocannon ends a run (and counts its duration) on a whole second; the last answer's time is exact.
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const statuses: Record<string, number> = {};
  let finish!: (error: Error | null, result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>(
    (resolve, reject) => (finish = (error, result) => (error ? reject(error) : resolve(result))),
  );
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      amount: options.total,
      timeout: 30,
      requests: [
        {
          setupRequest: (request) => {
            const plan = options.plan(next++);
            return {
              ...request,
              method: plan.method,
              path: plan.path,
              headers: { ...plan.headers, ...(plan.body === undefined ? {} : { 'content-type': 'application/json' }) },
              body: plan.body === undefined ? undefined : JSON.stringify(plan.body),
            };
          },
          onResponse: options.onResponse ? (status, body) => options.onResponse!(status, body) : undefined,
        },
      ],
    },
    (error, result) => finish(error, result),
  );
  instance.on('response', (_client, status, _bytes, responseTimeMs) => {
    latencies.push(responseTimeMs);
    lastAnswerAt = performance.now();
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await done;
  if (result.errors > 0 || result.timeouts > 0)
    throw new Error(`load generator: ${result.errors} errors, ${result.timeouts} timeouts`);
  return { ...summarise(latencies, (lastAnswerAt - startedAt) / 1000), statuses };
}

/** The product's load figures as printed: throughput, latency, CPU per request and any answer besides the expected ones. */
export function productFigures(load: HttpLoadFigures, cpuPerRequest: string, expectedStatuses: string[]) {
  const unexpected = Object.entries(load.statuses).filter(([status]) => !expectedStatuses.includes(status));
  return {
    productRequestsPerSecond: load.perSecond,
    productP50Ms: load.p50Ms,
    productP95Ms: load.p95Ms,
    productP99Ms: load.p99Ms,
    productCpuMsPerRequest: cpuPerRequest,
    productUnexpectedStatuses: unexpected.map(([status, count]) => `${status}:${count}`).join(' ') || 'none',
  };
}
