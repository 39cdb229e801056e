import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { InvalidTokenError } from './identity-errors';
import { OneTimeToken, OneTimeTokenPurpose } from './one-time-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';

export const TOKEN_LIFETIME_SECONDS: Record<OneTimeTokenPurpose | 'invitation', number> = {
  email_verification: 48 * 3600,
  password_reset: 3600,
  invitation: 7 * 24 * 3600,
};

/** Single-use, expiring, hashed tokens for links sent by email. */
@Injectable()
export class OneTimeTokens {
  constructor(@InjectRepository(OneTimeToken) private readonly tokens: Repository<OneTimeToken>) {}

  async issue(accountId: string, purpose: OneTimeTokenPurpose, lifetimeSeconds: number, manager?: EntityManager): Promise<string> {
    const token = newSecretToken();
    const repository = manager ? manager.getRepository(OneTimeToken) : this.tokens;
    await repository.insert({
      accountId,
      purpose,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + lifetimeSeconds * 1000),
    });
    return token;
  }

  /** Marks the token used and returns its account; a second use, wrong purpose or expiry fails. */
  async consume(token: string, purpose: OneTimeTokenPurpose, manager: EntityManager): Promise<string> {
    const result = await manager
      .createQueryBuilder()
      .update(OneTimeToken)
      .set({ usedAt: () => 'now()' })
      .where({ tokenHash: hashSecretToken(token), purpose, usedAt: IsNull() })
      .andWhere('expires_at > now()')
      .returning(['account_id'])
      .execute();
    const row = (result.raw as Array<{ account_id: string }>)[0];
    if (!row) throw new InvalidTokenError();
    return row.account_id;
  }

  /** Older unused tokens of the same purpose stop working when a new one is sent or one is used. */
  async invalidateOthers(accountId: string, purpose: OneTimeTokenPurpose, manager: EntityManager): Promise<void> {
    await manager.getRepository(OneTimeToken).update({ accountId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
