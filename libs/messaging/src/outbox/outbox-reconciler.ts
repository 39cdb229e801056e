import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { settlesWithin, withTimeout } from '@app/platform';
import { JobSchedules } from '../queues/job-schedules';
import { QueueName } from '../queues/queues';

const EVERY_MS = 60_000;
const PAGE_SIZE = 1000;
/** Arbitrary, fixed: one reconciliation at a time over all workers. */
const ADVISORY_LOCK = 4_201_801;
/** Longest wait for Redis per step; a pass that waits longer gives up and tries again next minute. */
const REDIS_TIMEOUT_MS = 5000;

/** A relayed entry whose work is not done yet, by what Postgres knows. */
interface PendingEntry {
  id: string;
  queue: QueueName;
  jobId: string;
  /** A message delivery: its job ending without the message leaving `queued` means it was cut short. */
  delivery: boolean;
}

/**
 * Redis is a cache of the outbox. At worker start and every minute this puts back any job Redis
 * no longer has (a restart without persistence, a failover, a flush): a relayed entry whose work
 * Postgres still holds as pending, and whose job is gone, is handed to the relay again. For a
 * message that is its status `queued` (for a batch, any of its messages'); a fan-out, until it is expanded; other jobs, while their
 * finished job would still be kept (a day). A delivery whose job finished while the message is
 * still queued (the database was away at its end) is run again too. The message's status guards
 * every send, so a job put back twice never sends twice. The schedules are registered again too.
 */
@Injectable()
export class OutboxReconciler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly schedules: JobSchedules,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.runOnce(), EVERY_MS);
    this.runOnce();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.running) await settlesWithin(this.running, REDIS_TIMEOUT_MS);
  }

  private runOnce(): void {
    if (this.running) return;
    this.running = this.reconcile()
      .catch((error: Error) => this.logger.warn({ error: error.message }, 'reconciliation paused; will retry'))
      .finally(() => (this.running = undefined));
  }

  /** One pass; returns how many entries were handed back to the relay. */
  async reconcile(): Promise<number> {
    await withTimeout(this.schedules.register(), REDIS_TIMEOUT_MS, 'Redis');
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock($1) AS locked',
        [ADVISORY_LOCK],
      );
      if (!locked) return 0;
      let restored = 0;
      let after = '00000000-0000-0000-0000-000000000000';
      while (!this.stopped) {
        const page = await manager.query<PendingEntry[]>(
          `SELECT e.id, e.queue, e.job_id AS "jobId", (e.queue IN ('mail', 'mail-batch')) AS delivery
             FROM outbox_entry e
             LEFT JOIN message m ON e.queue = 'mail' AND m.id = (e.payload->>'messageId')::uuid
             LEFT JOIN fanout f ON e.queue = 'fanout' AND f.id = (e.payload->>'fanoutId')::uuid
            WHERE e.relayed_at IS NOT NULL AND e.cancelled_at IS NULL AND e.set_aside_at IS NULL AND e.id > $1
              AND CASE e.queue
                    WHEN 'mail' THEN m.status = 'queued'
                    WHEN 'mail-batch' THEN EXISTS (
                      SELECT 1 FROM message b
                       WHERE b.id IN (SELECT jsonb_array_elements_text(e.payload->'messageIds')::uuid)
                         AND b.status = 'queued')
                    WHEN 'fanout' THEN f.expanded_at IS NULL
                    ELSE e.relayed_at > now() - interval '20 hours' END
            ORDER BY e.id
            LIMIT ${PAGE_SIZE}`,
          [after],
        );
        if (page.length === 0) break;
        after = page[page.length - 1].id;
        const lost = await this.lostJobs(page);
        if (lost.length > 0) {
          await manager.query('UPDATE outbox_entry SET relayed_at = NULL WHERE id = ANY($1::uuid[])', [
            lost.map((entry) => entry.id),
          ]);
          restored += lost.length;
        }
        if (page.length < PAGE_SIZE) break;
      }
      if (restored > 0) this.logger.warn({ restored }, 'jobs missing from Redis handed back to the relay');
      return restored;
    });
  }

  /** The entries whose job Redis no longer has, or, for a delivery, has finished without sending. */
  private async lostJobs(entries: PendingEntry[]): Promise<PendingEntry[]> {
    const byQueue = new Map<QueueName, PendingEntry[]>();
    for (const entry of entries) byQueue.set(entry.queue, [...(byQueue.get(entry.queue) ?? []), entry]);
    const lost: PendingEntry[] = [];
    for (const [name, queued] of byQueue) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      const states = await withTimeout(
        Promise.all(queued.map((entry) => queue.getJobState(entry.jobId))),
        REDIS_TIMEOUT_MS,
        'Redis',
      );
      const finished: PendingEntry[] = [];
      queued.forEach((entry, index) => {
        const state = states[index];
        if (state === 'unknown') lost.push(entry);
        else if (entry.delivery && (state === 'completed' || state === 'failed')) finished.push(entry);
      });
      // Removed first, so that the relay can add the job again under its id.
      for (const entry of finished) await withTimeout(queue.remove(entry.jobId), REDIS_TIMEOUT_MS, 'Redis');
      lost.push(...finished);
    }
    return lost;
  }
}
