import { MUNICIPALITY_CODE, MunicipalityService } from '@app/identity';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CliError, print } from './cli-error';

interface Options {
  code?: string;
  name?: string;
  timezone?: string;
}

@Command({
  name: 'municipality:create',
  description: 'Create a municipality (idempotent on its CBS code); prints its id',
})
export class MunicipalityCreateCommand extends CommandRunner {
  constructor(private readonly municipalities: MunicipalityService) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    if (!options.code || !MUNICIPALITY_CODE.test(options.code))
      throw new CliError('--code must be a CBS code: GM followed by four digits, e.g. GM0415');
    if (!options.name || options.name.trim().length < 2 || options.name.length > 100)
      throw new CliError('--name is required (2 to 100 characters)');
    const timezone = options.timezone ?? 'Europe/Amsterdam';
    if (!isTimezone(timezone)) throw new CliError(`--timezone ${timezone} is not a known IANA time zone`);
    const { municipality, created } = await this.municipalities.createOrFind({
      code: options.code,
      name: options.name.trim(),
      timezone,
    });
    if (!created && municipality.name !== options.name.trim()) {
      process.stderr.write(`Note: ${municipality.code} exists with the name "${municipality.name}"; left unchanged.\n`);
    }
    print(municipality.id);
  }

  @Option({ flags: '--code <code>', description: 'CBS gemeentecode, e.g. GM0415' })
  parseCode(value: string): string {
    return value.trim().toUpperCase();
  }

  @Option({ flags: '--name <name>', description: 'Name, e.g. Landsmeer' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--timezone <timezone>', description: 'IANA time zone (default Europe/Amsterdam)' })
  parseTimezone(value: string): string {
    return value;
  }
}

function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
