import { ConflictError, DomainError, FieldError } from '@app/platform';

export class InvalidScheduleProblem extends DomainError {
  constructor(detail: string, field = 'sessions') {
    super('INVALID_SCHEDULE', 422, detail, [{ field, message: detail } satisfies FieldError]);
  }
}

export class ActivityCancelledError extends ConflictError {
  constructor() {
    super('ACTIVITY_CANCELLED', 'This activity is cancelled.');
  }
}

export class ResponsesClosedError extends ConflictError {
  constructor(hours: number) {
    super('RESPONSES_CLOSED', `Answers can be given or changed until ${hours} hours before the activity starts.`);
  }
}

export class TooManyCompanionsError extends DomainError {
  constructor(maximum: number) {
    super('TOO_MANY_COMPANIONS', 422, `At most ${maximum} companion(s) may come along.`, [
      { field: 'companions', message: `at most ${maximum}` },
    ]);
  }
}

/** Someone already attending asked for more places than are left; their earlier answer stands. */
export class NotEnoughPlacesError extends ConflictError {
  constructor() {
    super('NOT_ENOUGH_PLACES', 'There are not enough places left for more companions; your earlier answer stands.');
  }
}

export class CapacityBelowTakenError extends ConflictError {
  constructor(taken: number) {
    super('CAPACITY_BELOW_TAKEN', `${taken} places are taken; capacity cannot go below that.`);
  }
}
