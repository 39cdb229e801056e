import { QUEUES } from '@app/messaging';
import { Queue } from 'bullmq';
import { ChildProcess, spawn } from 'node:child_process';
import { exitOf, freePort } from './support/local-servers';

async function waitForHealth(port: number, child: ChildProcess): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/health`);
      return answer.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error('no health answer');
}

describe('built processes', () => {
  it('starts the API, answers health, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const api = spawn('node', ['dist/apps/api/main.js'], {
      env: { ...process.env, PORT: String(port) },
      stdio: 'ignore',
    });
    expect(await waitForHealth(port, api)).toBe(200);
    api.kill('SIGTERM');
    expect(await exitOf(api)).toBe(0);
  });

  it('starts the worker, registers its schedulers once, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const start = () =>
      spawn('node', ['dist/apps/worker/main.js'], {
        env: { ...process.env, WORKER_PORT: String(port) },
        stdio: 'ignore',
      });
    const queue = new Queue(QUEUES.identityMaintenance, {
      connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
    });
    try {
      for (let round = 0; round < 2; round++) {
        const worker = start();
        expect(await waitForHealth(port, worker)).toBe(200);
        worker.kill('SIGTERM');
        expect(await exitOf(worker)).toBe(0);
      }
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.filter((scheduler) => scheduler.key === 'purge-expired-tokens')).toHaveLength(1);
    } finally {
      await queue.close();
    }
  });
});
