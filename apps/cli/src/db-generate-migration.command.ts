import { Command, CommandRunner } from 'nest-commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CliError, print } from './cli-error';

const MIGRATIONS_DIR = 'libs/platform/src/database/migrations';

/** Development aid: writes the SQL that brings the schema in line with the entities. Read it before committing. */
@Command({
  name: 'db:generate-migration',
  arguments: '<name>',
  description: 'Generate a migration from entity changes (development)',
})
export class DbGenerateMigrationCommand extends CommandRunner {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
      throw new CliError('Give the migration a PascalCase name, e.g. AddRespiteSlots');
    const sql = await this.dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      print('The schema matches the entities; nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const statement = (query: { query: string }) => `    await queryRunner.query(${JSON.stringify(query.query)});`;
    const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(statement).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(statement).join('\n')}
  }
}
`;
    const file = join(MIGRATIONS_DIR, `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
    writeFileSync(file, source);
    print(`Wrote ${file}; add it to ${MIGRATIONS_DIR}/index.ts`);
  }
}
