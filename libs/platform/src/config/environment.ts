import { plainToInstance, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { parseTrustProxy } from './trust-proxy';

export const DEVELOPMENT_SECRET = 'development-only-secret-change-me';
export const DEVELOPMENT_ENCRYPTION_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=';

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseTrustProxy(value) !== null;
  }

  defaultMessage(): string {
    return 'TRUST_PROXY must be false, a number of proxy hops, or proxy addresses/CIDR ranges separated by commas';
  }
}

@ValidatorConstraint({ name: 'metricsToken' })
class MetricsTokenValue implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === '' || (typeof value === 'string' && /^[A-Za-z0-9._~+/=-]{24,}$/.test(value));
  }

  defaultMessage(): string {
    return 'METRICS_TOKEN must be empty or at least 24 characters of a bearer token';
  }
}

/** Every variable the processes read. Validated once at start-up; nothing else reads process.env. */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL = 'postgres://mantelzorg:mantelzorg@127.0.0.1:54329/mantelzorg';

  /** The schema owner, for `db:migrate` only; the processes then run as DATABASE_URL's role. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_MIGRATION_URL?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL = 'redis://127.0.0.1:63799';

  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsUrl({ require_tld: false, require_protocol: true })
  APP_BASE_URL = 'http://localhost:3000';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'mantelzorg@example.nl';

  /** Most messages per second over all workers together (the SMTP relay's limit). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  MAIL_RATE_PER_SECOND = 50;

  /** How long a message is retried after temporary failures (4xx replies, connection errors) before it fails. */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  @Max(24 * 14)
  MAIL_RETRY_HOURS = 48;

  /** The wait after the first temporary failure; it doubles with every further one, up to MAIL_RETRY_MAX_DELAY_SECONDS. */
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(3600)
  MAIL_RETRY_FIRST_DELAY_SECONDS = 5;

  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(24 * 3600)
  MAIL_RETRY_MAX_DELAY_SECONDS = 1800;

  @IsString()
  @MinLength(32)
  TOKEN_SIGNING_SECRET = DEVELOPMENT_SECRET;

  /** base64 of 32 random bytes; used for encrypting health free text. */
  @IsString()
  @MinLength(44)
  FIELD_ENCRYPTION_KEY = DEVELOPMENT_ENCRYPTION_KEY;

  /** Comma-separated older keys, still accepted for reading after a rotation. */
  @IsString()
  FIELD_ENCRYPTION_PREVIOUS_KEYS = '';

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(3600)
  REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Bearer token /metrics asks for; without one it is open in development only. */
  @IsString()
  @Validate(MetricsTokenValue)
  METRICS_TOKEN = '';

  /** `true` lets production run with an http:// APP_BASE_URL (no Secure cookies): only behind a TLS-terminating proxy that rewrites nothing. */
  @IsIn(['true', 'false'])
  ALLOW_INSECURE_BASE_URL = 'false';

  /** `true` lets production send mail without TLS (smtp:// to a server without STARTTLS): only to a relay on the same host. */
  @IsIn(['true', 'false'])
  ALLOW_PLAINTEXT_SMTP = 'false';

  /** `false`, a number of proxy hops, or proxy addresses/CIDRs, comma-separated (see trust-proxy.ts). */
  @Validate(TrustProxyValue)
  TRUST_PROXY = 'false';
}

export class InvalidEnvironmentError extends Error {}

/** Parses and validates the environment; throws one message that names every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const known = Object.keys(new Environment());
  const relevant = Object.fromEntries(Object.entries(raw).filter(([key]) => known.includes(key)));
  const env = plainToInstance(Environment, relevant, { exposeDefaultValues: true });
  const problems = validateSync(env, { skipMissingProperties: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production') {
    if (env.TOKEN_SIGNING_SECRET === DEVELOPMENT_SECRET)
      problems.push('TOKEN_SIGNING_SECRET: must be set to a secret of your own in production');
    if (env.FIELD_ENCRYPTION_KEY === DEVELOPMENT_ENCRYPTION_KEY)
      problems.push('FIELD_ENCRYPTION_KEY: must be set to a key of your own in production');
    if (env.APP_BASE_URL.startsWith('http://') && env.ALLOW_INSECURE_BASE_URL !== 'true')
      problems.push(
        'APP_BASE_URL: must be https:// in production (cookies are Secure only then); ALLOW_INSECURE_BASE_URL=true overrides',
      );
  }
  if (Buffer.from(env.FIELD_ENCRYPTION_KEY, 'base64').length !== 32) {
    problems.push('FIELD_ENCRYPTION_KEY: must be base64 of exactly 32 bytes');
  }
  for (const previous of env.FIELD_ENCRYPTION_PREVIOUS_KEYS.split(',').filter(Boolean)) {
    if (Buffer.from(previous, 'base64').length !== 32)
      problems.push('FIELD_ENCRYPTION_PREVIOUS_KEYS: each key must be base64 of exactly 32 bytes');
  }
  if (problems.length > 0) {
    throw new InvalidEnvironmentError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return env;
}
