import { JwtService } from '@nestjs/jwt';
import { ChildProcess, spawn } from 'node:child_process';
import { HttpRequestPlan, runHttpLoad } from './http-load';
import { BenchResult } from './targets';
import { cpuSnapshot, freePort, waitFor, WARM_UP_REQUESTS } from './support';

const SECRET = 'bench-request-layers-secret-of-32-characters';

/**
 * What each layer of the API's request pipeline costs per request: a server answering a
 * constant page, built up one layer at a time (Nest on Fastify, helmet, a log line per request,
 * the metrics histogram, the async context store, validation of a query DTO, the JWT check, the
 * NUL character check),
 * each measured alone on top of Nest and all together, in CPU ms per request of the server.
 */
export async function requestLayersBench(size: { requests: number; concurrency: number }): Promise<BenchResult> {
  const variants: Array<[string, string[]]> = [
    ['bare Fastify', []],
    ['Nest on Fastify', ['nest']],
    ['+ helmet', ['nest', 'helmet']],
    ['+ log line per request', ['nest', 'logging']],
    ['+ metrics histogram', ['nest', 'metrics']],
    ['+ async context store', ['nest', 'context']],
    ['+ query validation', ['nest', 'validation']],
    ['+ JWT check', ['nest', 'jwt']],
    ['+ NUL character check', ['nest', 'nul']],
    ['all together', ['nest', 'helmet', 'logging', 'metrics', 'context', 'validation', 'jwt', 'nul']],
  ];
  const token = await new JwtService({ secret: SECRET }).signAsync({ sub: 'bench', role: 'carer' });
  const query = new URLSearchParams({
    from: '2026-12-07T00:00:00.000Z',
    to: '2026-12-14T00:00:00.000Z',
    kind: 'day_care',
    limit: '50',
  });
  const figures: BenchResult['figures'] = { requests: size.requests, concurrency: size.concurrency };
  let nestCpu = 0;
  for (const [name, layers] of variants) {
    const measured = await measure(layers, size, `/constant?${query.toString()}`, token);
    if (name === 'Nest on Fastify') nestCpu = measured.cpuMs;
    const added =
      layers.length > 1 && layers.length < 7 ? ` (+${(measured.cpuMs - nestCpu).toFixed(3)} over Nest)` : '';
    // CPU per request is the figure; requests/s of a server this light says more about the load generator.
    figures[name] = `${measured.cpuMs.toFixed(3)} ms CPU/request${added}, p95 ${measured.p95Ms} ms`;
  }
  return { figures, targets: [] };
}

async function measure(
  layers: string[],
  size: { requests: number; concurrency: number },
  path: string,
  token: string,
): Promise<{ p95Ms: number; cpuMs: number }> {
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/layers-server.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, LAYERS: layers.join(','), PORT: String(port), LAYERS_SECRET: SECRET },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    const headers = { authorization: `Bearer ${token}` };
    await waitFor(
      async () => ((await fetch(`${url}${path}`, { headers }).catch(() => null))?.ok ? true : undefined),
      20_000,
      `server with ${layers.join(', ') || 'no layers'}`,
    );
    const load = {
      url,
      connections: size.concurrency,
      plan: (): HttpRequestPlan => ({ method: 'GET', path, headers }),
    };
    await runHttpLoad({ ...load, total: WARM_UP_REQUESTS });
    const before = cpuSnapshot({ server: server.pid });
    const measured = await runHttpLoad({ ...load, total: size.requests });
    const after = cpuSnapshot({ server: server.pid });
    if ((measured.statuses['200'] ?? 0) !== size.requests)
      throw new Error(`layers ${layers.join(',')}: ${JSON.stringify(measured.statuses)}`);
    return {
      p95Ms: measured.p95Ms,
      cpuMs: (after.server - before.server) / size.requests,
    };
  } finally {
    server.kill('SIGTERM');
  }
}
