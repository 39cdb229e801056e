import { Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config';

/**
 * How long a closing connection waits for Redis to close the socket. ioredis waits 2 s by
 * default, and also for a socket that never connected, which holds every shutdown with
 * Redis away for that long.
 */
export const REDIS_DISCONNECT_TIMEOUT_MS = 200;

/** One shared Redis connection for counters and health; BullMQ opens its own. */
@Injectable()
export class RedisConnection implements OnModuleInit, OnApplicationShutdown {
  readonly client: Redis;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.client = new Redis(config.redis.url, {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2000,
      disconnectTimeout: REDIS_DISCONNECT_TIMEOUT_MS,
    });
    // Connection errors surface through health checks and the calls that need Redis.
    this.client.on('error', () => undefined);
  }

  /** Gives the connection a moment at start-up, so the first requests find it ready; never blocks start for long. */
  async onModuleInit(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      this.client.once('ready', () => (clearTimeout(timer), resolve()));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
