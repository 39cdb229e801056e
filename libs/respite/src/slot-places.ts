import { Injectable } from '@nestjs/common';
import { MunicipalitySettings } from '@app/identity';
import { preparedQuery } from '@app/platform';
import { EntityManager } from 'typeorm';
import { BookingMessages } from './booking-messages';
import { RespiteBooking } from './respite-booking.entity';

/**
 * Places of a slot. Taking one is a conditional UPDATE, so concurrent bookings queue on the
 * slot's row and never pass capacity; a freed place goes first to the waiting list.
 */
@Injectable()
export class SlotPlaces {
  constructor(private readonly messages: BookingMessages) {}

  async take(manager: EntityManager, slotId: string): Promise<boolean> {
    const rows = await preparedQuery(
      manager,
      'UPDATE respite_slot SET booked = booked + 1, updated_at = now() WHERE id = $1 AND booked < capacity AND cancelled_at IS NULL RETURNING id',
      [slotId],
    );
    return rows.length === 1;
  }

  /**
   * Gives a place back and holds it for the first on the waiting list who can take it, who is
   * mailed a link to accept. A waiting carer who meanwhile holds an overlapping booking for the
   * same care relationship cannot: their waiting entry ends (reason `overlapping_booking`) and
   * the next one is tried, so someone else's cancellation never fails on it.
   */
  async free(manager: EntityManager, slotId: string, settings: MunicipalitySettings): Promise<void> {
    await manager.query('UPDATE respite_slot SET booked = booked - 1, updated_at = now() WHERE id = $1', [slotId]);
    const waiting = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM respite_booking WHERE slot_id = $1 AND status = 'waitlisted'
        ORDER BY created_at, id LIMIT ${WAITING_TRIED} FOR UPDATE SKIP LOCKED`,
      [slotId],
    );
    if (waiting.length === 0 || !(await this.take(manager, slotId))) return;
    const expiresAt = new Date(Date.now() + settings.waitlistHoldHours * 3_600_000);
    for (const { id } of waiting) {
      if (await this.offer(manager, id, expiresAt)) {
        const booking = await manager.getRepository(RespiteBooking).findOneByOrFail({ id });
        await this.messages.waitlistOffer(manager, booking, expiresAt, settings.waitlistHoldHours);
        return;
      }
      await manager.query(
        `UPDATE respite_booking SET status = 'cancelled', cancel_reason = 'overlapping_booking', cancelled_at = now(),
                updated_at = now() WHERE id = $1`,
        [id],
      );
    }
    // Nobody on the list could take it: the place stays free.
    await manager.query('UPDATE respite_slot SET booked = booked - 1, updated_at = now() WHERE id = $1', [slotId]);
  }

  /** Offers the place; false when the database refuses it for an overlapping live booking of the same care relationship. */
  private async offer(manager: EntityManager, bookingId: string, expiresAt: Date): Promise<boolean> {
    await manager.query('SAVEPOINT offer_place');
    try {
      await manager.query(
        `UPDATE respite_booking SET status = 'offered', offer_expires_at = $2, updated_at = now() WHERE id = $1`,
        [bookingId, expiresAt],
      );
      await manager.query('RELEASE SAVEPOINT offer_place');
      return true;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT offer_place');
      if (driverCodeOf(error) === EXCLUSION_VIOLATION) return false;
      throw error;
    }
  }
}

/** How many waiting entries one freed place looks at, at most. */
const WAITING_TRIED = 50;
const EXCLUSION_VIOLATION = '23P01';

function driverCodeOf(error: unknown): string | undefined {
  return (
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code
  );
}
