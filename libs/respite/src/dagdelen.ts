import { DateTime } from 'luxon';
import { Dagdeel } from './respite-slot.entity';

/** Local clock times of the standard dagdelen. */
export const DAGDEEL_TIMES: Record<Exclude<Dagdeel, 'custom'>, { from: string; to: string }> = {
  ochtend: { from: '09:00', to: '13:00' },
  middag: { from: '13:00', to: '17:00' },
  avond: { from: '18:00', to: '22:00' },
};

export interface SlotPattern {
  /** First and last date, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  weekdays: number[];
  dagdelen: Array<Exclude<Dagdeel, 'custom'>>;
}

export interface GeneratedSlot {
  startsAt: Date;
  endsAt: Date;
  dagdeel: Dagdeel;
}

/** Slots of a weekly pattern, at local clock times in the zone: correct on both sides of a DST change. */
export function slotsFromPattern(pattern: SlotPattern, timezone: string): GeneratedSlot[] {
  const slots: GeneratedSlot[] = [];
  const last = DateTime.fromISO(pattern.to, { zone: timezone });
  for (let day = DateTime.fromISO(pattern.from, { zone: timezone }); day <= last; day = day.plus({ days: 1 })) {
    if (!pattern.weekdays.includes(day.weekday)) continue;
    for (const dagdeel of pattern.dagdelen) {
      const times = DAGDEEL_TIMES[dagdeel];
      const at = (clock: string) => DateTime.fromISO(`${day.toISODate()}T${clock}`, { zone: timezone }).toJSDate();
      slots.push({ startsAt: at(times.from), endsAt: at(times.to), dagdeel });
    }
  }
  return slots;
}

/** How much of a budget a slot takes: one dagdeel, or its length in hours. */
export function budgetUnits(unit: 'dagdelen' | 'hours', startsAt: Date, endsAt: Date): number {
  return unit === 'dagdelen' ? 1 : Math.round(((endsAt.getTime() - startsAt.getTime()) / 3_600_000) * 100) / 100;
}
