import { DateTime } from 'luxon';

/** The date `days` working days (Monday to Friday) after `from`, in the given zone. */
export function addWorkingDays(from: DateTime, days: number): DateTime {
  let date = from.startOf('day');
  let left = days;
  while (left > 0) {
    date = date.plus({ days: 1 });
    if (date.weekday <= 5) left--;
  }
  return date;
}

/** Due at the end of that working day, local time. */
export function dueAt(from: Date, days: number, timezone: string): Date {
  return addWorkingDays(DateTime.fromJSDate(from).setZone(timezone), days).endOf('day').toJSDate();
}
