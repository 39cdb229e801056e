import { FastifyRequest } from 'fastify';

/** Method and route pattern of a request, e.g. "GET /api/v1/carers/:carerId": never ids or query strings. */
export function routePattern(request: FastifyRequest): string {
  return `${request.method} ${request.routeOptions.url ?? 'unmatched'}`;
}
