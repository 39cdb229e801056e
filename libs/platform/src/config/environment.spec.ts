import { DEVELOPMENT_SECRET, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills local defaults', () => {
    const env = validateEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_BASE_URL).toBe('http://localhost:3000');
    expect(env.DATABASE_MIGRATION_URL).toBeUndefined();
  });

  it('reads the optional migration URL, which must be a Postgres URL too', () => {
    const owner = 'postgres://owner:secret@db.internal:5432/mantelzorg';
    expect(validateEnvironment({ DATABASE_MIGRATION_URL: owner }).DATABASE_MIGRATION_URL).toBe(owner);
    expect(() => validateEnvironment({ DATABASE_MIGRATION_URL: 'mysql://x' })).toThrow(/DATABASE_MIGRATION_URL/);
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
    const production = {
      NODE_ENV: 'production',
      TOKEN_SIGNING_SECRET: 'x'.repeat(40),
      FIELD_ENCRYPTION_KEY: key,
      APP_BASE_URL: 'https://mantelzorg.example.nl',
    };
    expect(validateEnvironment(production).NODE_ENV).toBe('production');
    expect(() => validateEnvironment({ ...production, TOKEN_SIGNING_SECRET: DEVELOPMENT_SECRET })).toThrow(
      /TOKEN_SIGNING_SECRET/,
    );
  });

  it('refuses an http:// APP_BASE_URL in production unless explicitly allowed', () => {
    const production = {
      NODE_ENV: 'production',
      TOKEN_SIGNING_SECRET: 'x'.repeat(40),
      FIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      APP_BASE_URL: 'http://mantelzorg.example.nl',
    };
    expect(() => validateEnvironment(production)).toThrow(/APP_BASE_URL: must be https/);
    expect(validateEnvironment({ ...production, ALLOW_INSECURE_BASE_URL: 'true' }).APP_BASE_URL).toBe(
      'http://mantelzorg.example.nl',
    );
    expect(validateEnvironment({ ...production, NODE_ENV: 'development' }).NODE_ENV).toBe('development');
  });

  it('takes a METRICS_TOKEN long enough to be a secret, and refuses TRUST_PROXY=true', () => {
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(validateEnvironment({ METRICS_TOKEN: 'k'.repeat(32) }).METRICS_TOKEN).toHaveLength(32);
    expect(() => validateEnvironment({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses an encryption key of the wrong length', () => {
    expect(() =>
      validateEnvironment({ FIELD_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64').padEnd(44, 'A') }),
    ).toThrow(/FIELD_ENCRYPTION_KEY/);
  });
});
