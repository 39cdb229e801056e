import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  SAME_EMAIL: { nl: 'Dit is al uw e-mailadres', en: 'This is your email address already' },
  UNKNOWN_MAIL_KIND: { nl: 'Deze soort post bestaat niet', en: 'No such kind of mail' },
  WRONG_PASSWORD: { nl: 'Het huidige wachtwoord klopt niet', en: 'The current password is not right' },
  CANNOT_DISABLE_SELF: { nl: 'U kunt uw eigen account niet uitzetten', en: 'You cannot disable your own account' },
  ACCOUNT_ERASED: { nl: 'Dit account is gewist', en: 'This account was erased' },
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
    super('INVALID_CREDENTIALS', 401, {
      nl: 'Het e-mailadres of het wachtwoord klopt niet.',
      en: 'Email or password is incorrect.',
    });
  }
}

export class InvalidTokenError extends DomainError {
  constructor() {
    super('TOKEN_INVALID', 400, {
      nl: 'Deze link of code is ongeldig, al gebruikt of verlopen.',
      en: 'This token is invalid, already used or expired.',
    });
  }
}

export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super('REFRESH_TOKEN_REUSED', 401, {
      nl: 'Deze sessiesleutel is al eens gebruikt; de sessie is beëindigd.',
      en: 'This refresh token was already used; the session has been ended.',
    });
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', 401, {
      nl: 'De sessiesleutel is ongeldig of verlopen.',
      en: 'The refresh token is invalid or expired.',
    });
  }
}

export class EmailTakenError extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 409, {
      nl: 'Er is al een account met dit e-mailadres.',
      en: 'An account with this email address exists.',
    });
  }
}

export class MunicipalityNotFoundError extends DomainError {
  constructor(code: string) {
    super('MUNICIPALITY_NOT_FOUND', 404, {
      nl: `Er is geen gemeente met code ${code}.`,
      en: `No municipality with code ${code}.`,
    });
  }
}

export class WijkPostcodeOverlapError extends DomainError {
  constructor() {
    super('WIJK_POSTCODE_OVERLAP', 409, {
      nl: 'Een postcodegebied overlapt met dat van een andere wijk van deze gemeente.',
      en: 'A postcode range overlaps a range of another wijk of this municipality.',
    });
  }
}

export class WijkNameTakenError extends DomainError {
  constructor() {
    super('WIJK_NAME_TAKEN', 409, {
      nl: 'Deze gemeente heeft al een wijk met deze naam.',
      en: 'This municipality has a wijk with this name.',
    });
  }
}

export class CannotDisableSelfError extends DomainError {
  constructor() {
    super('CANNOT_DISABLE_SELF', 409, {
      nl: 'Een beheerder zet het eigen account niet uit; vraag een andere beheerder.',
      en: 'An admin does not disable their own account; ask another admin.',
    });
  }
}

export class PersonErasedError extends DomainError {
  constructor() {
    super('ACCOUNT_ERASED', 409, {
      nl: 'Dit account is gewist en kan niet opnieuw aan.',
      en: 'This account was erased and cannot be enabled.',
    });
  }
}

export class SameEmailError extends DomainError {
  constructor() {
    super('SAME_EMAIL', 422, { nl: 'Dit is al uw e-mailadres.', en: 'This is your email address already.' }, [
      { field: 'newEmail', message: 'is the current address' },
    ]);
  }
}

export class UnknownMailKindError extends DomainError {
  constructor(optional: string[]) {
    super(
      'UNKNOWN_MAIL_KIND',
      422,
      {
        nl: `U kunt alleen kiezen uit: ${optional.join(', ')}.`,
        en: `You can choose only from: ${optional.join(', ')}.`,
      },
      [{ field: 'mailOptOuts', message: `each must be one of ${optional.join(', ')}` }],
    );
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super(
      'WRONG_PASSWORD',
      403,
      { nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not right.' },
      [{ field: 'currentPassword', message: 'is not right' }],
    );
  }
}
