import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  AUDIT_KEY,
  AuditMetadata,
  AuditSubjectSource,
  RequestContext,
  Role,
  routePattern,
  STAFF_ROLES,
} from '@app/platform';
import { FastifyRequest } from 'fastify';
import { mergeMap, Observable } from 'rxjs';
import { AuditLog } from './audit-log';

/** Those whose looks at other people's records are logged: staff, admins, and providers reading their bookings. */
const AUDITED_ROLES: Role[] = [...STAFF_ROLES, 'provider'];

/**
 * Writes an audit entry for every successful staff or admin call of a route marked @Audited,
 * before the answer leaves: a read whose entry cannot be written is not answered. A change's
 * entry is written inside the change's own transaction (ChangeAuditCommitWrite); only work
 * without a transaction of its own gets its entry after it.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: RequestContext,
    private readonly audit: AuditLog,
  ) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'http') return next.handle();
    const metadata = this.reflector.getAllAndOverride<AuditMetadata | undefined>(AUDIT_KEY, [
      execution.getHandler(),
      execution.getClass(),
    ]);
    const actor = this.context.optionalActor();
    if (!metadata || !('subject' in metadata) || !actor || !AUDITED_ROLES.includes(actor.role)) return next.handle();
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const route = routePattern(request);
    if (request.method === 'GET') {
      return next.handle().pipe(
        mergeMap(async (answer: unknown) => {
          const subjectIds = subjectIdsOf(metadata.from, request, answer);
          await this.audit.record({ actor, action: 'read', route, subjectType: metadata.subject, subjectIds });
          return answer;
        }),
      );
    }
    const knownBeforehand = 'answer' in metadata.from ? [] : subjectIdsOf(metadata.from, request, null);
    const pending = this.audit.holdChange(actor, route, metadata.subject, knownBeforehand);
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await this.audit.settleChange(pending, subjectIdsOf(metadata.from, request, answer));
        return answer;
      }),
    );
  }
}

function subjectIdsOf(from: AuditSubjectSource, request: FastifyRequest, answer: unknown): string[] {
  const params = request.params as Record<string, string>;
  if ('param' in from) return params[from.param] ? [params[from.param]] : [];
  if ('query' in from) {
    const value = (request.query as Record<string, unknown>)[from.query];
    const ids = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
    return ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  }
  if ('bodyIds' in from) {
    const list = (request.body as Record<string, unknown> | null)?.[from.bodyIds];
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  }
  if ('bodyList' in from) {
    const list = (request.body as Record<string, unknown> | null)?.[from.bodyList];
    return Array.isArray(list)
      ? list
          .map((entry) => (entry as Record<string, unknown>)[from.field])
          .filter((id): id is string => typeof id === 'string')
      : [];
  }
  const body = answer as { id?: unknown; items?: Array<{ id?: unknown }> } | null;
  if (from.answer === 'id') return typeof body?.id === 'string' ? [body.id] : [];
  return (body?.items ?? []).map((item) => item.id).filter((id): id is string => typeof id === 'string');
}
