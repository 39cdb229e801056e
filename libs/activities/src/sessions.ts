import { DateTime } from 'luxon';
import { Frequency, RRule } from 'rrule';
import { LocalText } from '@app/platform';

export interface SessionTimes {
  startsAt: Date;
  endsAt: Date;
}

export interface LocalTimes {
  /** YYYY-MM-DD, local to the municipality. */
  date: string;
  /** HH:mm local. */
  startTime: string;
  endTime: string;
}

export interface Recurrence {
  /** RRULE without DTSTART, e.g. FREQ=WEEKLY;INTERVAL=2;COUNT=6. */
  rule: string;
  firstDate: string;
  startTime: string;
  endTime: string;
}

export const MAX_SESSIONS = 104;

export class InvalidScheduleError extends Error {
  constructor(readonly text: LocalText) {
    super(text.en);
  }
}

/** 10 November of this local year, or of next year once this year's has passed. */
export function dagVanDeMantelzorgDate(timezone: string, now = new Date()): string {
  const local = DateTime.fromJSDate(now).setZone(timezone);
  const thisYear = DateTime.fromObject({ year: local.year, month: 11, day: 10 }, { zone: timezone });
  return (local.startOf('day') > thisYear ? thisYear.plus({ years: 1 }) : thisYear).toISODate()!;
}

/** A session on a local date: the wall-clock times hold on both sides of a daylight-saving change. */
export function localSession(times: LocalTimes, timezone: string): SessionTimes {
  const at = (time: string) => DateTime.fromISO(`${times.date}T${time}`, { zone: timezone });
  const start = at(times.startTime);
  const end = at(times.endTime);
  if (!start.isValid || !end.isValid)
    throw new InvalidScheduleError({ nl: 'De datum of een tijd is ongeldig.', en: 'The date or a time is not valid.' });
  if (end <= start)
    throw new InvalidScheduleError({
      nl: 'Een bijeenkomst eindigt na het begin.',
      en: 'A session ends after it starts.',
    });
  return { startsAt: start.toJSDate(), endsAt: end.toJSDate() };
}

/**
 * Sessions of a recurrence rule. The rule is evaluated on floating local dates (as rrule
 * advises), and each date then gets its local times in the municipality's zone.
 */
export function recurringSessions(recurrence: Recurrence, timezone: string): SessionTimes[] {
  if (/DTSTART|TZID/i.test(recurrence.rule))
    throw new InvalidScheduleError({
      nl: 'De regel begint op firstDate; laat DTSTART weg.',
      en: 'The rule takes its start from firstDate; leave DTSTART out.',
    });
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(recurrence.rule.replace(/^RRULE:/i, ''));
  } catch {
    throw new InvalidScheduleError({
      nl: 'De herhaalregel is niet te lezen.',
      en: 'The recurrence rule cannot be read.',
    });
  }
  if (options.freq === undefined || ![Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY].includes(options.freq)) {
    throw new InvalidScheduleError({
      nl: 'De regel herhaalt dagelijks, wekelijks of maandelijks.',
      en: 'The rule repeats daily, weekly or monthly.',
    });
  }
  if (!options.count && !options.until)
    throw new InvalidScheduleError({
      nl: 'De regel moet eindigen: geef COUNT of UNTIL.',
      en: 'The rule ends: give COUNT or UNTIL.',
    });
  const [year, month, day] = recurrence.firstDate.split('-').map(Number) as [number, number, number];
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(year, month - 1, day)) });
  const dates = rule.all((_date, index) => index < MAX_SESSIONS + 1);
  if (dates.length > MAX_SESSIONS)
    throw new InvalidScheduleError({
      nl: `Hoogstens ${MAX_SESSIONS} bijeenkomsten.`,
      en: `At most ${MAX_SESSIONS} sessions.`,
    });
  if (dates.length === 0)
    throw new InvalidScheduleError({ nl: 'De regel geeft geen bijeenkomsten.', en: 'The rule gives no sessions.' });
  // rrule counts in floating dates (dtstart is the local date at UTC midnight), so the UTC date is the local one.
  return dates.map((date) =>
    localSession(
      { date: date.toISOString().slice(0, 10), startTime: recurrence.startTime, endTime: recurrence.endTime },
      timezone,
    ),
  );
}
