import { DomainError, NotFoundError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  ADDRESS_REQUIRED: { nl: 'Post kan alleen met een adres', en: 'Post needs an address' },
  EMAIL_REQUIRED: { nl: 'Mail kan alleen met een e-mailadres', en: 'Email needs an email address' },
  SELF_SIGNUP_UNDER_16: {
    nl: 'Onder de 16 meldt het steunpunt u aan',
    en: 'Under 16, the support point registers you',
  },
  GUARDIAN_CONSENT_REQUIRED: {
    nl: 'Toestemming van een ouder of voogd is nodig',
    en: 'Consent of a parent or guardian is needed',
  },
  HEALTH_CONSENT_REQUIRED: {
    nl: 'Hiervoor is uw toestemming voor gezondheidsgegevens nodig',
    en: 'This needs your consent for health data',
  },
  DATE_IN_FUTURE: { nl: 'Deze datum ligt in de toekomst', en: 'This date is in the future' },
  POSTCODE_OUTSIDE_MUNICIPALITY: {
    nl: 'Deze postcode hoort niet bij de gemeente',
    en: 'This postcode is not in the municipality',
  },
  CARE_RELATIONSHIP_ENDED: { nl: 'Deze zorgrelatie is beëindigd', en: 'This care relationship has ended' },
  NOT_A_CARER: { nl: 'Alleen voor mantelzorgers', en: 'For carers only' },
});

export class SelfSignupUnder16Error extends DomainError {
  constructor() {
    super('SELF_SIGNUP_UNDER_16', 422, {
      nl: 'Mantelzorgers onder de 16 worden ingeschreven door het steunpunt, met toestemming van een ouder of voogd.',
      en: 'Carers under 16 are registered by the support point, with consent of a parent or guardian.',
    });
  }
}

export class GuardianConsentRequiredError extends DomainError {
  constructor() {
    super(
      'GUARDIAN_CONSENT_REQUIRED',
      422,
      {
        nl: 'Voor een mantelzorger onder de 16 is toestemming van een ouder of voogd nodig (guardianConsent).',
        en: 'A carer under 16 needs a recorded consent of a parent or guardian (guardianConsent).',
      },
      [{ field: 'guardianConsent', message: 'guardianConsent is required under 16' }],
    );
  }
}

export class HealthConsentRequiredError extends DomainError {
  constructor() {
    super('HEALTH_CONSENT_REQUIRED', 422, {
      nl: 'Soorten zorg en notities zijn gezondheidsgegevens; geef eerst toestemming voor health_data.',
      en: 'Kinds of care and notes are health data; give consent for health_data first.',
    });
  }
}

export class DateInFutureError extends DomainError {
  constructor(field: string) {
    super(
      'DATE_IN_FUTURE',
      400,
      { nl: `${field} mag niet in de toekomst liggen.`, en: `${field} must not be in the future.` },
      [{ field, message: `${field} must not be in the future` }],
    );
  }
}

export class CareRelationshipEndedError extends DomainError {
  constructor() {
    super('CARE_RELATIONSHIP_ENDED', 409, {
      nl: 'Deze zorgrelatie is beëindigd en kan niet meer veranderen.',
      en: 'This care relationship has ended and cannot change.',
    });
  }
}

/** A care relationship that is not the carer's, or not there at all: the same answer for both. */
export class CareRelationshipNotFoundError extends NotFoundError {
  constructor() {
    super({ nl: 'De zorgrelatie', en: 'The care relationship' });
  }
}
