import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountRole, Actor, OPERATOR_ROLE, PERSON_ROLES } from '../context/actor';

interface AccessClaims {
  sub: string;
  role: AccountRole;
  mun: string;
  /** Issued at, in milliseconds: a sign-in right after a revocation in the same second must count. */
  iam?: number;
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

/** Short-lived signed access tokens; refresh tokens live in identity. */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor & { role: AccountRole }): Promise<string> {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, mun: actor.municipalityId, iam: Date.now() };
    return this.jwt.signAsync(claims, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
  }

  async verify(token: string): Promise<VerifiedAccess | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
      if (!ACCOUNT_ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.mun !== 'string')
        return null;
      if (typeof claims.iam !== 'number') return null;
      return { actor: { id: claims.sub, role: claims.role, municipalityId: claims.mun }, issuedAtMs: claims.iam };
    } catch {
      return null;
    }
  }
}
