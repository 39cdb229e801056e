import { Injectable } from '@nestjs/common';
import { NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * What a provider may reach: only the offers they are bound to, and those offers' slots and
 * bookings. Anything else is "not found", as another municipality's record is. Staff and
 * admins pass: the municipality scope of the services still holds for them.
 */
@Injectable()
export class ProviderScope {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  private isProvider(): boolean {
    return this.context.actor().role === 'provider';
  }

  async assertOffer(offerId: string): Promise<void> {
    if (!this.isProvider()) return;
    const bound = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM offer_provider WHERE offer_id = $1 AND account_id = $2',
      [offerId, this.context.actor().id],
    );
    if (bound.length === 0) throw new NotFoundError({ nl: 'Het aanbod', en: 'The offer' });
  }

  async assertSlot(slotId: string): Promise<void> {
    if (!this.isProvider()) return;
    const bound = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM respite_slot s JOIN offer_provider p ON p.offer_id = s.offer_id
        WHERE s.id = $1 AND p.account_id = $2`,
      [slotId, this.context.actor().id],
    );
    if (bound.length === 0) throw new NotFoundError({ nl: 'Het tijdvak', en: 'The slot' });
  }

  async assertBooking(bookingId: string): Promise<void> {
    if (!this.isProvider()) return;
    const bound = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM respite_booking b JOIN respite_slot s ON s.id = b.slot_id
         JOIN offer_provider p ON p.offer_id = s.offer_id
        WHERE b.id = $1 AND p.account_id = $2`,
      [bookingId, this.context.actor().id],
    );
    if (bound.length === 0) throw new NotFoundError({ nl: 'De boeking', en: 'The booking' });
  }
}
