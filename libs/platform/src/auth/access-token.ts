import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Actor, PERSON_ROLES, PersonRole } from '../context/actor';

interface AccessClaims {
  sub: string;
  role: PersonRole;
  mun: string;
}

/** Short-lived signed access tokens; refresh tokens live in identity. */
@Injectable()
export class AccessTokens {
  constructor(private readonly jwt: JwtService) {}

  sign(actor: Actor & { role: PersonRole }): Promise<string> {
    const claims: AccessClaims = { sub: actor.id, role: actor.role, mun: actor.municipalityId };
    return this.jwt.signAsync(claims);
  }

  async verify(token: string): Promise<Actor | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      if (!PERSON_ROLES.includes(claims.role) || typeof claims.sub !== 'string' || typeof claims.mun !== 'string')
        return null;
      return { id: claims.sub, role: claims.role, municipalityId: claims.mun };
    } catch {
      return null;
    }
  }
}
