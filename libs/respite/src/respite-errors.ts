import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  SLOT_FULL: { nl: 'Dit dagdeel is vol', en: 'This slot is full' },
  OVERLAPPING_BOOKING: {
    nl: 'Er is al respijtzorg geboekt op dat moment',
    en: 'Respite is already booked at that time',
  },
  RESPITE_BUDGET_EXCEEDED: {
    nl: 'Uw respijtbudget voor dit jaar is op',
    en: 'Your respite budget for this year is used up',
  },
  TOO_LATE_TO_BOOK: { nl: 'Dit dagdeel begint te snel om nog te boeken', en: 'This slot starts too soon to book' },
  SLOT_CANCELLED: { nl: 'Dit dagdeel gaat niet door', en: 'This slot is cancelled' },
  CAPACITY_BELOW_BOOKED: { nl: 'Er zijn al meer plaatsen geboekt', en: 'More places are already booked' },
  BOOKING_NOT_CANCELLABLE: {
    nl: 'Deze boeking kan niet meer geannuleerd worden',
    en: 'This booking can no longer be cancelled',
  },
  BOOKING_NOT_MOVABLE: {
    nl: 'Deze boeking kan niet meer verplaatst worden',
    en: 'This booking can no longer be moved',
  },
  BOOKING_NOT_ATTENDABLE: {
    nl: 'Voor deze boeking kan geen aanwezigheid worden vastgelegd',
    en: 'Attendance cannot be recorded for this booking',
  },
  SLOT_NOT_STARTED: { nl: 'Dit dagdeel is nog niet begonnen', en: 'This slot has not started yet' },
  ALREADY_BOOKED: { nl: 'U heeft dit dagdeel al geboekt', en: 'You already booked this slot' },
  OFFER_EXPIRED: { nl: 'Het aanbod van de wachtlijst is verlopen', en: 'The waiting-list offer has expired' },
});

export class SlotFullError extends DomainError {
  constructor() {
    super('SLOT_FULL', 409, {
      nl: 'Dit tijdvak is vol; stuur joinWaitlist mee om op de wachtlijst te komen.',
      en: 'This slot has no places left; send joinWaitlist to join its waiting list.',
    });
  }
}

export class OverlappingBookingError extends DomainError {
  constructor() {
    super('OVERLAPPING_BOOKING', 409, {
      nl: 'Voor deze zorgrelatie is op een overlappende tijd al respijtzorg geboekt.',
      en: 'This care relationship already has respite booked at an overlapping time.',
    });
  }
}

export class BudgetExceededError extends DomainError {
  constructor(used: number, limit: number, unit: string) {
    super('RESPITE_BUDGET_EXCEEDED', 422, {
      nl: `Met deze boeking gaat u over het respijtbudget van dit jaar heen (${used} van ${limit} ${unit} gebruikt).`,
      en: `This booking would exceed the yearly respite budget (${used} of ${limit} ${unit} used).`,
    });
  }
}

export class TooLateToBookError extends DomainError {
  constructor(hours: number) {
    super('TOO_LATE_TO_BOOK', 422, {
      nl: `Boeken kan tot ${hours} uur voor het begin van het tijdvak.`,
      en: `Bookings close ${hours} hours before the slot starts.`,
    });
  }
}
