import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';

export interface CalendarEvent {
  /** Stable per thing (e.g. a booking id), so a later update or cancellation replaces it. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string;
  description?: string;
  cancelled?: boolean;
  /** Raised with every change, so calendar apps replace the event instead of adding another. */
  sequence?: number;
}

/**
 * An iCalendar file with local times in the municipality's zone and its VTIMEZONE,
 * so calendars show the right hour on both sides of a daylight-saving change.
 */
export function calendarFile(
  events: CalendarEvent[],
  options: { name: string; timezone: string; method?: 'publish' | 'request' | 'cancel' },
): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Mantelzorg platform', product: 'mantelzorg', language: 'NL' },
    timezone: { name: options.timezone, generator: getVtimezoneComponent },
    method:
      options.method === 'cancel'
        ? ICalCalendarMethod.CANCEL
        : options.method === 'request'
          ? ICalCalendarMethod.REQUEST
          : ICalCalendarMethod.PUBLISH,
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      // Zoned luxon times: ical-generator writes them as local time of that zone.
      start: DateTime.fromJSDate(event.startsAt, { zone: options.timezone }),
      end: DateTime.fromJSDate(event.endsAt, { zone: options.timezone }),
      timezone: options.timezone,
      summary: event.summary,
      location: event.location,
      description: event.description,
      sequence: event.sequence ?? 0,
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
