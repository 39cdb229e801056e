import { Global, Module } from '@nestjs/common';
import { LinkPages } from './links/link-pages';
import { UnsubscribePage } from './links/unsubscribe.page';
import { MessagingController } from './messaging.controller';

/** Routes and link pages of messaging, for the API. */
@Global()
@Module({
  controllers: [MessagingController],
  providers: [LinkPages, UnsubscribePage],
  exports: [LinkPages],
})
export class MessagingHttpModule {}
