import { Injectable, OnModuleInit } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { CareRelationshipService, CarerService } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import { BookingService, CalendarFeedService, SlotSearchService } from '@app/respite';
import { addDays, dateTimeText, localToday, startOfLocalDay, timeText } from '../dates';
import { FieldErrors } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { PortalTexts } from '../texts';

const KINDS = ['day_care', 'short_stay', 'at_home'] as const;
const SEARCH_DAYS = 28;

function kindText(t: PortalTexts, kind: string): string {
  return kind === 'day_care' ? t.kindDayCare : kind === 'short_stay' ? t.kindShortStay : t.kindAtHome;
}

function statusText(t: PortalTexts, status: string): string {
  const texts: Record<string, string> = {
    confirmed: t.statusConfirmed,
    waitlisted: t.statusWaitlisted,
    offered: t.statusOffered,
    cancelled: t.statusCancelled,
    attended: t.statusAttended,
    no_show: t.statusNoShow,
  };
  return texts[status] ?? status;
}

/** Finding respite, booking it (or joining the waiting list), and the carer's bookings with cancelling. */
@Injectable()
export class RespitePages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly slots: SlotSearchService,
    private readonly bookings: BookingService,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly municipalities: MunicipalityService,
    private readonly feeds: CalendarFeedService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/respite', access: 'carer', handle: (call) => this.search(call) },
      { method: 'POST', path: '/respite/book', access: 'carer', handle: (call) => this.book(call) },
      { method: 'GET', path: '/bookings', access: 'carer', handle: (call) => this.mine(call) },
      { method: 'POST', path: '/bookings/cancel', access: 'carer', handle: (call) => this.cancel(call) },
      { method: 'POST', path: '/bookings/accept', access: 'carer', handle: (call) => this.accept(call) },
      { method: 'POST', path: '/bookings/move', access: 'carer', handle: (call) => this.move(call) },
      { method: 'GET', path: '/bookings/calendar', access: 'carer', handle: (call) => this.calendarFile(call) },
      { method: 'POST', path: '/bookings/calendar-feed', access: 'carer', handle: (call) => this.calendarFeed(call) },
    );
  }

  private async search(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const municipality = await this.municipalities.current();
    const zone = municipality.timezone;
    const today = localToday(zone);
    const from = call.query.from || today;
    const to = call.query.to || addDays(from, SEARCH_DAYS - 1);
    const kind = (KINDS as readonly string[]).includes(call.query.kind) ? call.query.kind : '';
    const wijken = (await this.municipalities.listWijken()).map(({ wijk }) => ({ value: wijk.id, label: wijk.name }));
    const wijkId = wijken.some((wijk) => wijk.value === call.query.wijk) ? call.query.wijk : '';
    const onlyAvailable = call.query.available === 'yes';
    const errors: FieldErrors = {};
    const start = startOfLocalDay(from, zone);
    const end = startOfLocalDay(to, zone, 1);
    if (!start) errors.from = call.t.fieldInvalid.from;
    if (!end || (start && end <= start) || (start && end && end.getTime() - start.getTime() > 62 * 86_400_000))
      errors.to = call.t.fieldInvalid.to;
    const carer = await this.carers.mine();
    const relationships = (await this.relationships.list(carer.id)).map(({ relationship }) => ({
      id: relationship.id,
      name: relationship.careRecipientName,
    }));
    let slots: Array<Record<string, unknown>> = [];
    if (Object.keys(errors).length === 0) {
      const found = await this.slots.search({
        from: start!.toISOString(),
        to: end!.toISOString(),
        kind: (kind || undefined) as (typeof KINDS)[number] | undefined,
        wijkId: wijkId || undefined,
        onlyAvailable,
        limit: 100,
      });
      slots = found.items.map((slot) => ({
        id: slot.id,
        offerName: slot.offerName,
        kind: kindText(call.t, slot.kind),
        location: slot.location,
        when: `${dateTimeText(slot.startsAt, call.lang, zone)} – ${timeText(slot.endsAt, call.lang, zone)}`,
        remaining: slot.remaining,
      }));
    }
    return {
      view: 'pages/respite.eta',
      title: call.t.respiteTitle,
      status: Object.keys(errors).length > 0 ? 400 : status,
      errors,
      data: {
        values: { from, to, kind, wijk: wijkId, available: onlyAvailable ? 'yes' : '' },
        kinds: KINDS.map((value) => ({ value, label: kindText(call.t, value) })),
        wijken: [{ value: '', label: call.t.anyWijk }, ...wijken],
        slots,
        relationships,
        problem,
        moving: isUUID(call.query.move ?? '') ? call.query.move : null,
      },
    };
  }

  private async book(call: PortalCall): Promise<PortalResult> {
    const slotId = call.form.slotId ?? '';
    const careRelationshipId = call.form.careRelationshipId ?? '';
    const joinWaitlist = call.form.joinWaitlist === 'yes';
    if (!isUUID(careRelationshipId)) return this.search(call, call.t.fieldInvalid.careRelationshipId, 400);
    if (!isUUID(slotId)) return this.search(call, call.t.somethingWrong, 400);
    try {
      const sharedNeeds = (call.form.sharedNeeds ?? '').trim().slice(0, 500) || undefined;
      const booking = await this.bookings.book({ slotId, careRelationshipId, joinWaitlist, sharedNeeds });
      return { redirect: '/bookings', notice: booking.status === 'waitlisted' ? call.t.waitlisted : call.t.booked };
    } catch (error) {
      // The rule that stopped the booking, in plain words, above the search it came from.
      const problem = ruleBroken(error, call.lang);
      return this.search(
        { ...call, query: { ...call.query, ...pick(call.form, ['from', 'to', 'kind', 'wijk', 'available']) } },
        problem,
        (error as DomainError).status,
      );
    }
  }

  private async accept(call: PortalCall): Promise<PortalResult> {
    const bookingId = call.form.bookingId ?? '';
    if (!isUUID(bookingId)) return this.mine(call, call.t.somethingWrong, 400);
    return this.attempt(call, () => this.bookings.acceptOffer(bookingId), call.t.accepted);
  }

  private async move(call: PortalCall): Promise<PortalResult> {
    const { bookingId = '', slotId = '' } = call.form;
    if (!isUUID(bookingId) || !isUUID(slotId)) return this.mine(call, call.t.somethingWrong, 400);
    return this.attempt(call, () => this.bookings.move(bookingId, slotId), call.t.moved);
  }

  /** A rule that stops the change is shown on the bookings page in plain words. */
  private async attempt(call: PortalCall, change: () => Promise<unknown>, notice: string): Promise<PortalResult> {
    try {
      await change();
      return { redirect: '/bookings', notice };
    } catch (error) {
      return this.mine(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async calendarFile(call: PortalCall): Promise<PortalResult> {
    const bookingId = call.query.booking ?? '';
    if (!isUUID(bookingId)) return this.mine(call, call.t.somethingWrong, 400);
    return {
      download: {
        filename: 'respijtzorg.ics',
        contentType: 'text/calendar; charset=utf-8',
        body: await this.feeds.bookingFile(bookingId),
      },
    };
  }

  private async calendarFeed(call: PortalCall): Promise<PortalResult> {
    const url = await this.feeds.renew();
    return this.mine(call, null, 200, url);
  }

  private async mine(
    call: PortalCall,
    problem: string | null = null,
    status = 200,
    feedUrl: string | null = null,
  ): Promise<PortalResult> {
    const municipality = await this.municipalities.current();
    const bookings = await this.bookings.mine();
    const now = new Date();
    const cutoffMs = municipality.settings.respiteCancellationCutoffHours * 3_600_000;
    return {
      view: 'pages/bookings.eta',
      title: call.t.bookingsTitle,
      status,
      data: {
        problem,
        feedUrl,
        cutoff: call.t.cancelCutoff.replace('{hours}', String(municipality.settings.respiteCancellationCutoffHours)),
        bookings: bookings
          .filter((booking) => booking.endsAt > new Date(now.getTime() - 30 * 86_400_000))
          .map((booking) => ({
            id: booking.id,
            when: dateTimeText(booking.startsAt, call.lang, municipality.timezone),
            status: statusText(call.t, booking.status),
            offered: booking.status === 'offered',
            offerUntil: booking.offerExpiresAt
              ? dateTimeText(booking.offerExpiresAt, call.lang, municipality.timezone)
              : null,
            calendar: ['confirmed', 'offered'].includes(booking.status) && booking.startsAt > now,
            movable: booking.status === 'confirmed' && booking.startsAt.getTime() - now.getTime() > cutoffMs,
            cancellable:
              ['confirmed', 'waitlisted', 'offered'].includes(booking.status) &&
              booking.startsAt.getTime() - now.getTime() > cutoffMs,
          })),
      },
    };
  }

  private async cancel(call: PortalCall): Promise<PortalResult> {
    if (!isUUID(call.form.bookingId ?? '')) return this.mine(call, call.t.somethingWrong, 400);
    try {
      await this.bookings.cancel(call.form.bookingId, null, false);
      return { redirect: '/bookings', notice: call.t.cancelled };
    } catch (error) {
      return this.mine(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}

function pick(values: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => values[key] !== undefined).map((key) => [key, values[key]]));
}
