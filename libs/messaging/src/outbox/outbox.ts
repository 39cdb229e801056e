import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { JobName, JobPayload, QueueName } from '../queues/queues';
import { OutboxEntry } from './outbox-entry.entity';
import { escapeLike, insertRows } from '@app/platform';

export interface OutboxJob<Q extends QueueName, N extends JobName<Q>> {
  queue: Q;
  name: N;
  /** Deterministic: the same cause always gives the same id, so it is enqueued once. */
  jobId: string;
  payload: JobPayload<Q, N>;
  runAt?: Date;
}

/** Producers write jobs here inside their own transaction; the relay moves them to BullMQ. */
@Injectable()
export class Outbox {
  add<Q extends QueueName, N extends JobName<Q>>(manager: EntityManager, job: OutboxJob<Q, N>): Promise<void> {
    return this.addMany(manager, [job]);
  }

  /** Several jobs in one statement (a booking's confirmation and reminders, a fan-out page). */
  async addMany<Q extends QueueName, N extends JobName<Q>>(
    manager: EntityManager,
    jobs: Array<OutboxJob<Q, N>>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    // BullMQ refuses ':' in custom ids; refusing here keeps a bad id from blocking the relay.
    const invalid = jobs.find((job) => !/^[A-Za-z0-9._-]{1,200}$/.test(job.jobId));
    if (invalid) throw new Error(`Invalid job id ${invalid.jobId}`);
    await insertRows(
      manager,
      OutboxEntry,
      jobs.map((job) => ({
        queue: job.queue,
        jobName: job.name,
        jobId: job.jobId,
        payload: job.payload as object,
        runAt: job.runAt ?? null,
      })),
      { skipConflicts: true },
    );
  }

  /** Cancels a job not yet run: it will not be relayed, and its processor skips it if it was. */
  async cancel(manager: EntityManager, jobId: string): Promise<void> {
    await manager.getRepository(OutboxEntry).update({ jobId, cancelledAt: IsNull() }, { cancelledAt: new Date() });
  }

  /** Cancels every job whose id starts with the prefix (a message's delivery and its retries). */
  async cancelByPrefix(manager: EntityManager, jobIdPrefix: string): Promise<void> {
    await manager.query('UPDATE outbox_entry SET cancelled_at = now() WHERE job_id LIKE $1 AND cancelled_at IS NULL', [
      `${escapeLike(jobIdPrefix)}%`,
    ]);
  }

  /** Moves a pending job: the old one is cancelled and a new one takes its place under a new id. */
  async reschedule<Q extends QueueName, N extends JobName<Q>>(
    manager: EntityManager,
    oldJobId: string,
    job: OutboxJob<Q, N>,
  ): Promise<void> {
    await this.cancel(manager, oldJobId);
    await this.add(manager, job);
  }
}
