import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountRole, Actor, OPERATOR_ROLE, PERSON_ROLES } from '../context/actor';

interface AccessClaims {
  sub: string;
  role: AccountRole;
  mun: string;
  /** Issued at, in milliseconds: a sign-in right after a revocation in the same second must count. */
  iam?: number;
  /** Expiry, in seconds. */
  exp?: number;
}

/** The actor of a verified token, and when the token was issued (milliseconds). */
export interface VerifiedAccess {
  actor: Actor;
  issuedAtMs: number;
}

const ACCOUNT_ROLES: readonly string[] = [...PERSON_ROLES, OPERATOR_ROLE];
/** Who issues access tokens and for whom they are: a token of another system signed with the same secret is refused. */
export const TOKEN_ISSUER = 'mantelzorg-platform';
export const TOKEN_AUDIENCE = 'mantelzorg-api';

/** Tokens kept verified at most; beyond it the oldest is dropped (and checked again when it comes back). */
const MAX_VERIFIED = 10_000;

/**
 * Short-lived signed access tokens; refresh tokens live in identity. A token verified once is
 * kept until it expires: the signature check is the largest cost of a request's pipeline
 * (`npm run bench -- request-layers`). Revocation does not depend on it: RevokedAccounts is
 * asked on every request.
 */
@Injectable()
export class AccessTokens {
  private readonly verified = new Map<string, { access: VerifiedAccess; expiresAtMs: number }>();

  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor & { role: AccountRole }): Promise<string> {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, mun: actor.municipalityId, iam: Date.now() };
    return this.jwt.signAsync(claims, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
  }

  async verify(token: string): Promise<VerifiedAccess | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.access;
    if (known) this.verified.delete(token);
    const access = await this.check(token);
    if (access && typeof access.expiresAtS === 'number') {
      if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { access: access.verified, expiresAtMs: access.expiresAtS * 1000 });
    }
    return access?.verified ?? null;
  }

  private async check(token: string): Promise<{ verified: VerifiedAccess; expiresAtS?: number } | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
      if (!ACCOUNT_ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.mun !== 'string')
        return null;
      if (typeof claims.iam !== 'number') return null;
      return {
        verified: { actor: { id: claims.sub, role: claims.role, municipalityId: claims.mun }, issuedAtMs: claims.iam },
        expiresAtS: claims.exp,
      };
    } catch {
      return null;
    }
  }
}
