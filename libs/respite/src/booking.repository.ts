import { Injectable } from '@nestjs/common';
import { insertRows, preparedQuery } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RespiteBooking } from './respite-booking.entity';
import { RespiteSlot } from './respite-slot.entity';

/** A waiting-list place whose hold window has passed. */
export interface ExpiredOfferRow {
  id: string;
  slotId: string;
  municipalityId: string;
}

/** What booking needs of a slot. */
export type BookableSlot = Pick<RespiteSlot, 'id' | 'startsAt' | 'endsAt' | 'capacity' | 'booked' | 'cancelledAt'>;

/** The statements on bookings and their slots; BookingService keeps the rules. */
@Injectable()
export class BookingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A slot of an offer that serves the municipality, or null: plain SQL, since every booking reads it. */
  async visibleSlot(slotId: string, municipalityId: string): Promise<BookableSlot | null> {
    const [slot] = await preparedQuery<BookableSlot>(
      this.dataSource,
      `SELECT slot.id, slot.starts_at AS "startsAt", slot.ends_at AS "endsAt", slot.capacity, slot.booked,
              slot.cancelled_at AS "cancelledAt"
         FROM respite_slot slot JOIN respite_offer offer ON offer.id = slot.offer_id
        WHERE slot.id = $1 AND $2 = ANY(offer.served_municipality_ids)`,
      [slotId, municipalityId],
    );
    return slot ?? null;
  }

  /** Whether the slot is full, read under its row lock so no place can be freed meanwhile. */
  async isFullLocked(manager: EntityManager, slotId: string): Promise<boolean> {
    const [slot] = await manager.query<Array<{ booked: number; capacity: number }>>(
      'SELECT booked, capacity FROM respite_slot WHERE id = $1 FOR UPDATE',
      [slotId],
    );
    return !slot || slot.booked >= slot.capacity;
  }

  /** The booking under a row lock, if it belongs to the owner (municipality, and carer when given). */
  lockOwned(
    manager: EntityManager,
    bookingId: string,
    owner: { municipalityId: string; carerId?: string },
  ): Promise<RespiteBooking | null> {
    return manager
      .getRepository(RespiteBooking)
      .createQueryBuilder('booking')
      .setLock('pessimistic_write')
      .where('booking.id = :bookingId AND booking.municipalityId = :municipalityId', {
        bookingId,
        municipalityId: owner.municipalityId,
      })
      .andWhere(owner.carerId ? 'booking.carerId = :carerId' : 'TRUE', { carerId: owner.carerId })
      .getOne();
  }

  lock(manager: EntityManager, bookingId: string): Promise<RespiteBooking | null> {
    return manager
      .getRepository(RespiteBooking)
      .findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Columns not given take their defaults. */
  async insert(manager: EntityManager, booking: Partial<RespiteBooking>): Promise<RespiteBooking> {
    const [inserted] = await insertRows(manager, RespiteBooking, [booking]);
    return inserted;
  }

  save(manager: EntityManager, booking: RespiteBooking): Promise<RespiteBooking> {
    return manager.getRepository(RespiteBooking).save(booking);
  }

  ofCarer(carerId: string, municipalityId: string): Promise<RespiteBooking[]> {
    return this.dataSource
      .getRepository(RespiteBooking)
      .find({ where: { carerId, municipalityId }, order: { startsAt: 'ASC' } });
  }

  /** Up to `limit` offers past their hold window, locked; rows another worker holds are skipped. */
  /** Waiting-list offers past their hold window, oldest first (all municipalities). */
  async expiredOfferIds(limit: number): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM respite_booking WHERE status = 'offered' AND offer_expires_at <= now()
        ORDER BY offer_expires_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** The offer under its row lock if it is still offered and expired; null when another worker has it or it changed. */
  async lockExpiredOffer(manager: EntityManager, bookingId: string): Promise<ExpiredOfferRow | null> {
    const [row] = await manager.query<ExpiredOfferRow[]>(
      `SELECT id, slot_id AS "slotId", municipality_id AS "municipalityId" FROM respite_booking
        WHERE id = $1 AND status = 'offered' AND offer_expires_at <= now() FOR UPDATE SKIP LOCKED`,
      [bookingId],
    );
    return row ?? null;
  }

  async cancelExpiredOffer(manager: EntityManager, bookingId: string): Promise<void> {
    await manager.query(
      `UPDATE respite_booking SET status = 'cancelled', cancel_reason = 'offer_expired', cancelled_at = now(), updated_at = now() WHERE id = $1`,
      [bookingId],
    );
  }
}
