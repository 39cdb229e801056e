import { DateTime } from 'luxon';

/**
 * The municipality's local date of an instant (now by default), as YYYY-MM-DD. Every "today" and
 * day boundary of the platform comes from here or from localDateSql, never from a UTC slice.
 */
export function today(timezone: string, at: Date = new Date()): string {
  return DateTime.fromJSDate(at).setZone(timezone).toISODate()!;
}

/** The same in SQL: the local date, in the zone named by `timezoneSql`, of the instant `instantSql`. */
export function localDateSql(instantSql: string, timezoneSql: string): string {
  return `((${instantSql}) AT TIME ZONE ${timezoneSql})::date`;
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD); a 29 February birthday counts from 1 March. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
