export * from './application-role';
export * from './base-record';
export * from './data-source-options';
export * from './database.module';
export * from './like-pattern';
export * from './snake-naming.strategy';
export * from './unique-violation';
export * from './insert-rows';
