/// <reference lib="dom" />
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { TestApp } from './support/test-app';
import { BrowserJourney, JOURNEY_TIMEOUT_MS } from './support/browser-journey';
import { createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { LAPTOP } from './support/browser';
import { municipalYear } from './support/municipal-year';
import { seedCarers, setUpRespite } from './support/respite-fixtures';
import { askForHelp, setUpMatching } from './support/volunteer-fixtures';

jest.setTimeout(JOURNEY_TIMEOUT_MS);

/** The pages of partners, volunteers and providers in a real browser, every page checked by axe-core. */
describe('partner, volunteer and provider pages in a browser', () => {
  let journey: BrowserJourney;
  let app: TestApp;
  let origin: string;

  beforeAll(async () => {
    journey = await BrowserJourney.start();
    ({ app, origin } = journey);
  });
  afterAll(() => journey?.close());

  it('gives partners a till: their key once, then a code and an amount; a form sent twice spends once', async () => {
    const respite = await setUpRespite(app);
    const campaign = await journey.openCampaign(respite.admin.accessToken, 1);
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

    const page = await journey.newPage();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: /Waardebon innen/ }).click();
    await journey.expectAccessible(page, 'till-sign-in');
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
    await journey.expectAccessible(page, 'till');
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

  it('lets a volunteer sign up, answer a proposal, log hours and say when they are away; staff correct hours and end the match', async () => {
    const { admin, staff, carer, municipality } = await setUpMatching(app);
    const email = uniqueEmail('portal-volunteer');
    const page = await journey.newPage();
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
    await journey.expectAccessible(page, 'volunteer-sign-up');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kijk in uw e-mail' }).waitFor();
    const mail = await app.smtp.waitFor(email);
    await page.goto(journey.linkFrom(mail.text, '/verify-email'));
    await page.getByRole('button').first().click();
    await expect(page.textContent('body')).resolves.toContain('bevestigd');
    await journey.signIn(page, email, 'een lange zin als wachtwoord', /\/volunteering$/);
    await journey.expectAccessible(page, 'volunteering-empty');

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
    await journey.expectAccessible(page, 'volunteering-hours-error');
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
    await journey.expectAccessible(page, 'volunteering');
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
    await journey.expectAccessible(page, 'volunteer-appreciation');
    await page.getByRole('link', { name: 'Mijn vrijwilligerswerk' }).click();
    // A volunteer has no staff pages.
    expect((await page.goto(`${origin}/caseload`))?.status()).toBe(403);

    // Staff find the volunteer by a valid VOG, correct the entry, and end the match.
    const office = await journey.newPage(LAPTOP);
    await journey.signIn(office, staff.email, TEST_PASSWORD, /\/caseload$/);
    await office.getByRole('link', { name: 'Vrijwilligers' }).click();
    await office.getByLabel('VOG', { exact: true }).selectOption('valid');
    await office.getByRole('button', { name: 'Filteren' }).click();
    await office.getByRole('link', { name: 'Kees Vrijwillig' }).click();
    await expect(office.textContent('main')).resolves.toContain(
      `${municipalYear() + 1}-07-01 – ${municipalYear() + 1}-07-14`,
    );
    await journey.expectAccessible(office, 'volunteer-record');
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

    const page = await journey.newPage();
    await journey.signIn(page, provider.email, TEST_PASSWORD, /\/provider$/);
    await journey.expectAccessible(page, 'provider');
    await page.getByRole('link', { name: 'De Linde' }).click();
    await page.getByRole('heading', { name: 'De Linde', level: 1 }).waitFor();
    await journey.expectAccessible(page, 'provider-offer');
    await page.locator('#capacity-slot').selectOption({ index: 0 });
    await page.getByLabel('Aantal plaatsen', { exact: true }).last().fill('4');
    await page.getByRole('button', { name: 'Aantal plaatsen veranderen' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('veranderd');
    await page.goto(`${origin}/slots/${slot.id}`);
    await expect(page.textContent('main')).resolves.toContain('Test (Mijn vader of moeder)');
    await expect(page.textContent('main')).resolves.toContain('Komt met rolstoel');
    expect(await page.textContent('main')).not.toContain('Carer');
    await journey.expectAccessible(page, 'provider-slot');

    // Another offer, the caseload and carers' records stay closed.
    const other = await app.post('/api/v1/respite/offers', {
      token: respite.staff.accessToken,
      body: { kind: 'day_care', name: 'Het Anker' },
    });
    expect((await page.goto(`${origin}/offers/${other.body.id}`))?.status()).toBe(404);
    expect((await page.goto(`${origin}/caseload`))?.status()).toBe(403);
    expect((await page.goto(`${origin}/carers/${carer.carerId}`))?.status()).toBe(403);
  });
});
