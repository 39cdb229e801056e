import { describeWeeklySlot } from './availability';

describe('describeWeeklySlot', () => {
  it('says a weekly key as people say it', () => {
    expect(describeWeeklySlot('3-middag', 'nl')).toBe('woensdagmiddag');
    expect(describeWeeklySlot('1-ochtend', 'nl')).toBe('maandagochtend');
    expect(describeWeeklySlot('7-avond', 'en')).toBe('Sunday evening');
  });
});
