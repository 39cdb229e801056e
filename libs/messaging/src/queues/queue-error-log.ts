import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QUEUES } from './queues';
import { registeredWorkers } from './registered-workers';

/**
 * Sends errors of queues and workers (mostly lost Redis connections, which they recover
 * from themselves) to the structured log; without a listener BullMQ prints them to stderr.
 * Only the message is logged: job data may hold personal data.
 */
@Injectable()
export class QueueErrorLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Queues');

  constructor(private readonly discovery: DiscoveryService) {}

  /** Queues connect as soon as they are built, so they are watched from then on. */
  watch(queues: Queue[]): this {
    for (const queue of queues) queue.on('error', this.report(queue.name));
    return this;
  }

  /** Workers are created while modules initialise. */
  onApplicationBootstrap(): void {
    for (const worker of registeredWorkers(this.discovery)) worker.on('error', this.report(worker.name));
  }

  private report(queue: string): (error: Error) => void {
    return (error) => this.logger.warn({ queue, error: error.message }, 'queue error');
  }
}

export const QUEUE_ERROR_LOG: Provider = {
  provide: QueueErrorLog,
  inject: [DiscoveryService, ...Object.values(QUEUES).map((name) => getQueueToken(name))],
  useFactory: (discovery: DiscoveryService, ...queues: Queue[]) => new QueueErrorLog(discovery).watch(queues),
};
