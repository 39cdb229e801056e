import { Module } from '@nestjs/common';
import { FanoutExpansionProcessor } from './jobs/fanout-expansion.processor';
import { MailDeliveryProcessor } from './jobs/mail-delivery.processor';
import { OutboxRelay } from './outbox/outbox-relay';

/** The outbox relay and delivery processors, for the worker. */
@Module({ providers: [OutboxRelay, MailDeliveryProcessor, FanoutExpansionProcessor] })
export class MessagingJobsModule {}
