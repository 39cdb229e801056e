import { ChildProcess, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { waitUntil } from './wait';

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

/** A throwaway redis-server of the test's own, to stop and start at will. */
export async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  await waitUntil(() => portAnswers(port), 5000, 'redis-server');
  return redis;
}

/** Kills a throwaway server and waits for it to be gone, so no test leaves a process behind. */
export async function stopRedis(redis: ChildProcess): Promise<void> {
  redis.kill('SIGKILL');
  await exitOf(redis);
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve(child.exitCode)
      : child.once('exit', (code) => resolve(code)),
  );
}
