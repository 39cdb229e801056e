import { Injectable, Logger } from '@nestjs/common';
import { CarerService } from '@app/carers';
import { assertEmailVerified, Municipality, MunicipalityService, RecipientAccount } from '@app/identity';
import { allInOrder, ConflictError, DomainError, FieldCipher, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { BookingMessages } from './booking-messages';
import { BookableSlot, BookingRepository } from './booking.repository';
import { releaseBudget, reserveBudget } from './budget-ledger';
import { budgetUnits } from './dagdelen';
import { RespiteBooking } from './respite-booking.entity';
import { OverlappingBookingError, SlotFullError, TooLateToBookError } from './respite-errors';
import { SlotPlaces } from './slot-places';

export interface BookingRequest {
  slotId: string;
  careRelationshipId: string;
  joinWaitlist?: boolean;
  /** For the provider's eyes; encrypted. */
  sharedNeeds?: string;
}

const HOUR = 3_600_000;
const HOLDS_PLACE: Array<RespiteBooking['status']> = ['confirmed', 'offered'];
/** Enough for any minute's expiries; the rest wait for the next run. */
const EXPIRED_OFFERS_PER_RUN = 500;

/**
 * The booking rules, each inside one transaction and backed by the database: capacity by
 * a conditional UPDATE, the yearly budget under the carer's budget row lock, overlaps by
 * an exclusion constraint, one live booking per carer per slot by a unique index.
 */
@Injectable()
export class BookingService {
  private readonly logger = new Logger(BookingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly municipalities: MunicipalityService,
    private readonly bookings: BookingRepository,
    private readonly places: SlotPlaces,
    private readonly messages: BookingMessages,
    private readonly context: RequestContext,
    private readonly cipher: FieldCipher,
  ) {}

  async book(request: BookingRequest): Promise<RespiteBooking> {
    // Independent reads, side by side: they are most of a booking's waiting time.
    const [carer, municipality, slot] = await allInOrder([
      this.carers.bookingParty(request.careRelationshipId),
      this.municipalities.current(),
      this.visibleSlot(request.slotId),
    ]);
    const { account } = carer;
    assertEmailVerified(account, 'booking');
    this.assertBookable(slot, municipality);
    const { year, units } = this.cost(slot, municipality);

    const base = {
      municipalityId: carer.municipalityId,
      slotId: slot.id,
      carerId: carer.id,
      accountId: carer.accountId,
      careRelationshipId: request.careRelationshipId,
      sharedNeedsEncrypted: request.sharedNeeds?.trim() ? this.cipher.encrypt(request.sharedNeeds.trim()) : null,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      year,
      units,
    };
    // A quick answer for a slot seen full; the conditional UPDATE below remains the guard.
    if (slot.booked >= slot.capacity && !request.joinWaitlist) throw new SlotFullError();
    return this.withConstraintErrors(async () => {
      try {
        return await this.confirm(base, municipality, account);
      } catch (error) {
        if (!(error instanceof SlotFullError) || !request.joinWaitlist) throw error;
      }
      const waiting = await this.joinWaitlist(base);
      // A place came free between the two transactions: take it after all.
      return waiting ?? this.confirm(base, municipality, account);
    });
  }

  /**
   * Books a place. The slot's place is taken last, so its row lock (which every booking of a
   * popular slot waits for) is held only from that UPDATE to the commit.
   */
  private confirm(
    base: Partial<RespiteBooking> & {
      carerId: string;
      municipalityId: string;
      slotId: string;
      year: number;
      units: number;
    },
    municipality: Municipality,
    account?: RecipientAccount,
  ): Promise<RespiteBooking> {
    return this.dataSource.transaction(async (manager) => {
      await reserveBudget(manager, base, base.year, base.units, municipality.settings.respiteBudget);
      const booking = await this.bookings.insert(manager, { ...base, status: 'confirmed' });
      await this.messages.confirmAndRemind(manager, booking, municipality.settings, account);
      if (!(await this.places.take(manager, base.slotId))) throw new SlotFullError();
      return booking;
    });
  }

  /** A waiting-list place, which costs no budget until a place is offered; null when the slot has room again. */
  private joinWaitlist(base: Partial<RespiteBooking> & { slotId: string }): Promise<RespiteBooking | null> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.bookings.isFullLocked(manager, base.slotId))) return null;
      return this.bookings.insert(manager, { ...base, status: 'waitlisted' });
    });
  }

  /**
   * Moves a confirmed booking to another slot, before the cancellation cut-off: the new place
   * and budget are taken and the old ones freed in one transaction; reminders follow the move.
   */
  async move(bookingId: string, slotId: string): Promise<RespiteBooking> {
    const carer = await this.carers.mine();
    const municipality = await this.municipalities.current();
    const slot = await this.bookableSlot(slotId, municipality);
    const { year, units } = this.cost(slot, municipality);
    return this.withConstraintErrors(() =>
      this.dataSource.transaction(async (manager) => {
        const booking = await this.lockBooking(manager, bookingId, {
          municipalityId: municipality.id,
          carerId: carer.id,
        });
        if (booking.status !== 'confirmed')
          throw new ConflictError('BOOKING_NOT_MOVABLE', {
            nl: 'Alleen een bevestigde boeking kan worden verplaatst.',
            en: 'Only a confirmed booking can be moved.',
          });
        if (booking.slotId === slot.id) return booking;
        if (this.pastCutoff(booking, municipality)) {
          throw new ConflictError('BOOKING_NOT_MOVABLE', {
            nl: `Een boeking kan worden verplaatst tot ${municipality.settings.respiteCancellationCutoffHours} uur voor het begin.`,
            en: `Bookings can be moved until ${municipality.settings.respiteCancellationCutoffHours} hours before they start.`,
          });
        }
        await releaseBudget(manager, booking.carerId, booking.year, booking.units);
        await reserveBudget(
          manager,
          { carerId: carer.id, municipalityId: carer.municipalityId },
          year,
          units,
          municipality.settings.respiteBudget,
        );
        if (!(await this.places.take(manager, slot.id))) throw new SlotFullError();
        const oldSlotId = booking.slotId;
        Object.assign(booking, {
          slotId: slot.id,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          year,
          units,
          sequence: booking.sequence + 1,
        });
        await this.bookings.save(manager, booking);
        await this.places.free(manager, oldSlotId, municipality.settings);
        await this.messages.dropReminders(manager, booking.id);
        await this.messages.confirmAndRemind(manager, booking, municipality.settings);
        return booking;
      }),
    );
  }

  /** Cancels a booking; after the cut-off it still counts against the budget. The freed place goes to the waiting list. */
  async cancel(bookingId: string, reason: string | null, byStaff: boolean): Promise<RespiteBooking> {
    const municipality = await this.municipalities.current();
    const carerId = byStaff ? undefined : (await this.carers.mine()).id;
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.lockBooking(manager, bookingId, { municipalityId: municipality.id, carerId });
      if (booking.status === 'cancelled') return booking;
      if (!['confirmed', 'waitlisted', 'offered'].includes(booking.status)) {
        throw new ConflictError('BOOKING_NOT_CANCELLABLE', {
          nl: 'Voor deze boeking is de aanwezigheid al vastgelegd.',
          en: 'Attendance was already recorded for this booking.',
        });
      }
      const heldPlace = HOLDS_PLACE.includes(booking.status);
      const inCalendar = booking.status === 'confirmed';
      const late = booking.status === 'confirmed' && this.pastCutoff(booking, municipality);
      if (booking.status === 'confirmed' && !late)
        await releaseBudget(manager, booking.carerId, booking.year, booking.units);
      Object.assign(booking, {
        status: 'cancelled',
        lateCancellation: late,
        cancelledAt: new Date(),
        cancelReason: reason,
        sequence: booking.sequence + 1,
      });
      await this.bookings.save(manager, booking);
      await this.messages.dropReminders(manager, booking.id);
      if (inCalendar) await this.messages.bookingCancelled(manager, booking);
      if (heldPlace) await this.places.free(manager, booking.slotId, municipality.settings);
      return booking;
    });
  }

  /** The first on the waiting list accepts the offered place within the hold window. */
  async acceptOffer(bookingId: string): Promise<RespiteBooking> {
    return this.withConstraintErrors(() =>
      this.dataSource.transaction(async (manager) => {
        const booking = await this.bookings.lock(manager, bookingId);
        if (!booking || booking.status !== 'offered') throw new NotFoundError({ nl: 'Het aanbod', en: 'The offer' });
        if (!booking.offerExpiresAt || booking.offerExpiresAt <= new Date())
          throw new DomainError('OFFER_EXPIRED', 410, {
            nl: 'De plaats van de wachtlijst wordt niet meer voor u vastgehouden.',
            en: 'The waiting-list offer has expired.',
          });
        const municipality = await this.municipalities.byId(booking.municipalityId, manager);
        await reserveBudget(manager, booking, booking.year, booking.units, municipality.settings.respiteBudget);
        booking.status = 'confirmed';
        booking.offerExpiresAt = null;
        await this.bookings.save(manager, booking);
        await this.messages.confirmAndRemind(manager, booking, municipality.settings);
        return booking;
      }),
    );
  }

  /**
   * Offers that passed their hold window go to the next on the list (worker job). Each offer in
   * a transaction of its own: one that fails is logged and tried again on the next run, and
   * does not hold up the others.
   */
  async expireOffers(): Promise<number> {
    let expired = 0;
    for (const bookingId of await this.bookings.expiredOfferIds(EXPIRED_OFFERS_PER_RUN)) {
      try {
        const done = await this.dataSource.transaction(async (manager) => {
          const row = await this.bookings.lockExpiredOffer(manager, bookingId);
          if (!row) return false;
          await this.bookings.cancelExpiredOffer(manager, row.id);
          const municipality = await this.municipalities.byId(row.municipalityId, manager);
          await this.places.free(manager, row.slotId, municipality.settings);
          return true;
        });
        if (done) expired++;
      } catch (error) {
        this.logger.error(
          { bookingId, error: (error as Error).message },
          'waiting-list offer not expired; others go on',
        );
      }
    }
    return expired;
  }

  /** A carer's bookings, for staff of the carer's municipality. */
  ofCarer(carerId: string): Promise<RespiteBooking[]> {
    return this.bookings.ofCarer(carerId, this.context.municipalityId());
  }

  async mine(): Promise<RespiteBooking[]> {
    const carer = await this.carers.mine();
    return this.bookings.ofCarer(carer.id, carer.municipalityId);
  }

  /** A slot of an offer serving the acting municipality, not cancelled, far enough ahead. */
  private async bookableSlot(slotId: string, municipality: Municipality): Promise<BookableSlot> {
    const slot = await this.visibleSlot(slotId);
    this.assertBookable(slot, municipality);
    return slot;
  }

  private assertBookable(slot: BookableSlot, municipality: Municipality): void {
    if (slot.cancelledAt)
      throw new DomainError('SLOT_CANCELLED', 409, {
        nl: 'Dit tijdvak gaat niet door.',
        en: 'This slot is cancelled.',
      });
    const notice = municipality.settings.respiteMinimumNoticeHours;
    if (slot.startsAt.getTime() - Date.now() < notice * HOUR) throw new TooLateToBookError(notice);
  }

  /** A slot of an offer serving the acting municipality. */
  private async visibleSlot(slotId: string): Promise<BookableSlot> {
    const slot = await this.bookings.visibleSlot(slotId, this.context.municipalityId());
    if (!slot) throw new NotFoundError({ nl: 'Het tijdvak', en: 'The slot' });
    return slot;
  }

  /** The local calendar year a slot counts in, and how much budget it takes. */
  private cost(slot: BookableSlot, municipality: Municipality): { year: number; units: number } {
    return {
      year: DateTime.fromJSDate(slot.startsAt).setZone(municipality.timezone).year,
      units: budgetUnits(municipality.settings.respiteBudget.unit, slot.startsAt, slot.endsAt),
    };
  }

  private pastCutoff(booking: RespiteBooking, municipality: Municipality): boolean {
    return booking.startsAt.getTime() - Date.now() < municipality.settings.respiteCancellationCutoffHours * HOUR;
  }

  private async lockBooking(
    manager: EntityManager,
    bookingId: string,
    owner: { municipalityId: string; carerId?: string },
  ): Promise<RespiteBooking> {
    const booking = await this.bookings.lockOwned(manager, bookingId, owner);
    if (!booking) throw new NotFoundError({ nl: 'De boeking', en: 'The booking' });
    return booking;
  }

  private async withConstraintErrors<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const driver =
        error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (driver?.code === '23P01') throw new OverlappingBookingError();
      if (driver?.code === '23505' && driver.constraint === 'uq_respite_booking_slot_carer')
        throw new ConflictError('ALREADY_BOOKED', {
          nl: 'U heeft voor dit tijdvak al een boeking of een plaats op de wachtlijst.',
          en: 'You already have a booking or waiting-list place for this slot.',
        });
      throw error;
    }
  }
}
