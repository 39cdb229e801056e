import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { PERSON_ROLES } from '../context/actor';
import { RequestContext } from '../context/request-context';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-error';
import { Access, ACCESS_KEY } from './access.decorator';
import { AccessTokens } from './access-token';
import { ApiKeyThrottle } from './api-key-throttle';
import { PartnerKeyVerifier } from './partner-key-verifier';
import { RevokedAccounts } from './revoked-accounts';

/**
 * Global guard: every route is closed to anonymous callers unless marked @Public.
 * Sets the actor in the request context, from which all data access takes its municipality.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly context: RequestContext,
    private readonly revoked: RevokedAccounts,
    private readonly apiKeyThrottle: ApiKeyThrottle,
    @Optional() private readonly partnerKeys?: PartnerKeyVerifier,
  ) {}

  async canActivate(execution: ExecutionContext): Promise<boolean> {
    if (execution.getType() !== 'http') return true;
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    if (access && 'public' in access) return true;
    // A route that names no roles is for people; a provider reaches only routes that name them.
    const allowed = access?.roles ?? PERSON_ROLES.filter((role) => role !== 'provider');
    const request = execution.switchToHttp().getRequest<FastifyRequest>();

    const apiKey = request.headers['x-api-key'];
    if (allowed.includes('partner') && typeof apiKey === 'string' && this.partnerKeys) {
      await this.apiKeyThrottle.assertAllowed(request.ip);
      const partner = await this.partnerKeys.verify(apiKey);
      if (!partner) await this.apiKeyThrottle.wrongKey(request.ip);
      if (!partner)
        throw new UnauthenticatedError('UNAUTHENTICATED', {
          nl: 'De API-sleutel is ongeldig.',
          en: 'The API key is not valid.',
        });
      this.context.setActor(partner);
      return true;
    }

    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const verified = token ? await this.tokens.verify(token) : null;
    if (!verified || (await this.revoked.isRevoked(verified.actor.id, verified.issuedAtMs)))
      throw new UnauthenticatedError();
    const actor = verified.actor;
    if (!allowed.includes(actor.role)) throw new ForbiddenError();
    this.context.setActor(actor);
    return true;
  }
}
