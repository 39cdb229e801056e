import { Injectable } from '@nestjs/common';
import { TooManyAttemptsError } from '../http/domain-error';
import { AttemptLimiter } from '../redis/failure-limiter';
import { RedisConnection } from '../redis/redis.module';

const PER_ADDRESS = { points: 30, duration: 60 * 60 };

/**
 * Wrong partner keys per IP address. An address at the limit gets 429 before any key is looked
 * up; below it each wrong key spends a point atomically before its 401 is given, and one that
 * finds the allowance spent answers 429, so parallel guesses learn at most the allowance of
 * answers. Valid keys spend nothing.
 */
@Injectable()
export class ApiKeyThrottle {
  private readonly perAddress: AttemptLimiter;

  constructor(redis: RedisConnection) {
    this.perAddress = new AttemptLimiter(redis, 'api-key-ip', PER_ADDRESS);
  }

  async assertAllowed(ip: string): Promise<void> {
    const wait = await this.perAddress.waitMs(ip);
    if (wait > 0) throw tooManyKeys(wait);
  }

  /** Spends a point for a wrong key; throws 429 when none was left. */
  async wrongKey(ip: string): Promise<void> {
    const wait = await this.perAddress.take(ip);
    if (wait > 0) throw tooManyKeys(wait);
  }
}

function tooManyKeys(waitMs: number): TooManyAttemptsError {
  return new TooManyAttemptsError(
    {
      nl: 'Te veel ongeldige API-sleutels; probeer het later opnieuw.',
      en: 'Too many invalid API keys; try again later.',
    },
    waitMs,
  );
}
