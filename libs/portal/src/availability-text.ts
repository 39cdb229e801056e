import { PortalTexts } from './texts';

/** "3-middag" as "woensdag middag". */
export function availabilityText(t: PortalTexts, key: string): string {
  const [day, dagdeel] = key.split('-');
  return `${t.weekdayNames[Number(day) - 1] ?? day} ${dagdeel ?? ''}`.trim();
}

/** When a help request wants help: its dates, or its weekly pattern. */
export function wantedText(
  t: PortalTexts,
  request: { wantedDates: Array<{ date: string; dagdeel: string }>; weeklyPattern: string[] },
): string {
  if (request.wantedDates.length > 0)
    return request.wantedDates.map((wanted) => `${wanted.date} ${wanted.dagdeel}`).join(', ');
  return request.weeklyPattern.map((key) => availabilityText(t, key)).join(', ');
}

export const DAGDELEN = ['ochtend', 'middag', 'avond'];
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The skills ticked in the skills-and-availability form part. */
export function tickedSkills(form: Record<string, string>): string[] {
  return Object.keys(form)
    .filter((key) => key.startsWith('skill-'))
    .map((key) => key.slice('skill-'.length));
}

/** The dagdelen ticked in the skills-and-availability form part, as "3-middag". */
export function tickedAvailability(form: Record<string, string>): string[] {
  return WEEKDAYS.flatMap((day) =>
    DAGDELEN.filter((part) => form[`at-${day}-${part}`] === 'yes').map((part) => `${day}-${part}`),
  );
}
