import { LocalText } from './local-text';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A broken rule of the product, with a stable code clients can rely on.
 * Services throw these; one filter turns them into problem+json in the reader's language.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: LocalText,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail.en);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  /** `what` names the thing with its article: { nl: 'De wijk', en: 'The wijk' }. */
  constructor(what: LocalText, code = 'NOT_FOUND') {
    super(code, 404, { nl: `${what.nl} is niet gevonden.`, en: `${what.en} was not found.` });
  }
}

export class ValidationFailedError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      'VALIDATION_FAILED',
      400,
      { nl: 'Het verzoek heeft ongeldige of onbekende velden.', en: 'The request has invalid or unknown fields.' },
      errors,
    );
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: LocalText) {
    super(code, 409, detail);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code = 'FORBIDDEN', detail: LocalText = GENERIC_DETAILS[403]) {
    super(code, 403, detail);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code = 'UNAUTHENTICATED', detail: LocalText = GENERIC_DETAILS[401]) {
    super(code, 401, detail);
  }
}

/** An allowance of attempts is spent: 429 with Retry-After, in whole seconds. */
export class TooManyAttemptsError extends DomainError {
  constructor(detail: LocalText, waitMs: number) {
    super('TOO_MANY_ATTEMPTS', 429, detail, [], { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) });
  }
}

/** What a status means when nothing more specific is known. */
export const GENERIC_DETAILS: Record<number, LocalText> = {
  400: { nl: 'Het verzoek kon niet worden gelezen.', en: 'The request could not be read.' },
  401: { nl: 'Log in om verder te gaan.', en: 'Valid credentials are required.' },
  403: { nl: 'Dit mag uw rol niet doen.', en: 'Your role may not do this.' },
  404: { nl: 'Niet gevonden.', en: 'The resource was not found.' },
  405: { nl: 'Deze methode is hier niet toegestaan.', en: 'This method is not allowed here.' },
  413: { nl: 'Het verzoek is te groot.', en: 'The request body is too large.' },
  414: { nl: 'Het adres van het verzoek is te lang.', en: 'The request URL is too long.' },
  415: { nl: 'Stuur de gegevens als application/json.', en: 'Send the body as application/json.' },
  429: { nl: 'Te veel verzoeken; probeer het later opnieuw.', en: 'Too many requests; try again later.' },
  500: { nl: 'Er ging iets mis aan onze kant.', en: 'An unexpected error occurred.' },
  503: {
    nl: 'Een onderdeel waar dit van afhangt is niet bereikbaar.',
    en: 'A service this depends on is unavailable.',
  },
};
