import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FanoutExpansionProcessor } from './jobs/fanout-expansion.processor';
import { MailBatchProcessor } from './jobs/mail-batch.processor';
import { MailDeliveryProcessor } from './jobs/mail-delivery.processor';
import { DeliveryOutcomes } from './jobs/delivery-outcomes';
import { MessageDispatch } from './jobs/message-dispatch';
import { SendRate } from './mail/send-rate';
import { OutboxReconciler } from './outbox/outbox-reconciler';
import { OutboxRelay } from './outbox/outbox-relay';
import { JobSchedules } from './queues/job-schedules';
import { WorkerShutdown } from './queues/worker-shutdown';

/** The outbox relay and reconciler, delivery processors with their shared send rate, the job schedules and the bounded close of all workers, for the worker. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    OutboxRelay,
    OutboxReconciler,
    DeliveryOutcomes,
    MessageDispatch,
    SendRate,
    MailDeliveryProcessor,
    MailBatchProcessor,
    FanoutExpansionProcessor,
    JobSchedules,
    WorkerShutdown,
  ],
})
export class MessagingJobsModule {}
