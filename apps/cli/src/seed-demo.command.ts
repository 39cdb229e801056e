import { ActivityService, InvitationService } from '@app/activities';
import { CareRelationshipService, CarerRegistrationService } from '@app/carers';
import { AccountService, MunicipalityService } from '@app/identity';
import { AppConfig, RequestContext } from '@app/platform';
import { BookingService, OfferService, SlotSearchService } from '@app/respite';
import { DataSource } from 'typeorm';
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
    {
      role: 'admin' as const,
      email: 'admin@landsmeer.example.nl',
      password: 'demo-admin-landsmeer',
      name: 'Demo beheerder',
    },
    {
      role: 'staff' as const,
      email: 'consulent@landsmeer.example.nl',
      password: 'demo-staff-landsmeer',
      name: 'Demo consulent',
    },
  ],
  /** A carer with a care relationship and a booking, so the portal shows a lived-in overview at once. */
  carer: {
    email: 'mantelzorger@landsmeer.example.nl',
    password: 'demo-carer-landsmeer',
    firstName: 'Ria',
    lastName: 'de Vries',
    dateOfBirth: '1957-05-14',
    postcode: '1121 AB',
    houseNumber: '7',
    careRecipientName: 'Henk de Vries',
  },
  activities: [
    {
      kind: 'event' as const,
      occasion: 'dag_van_de_mantelzorg' as const,
      title: 'Dag van de Mantelzorg: voorstelling en high tea',
      capacity: 150,
      location: 'Dorpshuis Het Wapen, Landsmeer',
    },
    {
      kind: 'peer_group' as const,
      theme: 'dementia' as const,
      title: 'Lotgenotengroep mantelzorgers van mensen met dementie',
      capacity: 12,
      location: 'Bibliotheek Landsmeer',
    },
  ],
  offer: {
    kind: 'day_care' as const,
    name: 'Dagbesteding De Dorpskamer',
    location: 'Dorpsstraat 12, Landsmeer',
    wijk: 'Landsmeer-Dorp',
    suitability: ['dementia', 'physical'],
  },
};

@Command({
  name: 'seed:demo',
  description: 'Create the demo municipality Landsmeer with wijken, an admin and a staff member (not in production)',
})
export class SeedDemoCommand extends CommandRunner {
  constructor(
    private readonly config: AppConfig,
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
    private readonly offers: OfferService,
    private readonly activities: ActivityService,
    private readonly context: RequestContext,
    private readonly registration: CarerRegistrationService,
    private readonly relationships: CareRelationshipService,
    private readonly slots: SlotSearchService,
    private readonly bookings: BookingService,
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationService,
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
      await this.municipalities.setNeighbours(
        idOf.get(DEMO.neighbours.of)!,
        DEMO.neighbours.are.map((name) => idOf.get(name)!),
      );
      await this.ensureRespiteOffer();
      await this.ensureActivities();
    });
    if (await this.ensureCarer(municipality.id))
      await this.context.runAs({ id: admin, role: 'admin', municipalityId: municipality.id }, () =>
        this.inviteToCarersDay(),
      );
    print(`Demo municipality ${municipality.code} ${municipality.name}: ${municipality.id}`);
  }

  /** One day-care offer with slots on weekday mornings and afternoons for the coming four weeks. */
  private async ensureRespiteOffer(): Promise<void> {
    if ((await this.offers.list()).some((offer) => offer.name === DEMO.offer.name)) return;
    const { wijk: wijkName, ...offer } = DEMO.offer;
    const wijk = (await this.municipalities.listWijken()).find(({ wijk: candidate }) => candidate.name === wijkName);
    const created = await this.offers.create({ ...offer, wijkId: wijk?.wijk.id });
    const today = DateTime.now().setZone('Europe/Amsterdam');
    await this.offers.generateSlots(
      created.id,
      {
        from: today.plus({ days: 2 }).toISODate()!,
        to: today.plus({ weeks: 4 }).toISODate()!,
        weekdays: [1, 3, 5],
        dagdelen: ['ochtend', 'middag'],
      },
      8,
    );
  }

  /** The Dag van de Mantelzorg (on its default date, 10 November) and a fortnightly peer group. */
  private async ensureActivities(): Promise<void> {
    const existing = new Set((await this.activities.list({ limit: 100 })).items.map(({ activity }) => activity.title));
    const [dayOfCarers, peerGroup] = DEMO.activities;
    if (!existing.has(dayOfCarers.title)) await this.activities.create(dayOfCarers);
    if (!existing.has(peerGroup.title)) {
      const firstDate = DateTime.now()
        .setZone('Europe/Amsterdam')
        .plus({ weeks: 1 })
        .startOf('week')
        .plus({ days: 1 })
        .toISODate()!;
      await this.activities.create({
        ...peerGroup,
        recurrence: { rule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=10', firstDate, startTime: '10:00', endTime: '11:30' },
      });
    }
  }

  /** The Dag van de Mantelzorg invitation goes to every carer (the worker sends it), so the demo carer has one. */
  private async inviteToCarersDay(): Promise<void> {
    const { items } = await this.activities.list({ limit: 100 });
    const carersDay = items.find(({ activity }) => activity.title === DEMO.activities[0].title);
    if (carersDay) await this.invitations.invite(carersDay.activity.id, { all: true });
  }

  /**
   * The demo carer, signed up as anyone would, with their email confirmed, a care relationship
   * and a booking; true when made now.
   */
  private async ensureCarer(municipalityId: string): Promise<boolean> {
    const { email, password, careRecipientName, ...profile } = DEMO.carer;
    if (await this.accounts.findByEmail(email)) return false;
    const carer = await this.registration.signUp({
      ...profile,
      email,
      password,
      municipalityCode: DEMO.municipality.code,
      healthDataConsent: false,
    });
    await this.dataSource.query('UPDATE account SET email_verified_at = now() WHERE id = $1', [carer.accountId]);
    await this.context.runAs({ id: carer.accountId, role: 'carer', municipalityId }, async () => {
      const { relationship } = await this.relationships.create(carer.id, {
        careRecipientName,
        relation: 'partner',
        livesInMunicipality: true,
        since: '2019-09-01',
        hoursPerWeek: 30,
      });
      const today = DateTime.now().setZone('Europe/Amsterdam');
      const found = await this.slots.search({
        from: today.plus({ days: 2 }).toISO()!,
        to: today.plus({ weeks: 4 }).toISO()!,
        onlyAvailable: true,
        limit: 1,
      });
      if (found.items[0]) await this.bookings.book({ slotId: found.items[0].id, careRelationshipId: relationship.id });
    });
    return true;
  }

  private async ensureUsers(municipalityId: string): Promise<string> {
    const ids: string[] = [];
    for (const user of DEMO.users) {
      const existing = await this.accounts.findByEmail(user.email);
      const account =
        existing ??
        (await this.accounts.create({
          municipalityId,
          email: user.email,
          role: user.role,
          password: user.password,
          displayName: user.name,
          emailVerified: true,
        }));
      ids.push(account.id);
    }
    return ids[0];
  }
}
