import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config';
import { RedisConnection } from '../redis/redis.module';

const KEY_PREFIX = 'revoked-account:';

/**
 * Accounts whose access tokens stop working before they expire (erased people). Kept in Redis
 * for one access-token lifetime, after which no token of theirs is left to refuse. When Redis
 * cannot answer the check lets the token pass: it lives at most that lifetime, and an erased
 * person's data is already gone.
 */
@Injectable()
export class RevokedAccounts {
  constructor(
    private readonly redis: RedisConnection,
    private readonly config: AppConfig,
  ) {}

  async revoke(accountId: string): Promise<void> {
    await this.redis.client.set(`${KEY_PREFIX}${accountId}`, '1', 'EX', this.config.auth.accessTokenTtlSeconds + 60);
  }

  async isRevoked(accountId: string): Promise<boolean> {
    try {
      return (await this.redis.client.exists(`${KEY_PREFIX}${accountId}`)) === 1;
    } catch {
      return false;
    }
  }
}
