import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  VOLUNTEER_NOT_ELIGIBLE: {
    nl: 'Deze vrijwilliger voldoet niet aan de eisen van de hulpvraag',
    en: 'This volunteer does not meet the request’s requirements',
  },
  ALREADY_PROPOSED: { nl: 'Deze vrijwilliger is al voorgesteld', en: 'This volunteer has already been proposed' },
  MATCH_NOT_PROPOSED: { nl: 'Op dit voorstel is al geantwoord', en: 'This proposal has already been answered' },
  MATCH_NOT_ACTIVE: { nl: 'Deze koppeling loopt niet', en: 'This match is not active' },
  REQUEST_NOT_OPEN: { nl: 'Deze hulpvraag staat niet meer open', en: 'This help request is no longer open' },
});

export class MatchNotProposedError extends DomainError {
  constructor() {
    super('MATCH_NOT_PROPOSED', 409, {
      nl: 'Op dit voorstel is al geantwoord, of het is ingetrokken.',
      en: 'This proposal has already been answered or withdrawn.',
    });
  }
}
