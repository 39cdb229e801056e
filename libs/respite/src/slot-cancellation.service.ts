import { Injectable } from '@nestjs/common';
import { RequestContext, NotFoundError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BookingMessages } from './booking-messages';
import { ProviderScope } from './provider-scope';
import { releaseBudget } from './budget-ledger';
import { RespiteBooking } from './respite-booking.entity';
import { RespiteSlot } from './respite-slot.entity';

export interface SlotCancellation {
  slot: RespiteSlot;
  bookingsCancelled: number;
}

/**
 * Staff call off a slot: every booking and waiting-list place on it ends, confirmed bookings
 * give their budget back (not the carer's doing), reminders are dropped and each carer is told.
 */
@Injectable()
export class SlotCancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: BookingMessages,
    private readonly context: RequestContext,
    private readonly providers: ProviderScope,
  ) {}

  async cancel(slotId: string, reason: string): Promise<SlotCancellation> {
    await this.providers.assertSlot(slotId);
    return this.dataSource.transaction(async (manager) => {
      const slot = await manager.getRepository(RespiteSlot).findOne({
        where: { id: slotId, municipalityId: this.context.municipalityId() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!slot) throw new NotFoundError({ nl: 'Het tijdvak', en: 'The slot' });
      if (slot.cancelledAt) return { slot, bookingsCancelled: 0 };
      const bookings = await manager.getRepository(RespiteBooking).find({
        where: { slotId, status: In(['confirmed', 'offered', 'waitlisted']) },
        order: { createdAt: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      for (const booking of bookings) {
        if (booking.status === 'confirmed') await releaseBudget(manager, booking.carerId, booking.year, booking.units);
        Object.assign(booking, {
          status: 'cancelled',
          cancelledAt: new Date(),
          cancelReason: 'slot_cancelled',
          offerExpiresAt: null,
          sequence: booking.sequence + 1,
        });
        await manager.getRepository(RespiteBooking).save(booking);
        await this.messages.dropReminders(manager, booking.id);
        await this.messages.slotCancelled(manager, booking);
      }
      Object.assign(slot, { cancelledAt: new Date(), cancelReason: reason, booked: 0 });
      await manager.getRepository(RespiteSlot).save(slot);
      return { slot, bookingsCancelled: bookings.length };
    });
  }
}
