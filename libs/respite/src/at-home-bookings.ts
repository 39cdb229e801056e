import { Injectable } from '@nestjs/common';
import { Municipality } from '@app/identity';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { BookingMessages } from './booking-messages';
import { reserveBudget } from './budget-ledger';
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
}

/**
 * Respite at home by a volunteer becomes bookings once the volunteer accepts: one slot of one
 * place per wanted dagdeel, under the municipality's volunteer at-home offer, booked for the
 * carer with the same budget, overlap and reminder rules as any booking. Runs in the caller's transaction.
 */
@Injectable()
export class AtHomeBookings {
  constructor(private readonly messages: BookingMessages) {}

  async book(manager: EntityManager, respite: AtHomeRespite): Promise<RespiteBooking[]> {
    const { municipality } = respite;
    const offer = await this.volunteerOffer(manager, municipality.id);
    const bookings: RespiteBooking[] = [];
    for (const wanted of respite.dates) {
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
        }),
      );
      await this.messages.confirmAndRemind(manager, booking, municipality.settings);
      bookings.push(booking);
    }
    return bookings;
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
