import { DateTime } from 'luxon';
import { dutchPublicHolidays } from './dutch-public-holidays';

/** The date `days` working days (Monday to Friday, not a public holiday) after `from`, in the given zone. */
export function addWorkingDays(from: DateTime, days: number): DateTime {
  let date = from.startOf('day');
  let left = days;
  while (left > 0) {
    date = date.plus({ days: 1 });
    if (date.weekday <= 5 && !dutchPublicHolidays(date.year).has(date.toISODate()!)) left--;
  }
  return date;
}

/** Due at the end of that working day, local time. */
export function dueAt(from: Date, days: number, timezone: string): Date {
  return addWorkingDays(DateTime.fromJSDate(from).setZone(timezone), days).endOf('day').toJSDate();
}
