import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => fail(error),
    serviceErrorHandler: (error) => fail(error),
  });
}

function fail(error: Error): never {
  // Commander's own messages (unknown option, help) have printed already.
  const silent = ['commander.helpDisplayed', 'commander.version'].includes((error as { code?: string }).code ?? '');
  if (!silent) process.stderr.write(`Error: ${error.message}\n`);
  process.exit(silent ? 0 : 1);
}

void main().catch((error: Error) => fail(error));
