import { budgetUnits, slotsFromPattern } from './dagdelen';

describe('slotsFromPattern', () => {
  it('keeps local clock times across the spring DST change', () => {
    // Summer time starts on Sunday 29 March 2026.
    const slots = slotsFromPattern(
      { from: '2026-03-27', to: '2026-03-30', weekdays: [5, 7, 1], dagdelen: ['ochtend'] },
      'Europe/Amsterdam',
    );
    expect(slots.map((slot) => slot.startsAt.toISOString())).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(slots.every((slot) => slot.endsAt.getTime() - slot.startsAt.getTime() === 4 * 3_600_000)).toBe(true);
  });

  it('keeps local clock times on the autumn DST day', () => {
    const [slot] = slotsFromPattern(
      { from: '2026-10-25', to: '2026-10-25', weekdays: [7], dagdelen: ['middag'] },
      'Europe/Amsterdam',
    );
    expect(slot.startsAt.toISOString()).toBe('2026-10-25T12:00:00.000Z');
  });

  it('counts dagdelen or hours', () => {
    expect(budgetUnits('dagdelen', new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T12:00:00Z'))).toBe(1);
    expect(budgetUnits('hours', new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T11:30:00Z'))).toBe(3.5);
  });
});
