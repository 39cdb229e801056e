import { DataSourceOptions } from 'typeorm';
import { ChangeAuditCommitWrite } from '../audit/change-audit';
import { IdempotencyCommitMark } from '../http/idempotency/idempotency-claim';
import { ALL_MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Connection options shared by api, worker, cli and tests. Schema changes only through migrations. */
export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // Extensions are created by migrations, not on connect.
    installExtensions: false,
    migrationsRun: false,
    migrations: ALL_MIGRATIONS,
    subscribers: [IdempotencyCommitMark, ChangeAuditCommitWrite],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'mantelzorg' },
  };
}
