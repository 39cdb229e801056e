/** Dagdelen a volunteer can be asked for, per ISO weekday (1 = Monday). */
export const AVAILABILITY_DAGDELEN = ['ochtend', 'middag', 'avond'] as const;

/** "1-ochtend" … "7-avond". */
export const AVAILABILITY_KEY = /^[1-7]-(ochtend|middag|avond)$/;

/** Sorted without duplicates, so equal availability compares equal. */
export function normalizeAvailability(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}
