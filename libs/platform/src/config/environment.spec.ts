import { DEVELOPMENT_SECRET, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills local defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_BASE_URL).toBe('http://localhost:3000');
  });

  it('names every bad variable in one message', () => {
    expect(() => validateEnvironment({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:/,
    );
  });

  it('refuses default secrets in production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /TOKEN_SIGNING_SECRET: must be set[\s\S]*FIELD_ENCRYPTION_KEY: must be set/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(
      validateEnvironment({ NODE_ENV: 'production', TOKEN_SIGNING_SECRET: 'x'.repeat(40), FIELD_ENCRYPTION_KEY: key })
        .NODE_ENV,
    ).toBe('production');
    expect(() =>
      validateEnvironment({
        NODE_ENV: 'production',
        TOKEN_SIGNING_SECRET: DEVELOPMENT_SECRET,
        FIELD_ENCRYPTION_KEY: key,
      }),
    ).toThrow(/TOKEN_SIGNING_SECRET/);
  });

  it('refuses an encryption key of the wrong length', () => {
    expect(() =>
      validateEnvironment({ FIELD_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64').padEnd(44, 'A') }),
    ).toThrow(/FIELD_ENCRYPTION_KEY/);
  });
});
