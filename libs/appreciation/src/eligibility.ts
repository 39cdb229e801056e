import { DateTime } from 'luxon';
import { ApplicationStatus, RuleOutcome } from './application.entity';
import { EligibilityRules, SharedCareRule } from './campaign.entity';

export interface EligibilityFacts {
  /** The carer's local date of applying. */
  today: string;
  carerDateOfBirth: string;
  /** Whether the carer's postcode lies in a wijk of the municipality; null when the municipality has no wijken to tell. */
  carerLivesInMunicipality: boolean | null;
  careRecipientLivesInMunicipality: boolean;
  hoursPerWeek: number;
  careSince: string;
  /** Another carer of the same cared-for person was already approved or awaits review this year. */
  careRecipientAlreadyRewarded: boolean;
  /** What the campaign does for carers of the same person; each_full when left out. */
  sharedCareRule?: SharedCareRule;
}

export interface EligibilityVerdict {
  status: ApplicationStatus;
  reasons: RuleOutcome[];
}

/** Checks every rule and explains each; one unmet rule rejects, an unclear one sends the application to staff. */
export function assessEligibility(rules: EligibilityRules, facts: EligibilityFacts): EligibilityVerdict {
  const today = DateTime.fromISO(facts.today);
  const months = Math.floor(today.diff(DateTime.fromISO(facts.careSince), 'months').months);
  const age = Math.floor(today.diff(DateTime.fromISO(facts.carerDateOfBirth), 'years').years);
  const reasons: RuleOutcome[] = [
    facts.hoursPerWeek >= rules.minHoursPerWeek
      ? {
          rule: 'min_hours_per_week',
          outcome: 'met',
          detail: `${facts.hoursPerWeek} hours of care a week, at least ${rules.minHoursPerWeek} asked`,
        }
      : {
          rule: 'min_hours_per_week',
          outcome: 'not_met',
          detail: `${facts.hoursPerWeek} hours of care a week, fewer than the ${rules.minHoursPerWeek} asked`,
        },
    months >= rules.minMonths
      ? { rule: 'min_months', outcome: 'met', detail: `caring for ${months} months, at least ${rules.minMonths} asked` }
      : {
          rule: 'min_months',
          outcome: 'not_met',
          detail: `caring for ${months} months, fewer than the ${rules.minMonths} asked`,
        },
    residency(rules, facts),
  ];
  if (rules.minAge > 0) {
    reasons.push(
      age >= rules.minAge
        ? { rule: 'min_age', outcome: 'met', detail: `${age} years old, at least ${rules.minAge} asked` }
        : { rule: 'min_age', outcome: 'not_met', detail: `${age} years old, younger than the ${rules.minAge} asked` },
    );
  }
  reasons.push(sharedCare(facts));
  const status: ApplicationStatus = reasons.some((reason) => reason.outcome === 'not_met')
    ? 'rejected'
    : reasons.some((reason) => reason.outcome === 'unclear')
      ? 'needs_review'
      : 'approved';
  return { status, reasons };
}

/** Carers of the same person: each the full amount after a look by staff, split equally, or the first only. */
function sharedCare(facts: EligibilityFacts): RuleOutcome {
  if (facts.careRecipientAlreadyRewarded && facts.sharedCareRule === 'split_equally')
    return {
      rule: 'shared_care_split',
      outcome: 'met',
      detail: 'another carer of the same person was rewarded too; the amount is split equally between them',
    };
  if (facts.careRecipientAlreadyRewarded && facts.sharedCareRule === 'first_only')
    return {
      rule: 'shared_care_first_only',
      outcome: 'not_met',
      detail: 'another carer of the same person applied first; this campaign rewards the first carer only',
    };
  return facts.careRecipientAlreadyRewarded
    ? {
        rule: 'one_award_per_care_recipient',
        outcome: 'unclear',
        detail: 'another carer of the same person was already rewarded this year; staff will look at it',
      }
    : {
        rule: 'one_award_per_care_recipient',
        outcome: 'met',
        detail: 'no other carer of this person was rewarded this year',
      };
}

function residency(rules: EligibilityRules, facts: EligibilityFacts): RuleOutcome {
  const carer = facts.carerLivesInMunicipality;
  const recipient = facts.careRecipientLivesInMunicipality;
  const rule = 'residency';
  if (rules.residency === 'care_recipient') {
    return recipient
      ? { rule, outcome: 'met', detail: 'the person cared for lives in the municipality' }
      : { rule, outcome: 'not_met', detail: 'the person cared for does not live in the municipality' };
  }
  if (rules.residency === 'either' && recipient)
    return { rule, outcome: 'met', detail: 'the person cared for lives in the municipality' };
  if (carer === true) return { rule, outcome: 'met', detail: 'the carer lives in the municipality' };
  if (carer === null)
    return {
      rule,
      outcome: 'unclear',
      detail: 'whether the carer lives in the municipality cannot be told from the postcode; staff will check',
    };
  return {
    rule,
    outcome: 'not_met',
    detail:
      rules.residency === 'either'
        ? 'neither the carer nor the person cared for lives in the municipality'
        : 'the carer does not live in the municipality',
  };
}
