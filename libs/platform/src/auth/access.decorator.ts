import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { Role } from '../context/actor';
import { ApiProblems } from '../http/api-problems';

export const ACCESS_KEY = 'access';
export type Access = { public: true } | { roles: Role[] };

/** Anyone may call this route, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies Access);

/** Only these roles may call this route; 401 without credentials, 403 for another role. */
export function Roles(...roles: Role[]) {
  const people = roles.filter((role) => role !== 'partner');
  return applyDecorators(
    SetMetadata(ACCESS_KEY, { roles } satisfies Access),
    ...(people.length > 0 ? [ApiBearerAuth()] : []),
    ...(roles.includes('partner') ? [ApiSecurity('apiKey')] : []),
    ApiProblems({ 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] }),
  );
}
