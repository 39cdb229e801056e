import { today } from './dates';

describe('today', () => {
  it('is the local date in Amsterdam at 23:30 UTC in winter (UTC+1), not the UTC date', () => {
    expect(today('Europe/Amsterdam', new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16');
    expect(today('Europe/Amsterdam', new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
  });

  it('is the local date in Amsterdam at 23:30 and 22:30 UTC in summer (UTC+2)', () => {
    expect(today('Europe/Amsterdam', new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    expect(today('Europe/Amsterdam', new Date('2026-07-15T22:30:00Z'))).toBe('2026-07-16');
    expect(today('Europe/Amsterdam', new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
  });

  it('turns the year at local midnight on New Year', () => {
    expect(today('Europe/Amsterdam', new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
