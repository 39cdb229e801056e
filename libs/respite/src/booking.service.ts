import { Injectable } from '@nestjs/common';
import { CareRelationshipService, CarerService } from '@app/carers';
import { Account, AccountService, MunicipalityService, MunicipalitySettings } from '@app/identity';
import { MessageService } from '@app/messaging';
import { ConflictError, DomainError, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { budgetUnits } from './dagdelen';
import { RESPITE_MESSAGES } from './respite-message-kinds';
import { RespiteBooking, RespiteBudgetUsage } from './respite-booking.entity';
import { RespiteOffer } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';
import { BudgetExceededError, EmailNotVerifiedError, OverlappingBookingError, SlotFullError, TooLateToBookError } from './respite-errors';

export interface BookingRequest {
  slotId: string;
  careRelationshipId: string;
  joinWaitlist?: boolean;
}

const LIVE: Array<RespiteBooking['status']> = ['confirmed', 'offered'];

/**
 * The booking rules, each inside one transaction and backed by the database: capacity by
 * a conditional UPDATE, the yearly budget under the carer's budget row lock, overlaps by
 * an exclusion constraint, one live booking per carer per slot by a unique index.
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly relationships: CareRelationshipService,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
    private readonly context: RequestContext,
  ) {}

  async book(request: BookingRequest): Promise<RespiteBooking> {
    const carer = await this.carers.mine();
    const account = await this.accounts.findById(carer.accountId);
    if (account?.email && !account.emailVerifiedAt) throw new EmailNotVerifiedError();
    await this.relationships.activeOf(carer.id, request.careRelationshipId);
    const municipality = await this.municipalities.current();
    const slot = await this.visibleSlot(request.slotId);
    if (slot.cancelledAt) throw new DomainError('SLOT_CANCELLED', 409, 'This slot is cancelled.');
    const notice = municipality.settings.respiteMinimumNoticeHours;
    if (slot.startsAt.getTime() - Date.now() < notice * 3_600_000) throw new TooLateToBookError(notice);
    const year = DateTime.fromJSDate(slot.startsAt).setZone(municipality.timezone).year;
    const units = budgetUnits(municipality.settings.respiteBudget.unit, slot.startsAt, slot.endsAt);

    return this.withOverlapCheck(() =>
      this.dataSource.transaction(async (manager) => {
        const base = {
          municipalityId: carer.municipalityId,
          slotId: slot.id,
          carerId: carer.id,
          accountId: carer.accountId,
          careRelationshipId: request.careRelationshipId,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          year,
          units,
        };
        await this.reserveBudget(manager, carer.id, carer.municipalityId, year, units, municipality.settings);
        const taken = await this.takePlace(manager, slot.id);
        if (!taken) {
          if (!request.joinWaitlist) throw new SlotFullError();
          // Waiting costs no budget: it is reserved again when a place is offered.
          await this.releaseBudget(manager, carer.id, year, units);
          return this.insert(manager, { ...base, status: 'waitlisted' });
        }
        const booking = await this.insert(manager, { ...base, status: 'confirmed' });
        await this.queueConfirmationAndReminders(manager, booking, municipality.settings);
        return booking;
      }),
    );
  }

  /** Cancels a booking; after the cut-off it still counts against the budget. The freed place goes to the waiting list. */
  async cancel(bookingId: string, reason: string | null, byStaff: boolean): Promise<RespiteBooking> {
    const municipality = await this.municipalities.current();
    const carerId = byStaff ? undefined : (await this.carers.mine()).id;
    return this.dataSource.transaction(async (manager) => {
      const booking = await manager
        .getRepository(RespiteBooking)
        .createQueryBuilder('booking')
        .setLock('pessimistic_write')
        .where('booking.id = :bookingId AND booking.municipalityId = :municipalityId', { bookingId, municipalityId: municipality.id })
        .andWhere(carerId ? 'booking.carerId = :carerId' : 'TRUE', { carerId })
        .getOne();
      if (!booking) throw new NotFoundError('The booking');
      if (booking.status === 'cancelled') return booking;
      if (!['confirmed', 'waitlisted', 'offered'].includes(booking.status)) {
        throw new ConflictError('BOOKING_NOT_CANCELLABLE', 'Attendance was already recorded for this booking.');
      }
      const wasHoldingPlace = LIVE.includes(booking.status);
      const late = booking.status === 'confirmed' && booking.startsAt.getTime() - Date.now() < municipality.settings.respiteCancellationCutoffHours * 3_600_000;
      if (booking.status === 'confirmed' && !late) await this.releaseBudget(manager, booking.carerId, booking.year, booking.units);
      booking.status = 'cancelled';
      booking.lateCancellation = late;
      booking.cancelledAt = new Date();
      booking.cancelReason = reason;
      await manager.getRepository(RespiteBooking).save(booking);
      await this.messages.cancelByDedupePrefix(manager, `respite-reminder.${booking.id}.`);
      if (wasHoldingPlace) {
        await manager.query('UPDATE respite_slot SET booked = booked - 1, updated_at = now() WHERE id = $1', [booking.slotId]);
        await this.offerPlaceToWaitlist(manager, booking.slotId, municipality.settings);
      }
      return booking;
    });
  }

  /** The first on the waiting list accepts the offered place within the hold window. */
  async acceptOffer(bookingId: string): Promise<RespiteBooking> {
    return this.withOverlapCheck(() =>
      this.dataSource.transaction(async (manager) => {
        const booking = await manager.getRepository(RespiteBooking).findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
        if (!booking || booking.status !== 'offered') throw new NotFoundError('The offer');
        if (!booking.offerExpiresAt || booking.offerExpiresAt <= new Date()) throw new DomainError('OFFER_EXPIRED', 410, 'The waiting-list offer has expired.');
        const municipality = await this.municipalities.byId(booking.municipalityId, manager);
        await this.reserveBudget(manager, booking.carerId, booking.municipalityId, booking.year, booking.units, municipality.settings);
        booking.status = 'confirmed';
        booking.offerExpiresAt = null;
        await manager.getRepository(RespiteBooking).save(booking);
        await this.queueConfirmationAndReminders(manager, booking, municipality.settings);
        return booking;
      }),
    );
  }

  /** Offers that passed their hold window go to the next on the list (worker job). */
  async expireOffers(): Promise<number> {
    let expired = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const stale = (await manager.query(
          `SELECT b.id, b.slot_id, b.municipality_id FROM respite_booking b
            WHERE b.status = 'offered' AND b.offer_expires_at <= now() ORDER BY b.offer_expires_at LIMIT 50 FOR UPDATE SKIP LOCKED`,
        )) as Array<{ id: string; slot_id: string; municipality_id: string }>;
        for (const row of stale) {
          await manager.query(`UPDATE respite_booking SET status = 'cancelled', cancel_reason = 'offer_expired', cancelled_at = now(), updated_at = now() WHERE id = $1`, [row.id]);
          await manager.query('UPDATE respite_slot SET booked = booked - 1, updated_at = now() WHERE id = $1', [row.slot_id]);
          const municipality = await this.municipalities.byId(row.municipality_id, manager);
          await this.offerPlaceToWaitlist(manager, row.slot_id, municipality.settings);
        }
        return stale.length;
      });
      expired += done;
      if (done < 50) return expired;
    }
  }

  async mine(): Promise<RespiteBooking[]> {
    const carer = await this.carers.mine();
    return this.dataSource.getRepository(RespiteBooking).find({ where: { carerId: carer.id, municipalityId: carer.municipalityId }, order: { startsAt: 'ASC' } });
  }

  private async visibleSlot(slotId: string): Promise<RespiteSlot> {
    const slot = await this.dataSource
      .getRepository(RespiteSlot)
      .createQueryBuilder('slot')
      .innerJoin(RespiteOffer, 'offer', 'offer.id = slot.offerId')
      .where('slot.id = :slotId', { slotId })
      .andWhere(':municipalityId = ANY(offer.servedMunicipalityIds)', { municipalityId: this.context.municipalityId() })
      .getOne();
    if (!slot) throw new NotFoundError('The slot');
    return slot;
  }

  private async takePlace(manager: EntityManager, slotId: string): Promise<boolean> {
    const [rows] = (await manager.query(
      'UPDATE respite_slot SET booked = booked + 1, updated_at = now() WHERE id = $1 AND booked < capacity AND cancelled_at IS NULL RETURNING id',
      [slotId],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  private async reserveBudget(manager: EntityManager, carerId: string, municipalityId: string, year: number, units: number, settings: MunicipalitySettings): Promise<void> {
    await manager.query(
      `INSERT INTO respite_budget_usage (municipality_id, carer_id, year, used) VALUES ($1, $2, $3, 0) ON CONFLICT (carer_id, year) DO NOTHING`,
      [municipalityId, carerId, year],
    );
    const usage = await manager.getRepository(RespiteBudgetUsage).findOne({ where: { carerId, year }, lock: { mode: 'pessimistic_write' } });
    const limit = settings.respiteBudget.perYear;
    if (usage!.used + units > limit) throw new BudgetExceededError(usage!.used, limit, settings.respiteBudget.unit);
    await manager.query('UPDATE respite_budget_usage SET used = used + $1, updated_at = now() WHERE id = $2', [units, usage!.id]);
  }

  private async releaseBudget(manager: EntityManager, carerId: string, year: number, units: number): Promise<void> {
    await manager.query('UPDATE respite_budget_usage SET used = GREATEST(used - $1, 0), updated_at = now() WHERE carer_id = $2 AND year = $3', [units, carerId, year]);
  }

  private insert(manager: EntityManager, booking: Partial<RespiteBooking>): Promise<RespiteBooking> {
    return manager.getRepository(RespiteBooking).save(manager.getRepository(RespiteBooking).create({ lateCancellation: false, cancelledAt: null, cancelReason: null, offerExpiresAt: null, ...booking }));
  }

  /** Holds the freed place for the first on the waiting list and mails them a link to accept it. */
  private async offerPlaceToWaitlist(manager: EntityManager, slotId: string, settings: MunicipalitySettings): Promise<void> {
    const [next] = (await manager.query(
      `SELECT id FROM respite_booking WHERE slot_id = $1 AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [slotId],
    )) as Array<{ id: string }>;
    if (!next) return;
    if (!(await this.takePlace(manager, slotId))) return;
    const expiresAt = new Date(Date.now() + settings.waitlistHoldHours * 3_600_000);
    await manager.query(`UPDATE respite_booking SET status = 'offered', offer_expires_at = $2, updated_at = now() WHERE id = $1`, [next.id, expiresAt]);
    const booking = await manager.getRepository(RespiteBooking).findOneByOrFail({ id: next.id });
    await this.queueToCarer(manager, booking, RESPITE_MESSAGES.waitlistOffer, `respite-offer.${booking.id}.${expiresAt.getTime()}`, { holdHours: settings.waitlistHoldHours });
  }

  private async queueConfirmationAndReminders(manager: EntityManager, booking: RespiteBooking, settings: MunicipalitySettings): Promise<void> {
    await this.queueToCarer(manager, booking, RESPITE_MESSAGES.confirmed, `respite-confirmed.${booking.id}`, {});
    for (const hours of settings.reminderOffsetsHours) {
      const runAt = new Date(booking.startsAt.getTime() - hours * 3_600_000);
      if (runAt.getTime() <= Date.now()) continue;
      await this.queueToCarer(manager, booking, RESPITE_MESSAGES.reminder, `respite-reminder.${booking.id}.${hours}h`, { hoursBefore: hours }, runAt);
    }
  }

  /** Reads the account through the transaction's own connection: a second pool connection here could starve the pool under load. */
  private async queueToCarer(manager: EntityManager, booking: RespiteBooking, kind: string, dedupeKey: string, params: Record<string, unknown>, runAt?: Date): Promise<void> {
    const account = await manager.getRepository(Account).findOneBy({ id: booking.accountId });
    if (!account) return;
    await this.messages.queue(manager, {
      recipient: { accountId: account.id, municipalityId: account.municipalityId, email: account.email, language: account.language, channel: 'email' },
      kind,
      params: { bookingId: booking.id, ...params },
      dedupeKey,
      runAt,
    });
  }

  private async withOverlapCheck<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
      if (code?.code === '23P01') throw new OverlappingBookingError();
      if (code?.code === '23505' && code.constraint === 'uq_respite_booking_slot_carer') throw new ConflictError('ALREADY_BOOKED', 'You already have a booking or waiting-list place for this slot.');
      throw error;
    }
  }
}
