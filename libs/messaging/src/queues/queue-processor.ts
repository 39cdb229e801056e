import { WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobName, JobPayloads, QueueName } from './queues';

/**
 * One handler per job of a queue, each taking that job's payload. A job without a handler, a handler
 * for a job that does not exist or one with the wrong payload type does not compile.
 */
export type JobHandlers<Q extends QueueName> = {
  [N in JobName<Q>]: (data: JobPayloads[Q][N], job: Job<JobPayloads[Q][N]>, token?: string) => Promise<unknown>;
};

/** Raised for a job whose name this release does not know (left in Redis by another release). */
export class UnknownJobError extends Error {
  constructor(queue: string, name: string) {
    super(`No handler for job "${name}" of queue "${queue}"`);
  }
}

/** A processor of one queue: each job goes to the handler of its name. */
export abstract class QueueProcessor<Q extends QueueName> extends WorkerHost {
  protected abstract readonly handlers: JobHandlers<Q>;

  async process(job: Job, token?: string): Promise<unknown> {
    // The mapped type ties each name to its payload; at run time a name is only a string.
    const handlers = this.handlers as Partial<
      Record<string, (data: unknown, job: Job, token?: string) => Promise<unknown>>
    >;
    const handler = Object.hasOwn(handlers, job.name) ? handlers[job.name] : undefined;
    if (!handler) throw new UnknownJobError(job.queueName, job.name);
    return handler(job.data, job, token);
  }
}
