import { DateTime } from 'luxon';
import { dutchPublicHolidays } from './dutch-public-holidays';
import { addWorkingDays, dueAt } from './working-days';

describe('working days', () => {
  it('skips the weekend', () => {
    const friday = DateTime.fromISO('2026-11-20T15:00', { zone: 'Europe/Amsterdam' });
    expect(addWorkingDays(friday, 1).toISODate()).toBe('2026-11-23');
    expect(addWorkingDays(friday, 5).toISODate()).toBe('2026-11-27');
    const saturday = DateTime.fromISO('2026-11-21T10:00', { zone: 'Europe/Amsterdam' });
    expect(addWorkingDays(saturday, 5).toISODate()).toBe('2026-11-27');
  });

  it('is due at the end of the local day, also across a clock change', () => {
    // Friday 23 October 2026 + 5 working days = Friday 30 October, after summer time ended.
    const due = dueAt(new Date('2026-10-23T08:00:00Z'), 5, 'Europe/Amsterdam');
    expect(DateTime.fromJSDate(due).setZone('Europe/Amsterdam').toFormat('yyyy-MM-dd HH:mm')).toBe('2026-10-30 23:59');
    expect(due.toISOString()).toBe('2026-10-30T22:59:59.999Z');
  });

  it('skips Dutch public holidays', () => {
    // Christmas 2026 falls on Friday: Thursday 24 December + 1 working day is Monday 28 December.
    expect(addWorkingDays(DateTime.fromISO('2026-12-24T09:00', { zone: 'Europe/Amsterdam' }), 1).toISODate()).toBe(
      '2026-12-28',
    );
    // Easter Monday 2027 is 29 March; Ascension Day is 6 May.
    expect(addWorkingDays(DateTime.fromISO('2027-03-26T09:00', { zone: 'Europe/Amsterdam' }), 1).toISODate()).toBe(
      '2027-03-30',
    );
    expect(addWorkingDays(DateTime.fromISO('2027-05-05T09:00', { zone: 'Europe/Amsterdam' }), 1).toISODate()).toBe(
      '2027-05-07',
    );
  });

  it("knows the holidays of a year, with King's Day moved off a Sunday and Liberation Day in lustrum years", () => {
    expect([...dutchPublicHolidays(2025)].sort()).toEqual([
      '2025-01-01',
      '2025-04-20',
      '2025-04-21',
      '2025-04-26',
      '2025-05-05',
      '2025-05-29',
      '2025-06-08',
      '2025-06-09',
      '2025-12-25',
      '2025-12-26',
    ]);
    expect(dutchPublicHolidays(2026).has('2026-04-27')).toBe(true);
    expect(dutchPublicHolidays(2026).has('2026-05-05')).toBe(false);
    expect(dutchPublicHolidays(2026).has('2026-04-05')).toBe(true);
  });
});
