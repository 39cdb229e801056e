import { AccountService, MunicipalityService } from '@app/identity';
import { AppConfig, RequestContext } from '@app/platform';
import { OfferService } from '@app/respite';
import { DateTime } from 'luxon';
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
  /** Landsmeer-Dorp borders both others; setting it again changes nothing. */
  neighbours: { of: 'Landsmeer-Dorp', are: ['Den Ilp', 'Purmerland'] },
  users: [
    { role: 'admin' as const, email: 'admin@landsmeer.example.nl', password: 'demo-admin-landsmeer', name: 'Demo beheerder' },
    { role: 'staff' as const, email: 'consulent@landsmeer.example.nl', password: 'demo-staff-landsmeer', name: 'Demo consulent' },
  ],
  offer: { kind: 'day_care' as const, name: 'Dagbesteding De Dorpskamer', location: 'Dorpsstraat 12, Landsmeer', wijk: 'Landsmeer-Dorp', suitability: ['dementia', 'physical'] },
};

@Command({ name: 'seed:demo', description: 'Create the demo municipality Landsmeer with wijken, an admin and a staff member (not in production)' })
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
    private readonly offers: OfferService,
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
      const idOf = new Map((await this.municipalities.listWijken()).map(({ wijk }) => [wijk.name, wijk.id]));
      await this.municipalities.setNeighbours(idOf.get(DEMO.neighbours.of)!, DEMO.neighbours.are.map((name) => idOf.get(name)!));
      await this.ensureRespiteOffer();
    });
    print(`Demo municipality ${municipality.code} ${municipality.name}: ${municipality.id}`);
  }

  /** One day-care offer with slots on weekday mornings and afternoons for the coming four weeks. */
  private async ensureRespiteOffer(): Promise<void> {
    if ((await this.offers.list()).some((offer) => offer.name === DEMO.offer.name)) return;
    const { wijk: wijkName, ...offer } = DEMO.offer;
    const wijk = (await this.municipalities.listWijken()).find(({ wijk: candidate }) => candidate.name === wijkName);
    const created = await this.offers.create({ ...offer, wijkId: wijk?.wijk.id });
    const today = DateTime.now().setZone('Europe/Amsterdam');
    await this.offers.generateSlots(created.id, { from: today.plus({ days: 2 }).toISODate()!, to: today.plus({ weeks: 4 }).toISODate()!, weekdays: [1, 3, 5], dagdelen: ['ochtend', 'middag'] }, 8);
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
