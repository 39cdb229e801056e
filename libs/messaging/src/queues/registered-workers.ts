import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService } from '@nestjs/core';
import { Worker } from 'bullmq';

/** The BullMQ workers of every @Processor in the application. */
export function registeredWorkers(discovery: DiscoveryService): Worker[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
    .map((host) => host.worker)
    .filter((worker): worker is Worker => worker !== undefined);
}
