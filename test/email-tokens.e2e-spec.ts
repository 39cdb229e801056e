import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { linkToken } from './support/smtp-sink';
import { TestApp } from './support/test-app';

describe('email verification, password reset and invitations', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start({ worker: true });
  });
  afterAll(() => app.close());

  it('verifies an address once with the emailed token', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.emailVerified).toBe(false);

    expect((await app.post('/api/v1/auth/verify-email/resend', { body: { email: person.email } })).status).toBe(202);
    const mail = await app.smtp.waitFor(person.email);
    expect(mail.subject).toBe('Bevestig uw e-mailadres');
    expect(mail.text).toContain('http://localhost:3000/verify-email?token=');
    const token = linkToken(mail, '/verify-email');

    const verified = await app.post('/api/v1/auth/verify-email', { body: { token } });
    expect(verified.status).toBe(200);
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.emailVerified).toBe(true);

    const again = await app.post('/api/v1/auth/verify-email', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
  });

  it('refuses an expired verification token', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer', { emailVerified: false });
    await app.post('/api/v1/auth/verify-email/resend', { body: { email: person.email } });
    const token = linkToken(await app.smtp.waitFor(person.email), '/verify-email');
    await app.app
      .get(DataSource)
      .query(`UPDATE one_time_token SET expires_at = now() - interval '1 minute' WHERE account_id = $1`, [person.id]);

    const answer = await app.post('/api/v1/auth/verify-email', { body: { token } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('TOKEN_INVALID');
    expect((await app.get('/api/v1/me', { token: person.accessToken })).body.emailVerified).toBe(false);
  });

  it('resets a password: the old one and old sessions stop working', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'volunteer');
    expect((await app.post('/api/v1/auth/password-reset/request', { body: { email: person.email } })).status).toBe(202);
    const token = linkToken(await app.smtp.waitFor(person.email), '/reset-password');

    const weak = await app.post('/api/v1/auth/password-reset', { body: { token, password: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);

    const reset = await app.post('/api/v1/auth/password-reset', {
      body: { token, password: 'a brand new long password' },
    });
    expect(reset.status).toBe(200);
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })).status,
    ).toBe(401);
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: 'a brand new long password' } }))
        .status,
    ).toBe(200);
    expect((await app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } })).status).toBe(401);
    expect(
      (await app.post('/api/v1/auth/password-reset', { body: { token, password: 'yet another long password' } }))
        .status,
    ).toBe(400);
  });

  it('sends at most three reset mails an hour to one address, and a flood leaves the first link working', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const request = (attempt: number) =>
      app.post('/api/v1/auth/password-reset/request', {
        body: { email: person.email },
        ip: `10.204.${attempt}.1`,
      });
    expect((await request(0)).status).toBe(202);
    const first = linkToken(await app.smtp.waitFor(person.email), '/reset-password');
    const flood = await Promise.all(Array.from({ length: 24 }, (_, attempt) => request(attempt + 1)));
    expect(flood.every((answer) => answer.status === 202)).toBe(true);
    await app.smtp.waitFor(person.email, 3);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.smtp.to(person.email)).toHaveLength(3);
    const reset = await app.post('/api/v1/auth/password-reset', {
      body: { token: first, password: 'chosen after the flood' },
    });
    expect(reset.status).toBe(200);
  });

  it('answers a reset request for an unknown address the same, and sends nothing', async () => {
    const email = uniqueEmail('nobody');
    const answer = await app.post('/api/v1/auth/password-reset/request', { body: { email } });
    expect(answer.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.smtp.to(email)).toHaveLength(0);
  });

  it('invites a staff member in English, who chooses a password and signs in', async () => {
    const municipality = await createMunicipality(app);
    const admin = await createPerson(app, municipality, 'admin');
    const email = uniqueEmail('new-staff');
    const created = await app.post('/api/v1/users', {
      token: admin.accessToken,
      body: { email, role: 'staff', displayName: 'Sam', language: 'en' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'staff', emailVerified: false });

    const mail = await app.smtp.waitFor(email);
    expect(mail.subject).toBe('Your account for the carer support platform');
    const token = linkToken(mail, '/reset-password');
    expect(
      (await app.post('/api/v1/auth/password-reset', { body: { token, password: 'staff member password' } })).status,
    ).toBe(200);
    const login = await app.post('/api/v1/auth/login', { body: { email, password: 'staff member password' } });
    expect(login.status).toBe(200);
    expect((await app.get('/api/v1/me', { token: login.body.accessToken })).body).toMatchObject({
      role: 'staff',
      emailVerified: true,
    });

    const duplicate = await app.post('/api/v1/users', {
      token: admin.accessToken,
      body: { email, role: 'staff', displayName: 'Sam' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('EMAIL_TAKEN');
  });
});
