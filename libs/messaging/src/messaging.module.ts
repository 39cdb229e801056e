import { Global, Module } from '@nestjs/common';
import { MailTransport } from './mail/mail-transport';

@Global()
@Module({ providers: [MailTransport], exports: [MailTransport] })
export class MessagingModule {}
