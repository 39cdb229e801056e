import { uniqueEmail } from './support/factories';
import { TestApp } from './support/test-app';

describe('access trust: proxies', () => {
  let app: TestApp;
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    app = await TestApp.start({ env: { TRUST_PROXY: '10.60.0.0/16' } });
  });
  afterAll(async () => {
    await app.close();
    process.env = { ...savedEnv };
  });

  const login = (ip: string, forwardedFor: string) =>
    app.post('/api/v1/auth/login', {
      body: { email: uniqueEmail('guess'), password: 'wrong password guess' },
      headers: { 'x-forwarded-for': forwardedFor },
      ip,
    });

  it('ignores X-Forwarded-For from a peer it does not trust, and reads it from one it does', async () => {
    const answers = await Promise.all(
      Array.from({ length: 51 }, (_, attempt) => login('10.70.1.1', `198.51.100.${attempt + 1}`)),
    );
    // Every forged address counted on the real peer: its allowance of 50 is gone.
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(50);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
    expect((await login('10.70.1.1', '198.51.100.200')).status).toBe(429);
    // Through the trusted proxy, the client it names is counted, not the proxy or the forger.
    expect((await login('10.60.0.1', '203.0.113.9')).status).toBe(401);
    expect((await login('10.60.0.1', '10.70.1.1')).status).toBe(429);
  });
});

describe('access trust: metrics', () => {
  let app: TestApp;
  const savedEnv = { ...process.env };
  const token = 'metrics-scraper-token-0123456789';

  beforeAll(async () => {
    app = await TestApp.start({ env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => {
    await app.close();
    process.env = { ...savedEnv };
  });

  it('answers /metrics only to the configured bearer token', async () => {
    expect((await app.get('/metrics')).status).toBe(401);
    expect(
      (await app.get('/metrics', { headers: { authorization: 'Bearer wrong-token-of-the-same-size!!' } })).status,
    ).toBe(401);
    const scraped = await app.get('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('http_request_duration_seconds');
  });
});
