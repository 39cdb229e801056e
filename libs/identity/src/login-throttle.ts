import { Injectable } from '@nestjs/common';
import { AttemptLimiter, RedisConnection, takeFromAll, TooManyAttemptsError } from '@app/platform';
import { createHash } from 'node:crypto';

const PER_ACCOUNT = { points: 5, duration: 15 * 60 };
const PER_ADDRESS = { points: 50, duration: 60 * 60 };

/**
 * Sign-in attempts per account and per IP address. Each attempt takes its point before the
 * password is checked, so parallel attempts are counted too; a successful sign-in clears the
 * account's count and gives the address its point back. At the limit, 429 until the window ends.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: AttemptLimiter;
  private readonly perAddress: AttemptLimiter;

  constructor(redis: RedisConnection) {
    this.perAccount = new AttemptLimiter(redis, 'login-account', PER_ACCOUNT);
    this.perAddress = new AttemptLimiter(redis, 'login-ip', PER_ADDRESS);
  }

  async begin(email: string, ip: string): Promise<void> {
    const wait = await takeFromAll([
      [this.perAccount, accountKey(email)],
      [this.perAddress, ip],
    ]);
    if (wait > 0)
      throw new TooManyAttemptsError(
        {
          nl: 'Te vaak mislukt om in te loggen; probeer het later opnieuw.',
          en: 'Too many failed sign-in attempts; try again later.',
        },
        wait,
      );
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.reset(accountKey(email)), this.perAddress.giveBack(ip)]);
  }
}

/** Keys carry no email address in the clear. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 32);
}
