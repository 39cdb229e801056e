import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { print } from './cli-error';

@Command({ name: 'db:migrate', description: 'Apply pending database migrations' })
export class DbMigrateCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run(): Promise<void> {
    // Serialise concurrent starts (several containers) on one advisory lock.
    await this.dataSource.query('SELECT pg_advisory_lock(4151415)');
    try {
      const applied = await this.dataSource.runMigrations({ transaction: 'each' });
      print(
        applied.length === 0
          ? 'No pending migrations.'
          : applied.map((migration) => `Applied ${migration.name}`).join('\n'),
      );
    } finally {
      await this.dataSource.query('SELECT pg_advisory_unlock(4151415)');
    }
  }
}
