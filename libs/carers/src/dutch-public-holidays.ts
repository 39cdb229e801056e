import { DateTime } from 'luxon';

/**
 * The national public holidays on which a steunpunt is closed: New Year's Day, Easter and
 * Whit Monday, King's Day, Ascension Day, Christmas, and Liberation Day in lustrum years
 * (the years the government gives it off). ISO dates of one year.
 */
export function dutchPublicHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const kingsDay = DateTime.utc(year, 4, 27);
  const dates = [
    DateTime.utc(year, 1, 1),
    easter,
    easter.plus({ days: 1 }),
    kingsDay.weekday === 7 ? kingsDay.minus({ days: 1 }) : kingsDay,
    easter.plus({ days: 39 }),
    easter.plus({ days: 49 }),
    easter.plus({ days: 50 }),
    DateTime.utc(year, 12, 25),
    DateTime.utc(year, 12, 26),
    ...(year % 5 === 0 ? [DateTime.utc(year, 5, 5)] : []),
  ];
  return new Set(dates.map((date) => date.toISODate()!));
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}
