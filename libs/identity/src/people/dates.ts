import { DateTime } from 'luxon';

/** Today's date in the municipality's zone, as YYYY-MM-DD. */
export function today(timezone: string): string {
  return DateTime.now().setZone(timezone).toISODate()!;
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD); a 29 February birthday counts from 1 March. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
