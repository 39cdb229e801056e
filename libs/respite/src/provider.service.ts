import { Injectable } from '@nestjs/common';
import { FieldCipher, RequestContext, ValidationFailedError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { OfferProvider } from './offer-provider.entity';
import { OfferService } from './offer.service';
import { RespiteOffer } from './respite-offer.entity';

/** What a provider sees of a booking: nothing more than they need to receive the person. */
export interface ProviderBookingView {
  id: string;
  status: string;
  firstName: string;
  relation: string;
  sharedNeeds: string | null;
}

/** Which provider accounts run an offer (admins bind them), and what providers see of their offers. */
@Injectable()
export class ProviderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OfferService,
    private readonly cipher: FieldCipher,
    private readonly context: RequestContext,
  ) {}

  /** Sets the providers of an offer, replacing the earlier list; each must be a provider account here. */
  async bind(offerId: string, accountIds: string[]): Promise<string[]> {
    const offer = await this.offers.owned(offerId);
    const ids = [...new Set(accountIds)];
    const found = ids.length
      ? await this.dataSource.query<Array<{ id: string }>>(
          `SELECT id FROM account WHERE id = ANY($1) AND municipality_id = $2 AND role = 'provider' AND disabled_at IS NULL`,
          [ids, offer.municipalityId],
        )
      : [];
    if (found.length !== ids.length)
      throw new ValidationFailedError([
        { field: 'accountIds', message: 'each must be a provider account of this municipality' },
      ]);
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(OfferProvider, { offerId: offer.id });
      if (ids.length > 0)
        await manager.insert(
          OfferProvider,
          ids.map((accountId) => ({ offerId: offer.id, accountId, municipalityId: offer.municipalityId })),
        );
    });
    return ids;
  }

  async providersOf(offerId: string): Promise<string[]> {
    const offer = await this.offers.owned(offerId);
    const rows = await this.dataSource.getRepository(OfferProvider).findBy({ offerId: offer.id });
    return rows.map((row) => row.accountId);
  }

  /** The offers the signed-in provider runs. */
  async mine(): Promise<RespiteOffer[]> {
    const bound = await this.dataSource.getRepository(OfferProvider).findBy({ accountId: this.context.actor().id });
    if (bound.length === 0) return [];
    return this.dataSource
      .getRepository(RespiteOffer)
      .find({ where: { id: In(bound.map((row) => row.offerId)) }, order: { name: 'ASC' } });
  }

  /** Who is booked on a slot of one's own offer: first name, who they care for, and what they chose to share. */
  async bookingsOf(slotId: string): Promise<ProviderBookingView[]> {
    const bookings = await this.offers.bookingsOf(slotId);
    if (bookings.length === 0) return [];
    const people = await this.dataSource.query<Array<{ id: string; first_name: string; relation: string }>>(
      `SELECT b.id, c.first_name, r.relation FROM respite_booking b
         JOIN carer c ON c.id = b.carer_id JOIN care_relationship r ON r.id = b.care_relationship_id
        WHERE b.id = ANY($1)`,
      [bookings.map((booking) => booking.id)],
    );
    const byId = new Map(people.map((row) => [row.id, row]));
    return bookings.map((booking) => ({
      id: booking.id,
      status: booking.status,
      firstName: byId.get(booking.id)?.first_name ?? '',
      relation: byId.get(booking.id)?.relation ?? '',
      sharedNeeds: booking.sharedNeedsEncrypted ? this.cipher.decrypt(booking.sharedNeedsEncrypted) : null,
    }));
  }
}
