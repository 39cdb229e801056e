import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { InvalidRefreshTokenError, RefreshTokenReusedError } from './identity-errors';
import { RefreshToken } from './refresh-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';

/** Rotating refresh tokens in families; a reused token revokes its family. */
@Injectable()
export class RefreshTokens {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async issue(accountId: string, familyId: string = randomUUID(), manager?: EntityManager): Promise<string> {
    const token = newSecretToken();
    await (manager ?? this.dataSource.manager).getRepository(RefreshToken).insert({
      accountId,
      familyId,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + this.config.auth.refreshTokenTtlSeconds * 1000),
    });
    return token;
  }

  /** Spends a refresh token and returns a new one of the same family, with its account. */
  async rotate(token: string): Promise<{ accountId: string; refreshToken: string }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.tokenHash = :hash', { hash: hashSecretToken(token) })
        .getOne();
      if (!current || current.revokedAt || current.expiresAt <= new Date()) return { kind: 'invalid' as const };
      if (current.usedAt) {
        await this.revokeFamilyWith(current.familyId, manager);
        return { kind: 'reused' as const };
      }
      await manager.getRepository(RefreshToken).update(current.id, { usedAt: new Date() });
      const refreshToken = await this.issue(current.accountId, current.familyId, manager);
      return { kind: 'rotated' as const, accountId: current.accountId, refreshToken };
    });
    // The family's revocation must stand even though the caller gets an error.
    if (outcome.kind === 'reused') throw new RefreshTokenReusedError();
    if (outcome.kind === 'invalid') throw new InvalidRefreshTokenError();
    return { accountId: outcome.accountId, refreshToken: outcome.refreshToken };
  }

  /** Ends the sign-in the token belongs to (logout). Unknown tokens are ignored. */
  async revokeFamilyOf(token: string): Promise<void> {
    const current = await this.tokens.findOneBy({ tokenHash: hashSecretToken(token) });
    if (current) await this.revokeFamilyWith(current.familyId, this.dataSource.manager);
  }

  async revokeAllOf(accountId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamilyWith(familyId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
