import { DateTime } from 'luxon';
import { PortalLanguage } from './texts';

const LOCALES: Record<PortalLanguage, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "dinsdag 1 december 2026 om 09:00" in the municipality's time zone. */
export function dateTimeText(at: Date, lang: PortalLanguage, timezone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: timezone }).format(
    at,
  );
}

export function timeText(at: Date, lang: PortalLanguage, timezone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short', timeZone: timezone }).format(at);
}

/** Today in the municipality's time zone, as yyyy-mm-dd. */
export function localToday(timezone: string): string {
  return DateTime.now().setZone(timezone).toISODate()!;
}

/** A local calendar day as the instant it starts, plus `days`; null for anything but yyyy-mm-dd. */
export function startOfLocalDay(day: string, timezone: string, days = 0): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = DateTime.fromISO(day, { zone: timezone });
  return start.isValid ? start.plus({ days }).toJSDate() : null;
}

export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day).plus({ days }).toISODate()!;
}
