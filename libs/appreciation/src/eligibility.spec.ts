import { EligibilityRules } from './campaign.entity';
import { assessEligibility, EligibilityFacts } from './eligibility';

const rules: EligibilityRules = { minHoursPerWeek: 8, minMonths: 3, residency: 'either', minAge: 0 };
const facts: EligibilityFacts = {
  today: '2026-11-23',
  carerDateOfBirth: '1960-01-01',
  carerLivesInMunicipality: true,
  careRecipientLivesInMunicipality: false,
  hoursPerWeek: 8,
  careSince: '2026-08-23',
  careRecipientAlreadyRewarded: false,
};
const outcome = (verdict: ReturnType<typeof assessEligibility>, rule: string) =>
  verdict.reasons.find((reason) => reason.rule === rule)?.outcome;

describe('eligibility', () => {
  it('approves at every edge and explains each rule', () => {
    const verdict = assessEligibility(rules, facts);
    expect(verdict.status).toBe('approved');
    expect(verdict.reasons.map((reason) => [reason.rule, reason.outcome])).toEqual([
      ['min_hours_per_week', 'met'],
      ['min_months', 'met'],
      ['residency', 'met'],
      ['one_award_per_care_recipient', 'met'],
    ]);
  });

  it('rejects just below the hours and the months', () => {
    expect(outcome(assessEligibility(rules, { ...facts, hoursPerWeek: 7.9 }), 'min_hours_per_week')).toBe('not_met');
    expect(assessEligibility(rules, { ...facts, hoursPerWeek: 7.9 }).status).toBe('rejected');
    expect(outcome(assessEligibility(rules, { ...facts, careSince: '2026-08-24' }), 'min_months')).toBe('not_met');
  });

  it('checks the minimum age only when set, on the birthday itself', () => {
    const adults = { ...rules, minAge: 18 };
    expect(outcome(assessEligibility(adults, { ...facts, carerDateOfBirth: '2008-11-23' }), 'min_age')).toBe('met');
    expect(outcome(assessEligibility(adults, { ...facts, carerDateOfBirth: '2008-11-24' }), 'min_age')).toBe('not_met');
    expect(outcome(assessEligibility(rules, { ...facts, carerDateOfBirth: '2015-01-01' }), 'min_age')).toBeUndefined();
  });

  it('applies each residency rule', () => {
    const lives = (residency: EligibilityRules['residency'], carer: boolean | null, recipient: boolean) =>
      outcome(
        assessEligibility(
          { ...rules, residency },
          { ...facts, carerLivesInMunicipality: carer, careRecipientLivesInMunicipality: recipient },
        ),
        'residency',
      );
    expect(lives('carer', true, false)).toBe('met');
    expect(lives('carer', false, true)).toBe('not_met');
    expect(lives('carer', null, true)).toBe('unclear');
    expect(lives('care_recipient', false, true)).toBe('met');
    expect(lives('care_recipient', true, false)).toBe('not_met');
    expect(lives('either', false, true)).toBe('met');
    expect(lives('either', true, false)).toBe('met');
    expect(lives('either', false, false)).toBe('not_met');
  });

  it('sends a second carer of the same person to review, unless a rule already fails', () => {
    expect(assessEligibility(rules, { ...facts, careRecipientAlreadyRewarded: true }).status).toBe('needs_review');
    expect(assessEligibility(rules, { ...facts, careRecipientAlreadyRewarded: true, hoursPerWeek: 2 }).status).toBe(
      'rejected',
    );
  });
});
