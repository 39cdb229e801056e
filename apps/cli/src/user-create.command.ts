import { AccountService, MunicipalityService } from '@app/identity';
import { NO_MUNICIPALITY } from '@app/platform';
import { isEmail } from 'class-validator';
import { Command, CommandRunner, Option } from 'nest-commander';
import { CliError, print } from './cli-error';

interface Options {
  municipality?: string;
  role?: string;
  email?: string;
  password?: string;
  name?: string;
}

const ROLES = ['admin', 'staff', 'operator'] as const;

@Command({
  name: 'user:create',
  description: 'Create an admin or staff account, or an operator of the platform (idempotent on email); prints its id',
})
export class UserCreateCommand extends CommandRunner {
  constructor(
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
  ) {
    super();
  }

  async run(_: string[], options: Options): Promise<void> {
    const role = options.role as (typeof ROLES)[number];
    if (!ROLES.includes(role)) throw new CliError('--role must be admin, staff or operator');
    if (role === 'operator' && options.municipality)
      throw new CliError('an operator belongs to no municipality: leave --municipality out');
    if (role !== 'operator' && !options.municipality)
      throw new CliError('--municipality is required (a CBS code such as GM0415)');
    if (!options.email || !isEmail(options.email)) throw new CliError('--email must be an email address');
    if (!options.password || options.password.length < 12 || options.password.length > 256)
      throw new CliError('--password must be 12 to 256 characters');
    const municipalityId = options.municipality ? await this.municipalityId(options.municipality) : NO_MUNICIPALITY;

    const existing = await this.accounts.findByEmail(options.email);
    if (existing) {
      if (existing.municipalityId !== municipalityId || existing.role !== role) {
        throw new CliError(
          `${options.email} already has an account with another municipality or role; nothing changed`,
        );
      }
      print(existing.id);
      return;
    }
    const account = await this.accounts.create({
      municipalityId,
      email: options.email,
      role,
      password: options.password,
      displayName: options.name ?? null,
      emailVerified: true,
    });
    print(account.id);
  }

  private async municipalityId(code: string): Promise<string> {
    const municipality = await this.municipalities.findByCode(code.toUpperCase()).catch(() => {
      throw new CliError(`No municipality with code ${code}; create it with municipality:create`);
    });
    return municipality.id;
  }

  @Option({ flags: '--municipality <code>', description: 'CBS code of the municipality (not for operators)' })
  parseMunicipality(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--role <role>', description: 'admin, staff or operator' })
  parseRole(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--email <email>', description: 'Sign-in address' })
  parseEmail(value: string): string {
    return value.trim();
  }

  @Option({ flags: '--password <password>', description: 'At least 12 characters' })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'Display name' })
  parseName(value: string): string {
    return value;
  }
}
