import { Injectable } from '@nestjs/common';
import { DomainError, FailureLimiter, RedisConnection } from '@app/platform';

const PER_PARTNER = { points: 20, duration: 10 * 60 };
const PER_ADDRESS = { points: 60, duration: 60 * 60 };

/**
 * Counts redemptions with an unknown code per partner key and per IP address. At the
 * limit every redemption answers 429 until the window ends, so codes cannot be guessed
 * (60 random bits already make a hit unlikely; this makes trying slow and visible).
 */
@Injectable()
export class CodeGuessThrottle {
  private readonly perPartner: FailureLimiter;
  private readonly perAddress: FailureLimiter;

  constructor(redis: RedisConnection) {
    this.perPartner = new FailureLimiter(redis, 'voucher-miss-partner', PER_PARTNER);
    this.perAddress = new FailureLimiter(redis, 'voucher-miss-ip', PER_ADDRESS);
  }

  async assertAllowed(partnerId: string, ip: string): Promise<void> {
    const wait = Math.max(...(await Promise.all([this.perPartner.waitMs(partnerId), this.perAddress.waitMs(ip)])));
    if (wait > 0)
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        429,
        {
          nl: 'Te veel onbekende codes; probeer het later opnieuw.',
          en: 'Too many unknown voucher codes; try again later.',
        },
        [],
        {
          'retry-after': String(Math.ceil(wait / 1000)),
        },
      );
  }

  async recordMiss(partnerId: string, ip: string): Promise<void> {
    await Promise.all([this.perPartner.recordFailure(partnerId), this.perAddress.recordFailure(ip)]);
  }
}
