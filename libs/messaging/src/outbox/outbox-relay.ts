import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { withTimeout } from '@app/platform';
import { isKnownJob, QueueName } from '../queues/queues';
import { OutboxEntry } from './outbox-entry.entity';

const BATCH_SIZE = 1000;
const IDLE_DELAY_MS = 200;
const ERROR_DELAY_MS = 2000;
/** Longest wait for Redis to take a batch; the transaction (and its row locks) is not held longer. */
const ENQUEUE_TIMEOUT_MS = 5000;

/**
 * Moves pending outbox entries to BullMQ. Each batch is claimed with SKIP LOCKED (so
 * several workers share the work), enqueued under the entries' job ids, then marked, in
 * one transaction. If Redis is away the transaction rolls back and the batch waits.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Relays one batch; returns how many entries it moved. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const entries = await manager
        .getRepository(OutboxEntry)
        .createQueryBuilder('entry')
        .where('entry.relayedAt IS NULL AND entry.cancelledAt IS NULL AND entry.setAsideAt IS NULL')
        .orderBy('entry.createdAt', 'ASC')
        .limit(BATCH_SIZE)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (entries.length === 0) return 0;
      const byQueue = new Map<string, OutboxEntry[]>();
      const unknown: OutboxEntry[] = [];
      for (const entry of entries) {
        if (!isKnownJob(entry.queue, entry.jobName)) unknown.push(entry);
        else byQueue.set(entry.queue, [...(byQueue.get(entry.queue) ?? []), entry]);
      }
      if (unknown.length > 0) await this.setAside(manager, unknown);
      const now = Date.now();
      for (const [queueName, queued] of byQueue) {
        // A batch that times out rolls back and is sent again; if the first attempt still lands,
        // the deterministic job ids keep BullMQ from adding the jobs twice.
        await withTimeout(
          this.queue(queueName as QueueName).addBulk(
            queued.map((entry) => ({
              name: entry.jobName,
              data: entry.payload,
              opts: { jobId: entry.jobId, delay: entry.runAt ? Math.max(0, entry.runAt.getTime() - now) : undefined },
            })),
          ),
          ENQUEUE_TIMEOUT_MS,
          'Redis',
        );
      }
      const relayed = entries.filter((entry) => !unknown.includes(entry)).map((entry) => entry.id);
      if (relayed.length > 0)
        await manager
          .createQueryBuilder()
          .update(OutboxEntry)
          .set({ relayedAt: () => 'now()' })
          .whereInIds(relayed)
          .execute();
      return entries.length;
    });
  }

  /** Keeps entries no queue of this release can take out of the relay's way, for an operator to look at. */
  private async setAside(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    for (const entry of entries)
      this.logger.error({ jobId: entry.jobId, queue: entry.queue, job: entry.jobName }, 'outbox entry set aside');
    await manager
      .createQueryBuilder()
      .update(OutboxEntry)
      .set({ setAsideAt: () => 'now()', setAsideReason: 'unknown queue or job name' })
      .whereInIds(entries.map((entry) => entry.id))
      .execute();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let delay = IDLE_DELAY_MS;
      try {
        const moved = await this.relayBatch();
        if (moved === BATCH_SIZE) delay = 0;
      } catch (error) {
        this.logger.warn({ error: (error as Error).message }, 'outbox relay paused; will retry');
        delay = ERROR_DELAY_MS;
      }
      if (delay > 0 && this.running)
        await new Promise<void>((resolve) => ((this.wake = resolve), setTimeout(resolve, delay)));
    }
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
