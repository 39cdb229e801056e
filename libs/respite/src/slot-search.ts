import { Injectable } from '@nestjs/common';
import { DomainError, Page, preparedQuery, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OfferKind } from './respite-offer.entity';

export interface SlotSearch {
  from: string;
  to: string;
  kind?: OfferKind;
  suitability?: string;
  /** Offers in this wijk. */
  wijkId?: string;
  /** Offers run from this municipality (of the ones serving the carer's). */
  municipalityId?: string;
  onlyAvailable?: boolean;
  limit?: number;
  cursor?: string;
}

export interface SlotListing {
  id: string;
  offerId: string;
  offerName: string;
  kind: OfferKind;
  location: string | null;
  wijkId: string | null;
  suitability: string[];
  startsAt: Date;
  endsAt: Date;
  dagdeel: string;
  capacity: number;
  remaining: number;
}

const MAX_RANGE_DAYS = 62;

/** Slots carers of the acting municipality may book (their own offers and regional ones), by start time. */
@Injectable()
export class SlotSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  async search(search: SlotSearch): Promise<Page<SlotListing>> {
    const from = new Date(search.from);
    const to = new Date(search.to);
    if (!(to > from) || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        {
          nl: `to moet later zijn dan from, hoogstens ${MAX_RANGE_DAYS} dagen later.`,
          en: `to must be after from, at most ${MAX_RANGE_DAYS} days later.`,
        },
        [{ field: 'to', message: `to must be after from and within ${MAX_RANGE_DAYS} days` }],
      );
    }
    const limit = search.limit ?? 50;
    const params: unknown[] = [this.context.municipalityId(), from, to, limit + 1];
    const conditions = [
      '$1 = ANY(offer.served_municipality_ids)',
      'slot.starts_at >= $2',
      'slot.starts_at < $3',
      'slot.cancelled_at IS NULL',
    ];
    if (search.kind) conditions.push(`offer.kind = $${params.push(search.kind)}`);
    if (search.suitability) conditions.push(`$${params.push(search.suitability)} = ANY(offer.suitability)`);
    if (search.wijkId) conditions.push(`offer.wijk_id = $${params.push(search.wijkId)}`);
    if (search.municipalityId) conditions.push(`offer.municipality_id = $${params.push(search.municipalityId)}`);
    if (search.onlyAvailable) conditions.push('slot.booked < slot.capacity');
    if (search.cursor) {
      const [startsAt, id] = Buffer.from(search.cursor, 'base64url').toString('utf8').split('|');
      if (!startsAt || !id || Number.isNaN(Date.parse(startsAt)) || !/^[0-9a-f-]{36}$/.test(id))
        throw new DomainError('INVALID_CURSOR', 400, {
          nl: 'De cursor is ongeldig; begin opnieuw zonder cursor.',
          en: 'The cursor is not valid; start again without it.',
        });
      conditions.push(`(slot.starts_at, slot.id) > ($${params.push(startsAt)}, $${params.push(id)})`);
    }
    const rows = await preparedQuery<Record<string, never>>(
      this.dataSource,
      `SELECT slot.id, slot.offer_id, offer.name AS offer_name, offer.kind, offer.location, offer.wijk_id, offer.suitability, slot.starts_at, slot.ends_at, slot.dagdeel, slot.capacity, slot.booked
         FROM respite_slot slot JOIN respite_offer offer ON offer.id = slot.offer_id
        WHERE ${conditions.join(' AND ')}
        ORDER BY slot.starts_at, slot.id LIMIT $4`,
      params,
    );
    const items: SlotListing[] = rows.slice(0, limit).map((row) => ({
      id: row.id,
      offerId: row.offer_id,
      offerName: row.offer_name,
      kind: row.kind,
      location: row.location,
      wijkId: row.wijk_id,
      suitability: row.suitability,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      dagdeel: row.dagdeel,
      capacity: row.capacity,
      remaining: Number(row.capacity) - Number(row.booked),
    }));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(`${last.startsAt.toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  }
}
