export interface FieldError {
  field: string;
  message: string;
}

/**
 * A broken rule of the product, with a stable code clients can rely on.
 * Services throw these; one filter turns them into problem+json.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(code, 404, `${what} was not found.`);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super('VALIDATION_FAILED', 400, 'The request has invalid or unknown fields.', errors);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: string) {
    super(code, 409, detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'FORBIDDEN', detail = 'Your role may not do this.') {
    super(code, 403, detail);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED', detail = 'Valid credentials are required.') {
    super(code, 401, detail);
  }
}
