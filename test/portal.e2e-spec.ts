import { DateTime } from 'luxon';
/// <reference lib="dom" />
import { CarerFollowUp } from '@app/carers';
import { FeedbackService } from '@app/intake';
import { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { launchBrowser, LAPTOP, PHONE, screenshot, seriousViolations } from './support/browser';
import { createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { municipalYear } from './support/municipal-year';
import { hoursFromNow, seedCarers, setUpRespite } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { askForHelp, nextWednesday, registerVolunteer, setUpMatching } from './support/volunteer-fixtures';

/** The carer's portal in a real browser: every page checked by axe-core, on a phone-sized window. */
describe('carer portal in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    await app.app.listen({ port: 0, host: '127.0.0.1' });
    origin = await app.app.getUrl();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app.close();
  });

  /** A page opened in a fresh context, with CSP bypassed only so axe-core can be injected. */
  async function newPage(viewport = PHONE): Promise<Page> {
    const context = await browser.newContext({ viewport, bypassCSP: true, locale: 'nl-NL' });
    const page = await context.newPage();
    // A step that cannot happen fails in seconds, naming the step, rather than at the test's timeout.
    page.setDefaultTimeout(8000);
    return page;
  }

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
    // Nothing wider than the window: no sideways scrolling on a phone.
    const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect({ page: name, overflow: width > 0 }).toEqual({ page: name, overflow: false });
    expect(await page.getAttribute('html', 'lang')).toMatch(/^(nl|en)$/);
    expect((await page.title()).length).toBeGreaterThan(3);
  }

  async function signIn(page: Page, email: string, password = TEST_PASSWORD, landing = /\/overview$/): Promise<void> {
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(landing);
  }

  /** This year's voucher campaign, open for a month, with the given minimum hours a week. */
  function openCampaign(adminToken: string, minHoursPerWeek: number) {
    return app.post('/api/v1/appreciation/campaigns', {
      token: adminToken,
      body: {
        year: municipalYear(),
        kind: 'voucher',
        amountCents: 5000,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        rules: { minHoursPerWeek, minMonths: 1, residency: 'either' },
      },
    });
  }

  /** The emailed link, pointed at this test's server. */
  function linkFrom(text: string, path: string): string {
    const found = text.match(new RegExp(`https?://[^\\s]+${path}\\?token=[^\\s]+`));
    if (!found) throw new Error(`No ${path} link in: ${text}`);
    const link = new URL(found[0]);
    return `${origin}${link.pathname}${link.search}`;
  }

  it('lets a carer sign up, confirm their email, sign in, book respite, cancel it and sign out', async () => {
    jest.setTimeout(90_000);
    const respite = await setUpRespite(app);
    await respite.slot(72, 2);
    const later = await respite.slot(96, 1);
    const email = uniqueEmail('portal');
    const page = await newPage();

    await page.goto(`${origin}/`);
    await expectAccessible(page, 'home');
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
    await expectAccessible(page, 'sign-up-with-errors');

    await page.getByLabel('Postcode').fill('1121 AB');
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByLabel(/het steunpunt mag bewaren/).check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    await expectAccessible(page, 'check-your-email');

    const mail = await app.smtp.waitFor(email);
    await page.goto(linkFrom(mail.text, '/verify-email'));
    await page.getByRole('button').first().click();
    await expect(page.textContent('body')).resolves.toContain('bevestigd');

    // Signing in, the carer lands on their overview with their municipality's name on the page.
    await page.goto(`${origin}/sign-in`);
    await expectAccessible(page, 'sign-in');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('a wrong password here');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('klopt niet');
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Welkom, Ria' }).waitFor();
    await expect(page.textContent('header')).resolves.toContain(respite.municipality.name);
    await expectAccessible(page, 'overview');

    // Booking needs the person cared for: the carer adds them, after one wrong field.
    await page.getByRole('link', { name: 'Voor wie ik zorg' }).click();
    await page.getByLabel('Voornaam of voorletters van wie u zorgt').fill('Henk');
    await page.getByLabel('Wie is dat voor u?').selectOption('partner');
    await page.getByLabel('Ja').check();
    await page.getByLabel('Sinds wanneer zorgt u voor deze persoon?').fill('2020-02-01');
    await page.getByLabel('Hoeveel uur per week zorgt u ongeveer?').fill('500');
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await expect(page.locator('#error-summary').textContent()).resolves.toContain('tussen 0 en 168');
    await expectAccessible(page, 'care-with-errors');
    await page.getByLabel('Hoeveel uur per week zorgt u ongeveer?').fill('20');
    await page.getByRole('button', { name: 'Iemand toevoegen' }).click();
    await page.getByRole('heading', { name: 'Henk' }).waitFor();
    await expectAccessible(page, 'care');
    const dataSource = app.app.get(DataSource);

    await page.getByRole('link', { name: 'Respijtzorg zoeken' }).first().click();
    await page.getByRole('heading', { name: 'De Linde' }).first().waitFor();
    await expectAccessible(page, 'respite-search');
    await page.getByRole('button', { name: 'Boeken' }).first().click();
    await page.getByRole('heading', { name: 'Mijn boekingen' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Geboekt');
    await expect(page.textContent('main')).resolves.toContain('Bevestigd');
    await expectAccessible(page, 'bookings');
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
    await expectAccessible(page, 'respite-move');
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
    await expectAccessible(page, 'appreciation');
    await page.getByRole('button', { name: 'Aanvragen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Toegekend');
    await expect(page.textContent('main')).resolves.toContain('U zorgt genoeg uren per week.');
    await expect(page.textContent('main')).resolves.toMatch(/€\s50,00/);
    expect(await page.locator('.portal-code').textContent()).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]$/);
    await expectAccessible(page, 'appreciation-granted');

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
    const page = await newPage();
    await signIn(page, carer.email);
    await page.goto(`${origin}/my-data`);
    await expect(page.textContent('main')).resolves.toContain('Niemand van het steunpunt');
    await expectAccessible(page, 'my-data');

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
    await expectAccessible(page, 'erase-confirm');
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
    const page = await newPage();
    await signIn(page, carer.email);
    await page.getByRole('link', { name: 'Activiteiten' }).click();
    await expect(page.textContent('main')).resolves.toContain('Alleen op uitnodiging.');
    await expectAccessible(page, 'activities');
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
    await expectAccessible(page, 'self-test');
    for (let statement = 1; statement <= 8; statement++) await page.locator(`#answer${statement}-4`).check();
    await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
    await expect(page.locator('#field-answer9-error').textContent()).resolves.toContain('Kies bij elke zin');
    await page.locator('#answer9-4').check();
    await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
    await expect(page.textContent('main')).resolves.toContain('Uw score is 9 van de 9.');
    await expect(page.getByRole('status').textContent()).resolves.toContain('neemt contact met u op');
    await expectAccessible(page, 'self-test-result');
    const signals = await dataSource.query(
      'SELECT count(*)::int AS n FROM signal s JOIN carer c ON c.id = s.carer_id WHERE c.account_id = $1',
      [carer.id],
    );
    expect(signals[0].n).toBe(1);
  });

  it('lets a carer who forgot their password choose a new one through the emailed link and sign in with it', async () => {
    const respite = await setUpRespite(app);
    const carer = await createPerson(app, respite.municipality, 'carer');
    const page = await newPage();
    await page.goto(`${origin}/sign-in`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expectAccessible(page, 'forgot-password');
    await page.getByLabel('E-mailadres').fill('not an address');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    expect(await page.getAttribute('#field-email', 'aria-invalid')).toBe('true');
    await page.getByLabel('E-mailadres').fill(carer.email);
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('krijgt u binnen een paar minuten');

    const mail = await app.smtp.waitFor(carer.email);
    await page.goto(linkFrom(mail.text, '/reset-password'));
    await expectAccessible(page, 'reset-password');
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
    const page = await newPage();
    await page.goto(origin);
    await page.getByRole('link', { name: 'Cursussen en groepen voor inwoners' }).click();
    await page.getByLabel('Uw gemeente').selectOption(respite.municipality.code);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect(page.textContent('main')).resolves.toContain('Tillen zonder pijn');
    await expectAccessible(page, 'courses');
    await page.locator('main').getByRole('link', { name: 'Aanmelden', exact: true }).click();
    await expectAccessible(page, 'course-sign-up');
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
    await page.goto(linkFrom(mail.text, '/activity-sign-up'));
    await expectAccessible(page, 'course-confirm');
    await page.getByRole('button', { name: 'Ja, meld mij aan' }).click();
    await expect(page.textContent('body')).resolves.toContain('U bent aangemeld');
    const [row] = await app.app
      .get(DataSource)
      .query('SELECT status, companions, resident_name FROM activity_participant WHERE activity_id = $1', [
        created.body.id,
      ]);
    expect(row).toEqual({ status: 'attending', companions: 1, resident_name: 'Els de Wit' });
  });

  it('gives staff the caseload (claim, close) and admins the staff accounts, audited, and keeps carers out', async () => {
    const respite = await setUpRespite(app);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const screening = await app.post('/api/v1/me/screenings', {
      token: carer.token,
      body: { answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] },
    });
    expect(screening.status).toBe(201);
    const dataSource = app.app.get(DataSource);

    const page = await newPage(LAPTOP);
    await signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await expect(page.textContent('main')).resolves.toContain('Test Carer');
    await expectAccessible(page, 'caseload');
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
    await expectAccessible(page, 'carer-record');
    const looks = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_id = $1 AND route = 'GET /carers/:carerId'`,
      [carer.carerId],
    );
    expect(looks[0].n).toBe(1);

    // Registering a carer without email (post) on their behalf.
    await page.goto(`${origin}/carers/new`);
    await expectAccessible(page, 'register-carer');
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
    await expectAccessible(page, 'post');
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

    const admin = await newPage(LAPTOP);
    await signIn(admin, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await admin.getByRole('link', { name: 'Medewerkers' }).click();
    await expectAccessible(admin, 'staff-accounts');
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
    await expectAccessible(admin, 'settings');
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
    await expectAccessible(admin, 'partners');
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
    await expectAccessible(admin, 'monitor');
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
    await expectAccessible(admin, 'audit-log');
  });

  it('gives partners a till: their key once, then a code and an amount; a form sent twice spends once', async () => {
    const respite = await setUpRespite(app);
    const campaign = await openCampaign(respite.admin.accessToken, 1);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const applied = await app.post(`/api/v1/appreciation/campaigns/${campaign.body.id}/applications`, {
      token: carer.token,
      body: { careRelationshipId: carer.relationshipId },
    });
    const code = applied.body.voucher.code as string;
    const partner = await app.post('/api/v1/partners', {
      token: respite.admin.accessToken,
      body: { name: 'Filmhuis' },
    });

    const page = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: /Waardebon innen/ }).click();
    await expectAccessible(page, 'till-sign-in');
    await page.getByLabel('Uw sleutel').fill('mzp_wrongprefix_wrongsecret');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('klopt niet');
    await page.getByLabel('Uw sleutel').fill(partner.body.apiKey);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByLabel('Code').fill(code.toLowerCase());
    await page.getByLabel('Bedrag in euro').fill('12,50');
    const receipt = await page.inputValue('input[name=receipt]');
    const csrf = await page.inputValue('form[action="/till/redeem"] input[name=_csrf]');
    await page.getByRole('button', { name: 'Innen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/nog €\s37,50/);
    await expectAccessible(page, 'till');
    // The same form again (a double click, a reload): the same answer, nothing spent twice.
    const again = await page.evaluate(
      async ({ receipt, csrf, code }) => {
        const body = new URLSearchParams({ _csrf: csrf, receipt, code, amount: '12,50' });
        const answer = await fetch('/till/redeem', { method: 'POST', body });
        return answer.text();
      },
      { receipt, csrf, code },
    );
    expect(again).toMatch(/nog €\s37,50/);
    const [voucher] = await app.app
      .get(DataSource)
      .query('SELECT balance_cents FROM voucher WHERE carer_id = $1', [carer.carerId]);
    expect(voucher.balance_cents).toBe(3750);
    // The till lists today's spending once, with only the code's end.
    await page.reload();
    await expect(page.getByRole('heading', { name: /Vandaag afgeschreven/ }).textContent()).resolves.toMatch(
      /€\s12,50/,
    );
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(code.replace(/-/g, '').slice(-4));
    expect(await page.textContent('main')).not.toContain(code);
  });

  it('lets staff make an offer, slots from a weekly pattern, change capacity and call a slot off, seen in the grid', async () => {
    const respite = await setUpRespite(app);
    const page = await newPage(LAPTOP);
    await signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
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
    await expectAccessible(page, 'offer-grid');
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
    const campaign = await openCampaign(respite.admin.accessToken, 1);
    // Two carers of the same person: the second application waits for staff.
    const carers = await seedCarers(app, respite.municipality, 2);
    for (const carer of carers)
      await app.post(`/api/v1/appreciation/campaigns/${campaign.body.id}/applications`, {
        token: carer.token,
        body: { careRelationshipId: carer.relationshipId },
      });
    const page = await newPage(LAPTOP);
    await signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Waardering' }).click();
    await expect(page.textContent('main')).resolves.toContain('Iemand anders vroeg dit jaar ook waardering aan');
    await expectAccessible(page, 'campaign-review');
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
    const page = await newPage();
    await signIn(page, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Waardering' }).click();
    await expectAccessible(page, 'campaign-open-form');
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
    await expectAccessible(page, 'campaign-with-tickets');
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
    const page = await newPage(LAPTOP);
    await signIn(page, respite.staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Activiteiten' }).click();
    await expectAccessible(page, 'events');
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
    await expectAccessible(page, 'event-progress');
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
    const page = await newPage(LAPTOP);
    await signIn(page, staff.email, TEST_PASSWORD, /\/caseload$/);
    await page.getByRole('link', { name: 'Hulpvragen' }).click();
    await page.getByRole('link', { name: 'Vervoer' }).click();
    await expect(page.textContent('main')).resolves.toContain('Vrijwilliger Jansen');
    await expectAccessible(page, 'help-request');
    await page.getByRole('button', { name: 'Voorstellen' }).first().click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('voorstel gekregen');
    await expect(page.textContent('main')).resolves.toContain('voorgesteld, wacht op antwoord');

    await page.getByRole('link', { name: 'Vrijwilligers' }).click();
    await expectAccessible(page, 'volunteers');
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
    await expectAccessible(page, 'register-volunteer');
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

  it('lets a volunteer sign up, answer a proposal, log hours and say when they are away; staff correct hours and end the match', async () => {
    jest.setTimeout(90_000);
    const { admin, staff, carer, municipality } = await setUpMatching(app);
    const email = uniqueEmail('portal-volunteer');
    const page = await newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Meld u aan als vrijwilliger' }).click();
    await page.getByRole('heading', { name: 'Aanmelden als vrijwilliger' }).waitFor();
    await page.getByLabel('Uw gemeente').selectOption(municipality.code);
    await page.getByLabel('Voornaam').fill('Kees');
    await page.getByLabel('Achternaam').fill('Vrijwillig');
    await page.getByLabel('Geboortedatum').fill('1961-06-01');
    await page.getByLabel('Postcode').fill('1122 AA');
    await page.getByLabel('Huisnummer').fill('4');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill('een lange zin als wachtwoord');
    await expectAccessible(page, 'volunteer-sign-up');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    const mail = await app.smtp.waitFor(email);
    await page.goto(linkFrom(mail.text, '/verify-email'));
    await page.getByRole('button').first().click();
    await expect(page.textContent('body')).resolves.toContain('bevestigd');
    await signIn(page, email, 'een lange zin als wachtwoord', /\/volunteering$/);
    await expectAccessible(page, 'volunteering-empty');

    // What they can do and when, then the steunpunt proposes them for a Wednesday-afternoon ride.
    await page.locator('#skill-transport').check();
    await page.locator('#at-3-middag').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('opgeslagen');
    expect(await page.isChecked('#at-3-middag')).toBe(true);
    const [volunteer] = await app.app
      .get(DataSource)
      .query(`SELECT v.id FROM volunteer v JOIN account a ON a.id = v.account_id WHERE a.email = $1`, [email]);
    await app.request('PUT', `/api/v1/volunteers/${volunteer.id}/vog`, {
      token: staff.accessToken,
      body: { issuedOn: '2026-06-01' },
    });
    const requestId = await askForHelp(app, carer.token, carer.relationshipId);
    const proposed = await app.post(`/api/v1/help-requests/${requestId}/matches`, {
      token: staff.accessToken,
      body: { volunteerId: volunteer.id },
    });
    expect(proposed.status).toBe(201);
    await page.reload();
    await expect(page.textContent('main')).resolves.toContain('Vervoer');
    await page.getByRole('button', { name: 'Ja, ik help' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('aangenomen');

    // Hours: a wrong number is refused next to the field; 1,5 is saved and counted.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await page.getByLabel('Datum', { exact: true }).fill(today);
    await page.getByLabel('Aantal uren').fill('30');
    await page.getByRole('button', { name: 'Uren opslaan' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('tussen 0,25 en 24');
    expect(await page.getAttribute('#field-hours', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'volunteering-hours-error');
    await page.getByLabel('Datum', { exact: true }).fill(today);
    await page.getByLabel('Aantal uren').fill('1,5');
    await page.getByRole('button', { name: 'Uren opslaan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('opgeslagen');
    await expect(page.textContent('main')).resolves.toContain('Totaal: 1.5');
    await page.getByLabel('Van', { exact: true }).fill(`${municipalYear() + 1}-07-01`);
    await page.getByLabel('Tot en met').fill(`${municipalYear() + 1}-07-14`);
    await page.getByRole('button', { name: 'Afwezigheid doorgeven' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('doorgegeven');
    await expect(page.textContent('main')).resolves.toContain(
      `${municipalYear() + 1}-07-01 – ${municipalYear() + 1}-07-14`,
    );
    await expectAccessible(page, 'volunteering');
    // A campaign that thanks volunteers: applied for from the portal, paid with a voucher.
    const thanks = await app.post('/api/v1/appreciation/campaigns', {
      token: admin.accessToken,
      body: {
        year: DateTime.now().setZone('Europe/Amsterdam').year,
        kind: 'voucher',
        amountCents: 2500,
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        rules: { minHoursPerWeek: 0, minMonths: 0, residency: 'either' },
        audience: 'volunteers',
        volunteerRules: { minActiveMonths: 0, minHoursLogged: 1 },
      },
    });
    expect(thanks.status).toBe(201);
    await page.getByRole('link', { name: 'Vrijwilligerswaardering' }).click();
    await expect(page.textContent('h1')).resolves.toBe('Vrijwilligerswaardering');
    await page.getByRole('button', { name: 'Aanvragen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Toegekend');
    await expect(page.textContent('main')).resolves.toContain('€');
    await expectAccessible(page, 'volunteer-appreciation');
    await page.getByRole('link', { name: 'Mijn vrijwilligerswerk' }).click();
    // A volunteer has no staff pages.
    expect((await page.goto(`${origin}/caseload`))?.status()).toBe(403);

    // Staff find the volunteer by a valid VOG, correct the entry, and end the match.
    const office = await newPage(LAPTOP);
    await signIn(office, staff.email, TEST_PASSWORD, /\/caseload$/);
    await office.getByRole('link', { name: 'Vrijwilligers' }).click();
    await office.getByLabel('VOG', { exact: true }).selectOption('valid');
    await office.getByRole('button', { name: 'Filteren' }).click();
    await office.getByRole('link', { name: 'Kees Vrijwillig' }).click();
    await expect(office.textContent('main')).resolves.toContain(
      `${municipalYear() + 1}-07-01 – ${municipalYear() + 1}-07-14`,
    );
    await expectAccessible(office, 'volunteer-record');
    await office.getByLabel('Aantal uren').first().fill('2');
    await office.getByRole('button', { name: 'Corrigeren' }).first().click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('gecorrigeerd');
    await expect(office.textContent('main')).resolves.toContain('Totaal: 2');
    await expect(office.textContent('main')).resolves.toContain('gecorrigeerd door het steunpunt');
    await office.getByRole('link', { name: 'Vervoer' }).click();
    await office.getByLabel('Reden van beëindigen').fill('Vervoer is anders geregeld');
    await office.getByRole('button', { name: 'Koppeling beëindigen' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('beëindigd');
    const [ended] = await app.app
      .get(DataSource)
      .query(`SELECT status FROM volunteer_match WHERE id = $1`, [proposed.body.id]);
    expect(ended.status).toBe('ended');
  });

  it('lets a carer ask a question and read the answer pointing at the social map; a referral waits for the carer', async () => {
    jest.setTimeout(90_000);
    const { municipality, staff, carer } = await setUpMatching(app);
    const dataSource = app.app.get(DataSource);
    // The seeded carer gets a password to sign in with (copied from a person made with one).
    const withPassword = await createPerson(app, municipality, 'volunteer');
    await dataSource.query(
      'UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1) WHERE email = $2',
      [withPassword.id, carer.email],
    );

    const office = await newPage(LAPTOP);
    await signIn(office, staff.email, TEST_PASSWORD, /\/caseload$/);
    await office.getByRole('link', { name: 'Sociale kaart' }).click();
    await office.getByLabel('Organisatie', { exact: true }).fill('Stichting Welzijn Dorp');
    await office.getByLabel('Wat bieden ze?').fill('Cliëntondersteuning bij het aanvragen van dagbesteding.');
    await office.locator('#topic-client_support').check();
    await office.getByLabel('Telefoon of e-mail').fill('020 123 45 67');
    await office.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(office.getByRole('status').textContent()).resolves.toContain('staat op de sociale kaart');
    await expectAccessible(office, 'social-map-staff');

    // Anyone finds it without signing in.
    const visitor = await newPage();
    await visitor.goto(`${origin}/`);
    await visitor.getByRole('link', { name: 'Sociale kaart: hulp in de buurt' }).click();
    await visitor.getByLabel('Uw gemeente').selectOption(municipality.code);
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await visitor.getByLabel('Waar gaat uw vraag over?').selectOption('client_support');
    await visitor.getByRole('button', { name: 'Zoeken' }).click();
    await expect(visitor.textContent('main')).resolves.toContain('Stichting Welzijn Dorp');
    await expectAccessible(visitor, 'social-map');

    const page = await newPage();
    await signIn(page, carer.email);
    await page.getByRole('link', { name: 'Mijn vragen' }).click();
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Schrijf uw vraag');
    await page.getByLabel('Waar gaat uw vraag over?').selectOption('client_support');
    await page.getByLabel('Uw vraag', { exact: true }).fill('Hoe vraag ik dagbesteding aan voor mijn moeder?');
    await page.getByRole('button', { name: 'Vraag versturen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Uw vraag is verstuurd');
    await expect(page.textContent('main')).resolves.toContain('ontvangen');
    await expectAccessible(page, 'questions');

    await office.getByRole('link', { name: 'Werkvoorraad' }).click();
    await office
      .getByRole('listitem')
      .filter({ hasText: 'Vraag: Aanvragen van thuiszorg of dagbesteding' })
      .getByRole('link')
      .first()
      .click();
    await expect(office.textContent('main')).resolves.toContain('Hoe vraag ik dagbesteding aan');
    await expectAccessible(office, 'question-staff');
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
    await expectAccessible(visitor, 'refer');
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
    await visitor.goto(linkFrom(mail.text, '/referral-consent'));
    await visitor.getByRole('button', { name: 'Ja, neem contact met mij op' }).click();
    await expect(visitor.textContent('body')).resolves.toContain('Dank u wel');
    await office.reload();
    await office.getByRole('link', { name: 'Piet Verwezen' }).click();
    await expect(office.textContent('main')).resolves.toContain('Wijkteam Oost (wijkteam)');
    await expectAccessible(office, 'referral');
  });

  it('lets a carer keep their own details, mail choices, password and email address', async () => {
    jest.setTimeout(90_000);
    const { municipality, carer, wijken } = await setUpMatching(app);
    const dataSource = app.app.get(DataSource);
    const withPassword = await createPerson(app, municipality, 'volunteer');
    await dataSource.query(
      'UPDATE account SET password_hash = (SELECT password_hash FROM account WHERE id = $1) WHERE email = $2',
      [withPassword.id, carer.email],
    );
    const page = await newPage();
    await signIn(page, carer.email);
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await expectAccessible(page, 'account');
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
    const other = await newPage();
    await signIn(other, carer.email);
    await page.getByLabel('Huidig wachtwoord').first().fill('not the password');
    await page.getByLabel('Nieuw wachtwoord (minstens 12 tekens)').fill('een heel nieuw wachtwoord');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('klopt niet');
    await expectAccessible(page, 'account-wrong-password');
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
    await page.goto(linkFrom(mail.text, '/confirm-email-change'));
    await page.getByRole('button', { name: 'Dit adres gebruiken' }).click();
    await expect(page.textContent('body')).resolves.toContain('Uw e-mailadres is gewijzigd');
    await page.goto(`${origin}/account`);
    await expect(page.textContent('main')).resolves.toContain(newEmail);
  });

  it('lets a provider keep their own offer and see who comes with what they shared, and nothing else', async () => {
    const respite = await setUpRespite(app);
    const provider = await createPerson(app, respite.municipality, 'provider');
    await app.request('PUT', `/api/v1/respite/offers/${respite.offerId}/providers`, {
      token: respite.admin.accessToken,
      body: { accountIds: [provider.id] },
    });
    const slot = await respite.slot(48, 2);
    const [carer] = await seedCarers(app, respite.municipality, 1);
    const booked = await app.post('/api/v1/respite/bookings', {
      token: carer.token,
      body: { slotId: slot.id, careRelationshipId: carer.relationshipId, sharedNeeds: 'Komt met rolstoel' },
    });
    expect(booked.status).toBe(201);

    const page = await newPage();
    await signIn(page, provider.email, TEST_PASSWORD, /\/provider$/);
    await expectAccessible(page, 'provider');
    await page.getByRole('link', { name: 'De Linde' }).click();
    await page.getByRole('heading', { name: 'De Linde', level: 1 }).waitFor();
    await expectAccessible(page, 'provider-offer');
    await page.locator('#capacity-slot').selectOption({ index: 0 });
    await page.getByLabel('Aantal plaatsen', { exact: true }).last().fill('4');
    await page.getByRole('button', { name: 'Aantal plaatsen veranderen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('veranderd');
    await page.goto(`${origin}/slots/${slot.id}`);
    await expect(page.textContent('main')).resolves.toContain('Test (Mijn vader of moeder)');
    await expect(page.textContent('main')).resolves.toContain('Komt met rolstoel');
    expect(await page.textContent('main')).not.toContain('Carer');
    await expectAccessible(page, 'provider-slot');

    // Another offer, the caseload and carers' records stay closed.
    const other = await app.post('/api/v1/respite/offers', {
      token: respite.staff.accessToken,
      body: { kind: 'day_care', name: 'Het Anker' },
    });
    expect((await page.goto(`${origin}/offers/${other.body.id}`))?.status()).toBe(404);
    expect((await page.goto(`${origin}/caseload`))?.status()).toBe(403);
    expect((await page.goto(`${origin}/carers/${carer.carerId}`))?.status()).toBe(403);
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

    const page = await newPage();
    await signIn(page, carer.email);
    await page.getByRole('link', { name: 'Uw mening' }).click();
    await expect(page.textContent('main')).resolves.toContain('De Linde');
    await expectAccessible(page, 'feedback');
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

    const office = await newPage(LAPTOP);
    await signIn(office, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
    await office.goto(`${origin}/monitor`);
    const table = office.locator('section[aria-labelledby="feedback-results"] table');
    await expect(table.textContent()).resolves.toContain('Respijtzorg: De Linde');
    await expect(table.textContent()).resolves.toContain('<5');
  });

  it("never shows one municipality's records to another's staff", async () => {
    const home = await setUpRespite(app);
    const other = await setUpRespite(app);
    const [carer] = await seedCarers(app, home.municipality, 1);
    const slot = await home.slot(48);
    const volunteerId = await registerVolunteer(app, home.staff.accessToken, 'Elders');
    const page = await newPage(LAPTOP);
    await signIn(page, other.staff.email, TEST_PASSWORD, /\/caseload$/);
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
    const page = await newPage(PHONE);
    await signIn(page, respite.admin.email, TEST_PASSWORD, /\/caseload$/);
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
      await expectAccessible(page, `phone${path.replace(/[/?=]/g, '-')}`);
    }
  });

  it('works by keyboard alone, with a skip link and a visible focus, on a laptop too', async () => {
    const page = await newPage(LAPTOP);
    await page.goto(`${origin}/sign-in`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(skip).toBe('Direct naar de inhoud');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await expectAccessible(page, 'sign-in-laptop');
    // 200% zoom of a 1280 px window leaves 640 CSS pixels: still no sideways scrolling.
    await page.setViewportSize({ width: 640, height: 400 });
    await expectAccessible(page, 'sign-in-zoomed');
  });

  it('refuses a form posted without its CSRF token, and keeps the session cookie HttpOnly and SameSite', async () => {
    const page = await newPage();
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

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
