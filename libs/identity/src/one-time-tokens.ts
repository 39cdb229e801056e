import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { InvalidTokenError } from './identity-errors';
import { OneTimeToken, OneTimeTokenPurpose } from './one-time-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';

export const TOKEN_LIFETIME_SECONDS: Record<OneTimeTokenPurpose | 'invitation', number> = {
  email_verification: 48 * 3600,
  password_reset: 3600,
  email_change: 48 * 3600,
  invitation: 7 * 24 * 3600,
};

/** Single-use, expiring, hashed tokens for links sent by email. */
@Injectable()
export class OneTimeTokens {
  constructor(@InjectRepository(OneTimeToken) private readonly tokens: Repository<OneTimeToken>) {}

  async issue(
    accountId: string,
    purpose: OneTimeTokenPurpose,
    lifetimeSeconds: number,
    manager?: EntityManager,
    newEmail: string | null = null,
  ): Promise<string> {
    const token = newSecretToken();
    const repository = manager ? manager.getRepository(OneTimeToken) : this.tokens;
    await repository.insert({
      accountId,
      purpose,
      newEmail,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + lifetimeSeconds * 1000),
    });
    return token;
  }

  /** Marks the token used and returns its account; a second use, wrong purpose or expiry fails. */
  async consume(token: string, purpose: OneTimeTokenPurpose, manager: EntityManager): Promise<string> {
    // One conditional UPDATE: two simultaneous uses cannot both succeed.
    const [rows] = await manager.query<[Array<{ account_id: string }>, number]>(
      `UPDATE one_time_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING account_id`,
      [hashSecretToken(token), purpose],
    );
    const row = rows[0];
    if (!row) throw new InvalidTokenError();
    return row.account_id;
  }

  /** Uses an email-change token: the account and the address it proves. */
  async consumeEmailChange(token: string, manager: EntityManager): Promise<{ accountId: string; newEmail: string }> {
    const [rows] = await manager.query<[Array<{ account_id: string; new_email: string }>, number]>(
      `UPDATE one_time_token SET used_at = now()
        WHERE token_hash = $1 AND purpose = 'email_change' AND used_at IS NULL AND expires_at > now() AND new_email IS NOT NULL
        RETURNING account_id, new_email`,
      [hashSecretToken(token)],
    );
    const row = rows[0];
    if (!row) throw new InvalidTokenError();
    return { accountId: row.account_id, newEmail: row.new_email };
  }

  /** Whether the token would be accepted now; changes nothing (for pages a GET shows). */
  async isUsable(token: string, purpose: OneTimeTokenPurpose): Promise<boolean> {
    return this.tokens
      .createQueryBuilder('token')
      .where(
        'token.tokenHash = :hash AND token.purpose = :purpose AND token.usedAt IS NULL AND token.expiresAt > now()',
        { hash: hashSecretToken(token), purpose },
      )
      .getExists();
  }

  /** Older unused tokens of the same purpose stop working when a new one is sent or one is used. */
  async invalidateOthers(accountId: string, purpose: OneTimeTokenPurpose, manager: EntityManager): Promise<void> {
    await manager.getRepository(OneTimeToken).update({ accountId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
