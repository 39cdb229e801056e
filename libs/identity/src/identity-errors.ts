import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  MUNICIPALITY_NOT_FOUND: { nl: 'Gemeente niet gevonden', en: 'Municipality not found' },
  WIJK_POSTCODE_OVERLAP: {
    nl: 'Deze postcodes horen al bij een andere wijk',
    en: 'These postcodes already belong to another wijk',
  },
  WIJK_NAME_TAKEN: { nl: 'Er is al een wijk met deze naam', en: 'A wijk with this name exists' },
  ACCOUNT_DISABLED: { nl: 'Dit account is uitgeschakeld', en: 'This account is disabled' },
});

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 401, 'Email or password is incorrect.');
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 429, 'Too many failed sign-in attempts; try again later.', [], {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

export class InvalidTokenError extends DomainError {
  constructor() {
    super('TOKEN_INVALID', 400, 'This token is invalid, already used or expired.');
  }
}

export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super('REFRESH_TOKEN_REUSED', 401, 'This refresh token was already used; the session has been ended.');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 401, 'The refresh token is invalid or expired.');
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 409, 'An account with this email address exists.');
  }
}

export class MunicipalityNotFoundError extends DomainError {
  constructor(code: string) {
    super('MUNICIPALITY_NOT_FOUND', 404, `No municipality with code ${code}.`);
  }
}

export class WijkPostcodeOverlapError extends DomainError {
  constructor() {
    super('WIJK_POSTCODE_OVERLAP', 409, 'A postcode range overlaps a range of another wijk of this municipality.');
  }
}

export class WijkNameTakenError extends DomainError {
  constructor() {
    super('WIJK_NAME_TAKEN', 409, 'This municipality has a wijk with this name.');
  }
}
