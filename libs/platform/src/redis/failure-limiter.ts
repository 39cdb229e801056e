import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RedisConnection } from './redis.module';

export interface FailureWindow {
  /** Failures allowed within the window. */
  points: number;
  /** Window length in seconds, from the first failure. */
  duration: number;
}

/** Counts failures per key in Redis (in memory while Redis is away); at the limit a key waits until its window ends. */
export class FailureLimiter {
  private readonly limiter: RateLimiterRedis;

  constructor(
    redis: RedisConnection,
    keyPrefix: string,
    private readonly window: FailureWindow,
  ) {
    this.limiter = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix,
      ...window,
      insuranceLimiter: new RateLimiterMemory(window),
    });
  }

  /** Milliseconds until `key` may try again; 0 while it is under the limit. */
  async waitMs(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    return state !== null && state.consumedPoints >= this.window.points ? state.msBeforeNext : 0;
  }

  async recordFailure(key: string): Promise<void> {
    await this.limiter.consume(key).catch(() => undefined);
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key).catch(() => undefined);
  }
}
