import { Injectable } from '@nestjs/common';
import { Municipality } from '@app/identity';
import { DateTime } from 'luxon';
import { EntityManager, MoreThan, QueryFailedError } from 'typeorm';
import { BookingMessages } from './booking-messages';
import { releaseBudget, reserveBudget } from './budget-ledger';
import { BudgetExceededError } from './respite-errors';
import { budgetUnits, DAGDEEL_TIMES } from './dagdelen';
import { RespiteBooking } from './respite-booking.entity';
import { RespiteOffer } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';

export const VOLUNTEER_AT_HOME_OFFER = 'Respijtzorg thuis door een vrijwilliger';

export interface AtHomeRespite {
  municipality: Municipality;
  carerId: string;
  accountId: string;
  careRelationshipId: string;
  dates: Array<{ date: string; dagdeel: 'ochtend' | 'middag' | 'avond' }>;
  /** The volunteer match the bookings belong to. */
  matchId?: string;
}

export interface UnbookedDate {
  date: string;
  dagdeel: string;
  reason: 'budget' | 'overlap';
}

export interface AtHomeOutcome {
  booked: RespiteBooking[];
  /** Dates the carer's budget or an earlier booking left out; the rest stand. */
  unbooked: UnbookedDate[];
}

/**
 * Respite at home by a volunteer becomes bookings once the volunteer accepts: one slot of one
 * place per wanted dagdeel, under the municipality's volunteer at-home offer, booked for the
 * carer with the same budget, overlap and reminder rules as any booking. Runs in the caller's transaction.
 */
@Injectable()
export class AtHomeBookings {
  constructor(private readonly messages: BookingMessages) {}

  /**
   * Books each wanted date on its own: a date the budget no longer covers, or one that overlaps
   * an earlier booking, is left out (rolled back to its savepoint) and reported; the rest stand.
   */
  async book(manager: EntityManager, respite: AtHomeRespite): Promise<AtHomeOutcome> {
    const offer = await this.volunteerOffer(manager, respite.municipality.id);
    const outcome: AtHomeOutcome = { booked: [], unbooked: [] };
    for (const wanted of respite.dates) {
      await manager.query('SAVEPOINT at_home_date');
      try {
        outcome.booked.push(await this.bookOne(manager, respite, offer, wanted));
        await manager.query('RELEASE SAVEPOINT at_home_date');
      } catch (error) {
        const reason = error instanceof BudgetExceededError ? 'budget' : isOverlap(error) ? 'overlap' : null;
        if (!reason) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT at_home_date');
        outcome.unbooked.push({ date: wanted.date, dagdeel: wanted.dagdeel, reason });
      }
    }
    return outcome;
  }

  /**
   * The match ended: its bookings still to come are cancelled, their budget given back and their
   * reminders dropped. Returns the cancelled bookings (the caller tells the carer once).
   */
  async cancelForMatch(manager: EntityManager, matchId: string): Promise<RespiteBooking[]> {
    const bookings = await manager.getRepository(RespiteBooking).find({
      where: { matchId, status: 'confirmed', startsAt: MoreThan(new Date()) },
      order: { startsAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const booking of bookings) {
      await releaseBudget(manager, booking.carerId, booking.year, booking.units);
      Object.assign(booking, {
        status: 'cancelled',
        cancelledAt: new Date(),
        cancelReason: 'match_ended',
        sequence: booking.sequence + 1,
      });
      await manager.getRepository(RespiteBooking).save(booking);
      await manager
        .getRepository(RespiteSlot)
        .update({ id: booking.slotId }, { cancelledAt: new Date(), cancelReason: 'match_ended', booked: 0 });
      await this.messages.dropReminders(manager, booking.id);
    }
    return bookings;
  }

  private async bookOne(
    manager: EntityManager,
    respite: AtHomeRespite,
    offer: RespiteOffer,
    wanted: { date: string; dagdeel: 'ochtend' | 'middag' | 'avond' },
  ): Promise<RespiteBooking> {
    const { municipality } = respite;
    const times = DAGDEEL_TIMES[wanted.dagdeel];
    const at = (clock: string) =>
      DateTime.fromISO(`${wanted.date}T${clock}`, { zone: municipality.timezone }).toJSDate();
    const startsAt = at(times.from);
    const endsAt = at(times.to);
    const slot = await manager.getRepository(RespiteSlot).save(
      manager.getRepository(RespiteSlot).create({
        municipalityId: municipality.id,
        offerId: offer.id,
        startsAt,
        endsAt,
        dagdeel: wanted.dagdeel,
        capacity: 1,
        booked: 1,
        cancelledAt: null,
        cancelReason: null,
      }),
    );
    const year = DateTime.fromJSDate(startsAt).setZone(municipality.timezone).year;
    const units = budgetUnits(municipality.settings.respiteBudget.unit, startsAt, endsAt);
    await reserveBudget(
      manager,
      { carerId: respite.carerId, municipalityId: municipality.id },
      year,
      units,
      municipality.settings.respiteBudget,
    );
    const repository = manager.getRepository(RespiteBooking);
    const booking = await repository.save(
      repository.create({
        municipalityId: municipality.id,
        slotId: slot.id,
        carerId: respite.carerId,
        accountId: respite.accountId,
        careRelationshipId: respite.careRelationshipId,
        status: 'confirmed',
        startsAt,
        endsAt,
        year,
        units,
        lateCancellation: false,
        cancelledAt: null,
        cancelReason: null,
        offerExpiresAt: null,
        matchId: respite.matchId ?? null,
      }),
    );
    await this.messages.confirmAndRemind(manager, booking, municipality.settings);
    return booking;
  }

  /** The municipality's at-home offer for volunteer respite, made on first use (serialised by an advisory lock). */
  private async volunteerOffer(manager: EntityManager, municipalityId: string): Promise<RespiteOffer> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('respite-volunteer-offer:' || $1))`, [municipalityId]);
    const repository = manager.getRepository(RespiteOffer);
    const existing = await repository.findOneBy({ municipalityId, kind: 'at_home', name: VOLUNTEER_AT_HOME_OFFER });
    if (existing) return existing;
    return repository.save(
      repository.create({
        municipalityId,
        servedMunicipalityIds: [municipalityId],
        kind: 'at_home',
        name: VOLUNTEER_AT_HOME_OFFER,
        providerName: null,
        location: null,
        wijkId: null,
        suitability: [],
        contact: null,
      }),
    );
  }
}

/** An exclusion-constraint violation: the carer already has respite at that time. */
function isOverlap(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01';
}
