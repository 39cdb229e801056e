import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FanoutExpansionProcessor } from './jobs/fanout-expansion.processor';
import { MailDeliveryProcessor } from './jobs/mail-delivery.processor';
import { OutboxRelay } from './outbox/outbox-relay';
import { WorkerShutdown } from './queues/worker-shutdown';

/** The outbox relay, delivery processors and the bounded close of all workers, for the worker. */
@Module({
  imports: [DiscoveryModule],
  providers: [OutboxRelay, MailDeliveryProcessor, FanoutExpansionProcessor, WorkerShutdown],
})
export class MessagingJobsModule {}
