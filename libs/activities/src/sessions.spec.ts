import { DateTime } from 'luxon';
import { dagVanDeMantelzorgDate, InvalidScheduleError, localSession, recurringSessions } from './sessions';

const ZONE = 'Europe/Amsterdam';
const local = (date: Date) => DateTime.fromJSDate(date).setZone(ZONE).toFormat('yyyy-MM-dd HH:mm');

describe('dagVanDeMantelzorgDate', () => {
  it('is 10 November of this year until that day has passed, then of next year', () => {
    expect(dagVanDeMantelzorgDate(ZONE, new Date('2026-03-01T12:00:00Z'))).toBe('2026-11-10');
    expect(dagVanDeMantelzorgDate(ZONE, new Date('2026-11-10T22:30:00Z'))).toBe('2026-11-10');
    expect(dagVanDeMantelzorgDate(ZONE, new Date('2026-11-10T23:30:00Z'))).toBe('2027-11-10');
  });
});

describe('recurringSessions', () => {
  it('keeps the local time across the end of summer time', () => {
    const sessions = recurringSessions(
      { rule: 'FREQ=WEEKLY;COUNT=3', firstDate: '2026-10-18', startTime: '19:30', endTime: '21:30' },
      ZONE,
    );
    expect(sessions.map((session) => local(session.startsAt))).toEqual([
      '2026-10-18 19:30',
      '2026-10-25 19:30',
      '2026-11-01 19:30',
    ]);
    expect(sessions.map((session) => session.startsAt.toISOString())).toEqual([
      '2026-10-18T17:30:00.000Z',
      '2026-10-25T18:30:00.000Z',
      '2026-11-01T18:30:00.000Z',
    ]);
  });

  it('keeps the local time across the start of summer time, every other week on Tuesdays', () => {
    const sessions = recurringSessions(
      {
        rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20260415T000000Z',
        firstDate: '2026-03-17',
        startTime: '10:00',
        endTime: '12:00',
      },
      ZONE,
    );
    expect(sessions.map((session) => local(session.startsAt))).toEqual([
      '2026-03-17 10:00',
      '2026-03-31 10:00',
      '2026-04-14 10:00',
    ]);
    expect(sessions[0].startsAt.toISOString()).toBe('2026-03-17T09:00:00.000Z');
    expect(sessions[1].startsAt.toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });

  it('refuses endless, too long, unreadable and DTSTART rules', () => {
    const base = { firstDate: '2026-01-05', startTime: '10:00', endTime: '11:00' };
    expect(() => recurringSessions({ ...base, rule: 'FREQ=WEEKLY' }, ZONE)).toThrow(InvalidScheduleError);
    expect(() => recurringSessions({ ...base, rule: 'FREQ=DAILY;COUNT=500' }, ZONE)).toThrow(InvalidScheduleError);
    expect(() => recurringSessions({ ...base, rule: 'nonsense' }, ZONE)).toThrow(InvalidScheduleError);
    expect(() => recurringSessions({ ...base, rule: 'FREQ=HOURLY;COUNT=3' }, ZONE)).toThrow(InvalidScheduleError);
    expect(() =>
      recurringSessions({ ...base, rule: 'DTSTART:20260101T000000Z\nRRULE:FREQ=WEEKLY;COUNT=2' }, ZONE),
    ).toThrow(InvalidScheduleError);
  });
});

describe('localSession', () => {
  it('refuses an end before the start', () => {
    expect(() => localSession({ date: '2026-11-10', startTime: '17:00', endTime: '14:00' }, ZONE)).toThrow(
      InvalidScheduleError,
    );
  });
});
