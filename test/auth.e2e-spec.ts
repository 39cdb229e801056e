import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { createMunicipality, createPerson, TEST_PASSWORD, uniqueEmail } from './support/factories';
import { TestApp } from './support/test-app';
import { JwtService } from '@nestjs/jwt';
import { DEVELOPMENT_SECRET, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@app/platform';
import { createSecretKey } from 'node:crypto';

describe('sign-in, refresh and sign-out', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('signs in with the right password and answers the contract shape', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'staff');
    const login = await app.post('/api/v1/auth/login', {
      body: { email: person.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const me = await app.get('/api/v1/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: person.id,
      role: 'staff',
      municipality: { id: municipality.id, code: municipality.code },
    });
  });

  it("hashes with OWASP's lighter argon2id set, and re-hashes an older hash at the next sign-in", async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'staff');
    const dataSource = app.app.get(DataSource);
    const stored = async () =>
      (await dataSource.query('SELECT password_hash FROM account WHERE id = $1', [person.id]))[0]
        .password_hash as string;
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=7168,p=1,t=5\$/);
    // An account from before: the library's heavier defaults.
    await dataSource.query('UPDATE account SET password_hash = $2 WHERE id = $1', [
      person.id,
      await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }),
    ]);
    expect(await stored()).toMatch(/m=65536,p=4,t=3/);
    const wrong = await app.post('/api/v1/auth/login', { body: { email: person.email, password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(await stored()).toMatch(/m=65536,p=4,t=3/);
    const login = await app.post('/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=7168,p=1,t=5\$/);
    expect(
      (await app.post('/api/v1/auth/login', { body: { email: person.email, password: TEST_PASSWORD } })).status,
    ).toBe(200);
  });

  it('answers INVALID_CREDENTIALS alike for a wrong password and an unknown address', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const wrong = await app.post('/api/v1/auth/login', {
      body: { email: person.email, password: 'not the password at all' },
    });
    const unknown = await app.post('/api/v1/auth/login', { body: { email: uniqueEmail(), password: TEST_PASSWORD } });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    }
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rotates the refresh token: each one works once', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const first = await app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(person.refreshToken);
    const second = await app.post('/api/v1/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(second.status).toBe(200);
    expect((await app.get('/api/v1/me', { token: second.body.accessToken })).status).toBe(200);
  });

  it('revokes the whole family when a used refresh token comes back', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const rotated = await app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } });
    expect(rotated.status).toBe(200);

    const replay = await app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');

    // The thief's replay also ends the legitimate holder's newer token.
    const newest = await app.post('/api/v1/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } });
    expect(newest.status).toBe(401);
    const revoked = await app.app
      .get(DataSource)
      .query('SELECT count(*)::int AS open FROM refresh_token WHERE account_id = $1 AND revoked_at IS NULL', [
        person.id,
      ]);
    expect(revoked[0].open).toBe(0);
  });

  it('lets exactly one of many simultaneous refreshes with the same token win', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(7);
  });

  it('signs out: the refresh token stops working', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'volunteer');
    const logout = await app.post('/api/v1/auth/logout', { body: { refreshToken: person.refreshToken } });
    expect(logout.status).toBe(204);
    const refresh = await app.post('/api/v1/auth/refresh', { body: { refreshToken: person.refreshToken } });
    expect(refresh.status).toBe(401);
  });

  it('throttles an account after 5 failures, even for the right password, with Retry-After', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await app.post('/api/v1/auth/login', {
        body: { email: person.email, password: 'wrong password guess' },
        ip: `10.200.0.${attempt + 1}`,
      });
      expect(answer.status).toBe(401);
    }
    const blocked = await app.post('/api/v1/auth/login', {
      body: { email: person.email, password: TEST_PASSWORD },
      ip: '10.200.0.99',
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('checks at most five of forty parallel wrong passwords for one account', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, attempt) =>
        app.post('/api/v1/auth/login', {
          body: { email: person.email, password: 'wrong password guess' },
          ip: `10.202.1.${attempt + 1}`,
        }),
      ),
    );
    const checked = answers.filter((answer) => answer.status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(40 - checked);
  });

  it('refuses a token signed with the right secret but not issued by the platform for its API', async () => {
    const municipality = await createMunicipality(app);
    const person = await createPerson(app, municipality, 'carer');
    const jwt = new JwtService({ secret: createSecretKey(Buffer.from(DEVELOPMENT_SECRET, 'utf8')) });
    const claims = { sub: person.id, role: 'carer', mun: municipality.id, iam: Date.now() };
    const foreign = await jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: 600 });
    expect((await app.get('/api/v1/me', { token: foreign })).status).toBe(401);
    const otherAudience = await jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: 600,
      issuer: TOKEN_ISSUER,
      audience: 'another-api',
    });
    expect((await app.get('/api/v1/me', { token: otherAudience })).status).toBe(401);
    const ours = await jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: 600,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
    });
    expect((await app.get('/api/v1/me', { token: ours })).status).toBe(200);
  });

  it('throttles one address that tries many accounts', async () => {
    const ip = `10.201.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 51; attempt++) {
      statuses.push(
        (
          await app.post('/api/v1/auth/login', {
            body: { email: uniqueEmail('guess'), password: 'wrong password guess' },
            ip,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 50).every((status) => status === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
  });
});
