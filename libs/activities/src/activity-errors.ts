import { ConflictError, DomainError, FieldError, LocalText } from '@app/platform';

export class InvalidScheduleProblem extends DomainError {
  constructor(detail: LocalText, field = 'sessions') {
    super('INVALID_SCHEDULE', 422, detail, [{ field, message: detail.en } satisfies FieldError]);
  }
}

export class ActivityCancelledError extends ConflictError {
  constructor() {
    super('ACTIVITY_CANCELLED', { nl: 'Deze activiteit gaat niet door.', en: 'This activity is cancelled.' });
  }
}

export class ResponsesClosedError extends ConflictError {
  constructor(hours: number) {
    super('RESPONSES_CLOSED', {
      nl: `U kunt antwoorden of uw antwoord veranderen tot ${hours} uur voor het begin van de activiteit.`,
      en: `Answers can be given or changed until ${hours} hours before the activity starts.`,
    });
  }
}

export class TooManyCompanionsError extends DomainError {
  constructor(maximum: number) {
    super(
      'TOO_MANY_COMPANIONS',
      422,
      { nl: `Er mogen hoogstens ${maximum} mensen met u mee.`, en: `At most ${maximum} companion(s) may come along.` },
      [{ field: 'companions', message: `at most ${maximum}` }],
    );
  }
}

/** Someone already attending asked for more places than are left; their earlier answer stands. */
export class NotEnoughPlacesError extends ConflictError {
  constructor() {
    super('NOT_ENOUGH_PLACES', {
      nl: 'Er zijn niet genoeg plaatsen voor meer begeleiders; uw eerdere antwoord blijft staan.',
      en: 'There are not enough places left for more companions; your earlier answer stands.',
    });
  }
}

export class CapacityBelowTakenError extends ConflictError {
  constructor(taken: number) {
    super('CAPACITY_BELOW_TAKEN', {
      nl: `Er zijn ${taken} plaatsen bezet; de capaciteit kan niet lager worden.`,
      en: `${taken} places are taken; capacity cannot go below that.`,
    });
  }
}
