export * from './base-record';
export * from './data-source-options';
export * from './database.module';
export * from './snake-naming.strategy';
export * from './unique-violation';
