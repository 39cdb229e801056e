import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AudienceSources } from './fanout/audience-sources';
import { Fanout } from './fanout/fanout.entity';
import { DashboardAction } from './queues/dashboard-action.entity';
import { FanoutService } from './fanout/fanout.service';
import { LinkTokens } from './links/link-tokens';
import { MailTransport } from './mail/mail-transport';
import { Message } from './messages/message.entity';
import { MessageKinds } from './messages/message-kinds';
import { MessageService } from './messages/message.service';
import { MessageRepository } from './messages/message.repository';
import { MessageRenderer } from './messages/message-renderer';
import { OutboxEntry } from './outbox/outbox-entry.entity';
import { Outbox } from './outbox/outbox';
import { AnnouncementKind } from './templates/announcement.kind';

/** Producing side of messaging, for every process: outbox, message log, kinds, fan-outs. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEntry, Message, Fanout, DashboardAction])],
  providers: [
    MailTransport,
    Outbox,
    MessageKinds,
    MessageService,
    MessageRepository,
    MessageRenderer,
    AudienceSources,
    FanoutService,
    LinkTokens,
    AnnouncementKind,
  ],
  exports: [
    MailTransport,
    Outbox,
    MessageKinds,
    MessageService,
    MessageRepository,
    MessageRenderer,
    AudienceSources,
    FanoutService,
    LinkTokens,
  ],
})
export class MessagingModule {}
