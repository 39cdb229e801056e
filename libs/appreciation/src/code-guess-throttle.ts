import { Injectable } from '@nestjs/common';
import { DomainError, RedisConnection } from '@app/platform';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

const PER_PARTNER = { points: 20, duration: 10 * 60 };
const PER_ADDRESS = { points: 60, duration: 60 * 60 };

/**
 * Counts redemptions with an unknown code per partner key and per IP address. At the
 * limit every redemption answers 429 until the window ends, so codes cannot be guessed
 * (60 random bits already make a hit unlikely; this makes trying slow and visible).
 */
@Injectable()
export class CodeGuessThrottle {
  private readonly perPartner: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(redis: RedisConnection) {
    this.perPartner = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: 'voucher-miss-partner', ...PER_PARTNER, insuranceLimiter: new RateLimiterMemory(PER_PARTNER) });
    this.perAddress = new RateLimiterRedis({ storeClient: redis.client, keyPrefix: 'voucher-miss-ip', ...PER_ADDRESS, insuranceLimiter: new RateLimiterMemory(PER_ADDRESS) });
  }

  async assertAllowed(partnerId: string, ip: string): Promise<void> {
    const states = await Promise.all([
      this.perPartner.get(partnerId).then((state) => ({ state, limit: PER_PARTNER.points })),
      this.perAddress.get(ip).then((state) => ({ state, limit: PER_ADDRESS.points })),
    ]);
    const waits = states.filter(({ state, limit }) => state !== null && state.consumedPoints >= limit).map(({ state }) => state!.msBeforeNext);
    if (waits.length > 0) {
      const seconds = Math.ceil(Math.max(...waits) / 1000);
      throw new DomainError('TOO_MANY_ATTEMPTS', 429, 'Too many unknown voucher codes; try again later.', [], { 'retry-after': String(seconds) });
    }
  }

  async recordMiss(partnerId: string, ip: string): Promise<void> {
    await Promise.all([this.perPartner.consume(partnerId).catch(() => undefined), this.perAddress.consume(ip).catch(() => undefined)]);
  }
}
