import { describeWeeklySlot, weeklyDates } from './availability';

describe('describeWeeklySlot', () => {
  it('says a weekly key as people say it', () => {
    expect(describeWeeklySlot('3-middag', 'nl')).toBe('woensdagmiddag');
    expect(describeWeeklySlot('1-ochtend', 'nl')).toBe('maandagochtend');
    expect(describeWeeklySlot('7-avond', 'en')).toBe('Sunday evening');
  });
});

describe('weeklyDates', () => {
  it('gives every pattern day between the two dates, both included', () => {
    expect(weeklyDates(['3-middag', '5-ochtend'], '2026-12-02', '2026-12-16')).toEqual([
      { date: '2026-12-02', dagdeel: 'middag' },
      { date: '2026-12-04', dagdeel: 'ochtend' },
      { date: '2026-12-09', dagdeel: 'middag' },
      { date: '2026-12-11', dagdeel: 'ochtend' },
      { date: '2026-12-16', dagdeel: 'middag' },
    ]);
    expect(weeklyDates(['1-avond'], '2026-12-02', '2026-12-06')).toEqual([]);
  });
});
