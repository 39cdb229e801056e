import { ChildProcess, execFileSync, spawn } from 'node:child_process';
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
  private readonly sampler: NodeJS.Timeout;

  /** `nodeArgs` e.g. ['--cpu-prof'] to profile the process under load. */
  constructor(script: string, env: Record<string, string | undefined>, nodeArgs: string[] = []) {
    this.child = spawn('node', [...nodeArgs, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
    this.sampler = setInterval(() => {
      try {
        const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(this.child.pid)]).toString().trim());
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
