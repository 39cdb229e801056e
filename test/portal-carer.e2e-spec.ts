/// <reference lib="dom" />
import { FeedbackService } from '@app/intake';
import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';
import { BrowserJourney, JOURNEY_TIMEOUT_MS, streamText } from './support/browser-journey';
import { createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { LAPTOP } from './support/browser';
import { municipalYear } from './support/municipal-year';
import { hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { setUpMatching } from './support/volunteer-fixtures';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

/** The carer's portal in a real browser: every page checked by axe-core, on a phone-sized window. */
describe('carer portal in a browser', () => {
  let journey: BrowserJourney;
  let app: TestApp;
  let origin: string;

  beforeAll(async () => {
    journey = await BrowserJourney.start();
    ({ app, origin } = journey);
  });
  afterAll(() => journey?.close());

  it('lets a carer sign up, confirm their email, sign in, book respite, cancel it and sign out', async () => {
    const respite = await setUpRespite(app);
    await respite.slot(72, 2);
    const later = await respite.slot(96, 1);
    const email = uniqueEmail('portal');
    const page = await journey.newPage();

    await page.goto(`${origin}/`);
    await journey.expectAccessible(page, 'home');
    await page.getByRole('link', { name: 'Meld u aan als mantelzorger' }).click();
    await page.getByRole('heading', { name: 'Aanmelden als mantelzorger' }).waitFor();
    await page.getByLabel('Uw gemeente').selectOption(respite.municipality.code);
    await page.getByLabel('Voornaam').fill('Ria');
    await page.getByLabel('Achternaam').fill('Jansen');
    await page.getByLabel('Geboortedatum').fill('1958-03-21');
    await page.getByLabel('Postcode').fill('not a postcode');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // The error is announced in a summary that links to the field, and shown next to it.
    const summary = page.getByRole('alert');
    await expect(summary.textContent()).resolves.toContain('postcode');
    expect(await page.getAttribute('#field-postcode', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#field-postcode', 'aria-describedby')).toContain('field-postcode-error');
    expect(await page.inputValue('#field-firstName')).toBe('Ria');
    expect(await page.inputValue('#field-password')).toBe('');
    await journey.expectAccessible(page, 'sign-up-with-errors');

    await page.getByLabel('Postcode').fill('1121 AB');
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByLabel(/het steunpunt mag bewaren/).check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    await journey.expectAccessible(page, 'check-your-email');

    const mail = await app.smtp.waitFor(email);
    await page.goto(journey.linkFrom(mail.text, '/verify-email'));
    await page.getByRole('button').first().click();
    await expect(page.textContent('body')).resolves.toContain('bevestigd');

    // Signing in, the carer lands on their overview with their municipality's name on the page.
    await page.goto(`${origin}/sign-in`);
    await journey.expectAccessible(page, 'sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('a wrong password here');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('klopt niet');
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Welkom, Ria' }).waitFor();
    await expect(page.textContent('header')).resolves.toContain(respite.municipality.name);
    await journey.expectAccessible(page, 'overview');

    // Booking needs the person cared for: the carer adds them, after one wrong field.
    await page.getByRole('link', { name: 'Voor wie ik zorg' }).click();
    await page.getByLabel('Voornaam of voorletters van wie u zorgt').fill('Henk');
    await page.getByLabel('Wie is dat voor u?').selectOption('partner');
    await page.getByLabel('Ja').check();
    await page.getByLabel('Sinds wanneer zorgt u voor deze persoon?').fill('2020-02-01');
    await page.getByLabel('Hoeveel uur per week zorgt u ongeveer?').fill('500');
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('tussen 0 en 168');
    await journey.expectAccessible(page, 'care-with-errors');
    await page.getByLabel('Hoeveel uur per week zorgt u ongeveer?').fill('20');
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await page.getByRole('heading', { name: 'Henk' }).waitFor();
    await journey.expectAccessible(page, 'care');
    const dataSource = app.app.get(DataSource);

    await page.getByRole('link', { name: 'Respijtzorg zoeken' }).first().click();
    await page.getByRole('heading', { name: 'De Linde' }).first().waitFor();
    await journey.expectAccessible(page, 'respite-search');
    await page.getByRole('button', { name: 'Boeken' }).first().click();
    await page.getByRole('heading', { name: 'Mijn boekingen' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Geboekt');
    await expect(page.textContent('main')).resolves.toContain('Bevestigd');
    await journey.expectAccessible(page, 'bookings');
    const booked = await dataSource.query(
      `SELECT status FROM respite_booking WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
      [email],
    );
    expect(booked).toEqual([{ status: 'confirmed' }]);

    // The booking goes into any calendar, moves to another slot, and the carer gets a calendar address.
    const [calendar] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Zet in mijn agenda (.ics)' }).click(),
    ]);
    await expect(streamText(await calendar.createReadStream())).resolves.toContain('BEGIN:VEVENT');
    await page.getByRole('link', { name: 'Verplaatsen' }).click();
    await journey.expectAccessible(page, 'respite-move');
    await page.getByRole('button', { name: 'Hierheen verplaatsen' }).last().click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('verplaatst');
    const moved = await dataSource.query(
      `SELECT slot_id FROM respite_booking WHERE status = 'confirmed' AND account_id = (SELECT id FROM account WHERE email = $1)`,
      [email],
    );
    expect(moved).toEqual([{ slot_id: later.id }]);
    await page.getByRole('button', { name: 'Maak mijn agenda-adres' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('/api/v1/calendar-feed.ics?key=');

    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('geannuleerd');
    const cancelled = await dataSource.query(
      `SELECT DISTINCT status FROM respite_booking WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
      [email],
    );
    expect(cancelled).toEqual([{ status: 'cancelled' }]);

    // The yearly appreciation: applying shows the decision with its reasons, and the voucher's code and balance.
    const year = municipalYear();
    const campaign = await app.post('/api/v1/appreciation/campaigns', {
      token: respite.admin.accessToken,
      body: {
        year,
        kind: 'voucher',
        amountCents: 5000,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        rules: { minHoursPerWeek: 8, minMonths: 3, residency: 'either' },
      },
    });
    expect(campaign.status).toBe(201);
    await page.getByRole('link', { name: 'Mantelzorgwaardering' }).click();
    await journey.expectAccessible(page, 'appreciation');
    await page.getByRole('button', { name: 'Aanvragen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Toegekend');
    await expect(page.textContent('main')).resolves.toContain('U zorgt genoeg uren per week.');
    await expect(page.textContent('main')).resolves.toMatch(/€\s50,00/);
    expect(await page.locator('.portal-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]$/);
    await journey.expectAccessible(page, 'appreciation-granted');

    // English on request, and the choice sticks.
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: 'My overview' }).click();
    await page.getByRole('heading', { name: 'Welcome, Ria' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${origin}/overview`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('lets a carer choose their messages, download their data, see who looked, and erase their account', async () => {
    const respite = await setUpRespite(app);
    const carer = await createPerson(app, respite.municipality, 'carer');
    const page = await journey.newPage();
    await journey.signIn(page, carer.email);
    await page.goto(`${origin}/my-data`);
    await expect(page.textContent('main')).resolves.toContain('Niemand van het steunpunt');
    await journey.expectAccessible(page, 'my-data');

    await page.locator('#field-campaignMail-no').check();
    await page.getByLabel('In welke taal wilt u berichten?').selectOption('en');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Opgeslagen');
    const dataSource = app.app.get(DataSource);
    const [account] = await dataSource.query('SELECT language, campaign_opt_out_at FROM account WHERE id = $1', [
      carer.id,
    ]);
    expect(account.language).toBe('en');
    expect(account.campaign_opt_out_at).not.toBeNull();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download mijn gegevens' }).click(),
    ]);
    const exported = JSON.parse(await streamText(await download.createReadStream()));
    expect(exported.accountId).toBe(carer.id);

    await page.getByRole('link', { name: 'Mijn account verwijderen' }).click();
    await journey.expectAccessible(page, 'erase-confirm');
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    await expect(page.locator('#field-confirm-error').textContent()).resolves.toContain('vinkje');
    expect((await dataSource.query('SELECT erased_at FROM account WHERE id = $1', [carer.id]))[0].erased_at).toBeNull();
    await page.getByLabel('Ik begrijp dat mijn account en gegevens worden verwijderd.').check();
    await page.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    await page.getByRole('heading', { name: 'Uw account is verwijderd' }).waitFor();
    expect(
      (await dataSource.query('SELECT erased_at FROM account WHERE id = $1', [carer.id]))[0].erased_at,
    ).not.toBeNull();
    await page.goto(`${origin}/my-data`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('lets a carer join a peer group with a companion, withdraw, and take the self-test; events stay for the invited', async () => {
    const respite = await setUpRespite(app);
    const carer = await createPerson(app, respite.municipality, 'carer');
    const dataSource = app.app.get(DataSource);
    await dataSource.query(
      `INSERT INTO carer (municipality_id, account_id, first_name, last_name, date_of_birth, postcode, house_number, status, registered_by, confirmed_at)
       VALUES ($1, $2, 'Els', 'Bos', '1960-01-01', '1121AB', '3', 'active', 'self', now())`,
      [respite.municipality.id, carer.id],
    );
    for (const body of [
      { kind: 'peer_group', theme: 'dementia', title: 'Lotgenotengroep dementie', maxCompanions: 1 },
      { kind: 'event', title: 'Dag van de Mantelzorg' },
    ]) {
      const created = await app.post('/api/v1/activities', {
        token: respite.staff.accessToken,
        body: {
          ...body,
          capacity: 10,
          sessions: [{ startsAt: hoursFromNow(24 * 7), endsAt: hoursFromNow(24 * 7 + 2) }],
        },
      });
      expect([created.status, created.body.code]).toEqual([201, undefined]);
    }
    const page = await journey.newPage();
    await journey.signIn(page, carer.email);
    await page.getByRole('link', { name: 'Activiteiten' }).click();
    await expect(page.textContent('main')).resolves.toContain('Alleen op uitnodiging.');
    await journey.expectAccessible(page, 'activities');
    await page.getByLabel('Hoeveel mensen neemt u mee?').selectOption('1');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('U bent aangemeld');
    await expect(page.textContent('main')).resolves.toContain('met 1 personen erbij');
    const participants = () =>
      dataSource.query('SELECT status, companions FROM activity_participant WHERE account_id = $1', [carer.id]);
    expect(await participants()).toEqual([{ status: 'attending', companions: 1 }]);
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('afgemeld');
    expect(await participants()).toEqual([{ status: 'cancelled', companions: 0 }]);

    // The EDIZ self-test: an unanswered statement is named; a heavy result asks the steunpunt to call.
    await page.getByRole('link', { name: 'Zelftest' }).click();
    await journey.expectAccessible(page, 'self-test');
    for (let statement = 1; statement <= 8; statement++) await page.locator(`#answer${statement}-4`).check();
    await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
    await expect(page.locator('#field-answer9-error').textContent()).resolves.toContain('Kies bij elke zin');
    await page.locator('#answer9-4').check();
    await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
    await expect(page.textContent('main')).resolves.toContain('Uw score is 9 van de 9.');
    await expect(page.getByRole('status').textContent()).resolves.toContain('neemt contact met u op');
    await journey.expectAccessible(page, 'self-test-result');
    const signals = await dataSource.query(
      'SELECT count(*)::int AS n FROM signal s JOIN carer c ON c.id = s.carer_id WHERE c.account_id = $1',
      [carer.id],
    );
    expect(signals[0].n).toBe(1);
  });

  it('lets a carer who forgot their password choose a new one through the emailed link and sign in with it', async () => {
    const respite = await setUpRespite(app);
    const carer = await createPerson(app, respite.municipality, 'carer');
    const page = await journey.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await journey.expectAccessible(page, 'forgot-password');
    await page.getByLabel('E-mailadres').fill('not an address');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    await page.getByLabel('E-mailadres').fill(carer.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('krijgt u binnen een paar minuten');

    const mail = await app.smtp.waitFor(carer.email);
    await page.goto(journey.linkFrom(mail.text, '/reset-password'));
    await journey.expectAccessible(page, 'reset-password');
    await page.getByLabel('Nieuw wachtwoord').fill('mijn nieuwe lange wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(page.textContent('body')).resolves.toContain('Uw wachtwoord is opgeslagen');
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('E-mailadres').fill(carer.email);
    await page.getByLabel('Wachtwoord').fill('mijn nieuwe lange wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/overview$/);
  });

  it('lets a resident without an account find a course, sign up with name and address, and confirm by mail', async () => {
    const respite = await setUpRespite(app);
    const created = await app.post('/api/v1/activities', {
      token: respite.admin.accessToken,
      body: {
        kind: 'course',
        title: 'Tillen zonder pijn',
        description: 'Een praktische cursus.',
        location: 'Buurthuis De Linde',
        capacity: 12,
        maxCompanions: 1,
        alsoOpenTo: ['residents'],
        sessions: [
          {
            startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 5 * 86_400_000 + 7_200_000).toISOString(),
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    const page = await journey.newPage();
    await page.goto(origin);
    await page.getByRole('link', { name: 'Cursussen en groepen voor inwoners' }).click();
    await page.getByLabel('Uw gemeente').selectOption(respite.municipality.code);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.textContent('main')).resolves.toContain('Tillen zonder pijn');
    await journey.expectAccessible(page, 'courses');
    await page.locator('main').getByRole('link', { name: 'Aanmelden', exact: true }).click();
    await journey.expectAccessible(page, 'course-sign-up');
    await page.getByLabel('Uw naam').fill('Els de Wit');
    await page.getByLabel('E-mailadres').fill('geen adres');
    await page.getByRole('button', { name: 'Stuur mij de bevestigingslink' }).click();
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    const email = `els-${respite.municipality.code.toLowerCase()}@example.org`;
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Hoeveel mensen neemt u mee?').selectOption('1');
    await page.getByRole('button', { name: 'Stuur mij de bevestigingslink' }).click();
    await expect(page.textContent('main')).resolves.toContain('binnen twee dagen');

    const mail = await app.smtp.waitForSubject(email, 'Bevestig uw aanmelding: Tillen zonder pijn', 15_000);
    await page.goto(journey.linkFrom(mail.text, '/activity-sign-up'));
    await journey.expectAccessible(page, 'course-confirm');
    await page.getByRole('button', { name: 'Ja, meld mij aan' }).click();
    await expect(page.textContent('body')).resolves.toContain('U bent aangemeld');
    const [row] = await app.app
      .get(DataSource)
      .query('SELECT status, companions, resident_name FROM activity_participant WHERE activity_id = $1', [
        created.body.id,
      ]);
    expect(row).toEqual({ status: 'attending', companions: 1, resident_name: 'Els de Wit' });
  });

  it('lets a carer ask a question and read the answer pointing at the social map; a referral waits for the carer', async () => {
    const { municipality, staff, carer } = await setUpMatching(app);
    const dataSource = app.app.get(DataSource);
    // The seeded carer gets a password to sign in with (copied from a person made with one).
    const withPassword = await createPerson(app, municipality, 'volunteer');
    await dataSource.query(
      'UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1) WHERE email = $2',
      [withPassword.id, carer.email],
    );

    const office = await journey.newPage(LAPTOP);
    await journey.signIn(office, staff.email, TEST_PASSWORD, /\/caseload$/);
    await office.getByRole('link', { name: 'Sociale kaart' }).click();
    await office.getByLabel('Organisatie', { exact: true }).fill('Stichting Welzijn Dorp');
    await office.getByLabel('Wat bieden ze?').fill('Cliëntondersteuning bij het aanvragen van dagbesteding.');
    await office.locator('#topic-client_support').check();
    await office.getByLabel('Telefoon of e-mail').fill('020 123 45 67');
    await office.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('staat op de sociale kaart');
    await journey.expectAccessible(office, 'social-map-staff');

    // Anyone finds it without signing in.
    const visitor = await journey.newPage();
    await visitor.goto(`${origin}/`);
    await visitor.getByRole('link', { name: 'Sociale kaart: hulp in de buurt' }).click();
    await visitor.getByLabel('Uw gemeente').selectOption(municipality.code);
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await visitor.getByLabel('Waar gaat uw vraag over?').selectOption('client_support');
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await expect(visitor.textContent('main')).resolves.toContain('Stichting Welzijn Dorp');
    await journey.expectAccessible(visitor, 'social-map');

    const page = await journey.newPage();
    await journey.signIn(page, carer.email);
    await page.getByRole('link', { name: 'Mijn vragen' }).click();
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Schrijf uw vraag');
    await page.getByLabel('Waar gaat uw vraag over?').selectOption('client_support');
    await page.getByLabel('Uw vraag', { exact: true }).fill('Hoe vraag ik dagbesteding aan voor mijn moeder?');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Uw vraag is verstuurd');
    await expect(page.textContent('main')).resolves.toContain('ontvangen');
    await journey.expectAccessible(page, 'questions');

    await office.getByRole('link', { name: 'Werkvoorraad' }).click();
    await office
      .getByRole('listitem')
      .filter({ hasText: 'Vraag: Aanvragen van thuiszorg of dagbesteding' })
      .getByRole('link')
      .first()
      .click();
    await expect(office.textContent('main')).resolves.toContain('Hoe vraag ik dagbesteding aan');
    await journey.expectAccessible(office, 'question-staff');
    await office.getByLabel('Antwoord aan de mantelzorger').fill('Bel Stichting Welzijn, die helpt u met de aanvraag.');
    await office.getByLabel('Stichting Welzijn Dorp').check();
    await office.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('staat klaar');
    await app.smtp.waitForSubject(carer.email, 'Het steunpunt heeft uw vraag beantwoord');
    await page.reload();
    await expect(page.textContent('main')).resolves.toContain('Bel Stichting Welzijn');
    await expect(page.textContent('main')).resolves.toContain('020 123 45 67');

    // A wijkteam refers someone through the public form: nothing reaches the caseload before their yes.
    const email = uniqueEmail('referred');
    await visitor.goto(`${origin}/`);
    await visitor.getByRole('link', { name: 'Zorgverlener? Verwijs een mantelzorger' }).click();
    await journey.expectAccessible(visitor, 'refer');
    await visitor.getByLabel('Gemeente van de mantelzorger').selectOption(municipality.code);
    await visitor.getByLabel('Uw praktijk of organisatie').fill('Wijkteam Oost');
    await visitor.getByLabel('U bent').selectOption('wijkteam');
    await visitor.getByLabel('Voornaam').fill('Piet');
    await visitor.getByLabel('Achternaam').fill('Verwezen');
    await visitor.getByLabel('Postcode').fill('1122 AA');
    await visitor.getByLabel('E-mailadres van de mantelzorger').fill(email);
    await visitor.getByRole('button', { name: 'Doorgeven' }).click();
    await expect(visitor.textContent('main')).resolves.toContain('krijgt een e-mail');
    await office.getByRole('link', { name: 'Werkvoorraad' }).click();
    expect(await office.textContent('main')).not.toContain('Piet Verwezen');
    const mail = await app.smtp.waitFor(email);
    await visitor.goto(journey.linkFrom(mail.text, '/referral-consent'));
    await visitor.getByRole('button', { name: 'Ja, neem contact met mij op' }).click();
    await expect(visitor.textContent('body')).resolves.toContain('Dank u wel');
    await office.reload();
    await office.getByRole('link', { name: 'Piet Verwezen' }).click();
    await expect(office.textContent('main')).resolves.toContain('Wijkteam Oost (wijkteam)');
    await journey.expectAccessible(office, 'referral');
  });

  it('lets a carer keep their own details, mail choices, password and email address', async () => {
    const { municipality, carer, wijken } = await setUpMatching(app);
    const dataSource = app.app.get(DataSource);
    const withPassword = await createPerson(app, municipality, 'volunteer');
    await dataSource.query(
      'UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1) WHERE email = $2',
      [withPassword.id, carer.email],
    );
    const page = await journey.newPage();
    await journey.signIn(page, carer.email);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await journey.expectAccessible(page, 'account');
    await page.getByLabel('Postcode').fill('1123 AB');
    await page.getByLabel('Huisnummer').fill('7');
    await page.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Opgeslagen');
    const [moved] = await dataSource.query('SELECT postcode, wijk_id FROM carer WHERE id = $1', [carer.carerId]);
    expect(moved).toEqual({ postcode: '1123AB', wijk_id: wijken.noord });

    await page.getByLabel('Uitnodiging voor een activiteit').uncheck();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Opgeslagen');
    expect(await page.isChecked('#mail-activity_invitation')).toBe(false);
    const [account] = await dataSource.query('SELECT mail_opt_outs FROM account WHERE email = $1', [carer.email]);
    expect(account.mail_opt_outs).toEqual(['activity_invitation']);

    // Another device stays signed in until the password changes.
    const other = await journey.newPage();
    await journey.signIn(other, carer.email);
    await page.getByLabel('Huidig wachtwoord').first().fill('not the password');
    await page.getByLabel('Nieuw wachtwoord (minstens 12 tekens)').fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('klopt niet');
    await journey.expectAccessible(page, 'account-wrong-password');
    await page.getByLabel('Huidig wachtwoord').first().fill(TEST_PASSWORD);
    await page.getByLabel('Nieuw wachtwoord (minstens 12 tekens)').fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('andere apparaten bent u uitgelogd');
    await other.goto(`${origin}/overview`);
    await other.waitForURL(/\/sign-in/);

    const newEmail = uniqueEmail('nieuw');
    await page.getByLabel('Nieuw e-mailadres').fill(newEmail);
    await page.getByLabel('Huidig wachtwoord').last().fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Link sturen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('nieuwe adres');
    const mail = await app.smtp.waitForSubject(newEmail, 'Bevestig uw nieuwe e-mailadres');
    await page.goto(journey.linkFrom(mail.text, '/confirm-email-change'));
    await page.getByRole('button', { name: 'Dit adres gebruiken' }).click();
    await expect(page.textContent('body')).resolves.toContain('Uw e-mailadres is gewijzigd');
    await page.goto(`${origin}/account`);
    await expect(page.textContent('main')).resolves.toContain(newEmail);
  });

  it('lets a carer say how respite went, and shows admins the satisfaction with small numbers hidden', async () => {
    const respite = await setUpRespite(app);
    const slot = await respite.slot(48, 2);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const dataSource = app.app.get(DataSource);
    const withPassword = await createPerson(app, respite.municipality, 'volunteer');
    await dataSource.query(
      'UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1) WHERE email = $2',
      [withPassword.id, carer.email],
    );
    await app.post('/api/v1/respite/bookings', {
      token: carer.token,
      body: { slotId: slot.id, careRelationshipId: carer.relationshipId },
    });
    await dataSource.query(
      `UPDATE respite_booking SET starts_at = now() - interval '5 hours', ends_at = now() - interval '1 hour' WHERE slot_id = $1`,
      [slot.id],
    );
    await app.app.get(FeedbackService).askDue();

    const page = await journey.newPage();
    await journey.signIn(page, carer.email);
    await page.getByRole('link', { name: 'Uw mening' }).click();
    await expect(page.textContent('main')).resolves.toContain('De Linde');
    await journey.expectAccessible(page, 'feedback');
    await page.getByRole('button', { name: 'Versturen' }).click();
    // The browser itself asks for a score first (required radio buttons); nothing was sent.
    expect(
      await dataSource.query('SELECT score FROM feedback_request WHERE account_id = $1', [carer.accountId]),
    ).toEqual([{ score: null }]);
    await page.getByLabel('4 - goed').check();
    await page.getByLabel('Wat wilt u ons laten weten? (mag leeg)').fill('Prettige middag.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Dank u wel');
    await expect(page.textContent('main')).resolves.toContain('Er staan geen vragen voor u open');

    const office = await journey.newPage(LAPTOP);
    await journey.signIn(office, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await office.goto(`${origin}/monitor`);
    const table = office.locator('section[aria-labelledby="feedback-results"] table');
    await expect(table.textContent()).resolves.toContain('Respijtzorg: De Linde');
    await expect(table.textContent()).resolves.toContain('<5');
  });

  it('works by keyboard alone, with a skip link and a visible focus, on a laptop too', async () => {
    const page = await journey.newPage(LAPTOP);
    await page.goto(`${origin}/sign-in`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(skip).toBe('Direct naar de inhoud');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await journey.expectAccessible(page, 'sign-in-laptop');
    // 200% zoom of a 1280 px window leaves 640 CSS pixels: still no sideways scrolling.
    await page.setViewportSize({ width: 640, height: 400 });
    await journey.expectAccessible(page, 'sign-in-zoomed');
  });

  it('refuses a form posted without its CSRF token, and keeps the session cookie HttpOnly and SameSite', async () => {
    const page = await journey.newPage();
    await page.goto(`${origin}/sign-in`);
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'mz_portal');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const forged = await page.evaluate(async () => {
      const answer = await fetch('/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=a%40b.nl&password=whatever-long-enough',
      });
      return answer.status;
    });
    expect(forged).toBe(403);
  });
});
