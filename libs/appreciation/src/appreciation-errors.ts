import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  CAMPAIGN_NOT_FOR_YOU: {
    nl: 'Deze waardering is voor een andere groep',
    en: 'This appreciation is for another group',
  },
  FIRST_CARER_ONLY: { nl: 'Alleen de eerste mantelzorger', en: 'The first carer only' },
  SHARE_ALREADY_SPENT: { nl: 'Het bedrag is al besteed', en: 'The amount is spent already' },
  CAMPAIGN_YEAR_TAKEN: { nl: 'Voor dit jaar is er al een waardering', en: 'This year already has a campaign' },
  CAMPAIGN_CLOSED: { nl: 'Aanvragen kan nu niet', en: 'Applications are not open' },
  ALREADY_APPLIED: { nl: 'U heeft dit jaar al aangevraagd', en: 'You already applied this year' },
  CAMPAIGN_BUDGET_EXHAUSTED: { nl: 'Het budget voor dit jaar is op', en: "This year's budget is used up" },
  CULTURE_TICKETS_SOLD_OUT: {
    nl: 'De cultuurkaarten zijn op; kies de waardebon',
    en: 'The culture tickets are gone; choose the voucher',
  },
  CHOICE_NOT_OFFERED: {
    nl: 'Deze keuze biedt de gemeente niet aan',
    en: 'The municipality does not offer this choice',
  },
  APPLICATION_NOT_IN_REVIEW: {
    nl: 'Deze aanvraag wacht niet op beoordeling',
    en: 'This application is not awaiting review',
  },
  VOUCHER_NOT_FOUND: { nl: 'Deze waardebon bestaat niet', en: 'No such voucher' },
  VOUCHER_EXPIRED: { nl: 'Deze waardebon is verlopen', en: 'This voucher has expired' },
  VOUCHER_BALANCE_INSUFFICIENT: { nl: 'Het saldo van deze waardebon is te laag', en: 'The voucher balance is too low' },
});

export class CampaignYearTakenError extends DomainError {
  constructor(year: number) {
    super('CAMPAIGN_YEAR_TAKEN', 409, {
      nl: `Deze gemeente heeft al een waardering voor ${year}.`,
      en: `This municipality already has a campaign for ${year}.`,
    });
  }
}

export class CampaignClosedError extends DomainError {
  constructor() {
    super('CAMPAIGN_CLOSED', 409, {
      nl: 'Aanvragen voor deze waardering kan nu niet.',
      en: 'The application window of this campaign is not open.',
    });
  }
}

export class AlreadyAppliedError extends DomainError {
  constructor() {
    super('ALREADY_APPLIED', 409, {
      nl: 'Deze mantelzorger heeft al een aanvraag voor deze waardering.',
      en: 'This carer already has an application for this campaign.',
    });
  }
}

export class CampaignBudgetExhaustedError extends DomainError {
  constructor() {
    super('CAMPAIGN_BUDGET_EXHAUSTED', 409, {
      nl: 'Het budget van deze waardering is op.',
      en: 'The budget of this campaign cannot pay another award.',
    });
  }
}

export class ApplicationNotInReviewError extends DomainError {
  constructor() {
    super('APPLICATION_NOT_IN_REVIEW', 409, {
      nl: 'Alleen aanvragen die op beoordeling wachten kunnen worden goed- of afgekeurd.',
      en: 'Only applications that need review can be approved or rejected.',
    });
  }
}

export class VoucherNotFoundError extends DomainError {
  constructor() {
    super('VOUCHER_NOT_FOUND', 404, { nl: 'Er is geen waardebon met deze code.', en: 'No voucher with this code.' });
  }
}

export class VoucherOutsideKeyScopeError extends DomainError {
  constructor() {
    super('VOUCHER_NOT_ACCEPTED_WITH_KEY', 403, {
      nl: 'Deze waardebon hoort niet bij wat u met deze sleutel mag innen (een andere campagne of soort).',
      en: 'This voucher is outside what this key may redeem (another campaign or kind).',
    });
  }
}

export class VoucherExpiredError extends DomainError {
  constructor() {
    super('VOUCHER_EXPIRED', 410, { nl: 'Deze waardebon is verlopen.', en: 'This voucher has expired.' });
  }
}

export class VoucherBalanceInsufficientError extends DomainError {
  constructor(remainingCents: number) {
    super('VOUCHER_BALANCE_INSUFFICIENT', 409, {
      nl: `Op de waardebon staat nog ${remainingCents} cent.`,
      en: `The voucher has ${remainingCents} cents left.`,
    });
  }
}

export class CultureTicketsSoldOutError extends DomainError {
  constructor() {
    super('CULTURE_TICKETS_SOLD_OUT', 409, {
      nl: 'De cultuurkaarten zijn op; vraag de waardebon aan.',
      en: 'No culture tickets are left; apply for the voucher instead.',
    });
  }
}

export class ChoiceNotOfferedError extends DomainError {
  constructor() {
    super('CHOICE_NOT_OFFERED', 422, {
      nl: 'Deze waardering biedt alleen de waardebon.',
      en: 'This campaign offers only the voucher.',
    });
  }
}

export class FirstCarerOnlyError extends DomainError {
  constructor() {
    super('FIRST_CARER_ONLY', 409, {
      nl: 'Deze campagne waardeert alleen de eerste mantelzorger van een persoon; die is al goedgekeurd.',
      en: 'This campaign rewards the first carer of a person only; that one is approved already.',
    });
  }
}

export class CampaignNotForYouError extends DomainError {
  constructor() {
    super('CAMPAIGN_NOT_FOR_YOU', 403, {
      nl: 'Deze waardering is voor een andere groep (mantelzorgers of vrijwilligers).',
      en: 'This appreciation is for another group (carers or volunteers).',
    });
  }
}
