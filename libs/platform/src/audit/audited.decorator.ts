import { SetMetadata } from '@nestjs/common';

export const AUDIT_KEY = 'audit';

/**
 * Where a route finds the records it touches: a route parameter, the ids in its answer, a list
 * of objects in its body, a list of ids in its body, or a comma-separated list of ids in its query.
 */
export type AuditSubjectSource =
  | { param: string }
  | { answer: 'id' | 'items' }
  | { bodyList: string; field: string }
  | { bodyIds: string }
  | { query: string };

export interface AuditedRoute {
  /** The kind of record, e.g. "carer"; the privacy context resolves it to the person. */
  subject: string;
  from: AuditSubjectSource;
}

export type AuditMetadata = AuditedRoute | { personalData: false } | { auditedByService: true };

/**
 * Staff and admin calls of this route are written to the audit log: who, when, the route, and
 * which person's record. Reads are logged as "read", other methods as "change".
 */
export const Audited = (subject: string, from: AuditSubjectSource) =>
  SetMetadata(AUDIT_KEY, { subject, from } satisfies AuditMetadata);

/** The route shows or changes no person's record (settings, offers, aggregate figures). */
export const NoPersonalData = () => SetMetadata(AUDIT_KEY, { personalData: false } satisfies AuditMetadata);

/** The service behind the route writes its own audit entry (with the reason staff give). */
export const AuditedByService = () => SetMetadata(AUDIT_KEY, { auditedByService: true } satisfies AuditMetadata);
