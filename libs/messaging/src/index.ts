export * from './mail/mail-transport';
export * from './messaging.module';
export * from './templates/account-messages';
export * from './templates/language';
export * from './templates/layout';
export * from './queues/queue.module';
export * from './queues/queues';
