import { AppConfig, migrateDatabase } from '@app/platform';
import { Command, CommandRunner } from 'nest-commander';
import { print } from './cli-error';

@Command({
  name: 'db:migrate',
  description:
    "Apply pending database migrations (as DATABASE_MIGRATION_URL's owner when set) and grant the application's role",
})
export class DbMigrateCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(): Promise<void> {
    const { url, migrationUrl } = this.config.database;
    const applied = await migrateDatabase({ applicationUrl: url, migrationUrl });
    print(applied.length === 0 ? 'No pending migrations.' : applied.map((name) => `Applied ${name}`).join('\n'));
  }
}
