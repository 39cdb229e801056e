import { ReferralService } from '@app/intake';
import { DataSource } from 'typeorm';
import {
  createMunicipality,
  createPerson,
  TestPerson,
  UNKNOWN_MUNICIPALITY_CODE,
  uniqueEmail,
} from './support/factories';
import { municipalYear } from './support/municipal-year';
import { seedCarers } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { setUpMatching } from './support/volunteer-fixtures';

type Shown = number | '<5';

/** Every way a carer reaches the steunpunt: own questions, referrals, the social map, and the monitor's counts. */
describe('intake', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const signalsOf = (staff: TestPerson) =>
    app.get('/api/v1/signals?limit=100', { token: staff.accessToken }).then((answer) => answer.body.items);

  async function referrer(admin: TestPerson, referrerSource = 'huisarts'): Promise<string> {
    const created = await app.post('/api/v1/partners', {
      token: admin.accessToken,
      body: { name: 'Huisartsenpraktijk Dorp', referrerSource },
    });
    expect(created.status).toBe(201);
    return created.body.apiKey as string;
  }

  const referral = (apiKey: string, body: Record<string, unknown>) =>
    app.post('/api/v1/referrals', { headers: { 'x-api-key': apiKey }, body });

  it("puts a carer's question on the caseload, lets staff answer it with the social map, and tells the carer", async () => {
    const { municipality, staff, carer, wijken } = await setUpMatching(app);
    const entry = await app.post('/api/v1/social-map', {
      token: staff.accessToken,
      body: {
        organisation: 'Stichting Welzijn Dorp',
        offer: 'Cliëntondersteuning bij het aanvragen van thuiszorg en dagbesteding.',
        topics: ['client_support'],
        wijkId: wijken.dorp,
        contact: '020 123 45 67',
      },
    });
    expect(entry.status).toBe(201);

    const secret = 'Mijn moeder (dementie) heeft dagbesteding nodig; hoe vraag ik dat aan?';
    const asked = await app.post('/api/v1/me/questions', {
      token: carer.token,
      body: { topic: 'client_support', text: secret },
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ topic: 'client_support', status: 'received', answers: [] });
    const [stored] = await dataSource.query('SELECT text_encrypted FROM carer_question WHERE id = $1', [asked.body.id]);
    expect(stored.text_encrypted).not.toContain('dementie');

    const onCaseload = (await signalsOf(staff)).find((signal: { id: string }) => signal.id === asked.body.signalId);
    expect(onCaseload).toMatchObject({ reason: 'question', questionId: asked.body.id, carerId: carer.carerId });
    expect(onCaseload.firstContactAt).toBeNull();

    // Claiming is the first contact; the carer sees the question being handled.
    expect((await app.post(`/api/v1/signals/${asked.body.signalId}/claim`, { token: staff.accessToken })).status).toBe(
      200,
    );
    expect((await app.get(`/api/v1/me/questions/${asked.body.id}`, { token: carer.token })).body.status).toBe(
      'in_progress',
    );
    const read = await app.get(`/api/v1/questions/${asked.body.id}`, { token: staff.accessToken });
    expect(read.body.text).toBe(secret);
    const answered = await app.post(`/api/v1/questions/${asked.body.id}/answers`, {
      token: staff.accessToken,
      body: { text: 'Bel de cliëntondersteuner, die helpt met de aanvraag.', socialMapEntryIds: [entry.body.id] },
    });
    expect(answered.status).toBe(201);
    const mail = await app.smtp.waitForSubject(carer.email, 'Het steunpunt heeft uw vraag beantwoord');
    expect(mail.text).not.toContain('cliëntondersteuner');
    const mine = await app.get('/api/v1/me/questions', { token: carer.token });
    expect(mine.body.items[0].answers[0]).toMatchObject({
      text: 'Bel de cliëntondersteuner, die helpt met de aanvraag.',
      socialMapEntries: [{ id: entry.body.id, organisation: 'Stichting Welzijn Dorp' }],
    });
    // Every staff look is in the audit log, under the carer.
    const [audited] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE subject_type = 'carer_question' AND subject_id = $1`,
      [asked.body.id],
    );
    expect(audited.n).toBe(2);

    // A question next to an open high-burden signal: both stand.
    const again = await app.post('/api/v1/me/questions', {
      token: carer.token,
      body: { topic: 'money', text: 'Kan ik een vergoeding krijgen?' },
    });
    expect(again.status).toBe(201);

    // Staff write one down for a carer on the phone.
    const byPhone = await app.post(`/api/v1/carers/${carer.carerId}/questions`, {
      token: staff.accessToken,
      body: { topic: 'respite', text: 'Belde: wil graag een dag vrij.' },
    });
    expect(byPhone.status).toBe(201);
    expect(
      (await app.get(`/api/v1/carers/${carer.carerId}/questions`, { token: staff.accessToken })).body.items,
    ).toHaveLength(3);
    expect(municipality.id).toBeTruthy();
  });

  it('refuses bad questions and answers, and keeps questions within the carer and the municipality', async () => {
    const { staff, carer, otherCarer } = await setUpMatching(app);
    const before = await dataSource.query('SELECT count(*)::int AS n FROM carer_question');
    for (const [body, status, code] of [
      [{ topic: 'gardening', text: 'x' }, 422, 'UNKNOWN_TOPIC'],
      [{ topic: 'money' }, 400, 'VALIDATION_FAILED'],
      [{ topic: 'money', text: '' }, 400, 'VALIDATION_FAILED'],
      [{ topic: 'money', text: 'x'.repeat(4001) }, 400, 'VALIDATION_FAILED'],
      [{ topic: 42, text: 'x' }, 400, 'VALIDATION_FAILED'],
      [{ topic: 'money', text: 'x', carerId: otherCarer.carerId }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const refused = await app.post('/api/v1/me/questions', { token: carer.token, body });
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({ body, status, code });
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect(await dataSource.query('SELECT count(*)::int AS n FROM carer_question')).toEqual(before);

    const asked = await app.post('/api/v1/me/questions', {
      token: carer.token,
      body: { topic: 'money', text: 'Vraag' },
    });
    expect((await app.get(`/api/v1/me/questions/${asked.body.id}`, { token: otherCarer.token })).status).toBe(404);
    expect((await app.get(`/api/v1/questions/${asked.body.id}`, { token: carer.token })).status).toBe(403);
    const elsewhere = await createPerson(app, await createMunicipality(app), 'staff');
    expect((await app.get(`/api/v1/questions/${asked.body.id}`, { token: elsewhere.accessToken })).status).toBe(404);
    expect(
      (
        await app.post(`/api/v1/questions/${asked.body.id}/answers`, {
          token: elsewhere.accessToken,
          body: { text: 'Hallo' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await app.post(`/api/v1/carers/${carer.carerId}/questions`, {
          token: elsewhere.accessToken,
          body: { topic: 'money', text: 'x' },
        })
      ).status,
    ).toBe(404);
    // An answer may only point at this municipality's social map.
    const foreignEntry = await app.post('/api/v1/social-map', {
      token: elsewhere.accessToken,
      body: { organisation: 'Elders', offer: 'Hulp', topics: ['money'], contact: 'elders' },
    });
    const wrongEntry = await app.post(`/api/v1/questions/${asked.body.id}/answers`, {
      token: staff.accessToken,
      body: { text: 'Zie hier', socialMapEntryIds: [foreignEntry.body.id] },
    });
    expect([wrongEntry.status, wrongEntry.body.code]).toEqual([422, 'UNKNOWN_SOCIAL_MAP_ENTRY']);
    expect(await dataSource.query('SELECT id FROM question_answer WHERE question_id = $1', [asked.body.id])).toEqual(
      [],
    );
  });

  it("takes a referral by a referrer's key only with the carer's consent, and keeps merchants and referrers apart", async () => {
    const { admin, staff, wijken } = await setUpMatching(app);
    const apiKey = await referrer(admin, 'poh');
    const person = {
      firstName: 'Joke',
      lastName: 'Bakker',
      postcode: '1121 AB',
      reason: 'Zorgt alleen voor haar man.',
    };

    const withoutConsent = await referral(apiKey, { ...person, carerConsented: false });
    expect([withoutConsent.status, withoutConsent.body.code]).toEqual([422, 'REFERRAL_CONSENT_REQUIRED']);
    expect((await referral(apiKey, person)).status).toBe(400);
    expect((await referral(apiKey, { ...person, carerConsented: 'yes' })).status).toBe(400);
    expect((await referral(apiKey, { ...person, postcode: 'nope', carerConsented: true })).status).toBe(400);
    const created = await referral(apiKey, { ...person, carerConsented: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'poh',
      channel: 'partner',
      status: 'consented',
      consentHow: 'referrer',
      wijkId: wijken.dorp,
      postcode: '1121AB',
    });
    const [{ n: referrals }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM referral WHERE first_name = 'Joke' AND referrer_name = 'Huisartsenpraktijk Dorp'`,
    );
    expect(referrals).toBe(1);
    const signal = (await signalsOf(staff)).find((item: { id: string }) => item.id === created.body.signalId);
    expect(signal).toMatchObject({ reason: 'referral', referralId: created.body.id, carerId: null });
    const read = await app.get(`/api/v1/referrals/${created.body.id}`, { token: staff.accessToken });
    expect(read.body.reason).toBe('Zorgt alleen voor haar man.');

    // A shop's key refers nobody, and a referrer's key spends no voucher.
    const shop = await app.post('/api/v1/partners', { token: admin.accessToken, body: { name: 'Boekhandel' } });
    const byShop = await referral(shop.body.apiKey, { ...person, carerConsented: true });
    expect([byShop.status, byShop.body.code]).toEqual([403, 'NOT_A_REFERRER']);
    const spend = await app.post('/api/v1/vouchers/redemptions', {
      headers: { 'x-api-key': apiKey },
      body: { code: 'AAAA-BBBB-CCCC-D', amountCents: 100 },
    });
    expect([spend.status, spend.body.code]).toEqual([403, 'VOUCHER_NOT_ACCEPTED_WITH_KEY']);
    expect((await app.post('/api/v1/referrals', { token: staff.accessToken, body: person })).status).toBe(403);

    const elsewhere = await createPerson(app, await createMunicipality(app), 'staff');
    expect((await app.get(`/api/v1/referrals/${created.body.id}`, { token: elsewhere.accessToken })).status).toBe(404);
    expect((await app.get('/api/v1/referrals', { token: elsewhere.accessToken })).body.items).toEqual([]);
  });

  it('reaches the caseload from the public form only when the carer follows the link; unanswered ones are deleted', async () => {
    const { municipality, staff } = await setUpMatching(app);
    const email = uniqueEmail('referred');
    const form = {
      municipalityCode: municipality.code,
      referrerName: 'Wijkteam Oost',
      source: 'wijkteam',
      firstName: 'Piet',
      lastName: 'Smit',
      postcode: '1122 AA',
      email,
      reason: 'Overbelast.',
    };
    const sent = await app.post('/api/v1/referrals/form', { body: form });
    expect([sent.status, sent.body]).toEqual([202, { status: 'awaiting_consent' }]);
    const [waiting] = await dataSource.query('SELECT id, status FROM referral WHERE email = $1', [email]);
    expect(waiting.status).toBe('awaiting_consent');
    expect((await signalsOf(staff)).some((signal: { referralId: string }) => signal.referralId === waiting.id)).toBe(
      false,
    );
    expect((await app.get('/api/v1/referrals', { token: staff.accessToken })).body.items).toEqual([]);
    expect((await app.get(`/api/v1/referrals/${waiting.id}`, { token: staff.accessToken })).status).toBe(404);

    const mail = await app.smtp.waitForSubject(email, 'Mag het mantelzorgsteunpunt contact met u opnemen?');
    expect(mail.text).toContain('Wijkteam Oost');
    expect(mail.text).not.toContain('Overbelast');
    const token = decodeURIComponent(/referral-consent\?token=([^&\s]+)/.exec(mail.text)![1]);
    const page = await app.get(`/referral-consent?token=${token}`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain('Ja, neem contact met mij op');
    const formBody = (value: string) => ({
      rawBody: new URLSearchParams({ token: value, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect((await app.post('/referral-consent', formBody(`${token.slice(0, -2)}xx`))).status).toBe(400);
    // Two presses at once: one signal.
    const presses = await Promise.all([
      app.post('/referral-consent', formBody(token)),
      app.post('/referral-consent', formBody(token)),
    ]);
    expect(presses.map((press) => press.status).sort()).toEqual([200, 400]);
    const signals = await dataSource.query('SELECT id FROM signal WHERE referral_id = $1', [waiting.id]);
    expect(signals).toHaveLength(1);
    expect((await app.get(`/api/v1/referrals/${waiting.id}`, { token: staff.accessToken })).body).toMatchObject({
      status: 'consented',
      consentHow: 'link',
      signalId: signals[0].id,
    });

    // A referral nobody agreed to is gone after two weeks, with the address its mail kept.
    const ignored = uniqueEmail('ignored');
    await app.post('/api/v1/referrals/form', { body: { ...form, email: ignored } });
    await app.smtp.waitFor(ignored);
    await dataSource.query(`UPDATE referral SET created_at = now() - interval '15 days' WHERE email = $1`, [ignored]);
    expect(await app.app.get(ReferralService).purgeUnanswered()).toBeGreaterThanOrEqual(1);
    expect(await dataSource.query('SELECT id FROM referral WHERE email = $1', [ignored])).toEqual([]);
    expect(await dataSource.query('SELECT id FROM message WHERE to_address = $1', [ignored])).toEqual([]);
    expect(await dataSource.query('SELECT id FROM referral WHERE id = $1', [waiting.id])).toHaveLength(1);

    // A flood to one address stores and sends no more than three an hour, with the same answer.
    const flooded = uniqueEmail('flood');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => app.post('/api/v1/referrals/form', { body: { ...form, email: flooded } })),
    );
    expect(answers.every((answer) => answer.status === 202)).toBe(true);
    expect(await dataSource.query('SELECT id FROM referral WHERE email = $1', [flooded])).toHaveLength(3);

    for (const body of [
      { ...form, source: 'neighbour' },
      { ...form, email: 'not-an-email' },
      { ...form, municipalityCode: 'GM99' },
      { ...form, referrerName: 'x'.repeat(201) },
      { ...form, extra: true },
    ])
      expect((await app.post('/api/v1/referrals/form', { body })).status).toBe(400);
    expect(
      (await app.post('/api/v1/referrals/form', { body: { ...form, municipalityCode: UNKNOWN_MUNICIPALITY_CODE } }))
        .status,
    ).toBe(404);
  });

  it('lets anyone search the social map by topic, wijk and words, and only staff of the municipality keep it', async () => {
    const { municipality, staff, wijken } = await setUpMatching(app);
    const add = (body: Record<string, unknown>) => app.post('/api/v1/social-map', { token: staff.accessToken, body });
    const everywhere = await add({
      organisation: 'Formulierenhulp',
      offer: 'Hulp bij geldzaken en formulieren.',
      topics: ['money'],
      contact: 'info@formulieren.example.nl',
      openingHours: 'di 9-12',
      website: 'https://formulieren.example.nl',
    });
    const dorpOnly = await add({
      organisation: 'Buurthuis Dorp',
      offer: 'Koffie en een luisterend oor.',
      topics: ['practical_help', 'money'],
      wijkId: wijken.dorp,
      contact: '020 111 22 33',
    });
    await add({
      organisation: 'Oost Helpt',
      offer: 'Klussen.',
      topics: ['practical_help'],
      wijkId: wijken.oost,
      contact: 'x',
    });
    expect([everywhere.status, dorpOnly.status]).toEqual([201, 201]);

    const search = (query: string) => app.get(`/api/v1/social-map?municipalityCode=${municipality.code}${query}`);
    const names = async (query: string) =>
      (await search(query)).body.items.map((item: { organisation: string }) => item.organisation);
    expect(await names('')).toEqual(['Buurthuis Dorp', 'Formulierenhulp', 'Oost Helpt']);
    expect(await names('&topic=money')).toEqual(['Buurthuis Dorp', 'Formulierenhulp']);
    expect(await names(`&wijkId=${wijken.oost}`)).toEqual(['Formulierenhulp', 'Oost Helpt']);
    expect(await names('&text=formulier')).toEqual(['Formulierenhulp']);
    expect(await names('&text=%25')).toEqual([]);
    expect((await search('&limit=2')).body.nextCursor).not.toBeNull();
    expect((await search('&topic=BAD')).status).toBe(400);
    expect((await app.get(`/api/v1/social-map?municipalityCode=${UNKNOWN_MUNICIPALITY_CODE}`)).status).toBe(404);
    expect((await app.get('/api/v1/social-map')).status).toBe(400);

    const bad = await add({ organisation: 'X', offer: 'Y', topics: ['gardening'], contact: 'z' });
    expect([bad.status, bad.body.code]).toEqual([422, 'UNKNOWN_TOPIC']);
    expect(
      (await add({ organisation: 'X', offer: 'Y', topics: ['money'], contact: 'z', website: 'javascript:alert(1)' }))
        .status,
    ).toBe(400);
    const changed = await app.request('PUT', `/api/v1/social-map/${dorpOnly.body.id}`, {
      token: staff.accessToken,
      body: {
        organisation: 'Buurthuis Het Dorp',
        offer: 'Koffie.',
        topics: ['practical_help'],
        contact: '020 111 22 33',
      },
    });
    expect([changed.status, changed.body.wijkId]).toEqual([200, null]);

    const other = await setUpMatching(app);
    const foreignWijk = await add({
      organisation: 'X',
      offer: 'Y',
      topics: ['money'],
      contact: 'z',
      wijkId: other.wijken.dorp,
    });
    expect(foreignWijk.status).toBe(404);
    const theirs = await app.request('PUT', `/api/v1/social-map/${dorpOnly.body.id}`, {
      token: other.staff.accessToken,
      body: { organisation: 'Overgenomen', offer: 'x', topics: ['money'], contact: 'x' },
    });
    expect(theirs.status).toBe(404);
    expect(
      (await app.request('DELETE', `/api/v1/social-map/${dorpOnly.body.id}`, { token: other.staff.accessToken }))
        .status,
    ).toBe(404);
    expect(
      (await app.request('DELETE', `/api/v1/social-map/${dorpOnly.body.id}`, { token: staff.accessToken })).status,
    ).toBe(204);
    expect(await names('')).toEqual(['Formulierenhulp', 'Oost Helpt']);
  });

  it('counts questions by topic, referrals by source and first contact in the monitor, with small numbers hidden', async () => {
    const { municipality, admin, staff } = await setUpMatching(app);
    const carers = await seedCarers(app, municipality, 6);
    const asked = [];
    for (const carer of carers)
      asked.push(
        await app.post('/api/v1/me/questions', { token: carer.token, body: { topic: 'money', text: 'Geld?' } }),
      );
    await app.post('/api/v1/me/questions', { token: carers[0].token, body: { topic: 'work_and_care', text: 'Werk?' } });
    for (const question of asked.slice(0, 5))
      await app.post(`/api/v1/signals/${question.body.signalId}/claim`, { token: staff.accessToken });
    const apiKey = await referrer(admin, 'huisarts');
    for (let index = 0; index < 5; index += 1)
      await referral(apiKey, { firstName: `P${index}`, lastName: 'X', postcode: '1123 AB', carerConsented: true });

    const report = await app.get(`/api/v1/reports/monitor?year=${municipalYear()}`, {
      token: admin.accessToken,
    });
    expect(report.status).toBe(200);
    const total = (figure: string): Shown =>
      report.body.figures.find((table: { figure: string }) => table.figure === figure).total;
    expect(total('questions_money')).toBe(6);
    expect(total('questions_work_and_care')).toBe('<5');
    expect(total('referrals_huisarts')).toBe(5);
    expect(total('first_contact_in_time')).toBe(5);
    expect(total('first_contact_pending')).toBe(7);
  });
});
