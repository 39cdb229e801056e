import { DateTime } from 'luxon';
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
});
