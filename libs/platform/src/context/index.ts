export * from './actor';
export * from './municipality-scoped.repository';
export * from './request-context';
export * from './request-context.module';
