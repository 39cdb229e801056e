import { sync as parseIcs, VEvent } from 'node-ical';
import { calendarFile } from './ics';

describe('calendarFile', () => {
  it('keeps local Amsterdam time on the day summer time ends', () => {
    // 25 October 2026, 10:00-13:00 in Amsterdam is after the switch back to CET (UTC+1).
    const startsAt = new Date('2026-10-25T09:00:00Z');
    const endsAt = new Date('2026-10-25T12:00:00Z');
    const ics = calendarFile(
      [{ uid: 'booking-1', startsAt, endsAt, summary: 'Respijtzorg ochtend', location: 'Dagbesteding De Linde' }],
      {
        name: 'Respijtzorg',
        timezone: 'Europe/Amsterdam',
      },
    );
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20261025T100000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    const event = Object.values(parseIcs.parseICS(ics)).find(
      (component): component is VEvent => component?.type === 'VEVENT',
    )!;
    expect(event.start.toISOString()).toBe(startsAt.toISOString());
    expect(event.end.toISOString()).toBe(endsAt.toISOString());
  });

  it('keeps local Amsterdam time on the day summer time starts, and marks cancellations', () => {
    // 29 March 2026, 14:00 in Amsterdam is CEST (UTC+2).
    const startsAt = new Date('2026-03-29T12:00:00Z');
    const ics = calendarFile(
      [{ uid: 'booking-2', startsAt, endsAt: new Date('2026-03-29T15:00:00Z'), summary: 'Middag', cancelled: true }],
      {
        name: 'Respijtzorg',
        timezone: 'Europe/Amsterdam',
        method: 'cancel',
      },
    );
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20260329T140000');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('METHOD:CANCEL');
    const event = Object.values(parseIcs.parseICS(ics)).find(
      (component): component is VEvent => component?.type === 'VEVENT',
    )!;
    expect(event.start.toISOString()).toBe(startsAt.toISOString());
  });
});
