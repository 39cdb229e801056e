import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  UNKNOWN_TOPIC: { nl: 'Dit onderwerp staat niet op de lijst van de gemeente', en: 'This topic is not on the list' },
  NOT_A_REFERRER: { nl: 'Deze sleutel is niet van een verwijzer', en: 'This key is not a referrer’s' },
  REFERRAL_CONSENT_REQUIRED: {
    nl: 'Verwijzen kan alleen met toestemming van de mantelzorger',
    en: 'A referral needs the carer’s consent',
  },
  UNKNOWN_SOCIAL_MAP_ENTRY: {
    nl: 'Dit staat niet op de sociale kaart van de gemeente',
    en: 'Not on the municipality’s social map',
  },
});

export class UnknownTopicError extends DomainError {
  constructor(field = 'topic') {
    super(
      'UNKNOWN_TOPIC',
      422,
      {
        nl: 'Dit onderwerp staat niet op de lijst van de gemeente.',
        en: "This topic is not on the municipality's list.",
      },
      [{ field, message: 'not on the list of topics (settings.questionTopics)' }],
    );
  }
}

export class NotAReferrerError extends DomainError {
  constructor() {
    super('NOT_A_REFERRER', 403, {
      nl: 'Alleen partners die verwijzen (huisarts, POH, wijkteam, thuiszorg) kunnen met deze sleutel verwijzen.',
      en: 'Only referring partners (GP, practice nurse, community team, home care) can refer with a key.',
    });
  }
}

export class ReferralConsentRequiredError extends DomainError {
  constructor() {
    super(
      'REFERRAL_CONSENT_REQUIRED',
      422,
      {
        nl: 'Verwijs alleen als de mantelzorger ermee instemt; geef dat aan met carerConsented en de datum.',
        en: 'Refer only when the carer agrees; say so with carerConsented and the date.',
      },
      [{ field: 'carerConsented', message: 'must be true' }],
    );
  }
}

export class UnknownSocialMapEntryError extends DomainError {
  constructor() {
    super(
      'UNKNOWN_SOCIAL_MAP_ENTRY',
      422,
      { nl: 'Een van de verwijzingen staat niet op de sociale kaart.', en: 'An entry is not on the social map.' },
      [{ field: 'socialMapEntryIds', message: 'unknown entry' }],
    );
  }
}
