import { AccountService, MunicipalityService } from '@app/identity';
import { AppConfig, RequestContext } from '@app/platform';
import { Command, CommandRunner } from 'nest-commander';
import { CliError, print } from './cli-error';

/** Local-only demo credentials, shown in the README. Never valid in production (the command refuses). */
export const DEMO = {
  municipality: { code: 'GM0415', name: 'Landsmeer' },
  wijken: [
    { name: 'Landsmeer-Dorp', postcodeRanges: [{ from: 1121, to: 1121 }] },
    { name: 'Den Ilp', postcodeRanges: [{ from: 1127, to: 1127 }] },
    { name: 'Purmerland', postcodeRanges: [{ from: 1141, to: 1141 }] },
  ],
  users: [
    { role: 'admin' as const, email: 'admin@landsmeer.example.nl', password: 'demo-admin-landsmeer', name: 'Demo beheerder' },
    { role: 'staff' as const, email: 'consulent@landsmeer.example.nl', password: 'demo-staff-landsmeer', name: 'Demo consulent' },
  ],
};

@Command({ name: 'seed:demo', description: 'Create the demo municipality Landsmeer with wijken, an admin and a staff member (not in production)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
    private readonly context: RequestContext,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (this.config.isProduction) throw new CliError('seed:demo refuses to run with NODE_ENV=production');
    const { municipality } = await this.municipalities.createOrFind(DEMO.municipality);
    const admin = await this.ensureUsers(municipality.id);
    await this.context.runAs({ id: admin, role: 'admin', municipalityId: municipality.id }, async () => {
      const existing = new Set((await this.municipalities.listWijken()).map(({ wijk }) => wijk.name));
      for (const wijk of DEMO.wijken.filter((candidate) => !existing.has(candidate.name))) {
        await this.municipalities.createWijk(wijk.name, wijk.postcodeRanges);
      }
    });
    print(`Demo municipality ${municipality.code} ${municipality.name}: ${municipality.id}`);
  }

  private async ensureUsers(municipalityId: string): Promise<string> {
    const ids: string[] = [];
    for (const user of DEMO.users) {
      const existing = await this.accounts.findByEmail(user.email);
      const account =
        existing ??
        (await this.accounts.create({ municipalityId, email: user.email, role: user.role, password: user.password, displayName: user.name, emailVerified: true }));
      ids.push(account.id);
    }
    return ids[0]!;
  }
}
