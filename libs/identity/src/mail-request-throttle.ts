import { Injectable } from '@nestjs/common';
import { AttemptLimiter, RedisConnection, takeFromAll } from '@app/platform';
import { accountKey } from './login-throttle';

const PER_ADDRESS = { points: 3, duration: 60 * 60 };
const PER_IP = { points: 20, duration: 60 * 60 };

/**
 * Reset and verification mails asked for per email address and per IP address. Beyond the
 * allowance no mail is sent, while the answer stays the same 202, so the limit reveals nothing;
 * a flood can neither fill a mailbox nor, since earlier links stay valid, keep a link dead.
 */
@Injectable()
export class MailRequestThrottle {
  private readonly perAddress: AttemptLimiter;
  private readonly perIp: AttemptLimiter;

  constructor(redis: RedisConnection) {
    this.perAddress = new AttemptLimiter(redis, 'mail-request-address', PER_ADDRESS);
    this.perIp = new AttemptLimiter(redis, 'mail-request-ip', PER_IP);
  }

  /** Whether another mail may go to this address for this caller now. */
  async allows(purpose: string, email: string, ip: string): Promise<boolean> {
    const wait = await takeFromAll([
      [this.perAddress, `${purpose}:${accountKey(email)}`],
      [this.perIp, ip],
    ]);
    return wait === 0;
  }
}
