import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisConnection } from './redis.module';

export interface AttemptWindow {
  /** Attempts allowed within the window. */
  points: number;
  /** Window length in seconds, from the first attempt. */
  duration: number;
}

/**
 * An allowance of attempts per key in Redis (in memory while Redis is away). `take` spends a
 * point in one atomic increment, before the expensive or revealing step, so any number of
 * parallel attempts get at most the allowance through; an attempt that turns out well may give
 * its point back. `waitMs` only reads, for callers that spend a point on failures alone.
 */
export class AttemptLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(redis: RedisConnection, keyPrefix: string, window: AttemptWindow) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix,
      ...window,
      insuranceLimiter: new RateLimiterMemory(window),
    });
  }

  /** Takes one attempt; 0 when granted, else the milliseconds until the key may try again. */
  async take(key: string): Promise<number> {
    try {
      await this.limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(rejection.msBeforeNext, 1000);
      throw rejection;
    }
  }

  /** Milliseconds until the key may try again; 0 while it has points left. Changes nothing. */
  async waitMs(key: string): Promise<number> {
    const state = await this.limiter.get(key).catch(() => null);
    return state !== null && state.remainingPoints <= 0 ? Math.max(state.msBeforeNext, 1000) : 0;
  }

  async giveBack(key: string): Promise<void> {
    await this.limiter.reward(key).catch(() => undefined);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key).catch(() => undefined);
  }
}

/**
 * Takes one attempt from each (key, limiter) pair; when any refuses, the points taken from
 * the others are given back and the longest wait is returned. 0 when all granted.
 */
export async function takeFromAll(pairs: Array<[AttemptLimiter, string]>): Promise<number> {
  const waits = await Promise.all(pairs.map(([limiter, key]) => limiter.take(key)));
  const wait = Math.max(...waits);
  if (wait > 0)
    await Promise.all(pairs.filter((_, index) => waits[index] === 0).map(([limiter, key]) => limiter.giveBack(key)));
  return wait;
}
