import { DomainError, registerProblemTitles } from '@app/platform';

registerProblemTitles({
  VOLUNTEER_TOO_YOUNG: { nl: 'Vrijwilligers zijn minstens 16 jaar', en: 'Volunteers are at least 16' },
  UNKNOWN_SKILL: {
    nl: 'Deze vaardigheid staat niet op de lijst van de gemeente',
    en: 'This skill is not on the municipality’s list',
  },
  NOT_A_VOLUNTEER: { nl: 'Alleen voor vrijwilligers', en: 'For volunteers only' },
});

export const VOLUNTEER_MINIMUM_AGE = 16;

export class VolunteerTooYoungError extends DomainError {
  constructor() {
    super('VOLUNTEER_TOO_YOUNG', 422, {
      nl: `Vrijwilligers zijn ten minste ${VOLUNTEER_MINIMUM_AGE} jaar.`,
      en: `Volunteers must be at least ${VOLUNTEER_MINIMUM_AGE}.`,
    });
  }
}

export class UnknownSkillError extends DomainError {
  constructor(skills: string[]) {
    super(
      'UNKNOWN_SKILL',
      422,
      {
        nl: `Niet op de lijst met vaardigheden van de gemeente: ${skills.join(', ')}.`,
        en: `Not on the municipality's list of skills: ${skills.join(', ')}.`,
      },
      [{ field: 'skills', message: `unknown: ${skills.join(', ')}` }],
    );
  }
}
