/// <reference lib="dom" />
import { CarerFollowUp } from '@app/carers';
import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';
import { BrowserJourney, JOURNEY_TIMEOUT_MS, streamText } from './support/browser-journey';
import { LAPTOP, PHONE } from './support/browser';
import { municipalYear } from './support/municipal-year';
import { TEST_PASSWORD, uniqueEmail } from './support/factories';
import { hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { nextWednesday, registerVolunteer, setUpMatching } from './support/volunteer-fixtures';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

/** The staff and admin console in a real browser: every page checked by axe-core, on a phone-sized window. */
describe('staff console in a browser', () => {
  let journey: BrowserJourney;
  let app: TestApp;
  let origin: string;

  beforeAll(async () => {
    journey = await BrowserJourney.start();
    ({ app, origin } = journey);
  });
  afterAll(() => journey?.close());

  it('gives staff the caseload (claim, close) and admins the staff accounts, audited, and keeps carers out', async () => {
    const respite = await setUpRespite(app);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const screening = await app.post('/api/v1/me/screenings', {
      token: carer.token,
      body: { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
    });
    expect(screening.status).toBe(201);
    const dataSource = app.app.get(DataSource);

    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await expect(page.textContent('main')).resolves.toContain('Test Carer');
    await journey.expectAccessible(page, 'caseload');
    await page.getByRole('button', { name: 'Oppakken' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('opgepakt');
    await page.getByLabel('Notitie (wat is er besproken').fill('Niet bereikt; morgen opnieuw bellen.');
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('notitie is opgeslagen');
    await page.getByLabel('Notitie (wat is er besproken').fill('Gebeld; respijtzorg besproken.');
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('afgesloten');
    const [signal] = await dataSource.query(`SELECT s.id, s.status FROM signal s WHERE s.carer_id = $1`, [
      carer.carerId,
    ]);
    expect(signal.status).toBe('closed');
    const audited = await dataSource.query(
      `SELECT action, route FROM audit_entry WHERE subject_id = $1 ORDER BY created_at, route`,
      [signal.id],
    );
    expect(audited).toEqual(
      expect.arrayContaining([
        { action: 'read', route: 'GET /caseload' },
        { action: 'change', route: 'POST /caseload/claim' },
        { action: 'change', route: 'POST /caseload/note' },
        { action: 'change', route: 'POST /caseload/close' },
      ]),
    );
    // The carer's record, found by name; every look at it is audited.
    await page.getByRole('link', { name: 'Mantelzorgers' }).click();
    await page.getByLabel('Naam').fill('Test');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByRole('link', { name: 'Test Carer' }).first().click();
    await page.getByRole('heading', { name: 'Test Carer', level: 1 }).waitFor();
    await journey.expectAccessible(page, 'carer-record');
    const looks = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND route = 'GET /carers/:carerId'`,
      [carer.carerId],
    );
    expect(looks[0].n).toBe(1);

    // Registering a carer without email (post) on their behalf.
    await page.goto(`${origin}/carers/new`);
    await journey.expectAccessible(page, 'register-carer');
    await page.getByLabel('Voornaam').fill('Gerrit');
    await page.getByLabel('Achternaam').fill('Bakker');
    await page.getByLabel('Geboortedatum').fill('1940-01-30');
    await page.getByLabel('Postcode').fill('1121CD');
    await page.getByLabel('Huisnummer').fill('3');
    await page.getByRole('button', { name: 'Mantelzorger aanmelden' }).click();
    await page.getByRole('heading', { name: 'Gerrit Bakker', level: 1 }).waitFor();
    await expect(page.textContent('main')).resolves.toContain('geen e-mail (post)');

    // A letter for them lands on the print queue; staff open it for printing and mark it printed.
    await dataSource.query(
      `UPDATE carer SET confirmed_at = now() - interval '13 months' WHERE first_name = 'Gerrit' AND municipality_id = $1`,
      [respite.municipality.id],
    );
    await app.worker!.get(CarerFollowUp).requestReconfirmation();
    await page.getByRole('link', { name: 'Post en mislukte berichten' }).click();
    await expect(page.textContent('main')).resolves.toContain('Gerrit Bakker');
    await journey.expectAccessible(page, 'post');
    const [printable] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Open om te printen' }).click(),
    ]);
    await printable.waitForLoadState();
    await expect(printable.textContent('body')).resolves.toContain('Gerrit');
    await printable.close();
    await page.getByRole('button', { name: 'Zet op geprint' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('op geprint gezet');
    const letters = await dataSource.query(
      `SELECT m.status, m.outcome FROM message m JOIN carer c ON c.account_id = m.account_id
        WHERE c.first_name = 'Gerrit' AND c.municipality_id = $1 AND m.kind = 'reconfirmation_request'`,
      [respite.municipality.id],
    );
    expect(letters).toEqual([{ status: 'sent', outcome: 'printed' }]);

    // Staff are not admins, and the carers' pages are not theirs.
    await page.goto(`${origin}/staff`);
    expect(await page.textContent('main')).toContain('juiste rol');
    await page.goto(`${origin}/overview`);
    expect(await page.textContent('main')).toContain('voor mantelzorgers');

    const admin = await journey.newPage(LAPTOP);
    await journey.signIn(admin, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await admin.getByRole('link', { name: 'Medewerkers' }).click();
    await journey.expectAccessible(admin, 'staff-accounts');
    const newcomer = uniqueEmail('consulent');
    await admin.getByLabel('Naam').fill('Nieuwe Consulent');
    await admin.getByLabel('E-mailadres').fill(newcomer);
    await admin.getByRole('button', { name: 'Medewerker uitnodigen' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('uitnodiging is verstuurd');
    await admin
      .getByRole('listitem')
      .filter({ hasText: respite.staff.email })
      .getByRole('button', { name: 'Uitschakelen' })
      .click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('uitgeschakeld');
    // The disabled staff member's open portal session ends at once.
    await page.goto(`${origin}/caseload`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const invited = await dataSource.query('SELECT role FROM account WHERE email = $1', [newcomer]);
    expect(invited).toEqual([{ role: 'staff' }]);

    // Settings, each explained; a value out of range is refused next to its field.
    await admin.getByRole('link', { name: 'Instellingen' }).click();
    await journey.expectAccessible(admin, 'settings');
    await admin.getByLabel('Gratis annuleren tot (uren vooraf)').fill('9999');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    expect(await admin.getAttribute('#field-respiteCancellationCutoffHours', 'aria-invalid')).toBe('true');
    await admin.getByLabel('Gratis annuleren tot (uren vooraf)').fill('48');
    await admin.getByRole('button', { name: 'Opslaan' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('Opgeslagen');
    const [settings] = await dataSource.query('SELECT settings FROM municipality WHERE id = $1', [
      respite.municipality.id,
    ]);
    expect(settings.settings.respiteCancellationCutoffHours).toBe(48);
    await admin.getByLabel('Naam van de wijk').fill('Oostzaan-Zuid');
    await admin.getByLabel('Postcodes van (vier cijfers)').fill('1511');
    await admin.getByRole('button', { name: 'Wijk toevoegen' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('wijk is toegevoegd');
    await expect(admin.textContent('main')).resolves.toContain('Oostzaan-Zuid: 1511');
    await admin.getByLabel('Naam van de wijk').fill('Oostzaan-Noord');
    await admin.getByLabel('Postcodes van (vier cijfers)').fill('1512');
    await admin.getByRole('button', { name: 'Wijk toevoegen' }).click();
    const zuid = admin.getByRole('listitem').filter({ hasText: 'Oostzaan-Zuid: 1511' });
    await zuid.getByLabel('Oostzaan-Noord').check();
    await zuid.getByRole('button', { name: 'Buurwijken opslaan' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('Opgeslagen');
    const [neighbours] = await dataSource.query(
      `SELECT count(*)::int AS n FROM wijk_neighbour n JOIN wijk w ON w.id = n.wijk_id WHERE w.municipality_id = $1`,
      [respite.municipality.id],
    );
    expect(neighbours.n).toBeGreaterThan(0);

    // A partner with its key, shown once; a revoked key stops at the till.
    await admin.getByRole('link', { name: 'Partners' }).click();
    await admin.getByLabel('Naam van de partner').fill('Bioscoop De Zon');
    await admin.getByRole('button', { name: 'Nieuwe partner' }).click();
    const shownKey = (await admin.locator('.portal-code').textContent())!.trim();
    expect(shownKey).toMatch(/^mzp_[a-z0-9]{12}_/);
    await journey.expectAccessible(admin, 'partners');
    await admin.getByRole('button', { name: /^Intrekken/ }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('ingetrokken');
    const redeemWithRevoked = await app.post('/api/v1/vouchers/redemptions', {
      headers: { 'x-api-key': shownKey },
      body: { code: 'AAAA-AAAA-AAAA-2', amountCents: 100 },
    });
    expect(redeemWithRevoked.status).toBe(401);

    // The monitor: a chart per figure where small numbers show as hidden, and the CSV.
    await admin.getByRole('link', { name: 'Monitor' }).click();
    expect(await admin.locator('svg.portal-chart').count()).toBeGreaterThan(0);
    await expect(admin.locator('svg.portal-chart').first().textContent()).resolves.toContain('<5');
    await journey.expectAccessible(admin, 'monitor');
    const [csv] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: 'Download als CSV' }).click(),
    ]);
    await expect(streamText(await csv.createReadStream())).resolves.toContain('<5');

    // This year's campaign, opened by the admin with its rules.
    await admin.getByRole('link', { name: 'Waardering' }).click();
    await admin.getByLabel('Aanvragen kan tot en met').fill(`${municipalYear() + 1}-01-31`);
    await admin.getByRole('button', { name: 'Campagne van dit jaar openen' }).click();
    await expect(admin.getByRole('status').textContent()).resolves.toContain('campagne is geopend');
    const opened = await dataSource.query(
      'SELECT amount_cents, rules FROM appreciation_campaign WHERE municipality_id = $1',
      [respite.municipality.id],
    );
    expect(opened).toEqual([expect.objectContaining({ amount_cents: 5000 })]);
    // A till key for this campaign only.
    await admin.getByRole('link', { name: 'Partners' }).click();
    await admin.getByLabel('Alleen voor waardebonnen van').first().selectOption({ index: 1 });
    await admin.getByRole('button', { name: 'Nieuwe sleutel' }).first().click();
    const limited = await dataSource.query(
      'SELECT count(*)::int AS n FROM partner_key WHERE municipality_id = $1 AND campaign_id IS NOT NULL',
      [respite.municipality.id],
    );
    expect(limited[0].n).toBe(1);

    // The admin reads in the audit log what the staff member did.
    await admin.getByRole('link', { name: 'Auditlog' }).click();
    await expect(admin.textContent('main')).resolves.toContain('POST /caseload/close');
    await journey.expectAccessible(admin, 'audit-log');
  });

  it('lets staff make an offer, slots from a weekly pattern, change capacity and call a slot off, seen in the grid', async () => {
    const respite = await setUpRespite(app);
    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Respijtaanbod' }).click();
    await page.getByLabel('Naam van het aanbod').fill('Logeerhuis Het Anker');
    await page.getByRole('button', { name: 'Nieuw aanbod' }).click();
    await page.getByRole('heading', { name: 'Logeerhuis Het Anker', level: 1 }).waitFor();
    const today = await page.inputValue('#field-from');
    const until = new Date(Date.parse(today) + 13 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Tot en met').fill(until);
    await page.getByRole('button', { name: 'Tijdvakken maken' }).click();
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('minstens één dag');
    for (let day = 1; day <= 7; day++) await page.locator(`#weekday${day}`).check();
    await page.locator('#dagdeel-middag').check();
    await page.getByRole('button', { name: 'Tijdvakken maken' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/\d+ tijdvakken gemaakt/);
    await journey.expectAccessible(page, 'offer-grid');
    const offerId = new URL(page.url()).pathname.split('/')[2];
    const dataSource = app.app.get(DataSource);
    const slots = () =>
      dataSource.query(
        'SELECT capacity, cancelled_at IS NOT NULL AS cancelled FROM respite_slot WHERE offer_id = $1 ORDER BY starts_at',
        [offerId],
      );
    expect((await slots()).length).toBeGreaterThanOrEqual(12);

    await page.locator('#capacity-slot').selectOption({ index: 0 });
    await page.getByLabel('Aantal plaatsen', { exact: true }).last().fill('3');
    await page.getByRole('button', { name: 'Aantal plaatsen veranderen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('veranderd');
    await page.locator('#call-off-slot').selectOption({ index: 0 });
    await page.getByLabel('Reden (de mantelzorgers krijgen bericht)').fill('Verwarming kapot');
    await page.getByRole('button', { name: 'Tijdvak afgelasten' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('afgelast');
    const [first] = await slots();
    expect(first).toEqual({ capacity: 3, cancelled: true });
    await expect(page.textContent('table')).resolves.toContain('afgelast');
  });

  it('lets staff review an application that needs a person, with the reasons shown, and see the figures per wijk', async () => {
    const respite = await setUpRespite(app);
    const campaign = await journey.openCampaign(respite.admin.accessToken, 1);
    // Two carers of the same person: the second application waits for staff.
    const carers = await seedCarers(app, respite.municipality, 2);
    for (const carer of carers)
      await app.post(`/api/v1/appreciation/campaigns/${campaign.body.id}/applications`, {
        token: carer.token,
        body: { careRelationshipId: carer.relationshipId },
      });
    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Waardering' }).click();
    await expect(page.textContent('main')).resolves.toContain('Iemand anders vroeg dit jaar ook waardering aan');
    await journey.expectAccessible(page, 'campaign-review');
    await page.getByRole('button', { name: 'Toekennen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('korte toelichting');
    await page.getByLabel(/Toelichting/).fill('Broer en zus zorgen om de week; beiden bedankt.');
    await page.getByRole('button', { name: 'Toekennen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('besluit is opgeslagen');
    const statuses = await app.app
      .get(DataSource)
      .query('SELECT status FROM appreciation_application WHERE campaign_id = $1 ORDER BY status', [campaign.body.id]);
    expect(statuses).toEqual([{ status: 'approved' }, { status: 'approved' }]);
    expect(await page.locator('svg.portal-chart').count()).toBe(1);
  });

  it('lets an admin open the campaign with a culture ticket to choose, and follow the tickets issued', async () => {
    const respite = await setUpRespite(app);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const page = await journey.newPage();
    await journey.signIn(page, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Waardering' }).click();
    await journey.expectAccessible(page, 'campaign-open-form');
    await page.getByLabel('Bedrag van de waardebon (euro)').fill('25');
    await page.getByLabel('Aanvragen kan tot en met').fill(`${municipalYear()}-12-31`);
    await page.getByLabel('Minstens zoveel uur zorg per week').fill('1');
    await page.getByLabel('Minstens zoveel maanden zorg').fill('0');
    await page.getByLabel(/Cultuurkaart om te kiezen/).fill('Theaterbon Schouwburg');
    await page.getByRole('button', { name: 'Campagne van dit jaar openen' }).click();
    // A name without a number of tickets is refused as a whole; nothing is opened.
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('naam én een aantal kaarten');
    expect(
      await app.app
        .get(DataSource)
        .query('SELECT id FROM appreciation_campaign WHERE municipality_id = $1', [respite.municipality.id]),
    ).toEqual([]);
    await page.getByLabel('Bedrag van de waardebon (euro)').fill('25');
    await page.getByLabel('Aanvragen kan tot en met').fill(`${municipalYear()}-12-31`);
    await page.getByLabel('Minstens zoveel uur zorg per week').fill('1');
    await page.getByLabel('Minstens zoveel maanden zorg').fill('0');
    await page.getByLabel(/Cultuurkaart om te kiezen/).fill('Theaterbon Schouwburg');
    await page.getByLabel('Aantal kaarten').fill('20');
    await page.getByRole('button', { name: 'Campagne van dit jaar openen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('geopend');
    await expect(page.textContent('main')).resolves.toContain('Theaterbon Schouwburg: 0 / 20');

    const [campaign] = await app.app
      .get(DataSource)
      .query('SELECT id, kind FROM appreciation_campaign WHERE municipality_id = $1', [respite.municipality.id]);
    expect(campaign.kind).toBe('voucher_or_culture_ticket');
    const applied = await app.post(`/api/v1/appreciation/campaigns/${campaign.id}/applications`, {
      token: carer.token,
      body: { careRelationshipId: carer.relationshipId, choice: 'culture_ticket' },
    });
    expect(applied.status).toBe(201);
    await page.reload();
    await expect(page.textContent('main')).resolves.toContain('Theaterbon Schouwburg: 1 / 20');
    await journey.expectAccessible(page, 'campaign-with-tickets');
  });

  it('lets staff invite all carers to an activity and watch the invitations go out', async () => {
    const respite = await setUpRespite(app);
    await seedCarers(app, respite.municipality, 3);
    const created = await app.post('/api/v1/activities', {
      token: respite.staff.accessToken,
      body: {
        kind: 'event',
        title: 'Dag van de Mantelzorg',
        capacity: 50,
        sessions: [{ startsAt: hoursFromNow(24 * 20), endsAt: hoursFromNow(24 * 20 + 3) }],
      },
    });
    expect(created.status).toBe(201);
    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Activiteiten' }).click();
    await journey.expectAccessible(page, 'events');
    // A course made from the page, one afternoon next month.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Soort').selectOption('course');
    await page.getByLabel('Titel').fill('Cursus omgaan met dementie');
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Training die de cursus geeft (mag leeg)').fill('dementia');
    await page.getByLabel('Training geldig (maanden, mag leeg)').fill('24');
    await page.getByLabel('Vrijwilligers', { exact: true }).check();
    await page.getByRole('button', { name: 'Nieuwe activiteit' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('activiteit is gemaakt');
    await expect(page.textContent('main')).resolves.toContain('Cursus omgaan met dementie');
    const [courseRow] = await app.app
      .get(DataSource)
      .query(
        `SELECT gives_training, training_valid_months, also_open_to FROM activity WHERE title = 'Cursus omgaan met dementie' AND municipality_id = $1`,
        [respite.municipality.id],
      );
    expect(courseRow).toEqual({ gives_training: 'dementia', training_valid_months: 24, also_open_to: ['volunteers'] });
    // A peer group every other week, four times: four sessions two weeks apart.
    await page.getByLabel('Soort').selectOption('peer_group');
    await page.getByLabel('Titel').fill('Gespreksgroep jonge mantelzorgers');
    await page.getByLabel('Datum').fill(day);
    await page.getByLabel('Herhalen').selectOption('fortnightly');
    await page.getByLabel('Hoe vaak in totaal?').fill('60');
    await page.getByRole('button', { name: 'Nieuwe activiteit' }).click();
    expect(await page.getAttribute('#field-times', 'aria-invalid')).toBe('true');
    await page.getByLabel('Hoe vaak in totaal?').fill('4');
    await page.getByRole('button', { name: 'Nieuwe activiteit' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('activiteit is gemaakt');
    const sessions = await app.app.get(DataSource).query(
      `SELECT s.starts_at FROM activity_session s JOIN activity a ON a.id = s.activity_id
        WHERE a.title = 'Gespreksgroep jonge mantelzorgers' AND a.municipality_id = $1 ORDER BY s.starts_at`,
      [respite.municipality.id],
    );
    expect(sessions).toHaveLength(4);
    expect((sessions[1].starts_at.getTime() - sessions[0].starts_at.getTime()) / 86_400_000).toBeCloseTo(14, 0);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Dag van de Mantelzorg' })
      .getByRole('button', { name: 'Alle mantelzorgers uitnodigen' })
      .click();
    await page.getByRole('heading', { name: 'Uitnodigingen worden verstuurd' }).waitFor();
    // The page follows the fan-out by itself (a small script) until every invitation is handled.
    await page.getByText('Klaar: alle uitnodigingen zijn verwerkt.').waitFor({ timeout: 20_000 });
    await expect(page.locator('#progress').textContent()).resolves.toContain('3');
    await journey.expectAccessible(page, 'event-progress');
  });

  it('lets staff see a help request, the volunteers who fit with the reasons, propose one, and record a VOG', async () => {
    const { staff, carer } = await setUpMatching(app);
    await registerVolunteer(app, staff.accessToken, 'Jansen');
    const request = await app.post('/api/v1/me/help-requests', {
      token: carer.token,
      body: {
        kind: 'transport',
        careRelationshipId: carer.relationshipId,
        wantedDates: [{ date: nextWednesday(), dagdeel: 'middag' }],
        requiredSkills: ['transport'],
      },
    });
    expect(request.status).toBe(201);
    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Hulpvragen' }).click();
    await page.getByRole('link', { name: 'Vervoer' }).click();
    await expect(page.textContent('main')).resolves.toContain('Vrijwilliger Jansen');
    await journey.expectAccessible(page, 'help-request');
    await page.getByRole('button', { name: 'Voorstellen' }).first().click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('voorstel gekregen');
    await expect(page.textContent('main')).resolves.toContain('voorgesteld, wacht op antwoord');

    await page.getByRole('link', { name: 'Vrijwilligers' }).click();
    await journey.expectAccessible(page, 'volunteers');
    await page.getByLabel('Datum van de nieuwe VOG').first().fill('2026-11-01');
    await page.getByRole('button', { name: 'VOG vastleggen' }).first().click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('vastgelegd');
    await expect(page.textContent('main')).resolves.toContain('VOG: 2026-11-01');
    await page.getByLabel('Training (bijvoorbeeld dementia)').first().fill('dementia');
    await page.getByLabel('Afgerond op').first().fill('2026-10-15');
    await page.getByRole('button', { name: 'Training vastleggen' }).first().click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('training is vastgelegd');

    // A new volunteer, registered on their behalf with what they can do and when.
    await page.getByRole('link', { name: 'Vrijwilliger aanmelden' }).click();
    await journey.expectAccessible(page, 'register-volunteer');
    await page.getByLabel('Voornaam').fill('Sanne');
    await page.getByLabel('Achternaam').fill('Visser');
    await page.getByLabel('Geboortedatum').fill('1985-04-02');
    await page.getByLabel('Postcode').fill('1121 AB');
    await page.getByLabel('Huisnummer').fill('9');
    await page.locator('#skill-transport').check();
    await page.locator('#at-3-middag').check();
    await page.getByRole('button', { name: 'Vrijwilliger aanmelden' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('vrijwilliger is aangemeld');
    const [sanne] = await app.app
      .get(DataSource)
      .query(`SELECT skills, availability FROM volunteer WHERE first_name = 'Sanne' AND last_name = 'Visser'`);
    expect(sanne).toEqual({ skills: ['transport'], availability: ['3-middag'] });
  });

  it("never shows one municipality's records to another's staff", async () => {
    const home = await setUpRespite(app);
    const other = await setUpRespite(app);
    const [carer] = await seedCarers(app, home.municipality, 1);
    const slot = await home.slot(48);
    const volunteerId = await registerVolunteer(app, home.staff.accessToken, 'Elders');
    const page = await journey.newPage(LAPTOP);
    await journey.signIn(page, other.staff.email, TEST_PASSWORD, /\/caseload$/);
    for (const path of [
      `/carers/${carer.carerId}`,
      `/offers/${home.offerId}`,
      `/slots/${slot.id}`,
      `/volunteers/${volunteerId}`,
    ]) {
      const answer = await page.goto(`${origin}${path}`);
      expect({ path, status: answer?.status() }).toEqual({ path, status: 404 });
      expect(await page.textContent('main')).not.toContain('Test Carer');
    }
    await page.goto(`${origin}/carers?name=Test`);
    expect(await page.textContent('main')).not.toContain('Test Carer');
    await page.goto(`${origin}/volunteers`);
    expect(await page.textContent('main')).not.toContain('Elders');
  });

  it('fits every staff and admin page on a phone, with no serious accessibility finding', async () => {
    const respite = await setUpRespite(app);
    await seedCarers(app, respite.municipality, 2);
    const page = await journey.newPage(PHONE);
    await journey.signIn(page, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    for (const path of [
      '/caseload',
      '/carers?name=Test',
      '/carers/new',
      '/help-requests',
      '/volunteers',
      '/volunteers/new',
      '/offers',
      `/offers/${respite.offerId}`,
      '/events',
      '/campaign',
      '/post',
      '/staff',
      '/partners',
      '/monitor',
      '/settings',
      '/audit',
      '/social-map',
      '/account',
      '/till',
    ]) {
      const answer = await page.goto(`${origin}${path}`);
      expect({ path, status: answer?.status() }).toEqual({ path, status: 200 });
      await journey.expectAccessible(page, `phone${path.replace(/[/?=]/g, '-')}`);
    }
  });
});
