import { ChildProcess, spawn } from 'node:child_process';
import { freePort } from './local-servers';
import { ReceivedMail } from './smtp-sink';
import { TestApp } from './test-app';
import { waitUntil } from './wait';

/** The built worker as a child process, to be killed and started again mid-work. */
export class WorkerProcess {
  private child?: ChildProcess;

  async start(): Promise<void> {
    this.child = spawn('node', ['dist/apps/worker/main.js'], {
      env: {
        ...process.env,
        SMTP_URL: process.env.SMTP_URL,
        WORKER_PORT: String(await freePort()),
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /**
   * Kills the worker once a quarter of the fan-out is delivered, checks it is unfinished,
   * starts a new worker and waits until the fan-out is done; answers its final progress.
   */
  async killMidwayAndFinish(
    app: TestApp,
    adminToken: string,
    fanoutId: string,
    delivered: () => number,
    total: number,
  ): Promise<unknown> {
    const path = `/api/v1/fanouts/${fanoutId}`;
    await waitUntil(async () => delivered() >= total / 4, 90_000, 'a quarter delivered');
    await this.kill('SIGKILL');
    const midway = await app.get(path, { token: adminToken });
    if (midway.body.done || midway.body.sent >= total)
      throw new Error(`the fan-out finished before the kill: ${JSON.stringify(midway.body)}`);
    await this.start();
    const progress = await waitUntil(
      async () => {
        const answer = await app.get(path, { token: adminToken });
        return answer.body.done ? answer.body : undefined;
      },
      180_000,
      'fan-out done after restart',
    );
    await this.kill('SIGTERM');
    return progress;
  }
}

/** Message-IDs received per recipient: a mail resent after the kill carries its first Message-ID. */
export function messageIdsByRecipient(mails: ReceivedMail[]): Map<string, Set<string>> {
  const byRecipient = new Map<string, Set<string>>();
  for (const mail of mails)
    byRecipient.set(mail.to[0], (byRecipient.get(mail.to[0]) ?? new Set<string>()).add(mail.messageId));
  return byRecipient;
}
