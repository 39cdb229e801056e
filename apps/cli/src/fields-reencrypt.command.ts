import { FieldKeyRotation } from '@app/privacy';
import { Command, CommandRunner } from 'nest-commander';

@Command({
  name: 'fields:reencrypt',
  description:
    'After a key rotation: re-encrypt health free text still under a key from FIELD_ENCRYPTION_PREVIOUS_KEYS with FIELD_ENCRYPTION_KEY',
})
export class FieldsReencryptCommand extends CommandRunner {
  constructor(private readonly rotation: FieldKeyRotation) {
    super();
  }

  async run(): Promise<void> {
    for (const outcome of await this.rotation.reencryptAll())
      process.stdout.write(`${outcome.table}.${outcome.column}: ${outcome.reencrypted} re-encrypted\n`);
    const left = (await this.rotation.staleCounts()).reduce((sum, count) => sum + count.reencrypted, 0);
    process.stdout.write(
      left === 0
        ? 'Every value is under the current key; the previous keys can be removed.\n'
        : `${left} values changed meanwhile; run again.\n`,
    );
  }
}
