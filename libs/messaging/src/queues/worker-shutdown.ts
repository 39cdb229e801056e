import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import { settlesWithin } from '@app/platform';
import { QUEUES } from './queues';
import { registeredWorkers } from './registered-workers';

const CHECK_EVERY_MS = 1000;
const MAX_WAIT_MS = 20_000;

/** What ending an unreachable ioredis client needs; ioredis itself does the same when a closed socket is not to be reopened. */
interface RedisClientInternals {
  status: string;
  disconnect(): void;
  setStatus(status: string): void;
  flushQueue(error: Error): void;
}

/**
 * Closes every BullMQ worker before Nest does, so that shutdown cannot hang on Redis. A worker
 * closing while a connection of its is between reconnect attempts waits for an 'end' event
 * ioredis never emits, and for commands that wait for Redis to return (bullmq#4656). Such a
 * connection is ended here: its pending commands fail, and a job cut short is retried later
 * through BullMQ's stalled-job check. Running jobs on a healthy connection are awaited.
 */
@Injectable()
export class WorkerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerShutdown.name);

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(registeredWorkers(this.discovery).map((worker) => this.close(worker)));
    // Producers too: a queue whose connection waits to reconnect holds its unsent commands (the
    // relay's and the reconciler's), and closing it would wait for Redis to come back.
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      for (const client of await this.clientsOf(queue)) this.endIfReconnecting(client, name);
    }
  }

  private endIfReconnecting(client: RedisClientInternals, queue: string): void {
    if (client.status !== 'reconnecting') return;
    this.logger.warn({ queue }, 'ending a Redis connection that is waiting to reconnect');
    client.disconnect();
    client.setStatus('end');
    client.flushQueue(new Error('Connection is closed.'));
  }

  private async close(worker: Worker): Promise<void> {
    const closing = worker.close();
    for (let waited = 0; waited < MAX_WAIT_MS; waited += CHECK_EVERY_MS) {
      if (await settlesWithin(closing, CHECK_EVERY_MS)) return;
      for (const client of await this.clientsOf(worker)) this.endIfReconnecting(client, worker.name);
    }
    this.logger.error({ queue: worker.name }, `worker did not close within ${MAX_WAIT_MS} ms`);
  }

  private async clientsOf(owner: Worker | Queue): Promise<RedisClientInternals[]> {
    const backend = owner.backend as {
      connection?: { client: Promise<unknown> };
      blockingConnection?: { client: Promise<unknown> };
    };
    const connections = [backend.connection, backend.blockingConnection].filter(
      (connection) => connection !== undefined,
    );
    return Promise.all(connections.map(async (connection) => (await connection.client) as RedisClientInternals));
  }
}
