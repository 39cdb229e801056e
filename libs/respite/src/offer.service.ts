import { Injectable } from '@nestjs/common';
import { ConflictError, InjectMunicipalityScoped, MunicipalityScopedRepository, NotFoundError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, LessThanOrEqual } from 'typeorm';
import { RespiteBooking } from './respite-booking.entity';
import { RespiteOffer, OfferKind } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';
import { ProviderScope } from './provider-scope';
import { GeneratedSlot, SlotPattern, slotsFromPattern } from './dagdelen';
import { MunicipalityService } from '@app/identity';

export interface NewOffer {
  kind: OfferKind;
  name: string;
  providerName?: string;
  location?: string;
  suitability?: string[];
  contact?: string;
  wijkId?: string;
  /** Other municipalities (ids) whose carers may book it too (regional providers). */
  alsoServes?: string[];
}

/** Offers and their slots, managed by staff of the owning municipality. */
@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(RespiteOffer)
    private readonly offers: MunicipalityScopedRepository<RespiteOffer>,
    @InjectMunicipalityScoped(RespiteSlot)
    private readonly slots: MunicipalityScopedRepository<RespiteSlot>,
    private readonly municipalities: MunicipalityService,
    private readonly providers: ProviderScope,
  ) {}

  async create(input: NewOffer): Promise<RespiteOffer> {
    if (input.wijkId && !(await this.municipalities.wijk(input.wijkId)))
      throw new NotFoundError({ nl: 'De wijk', en: 'The wijk' });
    const draft = this.offers.create({
      kind: input.kind,
      name: input.name.trim(),
      providerName: input.providerName ?? null,
      location: input.location ?? null,
      suitability: input.suitability ?? [],
      contact: input.contact ?? null,
      wijkId: input.wijkId ?? null,
      servedMunicipalityIds: [],
    });
    draft.servedMunicipalityIds = [...new Set([draft.municipalityId, ...(input.alsoServes ?? [])])];
    return this.offers.save(draft);
  }

  /** Changes what staff may change; the kind stays, and the owning municipality always keeps serving its own carers. */
  async update(id: string, changes: Partial<Omit<NewOffer, 'kind'>>): Promise<RespiteOffer> {
    const offer = await this.owned(id);
    if (changes.wijkId && !(await this.municipalities.wijk(changes.wijkId)))
      throw new NotFoundError({ nl: 'De wijk', en: 'The wijk' });
    if (changes.name !== undefined) offer.name = changes.name.trim();
    if (changes.providerName !== undefined) offer.providerName = changes.providerName;
    if (changes.location !== undefined) offer.location = changes.location;
    if (changes.suitability !== undefined) offer.suitability = changes.suitability;
    if (changes.contact !== undefined) offer.contact = changes.contact;
    if (changes.wijkId !== undefined) offer.wijkId = changes.wijkId;
    if (changes.alsoServes !== undefined)
      offer.servedMunicipalityIds = [...new Set([offer.municipalityId, ...changes.alsoServes])];
    return this.offers.save(offer);
  }

  list(): Promise<RespiteOffer[]> {
    return this.offers.find({ order: { name: 'ASC' } });
  }

  /** An offer of this municipality, and for a provider one of their own. */
  async owned(id: string): Promise<RespiteOffer> {
    const offer = await this.offers.findOne({ id });
    if (!offer) throw new NotFoundError({ nl: 'Het aanbod', en: 'The offer' });
    await this.providers.assertOffer(offer.id);
    return offer;
  }

  async addSlot(offerId: string, slot: GeneratedSlot & { capacity: number }): Promise<RespiteSlot> {
    await this.owned(offerId);
    return this.slots.save(this.slots.create({ offerId, ...slot, booked: 0, cancelledAt: null, cancelReason: null }));
  }

  /** Slots from a weekly pattern of dagdelen, in the municipality's zone; all or none are created. */
  async generateSlots(offerId: string, pattern: SlotPattern, capacity: number): Promise<RespiteSlot[]> {
    await this.owned(offerId);
    const { timezone } = await this.municipalities.current();
    const generated = slotsFromPattern(pattern, timezone);
    return this.dataSource.transaction(async (manager) => {
      const created: RespiteSlot[] = [];
      // One after another: a transaction's connection runs one statement at a time.
      for (const slot of generated)
        created.push(
          await this.slots.save(
            this.slots.create({ offerId, ...slot, capacity, booked: 0, cancelledAt: null, cancelReason: null }),
            manager,
          ),
        );
      return created;
    });
  }

  /** An offer's slots from one instant to another, by start (staff's planning and occupancy grid). */
  async slotsOf(offerId: string, from: Date, to: Date): Promise<RespiteSlot[]> {
    await this.owned(offerId);
    return this.slots.find({
      where: { offerId, startsAt: Between(from, to) },
      order: { startsAt: 'ASC' },
      take: 500,
    });
  }

  /** Raises or lowers capacity; never below the places already taken. */
  async changeCapacity(slotId: string, capacity: number): Promise<RespiteSlot> {
    const slot = await this.slots.findOne({ id: slotId });
    if (!slot) throw new NotFoundError({ nl: 'Het tijdvak', en: 'The slot' });
    await this.providers.assertSlot(slot.id);
    const changed = await this.slots.update({ id: slotId, booked: LessThanOrEqual(capacity) }, { capacity });
    if (changed === 0)
      throw new ConflictError('CAPACITY_BELOW_BOOKED', {
        nl: `Er zijn al meer dan ${capacity} plaatsen bezet.`,
        en: `More than ${capacity} places are already taken.`,
      });
    return (await this.slots.findOne({ id: slotId }))!;
  }

  /** Bookings and waiting-list places of a slot of this municipality's offers, in booking order. */
  async bookingsOf(slotId: string): Promise<RespiteBooking[]> {
    if (!(await this.slots.findOne({ id: slotId }))) throw new NotFoundError({ nl: 'Het tijdvak', en: 'The slot' });
    await this.providers.assertSlot(slotId);
    return this.dataSource
      .getRepository(RespiteBooking)
      .find({ where: { slotId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
