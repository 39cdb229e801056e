import { DataSource } from 'typeorm';
import { createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { hoursFromNow, seedCarers } from './support/respite-fixtures';
import { TestApp } from './support/test-app';
import { setUpMatching, signUpVolunteer } from './support/volunteer-fixtures';

/** People keep their own account and profile: mail choices, password, email address, name and address. */
describe('own account and profile', () => {
  let app: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
    dataSource = app.app.get(DataSource);
  });
  afterAll(() => app.close());

  const linkIn = (text: string, path: string) =>
    decodeURIComponent(new RegExp(`${path}\\?token=([^&\\s]+)`).exec(text)![1]);
  const pressLink = (path: string, token: string) =>
    app.post(`/${path}`, {
      rawBody: new URLSearchParams({ token, lang: 'nl' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('lets a carer leave out one kind of campaign mail, and honours it when the mail goes out', async () => {
    const { municipality, admin } = await setUpMatching(app);
    const [keeps, leaves] = await seedCarers(app, municipality, 2);
    const me = await app.get('/api/v1/me', { token: leaves.token });
    expect(me.body).toMatchObject({ campaignMail: true, mailOptOuts: [] });
    expect(me.body.optionalMailKinds).toEqual(
      expect.arrayContaining(['activity_invitation', 'appreciation_campaign_open']),
    );
    const changed = await app.request('PATCH', '/api/v1/me/account', {
      token: leaves.token,
      body: { mailOptOuts: ['activity_invitation'], language: 'en', displayName: 'Ria' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ mailOptOuts: ['activity_invitation'], language: 'en', displayName: 'Ria' });
    for (const body of [
      { mailOptOuts: ['verify_email'] },
      { mailOptOuts: 'activity_invitation' },
      { language: 'de' },
      { displayName: '' },
      { campaignMail: 'no' },
      { email: 'other@example.nl' },
    ]) {
      const refused = await app.request('PATCH', '/api/v1/me/account', { token: leaves.token, body });
      expect({ body, status: refused.status }).toEqual({
        body,
        status: refused.body.code === 'UNKNOWN_MAIL_KIND' ? 422 : 400,
      });
    }

    const activity = await app.post('/api/v1/activities', {
      token: admin.accessToken,
      body: {
        kind: 'event',
        title: 'Koffieochtend',
        capacity: 20,
        sessions: [{ startsAt: hoursFromNow(24 * 10), endsAt: hoursFromNow(24 * 10 + 2) }],
      },
    });
    const invited = await app.post(`/api/v1/activities/${activity.body.id}/invitations`, {
      token: admin.accessToken,
      body: { audience: { all: true } },
    });
    expect(invited.status).toBeLessThan(300);
    await app.smtp.waitFor(keeps.email);
    const outcome = async () =>
      (
        await dataSource.query(
          `SELECT status, outcome FROM message WHERE account_id = $1 AND kind = 'activity_invitation'`,
          [leaves.accountId],
        )
      )[0];
    for (let tries = 0; tries < 100 && (await outcome())?.status !== 'skipped'; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await outcome()).toMatchObject({ status: 'skipped', outcome: 'skipped_opted_out' });
    expect(app.smtp.to(leaves.email)).toEqual([]);

    // Subscribing again to all campaign mail after the unsubscribe link.
    await app.request('PATCH', '/api/v1/me/account', { token: leaves.token, body: { campaignMail: false } });
    expect((await app.get('/api/v1/me', { token: leaves.token })).body.campaignMail).toBe(false);
    const back = await app.request('PATCH', '/api/v1/me/account', {
      token: leaves.token,
      body: { campaignMail: true, mailOptOuts: [] },
    });
    expect(back.body).toMatchObject({ campaignMail: true, mailOptOuts: [] });
  });

  it('changes a password only with the current one, and ends every other sign-in', async () => {
    const { municipality } = await setUpMatching(app);
    const person = await createPerson(app, municipality, 'staff');
    const otherDevice = await app.post('/api/v1/auth/login', {
      body: { email: person.email, password: TEST_PASSWORD },
    });
    const wrong = await app.post('/api/v1/me/password', {
      token: person.accessToken,
      body: { currentPassword: 'not the password', newPassword: 'een heel nieuw wachtwoord' },
    });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'WRONG_PASSWORD']);
    const short = await app.post('/api/v1/me/password', {
      token: person.accessToken,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'kort' },
    });
    expect(short.status).toBe(400);
    const changed = await app.post('/api/v1/me/password', {
      token: person.accessToken,
      body: { currentPassword: TEST_PASSWORD, newPassword: 'een heel nieuw wachtwoord' },
    });
    expect(changed.status).toBe(200);
    expect((await app.get('/api/v1/me', { token: changed.body.accessToken })).status).toBe(200);
    for (let tries = 0; tries < 60; tries += 1) {
      if ((await app.get('/api/v1/me', { token: otherDevice.body.accessToken })).status === 401) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await app.get('/api/v1/me', { token: otherDevice.body.accessToken })).status).toBe(401);
    expect(
      (await app.post('/api/v1/auth/refresh', { body: { refreshToken: otherDevice.body.refreshToken } })).status,
    ).toBe(401);
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })).status,
    ).toBe(401);
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: 'een heel nieuw wachtwoord' } }))
        .status,
    ).toBe(200);
  });

  it('changes the email address only when the new address confirms it, and tells the old one', async () => {
    const { municipality } = await setUpMatching(app);
    const person = await createPerson(app, municipality, 'admin');
    const taken = await createPerson(app, municipality, 'staff');
    const ask = (body: Record<string, unknown>) => app.post('/api/v1/me/email', { token: person.accessToken, body });
    expect((await ask({ newEmail: taken.email, currentPassword: TEST_PASSWORD })).body.code).toBe('EMAIL_TAKEN');
    expect((await ask({ newEmail: person.email, currentPassword: TEST_PASSWORD })).body.code).toBe('SAME_EMAIL');
    expect((await ask({ newEmail: 'nieuw@example.nl', currentPassword: 'wrong one' })).body.code).toBe(
      'WRONG_PASSWORD',
    );
    expect((await ask({ newEmail: 'not an address', currentPassword: TEST_PASSWORD })).status).toBe(400);

    const newEmail = uniqueEmail('moved');
    const asked = await ask({ newEmail: newEmail.toUpperCase(), currentPassword: TEST_PASSWORD });
    expect([asked.status, asked.body]).toEqual([202, { status: 'confirmation_sent' }]);
    const notice = await app.smtp.waitForSubject(person.email, 'Uw e-mailadres wordt gewijzigd');
    expect(notice.text).toContain(newEmail);
    const mail = await app.smtp.waitForSubject(newEmail, 'Bevestig uw nieuwe e-mailadres');
    // Nothing changes before the link is followed.
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.email).toBe(person.email);
    const token = linkIn(mail.text, 'confirm-email-change');
    expect((await app.get(`/confirm-email-change?token=${encodeURIComponent(token)}`)).status).toBe(200);
    expect((await pressLink('confirm-email-change', `${token}x`)).status).toBe(400);
    expect((await pressLink('confirm-email-change', token)).status).toBe(200);
    expect((await pressLink('confirm-email-change', token)).status).toBe(400);
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    expect((await app.post('/api/v1/auth/login', { body: { email: newEmail, password: TEST_PASSWORD } })).status).toBe(
      200,
    );
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })).status,
    ).toBe(401);
  });

  it('lets carers and volunteers change their name, address (the wijk follows) and channel', async () => {
    const { municipality, carer, wijken } = await setUpMatching(app);
    const moved = await app.request('PATCH', '/api/v1/me/carer', {
      token: carer.token,
      body: { lastName: 'de Vries', postcode: '1123 ab', houseNumber: '7', phone: '020 123 4567' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ lastName: 'de Vries', postcode: '1123AB', wijkId: wijken.noord });
    const byPost = await app.request('PATCH', '/api/v1/me/carer', {
      token: carer.token,
      body: { contactChannel: 'post' },
    });
    expect(byPost.body.contactChannel).toBe('post');
    for (const body of [
      { postcode: 'x' },
      { firstName: '' },
      { contactChannel: 'pigeon' },
      { dateOfBirth: '1950-01-01' },
    ])
      expect((await app.request('PATCH', '/api/v1/me/carer', { token: carer.token, body })).status).toBe(400);
    const [row] = await dataSource.query('SELECT date_of_birth, last_name FROM carer WHERE id = $1', [carer.carerId]);
    expect(row.last_name).toBe('de Vries');

    const volunteer = await signUpVolunteer(app, municipality.code);
    const changed = await app.request('PATCH', '/api/v1/me/volunteer', {
      token: volunteer.token,
      body: { firstName: 'Kees', postcode: '1121 AA', houseNumber: '2' },
    });
    expect(changed.status).toBe(200);
    const [stored] = await dataSource.query('SELECT first_name, wijk_id FROM volunteer WHERE id = $1', [volunteer.id]);
    expect(stored).toEqual({ first_name: 'Kees', wijk_id: wijken.dorp });
  });
});
