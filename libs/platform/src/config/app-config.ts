import { Injectable } from '@nestjs/common';
import { Environment } from './environment';
import { parseTrustProxy } from './trust-proxy';

/** Typed, validated configuration, one group per concern. Injected; never read process.env elsewhere. */
@Injectable()
export class AppConfig {
  constructor(private readonly env: Environment) {}

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get nodeEnv(): Environment['NODE_ENV'] {
    return this.env.NODE_ENV;
  }

  get http() {
    return {
      port: this.env.PORT,
      workerPort: this.env.WORKER_PORT,
      baseUrl: this.env.APP_BASE_URL.replace(/\/$/, ''),
      trustProxy: parseTrustProxy(this.env.TRUST_PROXY) ?? false,
    };
  }

  /** What /metrics asks for: a bearer token, or nothing in development; closed in production without one. */
  get metrics(): { token: string } | { open: boolean } {
    if (this.env.METRICS_TOKEN) return { token: this.env.METRICS_TOKEN };
    return { open: this.env.NODE_ENV !== 'production' };
  }

  get database() {
    return {
      url: this.env.DATABASE_URL,
      migrationUrl: this.env.DATABASE_MIGRATION_URL,
      poolSize: this.env.DATABASE_POOL_SIZE,
    };
  }

  get redis() {
    return { url: this.env.REDIS_URL };
  }

  get mail() {
    return {
      smtpUrl: this.env.SMTP_URL,
      from: this.env.MAIL_FROM,
      ratePerSecond: this.env.MAIL_RATE_PER_SECOND,
      /** In production mail goes over TLS only (smtps://, or smtp:// with STARTTLS), unless allowed otherwise. */
      requireTls: this.env.NODE_ENV === 'production' && this.env.ALLOW_PLAINTEXT_SMTP !== 'true',
      retry: {
        windowMs: this.env.MAIL_RETRY_HOURS * 3600_000,
        firstDelayMs: this.env.MAIL_RETRY_FIRST_DELAY_SECONDS * 1000,
        maxDelayMs: this.env.MAIL_RETRY_MAX_DELAY_SECONDS * 1000,
      },
    };
  }

  get auth() {
    return {
      signingSecret: this.env.TOKEN_SIGNING_SECRET,
      accessTokenTtlSeconds: this.env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: this.env.REFRESH_TOKEN_TTL_SECONDS,
    };
  }

  get encryption() {
    return {
      fieldKey: Buffer.from(this.env.FIELD_ENCRYPTION_KEY, 'base64'),
      previousFieldKeys: this.env.FIELD_ENCRYPTION_PREVIOUS_KEYS.split(',')
        .filter(Boolean)
        .map((key) => Buffer.from(key, 'base64')),
    };
  }

  get logLevel(): string {
    return this.env.LOG_LEVEL;
  }
}
