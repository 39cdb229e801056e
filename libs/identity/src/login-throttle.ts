import { Injectable } from '@nestjs/common';
import { FailureLimiter, RedisConnection } from '@app/platform';
import { createHash } from 'node:crypto';
import { TooManyAttemptsError } from './identity-errors';

const ACCOUNT_FAILURES = { points: 5, duration: 15 * 60 };
const ADDRESS_FAILURES = { points: 50, duration: 60 * 60 };

/**
 * Counts failed sign-ins per account and per IP address in Redis (in memory while Redis
 * is away). At the limit, sign-in answers 429 until the window of the first failure ends.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: FailureLimiter;
  private readonly perAddress: FailureLimiter;

  constructor(redis: RedisConnection) {
    this.perAccount = new FailureLimiter(redis, 'login-fail-account', ACCOUNT_FAILURES);
    this.perAddress = new FailureLimiter(redis, 'login-fail-ip', ADDRESS_FAILURES);
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const wait = Math.max(
      ...(await Promise.all([this.perAccount.waitMs(this.accountKey(email)), this.perAddress.waitMs(ip)])),
    );
    if (wait > 0) throw new TooManyAttemptsError(wait / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.recordFailure(this.accountKey(email)), this.perAddress.recordFailure(ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.reset(this.accountKey(email));
  }

  /** Keys carry no email address in the clear. */
  private accountKey(email: string): string {
    return createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
  }
}
