import { DateTime } from 'luxon';
/** Dagdelen a volunteer can be asked for, per ISO weekday (1 = Monday). */
export const AVAILABILITY_DAGDELEN = ['ochtend', 'middag', 'avond'] as const;

/** "1-ochtend" … "7-avond". */
export const AVAILABILITY_KEY = /^[1-7]-(ochtend|middag|avond)$/;

/** Sorted without duplicates, so equal availability compares equal. */
export function normalizeAvailability(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}

const WEEKDAYS = {
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const DAGDEEL_WORDS = {
  nl: { ochtend: 'ochtend', middag: 'middag', avond: 'avond' },
  en: { ochtend: 'morning', middag: 'afternoon', avond: 'evening' },
};

/** A weekly availability key ("3-middag", ISO weekday and dagdeel) as people say it: "woensdagmiddag". */
export function describeWeeklySlot(key: string, language: 'nl' | 'en'): string {
  const [day, dagdeel] = key.split('-') as [string, (typeof AVAILABILITY_DAGDELEN)[number]];
  const weekday = WEEKDAYS[language][Number(day) - 1];
  const part = DAGDEEL_WORDS[language][dagdeel];
  if (!weekday || !part) return key;
  return language === 'nl' ? `${weekday}${part}` : `${weekday} ${part}`;
}

/** Weekly help without an end date is booked this many weeks ahead; with one, at most half a year. */
export const DEFAULT_WEEKLY_WEEKS = 8;
export const MAX_WEEKLY_WEEKS = 26;

/**
 * The dates of a weekly pattern from `from` (a local day, included) up to `until` (included):
 * "3-middag" gives every Wednesday afternoon in between.
 */
export function weeklyDates(
  pattern: string[],
  from: string,
  until: string,
): Array<{ date: string; dagdeel: 'ochtend' | 'middag' | 'avond' }> {
  const dates: Array<{ date: string; dagdeel: 'ochtend' | 'middag' | 'avond' }> = [];
  const start = DateTime.fromISO(from);
  const end = DateTime.fromISO(until);
  for (let day = start; day <= end; day = day.plus({ days: 1 })) {
    for (const key of pattern) {
      const [weekday, dagdeel] = key.split('-') as [string, 'ochtend' | 'middag' | 'avond'];
      if (Number(weekday) === day.weekday) dates.push({ date: day.toISODate()!, dagdeel });
    }
  }
  return dates;
}
