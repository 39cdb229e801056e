import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationFailedError } from './domain-error';

/**
 * Refuses requests whose path parameters, query or body hold U+0000 anywhere, as invalid input:
 * Postgres text cannot store that character, so a query would otherwise fail on it. Routes whose
 * config says `htmlPage` clean their own input: a problem+json answer would be no page at all.
 */
export function refuseNulCharacters(
  fastify: FastifyInstance,
  refuse: (error: ValidationFailedError, request: FastifyRequest, reply: FastifyReply) => void,
): void {
  fastify.addHook('preValidation', (request, reply, done) => {
    if ((request.routeOptions.config as { htmlPage?: boolean } | undefined)?.htmlPage) return done();
    const field =
      fieldHoldingNul(request.params, 'path') ?? fieldHoldingNul(request.query) ?? fieldHoldingNul(request.body);
    if (!field) return done();
    // Answered here; the route is not reached.
    refuse(
      new ValidationFailedError([{ field, message: `${field} must not contain the NUL character` }]),
      request,
      reply,
    );
  });
}

/** The field of the first string (or key) holding U+0000 in parsed input, or null. */
export function fieldHoldingNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return field;
    const found = fieldHoldingNul(inner, field);
    if (found) return found;
  }
  return null;
}
