import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import {
  AttendanceService,
  CreateOfferDto,
  GenerateSlotsDto,
  OfferService,
  ProviderService,
  RespiteUsageService,
  SlotCancellationService,
} from '@app/respite';
import { isUUID } from 'class-validator';
import { DateTime } from 'luxon';
import { dateTimeText, localToday, timeText } from '../dates';
import { checkForm, FieldErrors } from '../form';
import { PortalAudit } from '../portal-audit';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

const KINDS = ['day_care', 'short_stay', 'at_home'];
const GRID_WEEKS = 4;

/**
 * Staff keep respite offers and their slots: create an offer, slots from a weekly pattern,
 * capacity, calling a slot off, attendance; occupancy as a calendar grid of four weeks.
 */
@Injectable()
export class OfferPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly offers: OfferService,
    private readonly usage: RespiteUsageService,
    private readonly cancellations: SlotCancellationService,
    private readonly attendance: AttendanceService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
    private readonly providers: ProviderService,
  ) {}

  /** The offers a provider runs, each opening the same offer page staff use. */
  private async providerHome(call: PortalCall): Promise<PortalResult> {
    const offers = await this.providers.mine();
    return {
      view: 'pages/provider.eta',
      title: call.t.providerTitle,
      forms: false,
      data: { offers: offers.map((offer) => ({ id: offer.id, name: offer.name, location: offer.location })) },
    };
  }

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/provider', access: 'provider', handle: (call) => this.providerHome(call) },
      { method: 'GET', path: '/offers', access: 'staff', handle: (call) => this.list(call) },
      { method: 'POST', path: '/offers', access: 'staff', handle: (call) => this.create(call) },
      { method: 'GET', path: '/offers/:offerId', access: 'staff-or-provider', handle: (call) => this.offer(call) },
      {
        method: 'POST',
        path: '/offers/:offerId/slots',
        access: 'staff-or-provider',
        handle: (call) => this.generate(call),
      },
      {
        method: 'POST',
        path: '/offers/:offerId/capacity',
        access: 'staff-or-provider',
        handle: (call) => this.capacity(call),
      },
      {
        method: 'POST',
        path: '/offers/:offerId/call-off',
        access: 'staff-or-provider',
        handle: (call) => this.callOff(call),
      },
      { method: 'GET', path: '/slots/:slotId', access: 'staff-or-provider', handle: (call) => this.slot(call) },
      {
        method: 'POST',
        path: '/slots/:slotId/attendance',
        access: 'staff-or-provider',
        handle: (call) => this.attend(call),
      },
    );
  }

  private async list(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): Promise<PortalResult> {
    const offers = await this.offers.list();
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/offers.eta',
      title: call.t.offersTitle,
      status: submitted ? 400 : 200,
      errors,
      data: {
        problem,
        offers: offers.map((offer) => ({ id: offer.id, name: offer.name, location: offer.location })),
        kinds: KINDS.map((value) => ({
          value,
          label:
            value === 'day_care'
              ? call.t.kindDayCare
              : value === 'short_stay'
                ? call.t.kindShortStay
                : call.t.kindAtHome,
        })),
        values: submitted ? call.form : { kind: 'day_care' },
      },
    };
  }

  private async create(call: PortalCall): Promise<PortalResult> {
    const checked = await checkForm(
      CreateOfferDto,
      { kind: call.form.kind, name: call.form.name?.trim(), location: call.form.location?.trim() || undefined },
      call.t,
    );
    if (!checked.ok) return this.list(call, checked.errors);
    const offer = await this.offers.create(checked.value);
    return { redirect: `/offers/${offer.id}`, notice: call.t.offerCreated };
  }

  private async offer(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null, status = 200) {
    const offerId = call.params.offerId ?? '';
    if (!isUUID(offerId)) return notFoundPage(call);
    const [offer, municipality] = await Promise.all([this.offers.owned(offerId), this.municipalities.current()]);
    const zone = municipality.timezone;
    const monday = DateTime.fromISO(localToday(zone), { zone }).startOf('week');
    const from = monday.toJSDate();
    const to = monday.plus({ weeks: GRID_WEEKS }).toJSDate();
    const [slots, occupancy] = await Promise.all([
      this.offers.slotsOf(offer.id, from, to),
      this.usage.occupancy(offer.id, from, to),
    ]);
    // The grid: one row a week, one cell a day, the day's slots in it.
    const weeks = Array.from({ length: GRID_WEEKS }, (_, week) => ({
      label: monday.plus({ weeks: week }).setLocale(call.lang).toFormat('d LLL'),
      days: Array.from({ length: 7 }, (_, day) => {
        const date = monday.plus({ weeks: week, days: day });
        return {
          label: date.setLocale(call.lang).toFormat('ccc d'),
          slots: slots
            .filter((slot) => DateTime.fromJSDate(slot.startsAt, { zone }).hasSame(date, 'day'))
            .map((slot) => ({
              id: slot.id,
              time: timeText(slot.startsAt, call.lang, zone),
              booked: slot.booked,
              capacity: slot.capacity,
              cancelled: slot.cancelledAt !== null,
              full: slot.booked >= slot.capacity,
            })),
        };
      }),
    }));
    const submitted = Object.keys(errors).length > 0;
    return {
      view: 'pages/offer.eta',
      title: offer.name,
      status: submitted ? 400 : status,
      errors,
      data: {
        problem,
        offer: { id: offer.id, name: offer.name, location: offer.location },
        occupancy: { ...occupancy, percent: Math.round(occupancy.occupancyRate * 100) },
        weeks,
        weekdays: [1, 2, 3, 4, 5, 6, 7].map((value) => ({
          value,
          label: monday
            .plus({ days: value - 1 })
            .setLocale(call.lang)
            .toFormat('cccc'),
        })),
        values: submitted ? call.form : { from: localToday(zone), capacity: '8' },
        slotChoices: slots
          .filter((slot) => !slot.cancelledAt)
          .map((slot) => ({ value: slot.id, label: dateTimeText(slot.startsAt, call.lang, zone) })),
      },
    };
  }

  private async generate(call: PortalCall): Promise<PortalResult> {
    const offerId = call.params.offerId ?? '';
    if (!isUUID(offerId)) return notFoundPage(call);
    const checked = await checkForm(
      GenerateSlotsDto,
      {
        from: call.form.from,
        to: call.form.to,
        weekdays: [1, 2, 3, 4, 5, 6, 7].filter((day) => call.form[`weekday${day}`] === 'yes'),
        dagdelen: ['ochtend', 'middag', 'avond'].filter((part) => call.form[`dagdeel-${part}`] === 'yes'),
        capacity: Number(call.form.capacity),
      },
      call.t,
    );
    if (!checked.ok) return this.offer(call, checked.errors);
    try {
      const { capacity, ...pattern } = checked.value;
      const created = await this.offers.generateSlots(offerId, pattern, capacity);
      return { redirect: `/offers/${offerId}`, notice: call.t.slotsCreated.replace('{count}', String(created.length)) };
    } catch (error) {
      return this.offer(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async capacity(call: PortalCall): Promise<PortalResult> {
    const { offerId = '' } = call.params;
    const slotId = call.form.slotId ?? '';
    const capacity = Number(call.form.newCapacity);
    if (!isUUID(offerId) || !isUUID(slotId)) return notFoundPage(call);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 500)
      return this.offer(call, { newCapacity: call.t.fieldInvalid.capacity });
    try {
      await this.offers.changeCapacity(slotId, capacity);
      return { redirect: `/offers/${offerId}`, notice: call.t.capacityChanged };
    } catch (error) {
      return this.offer(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async callOff(call: PortalCall): Promise<PortalResult> {
    const { offerId = '' } = call.params;
    const slotId = call.form.slotId ?? '';
    const reason = (call.form.reason ?? '').trim().slice(0, 500);
    if (!isUUID(offerId) || !isUUID(slotId)) return notFoundPage(call);
    if (!reason) return this.offer(call, { reason: call.t.fieldInvalid.reason });
    try {
      await this.cancellations.cancel(slotId, reason);
      return { redirect: `/offers/${offerId}`, notice: call.t.slotCalledOff };
    } catch (error) {
      return this.offer(call, {}, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async slot(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const slotId = call.params.slotId ?? '';
    if (!isUUID(slotId)) return notFoundPage(call);
    const [bookings, municipality] = await Promise.all([this.offers.bookingsOf(slotId), this.municipalities.current()]);
    // A provider sees who comes: first name, who they care for, and what they chose to share.
    const people =
      call.actor!.role === 'provider'
        ? new Map((await this.providers.bookingsOf(slotId)).map((view) => [view.id, view]))
        : null;
    await this.audit.read(
      'GET /slots/:slotId',
      'respite_booking',
      bookings.map((booking) => booking.id),
    );
    return {
      view: 'pages/slot.eta',
      title: call.t.slotBookings,
      status,
      data: {
        problem,
        slotId,
        bookings: bookings.map((booking) => ({
          id: booking.id,
          at: dateTimeText(booking.startsAt, call.lang, municipality.timezone),
          status: booking.status,
          canRecord: ['confirmed', 'attended', 'no_show'].includes(booking.status) && booking.startsAt < new Date(),
          person: people?.get(booking.id)
            ? {
                firstName: people.get(booking.id)!.firstName,
                relation: call.t.relations[people.get(booking.id)!.relation] ?? people.get(booking.id)!.relation,
                sharedNeeds: people.get(booking.id)!.sharedNeeds,
              }
            : null,
        })),
      },
    };
  }

  private async attend(call: PortalCall): Promise<PortalResult> {
    const slotId = call.params.slotId ?? '';
    const bookingId = call.form.bookingId ?? '';
    const outcome = call.form.outcome === 'no_show' ? 'no_show' : 'attended';
    if (!isUUID(slotId) || !isUUID(bookingId)) return notFoundPage(call);
    try {
      await this.audit.change('POST /slots/:slotId/attendance', 'respite_booking', [bookingId], () =>
        this.attendance.record(bookingId, outcome),
      );
      return { redirect: `/slots/${slotId}`, notice: call.t.attendanceRecorded };
    } catch (error) {
      return this.slot(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
