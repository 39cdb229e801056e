import { Global, Module } from '@nestjs/common';
import { LinkPages } from './links/link-pages';
import { UnsubscribePage } from './links/unsubscribe.page';
import { MessageMetrics } from './messages/message-metrics';
import { MessagingController } from './messaging.controller';
import { PrintQueue } from './print/print-queue';
import { PrintQueueController } from './print/print-queue.controller';
import { QueueDashboard } from './queues/queue-dashboard';
import { QueueDashboardController } from './queues/queue-dashboard.controller';

/** Routes, link pages and the queue dashboard of messaging, for the API (which also imports QueueModule). */
@Global()
@Module({
  controllers: [MessagingController, PrintQueueController, QueueDashboardController],
  providers: [LinkPages, UnsubscribePage, QueueDashboard, MessageMetrics, PrintQueue],
  exports: [LinkPages, PrintQueue],
})
export class MessagingHttpModule {}
