/** Human titles per problem code, in the languages people read (Dutch first). */
const TITLES: Record<string, { nl: string; en: string }> = {
  VALIDATION_FAILED: { nl: 'De gegevens kloppen niet', en: 'The request is not valid' },
  MALFORMED_REQUEST: { nl: 'Het verzoek is onleesbaar', en: 'The request could not be read' },
  PAYLOAD_TOO_LARGE: { nl: 'Het verzoek is te groot', en: 'The request is too large' },
  URI_TOO_LONG: { nl: 'Het adres is te lang', en: 'The URL is too long' },
  UNSUPPORTED_MEDIA_TYPE: { nl: 'Dit formaat wordt niet ondersteund', en: 'Unsupported media type' },
  UNAUTHENTICATED: { nl: 'U bent niet ingelogd', en: 'Authentication required' },
  INVALID_CREDENTIALS: { nl: 'E-mailadres of wachtwoord klopt niet', en: 'Email or password is incorrect' },
  TOKEN_INVALID: { nl: 'Deze link of code is ongeldig of verlopen', en: 'This link or code is invalid or has expired' },
  REFRESH_TOKEN_REUSED: {
    nl: 'Uw sessie is beëindigd; log opnieuw in',
    en: 'Your session was ended; please sign in again',
  },
  TOO_MANY_ATTEMPTS: { nl: 'Te veel pogingen; probeer het later opnieuw', en: 'Too many attempts; try again later' },
  FORBIDDEN: { nl: 'Dit mag u niet doen', en: 'You may not do this' },
  EMAIL_NOT_VERIFIED: { nl: 'Bevestig eerst uw e-mailadres', en: 'Please verify your email address first' },
  NOT_FOUND: { nl: 'Niet gevonden', en: 'Not found' },
  EMAIL_TAKEN: { nl: 'Dit e-mailadres is al in gebruik', en: 'This email address is already in use' },
  CONFLICT: { nl: 'Dit botst met de huidige stand van zaken', en: 'This conflicts with the current state' },
  IDEMPOTENCY_KEY_REUSED: {
    nl: 'Deze sleutel is al gebruikt voor een ander verzoek',
    en: 'This idempotency key was used for another request',
  },
  IDEMPOTENCY_ANSWER_LOST: {
    nl: 'Dit verzoek is al uitgevoerd',
    en: 'This request was already carried out',
  },
  IDEMPOTENCY_IN_PROGRESS: { nl: 'Dit verzoek wordt nog verwerkt', en: 'This request is still being processed' },
  METHOD_NOT_ALLOWED: { nl: 'Deze methode is niet toegestaan', en: 'Method not allowed' },
  TOO_MANY_REQUESTS: { nl: 'Te veel verzoeken; probeer het later opnieuw', en: 'Too many requests; try again later' },
  SERVICE_UNAVAILABLE: { nl: 'De dienst is tijdelijk niet beschikbaar', en: 'The service is temporarily unavailable' },
  INTERNAL_ERROR: { nl: 'Er ging iets mis aan onze kant', en: 'Something went wrong on our side' },
};

const STATUS_CODES: Record<number, string> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

export type Language = 'nl' | 'en';

export function codeForStatus(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'MALFORMED_REQUEST');
}

export function problemTitle(code: string, language: Language): string {
  const title = TITLES[code];
  if (title) return title[language];
  return code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
}

/** Registers titles for codes a context introduces, so the catalogue stays beside its rules. */
export function registerProblemTitles(titles: Record<string, { nl: string; en: string }>): void {
  Object.assign(TITLES, titles);
}

export function languageFromHeader(acceptLanguage: string | undefined): Language {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}
