import { DateTime } from 'luxon';

/**
 * The year as the municipality counts it: its own local date, never the UTC one, so a test
 * run in the last hour of 31 December (UTC) still asks for the year the product is in.
 */
export function municipalYear(at?: string): number {
  return (at ? DateTime.fromISO(at) : DateTime.now()).setZone('Europe/Amsterdam').year;
}
