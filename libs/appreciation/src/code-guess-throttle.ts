import { Injectable } from '@nestjs/common';
import { AttemptLimiter, RedisConnection, takeFromAll, TooManyAttemptsError } from '@app/platform';

const PER_PARTNER = { points: 20, duration: 10 * 60 };
const PER_ADDRESS = { points: 60, duration: 60 * 60 };

/**
 * Unknown voucher codes per partner and per IP address. A partner at the limit gets 429 before
 * any lookup. Below it, each unknown code spends a point in one atomic increment before its
 * answer is given, and a miss that finds the allowance spent answers 429 instead of 404: however
 * many guesses run in parallel, at most the allowance of them learn that a code does not exist.
 * Known codes spend nothing, so a till's parallel redemptions are never slowed. (60 random bits
 * already make a hit unlikely; this makes trying slow and visible.)
 */
@Injectable()
export class CodeGuessThrottle {
  private readonly perPartner: AttemptLimiter;
  private readonly perAddress: AttemptLimiter;

  constructor(redis: RedisConnection) {
    this.perPartner = new AttemptLimiter(redis, 'voucher-miss-partner', PER_PARTNER);
    this.perAddress = new AttemptLimiter(redis, 'voucher-miss-ip', PER_ADDRESS);
  }

  async assertAllowed(partnerId: string, ip: string): Promise<void> {
    const wait = Math.max(...(await Promise.all([this.perPartner.waitMs(partnerId), this.perAddress.waitMs(ip)])));
    if (wait > 0) throw tooManyGuesses(wait);
  }

  /** Spends a point for an unknown code; throws 429 when none was left. */
  async miss(partnerId: string, ip: string): Promise<void> {
    const wait = await takeFromAll([
      [this.perPartner, partnerId],
      [this.perAddress, ip],
    ]);
    if (wait > 0) throw tooManyGuesses(wait);
  }
}

function tooManyGuesses(waitMs: number): TooManyAttemptsError {
  return new TooManyAttemptsError(
    {
      nl: 'Te veel onbekende codes; probeer het later opnieuw.',
      en: 'Too many unknown voucher codes; try again later.',
    },
    waitMs,
  );
}
