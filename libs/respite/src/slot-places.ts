import { Injectable } from '@nestjs/common';
import { MunicipalitySettings } from '@app/identity';
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
    const [rows] = await manager.query<[unknown[], number]>(
      'UPDATE respite_slot SET booked = booked + 1, updated_at = now() WHERE id = $1 AND booked < capacity AND cancelled_at IS NULL RETURNING id',
      [slotId],
    );
    return rows.length === 1;
  }

  /** Gives a place back and holds it for the first on the waiting list, who is mailed a link to accept. */
  async free(manager: EntityManager, slotId: string, settings: MunicipalitySettings): Promise<void> {
    await manager.query('UPDATE respite_slot SET booked = booked - 1, updated_at = now() WHERE id = $1', [slotId]);
    const [next] = await manager.query<
      Array<{
        id: string;
      }>
    >(
      `SELECT id FROM respite_booking WHERE slot_id = $1 AND status = 'waitlisted' ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [slotId],
    );
    if (!next || !(await this.take(manager, slotId))) return;
    const expiresAt = new Date(Date.now() + settings.waitlistHoldHours * 3_600_000);
    await manager.query(
      `UPDATE respite_booking SET status = 'offered', offer_expires_at = $2, updated_at = now() WHERE id = $1`,
      [next.id, expiresAt],
    );
    const booking = await manager.getRepository(RespiteBooking).findOneByOrFail({ id: next.id });
    await this.messages.waitlistOffer(manager, booking, expiresAt, settings.waitlistHoldHours);
  }
}
