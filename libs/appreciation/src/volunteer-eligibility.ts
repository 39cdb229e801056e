import { DateTime } from 'luxon';
import { RuleOutcome } from './application.entity';
import { VolunteerRules } from './campaign.entity';
import { EligibilityVerdict } from './eligibility';

export interface VolunteerFacts {
  today: string;
  active: boolean;
  /** The local day the volunteer started. */
  startedOn: string;
  hoursLogged: number;
}

/** A volunteer's rules, each explained: active, long enough, and enough hours in the last year. */
export function assessVolunteer(rules: VolunteerRules, facts: VolunteerFacts): EligibilityVerdict {
  const months = Math.floor(DateTime.fromISO(facts.today).diff(DateTime.fromISO(facts.startedOn), 'months').months);
  const reasons: RuleOutcome[] = [
    facts.active
      ? { rule: 'volunteer_active', outcome: 'met', detail: 'an active volunteer' }
      : { rule: 'volunteer_active', outcome: 'not_met', detail: 'not an active volunteer' },
    months >= rules.minActiveMonths
      ? {
          rule: 'volunteer_min_months',
          outcome: 'met',
          detail: `volunteering for ${months} months, at least ${rules.minActiveMonths} asked`,
        }
      : {
          rule: 'volunteer_min_months',
          outcome: 'not_met',
          detail: `volunteering for ${months} months, fewer than the ${rules.minActiveMonths} asked`,
        },
    facts.hoursLogged >= rules.minHoursLogged
      ? {
          rule: 'volunteer_min_hours',
          outcome: 'met',
          detail: `${facts.hoursLogged} hours logged in the last year, at least ${rules.minHoursLogged} asked`,
        }
      : {
          rule: 'volunteer_min_hours',
          outcome: 'not_met',
          detail: `${facts.hoursLogged} hours logged in the last year, fewer than the ${rules.minHoursLogged} asked`,
        },
  ];
  return { status: reasons.some((reason) => reason.outcome === 'not_met') ? 'rejected' : 'approved', reasons };
}
