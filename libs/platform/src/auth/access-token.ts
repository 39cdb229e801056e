import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccountRole, Actor, OPERATOR_ROLE, PERSON_ROLES } from '../context/actor';

interface AccessClaims {
  sub: string;
  role: AccountRole;
  mun: string;
}

const ACCOUNT_ROLES: readonly string[] = [...PERSON_ROLES, OPERATOR_ROLE];

/** Short-lived signed access tokens; refresh tokens live in identity. */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor & { role: AccountRole }): Promise<string> {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, mun: actor.municipalityId };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<Actor | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (!ACCOUNT_ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.mun !== 'string')
        return null;
      return { id: claims.sub, role: claims.role, municipalityId: claims.mun };
    } catch {
      return null;
    }
  }
}
