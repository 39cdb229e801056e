import { Injectable } from '@nestjs/common';
import { RedisConnection } from '@app/platform';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { TooManyAttemptsError } from './identity-errors';

const ACCOUNT_FAILURES = { points: 5, duration: 15 * 60 };
const ADDRESS_FAILURES = { points: 50, duration: 60 * 60 };

/**
 * Counts failed sign-ins per account and per IP address in Redis (in memory while Redis
 * is away). At the limit, sign-in answers 429 until the window of the first failure ends.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(redis: RedisConnection) {
    this.perAccount = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: 'login-fail-account',
      ...ACCOUNT_FAILURES,
      insuranceLimiter: new RateLimiterMemory(ACCOUNT_FAILURES),
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: 'login-fail-ip',
      ...ADDRESS_FAILURES,
      insuranceLimiter: new RateLimiterMemory(ADDRESS_FAILURES),
    });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const checks = await Promise.all([
      this.perAccount.get(this.accountKey(email)).then((state) => ({ state, limit: ACCOUNT_FAILURES.points })),
      this.perAddress.get(ip).then((state) => ({ state, limit: ADDRESS_FAILURES.points })),
    ]);
    const waits = checks.filter(({ state, limit }) => state !== null && state.consumedPoints >= limit).map(({ state }) => state!.msBeforeNext);
    if (waits.length > 0) throw new TooManyAttemptsError(Math.max(...waits) / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccount.consume(this.accountKey(email)).catch(() => undefined),
      this.perAddress.consume(ip).catch(() => undefined),
    ]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(this.accountKey(email)).catch(() => undefined);
  }

  /** Keys carry no email address in the clear. */
  private accountKey(email: string): string {
    return createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
  }
}
