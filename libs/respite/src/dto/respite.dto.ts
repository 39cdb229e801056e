import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ISO_WITH_OFFSET,
  LOCAL_DATE,
  Omittable,
  PageQuery,
  queryBoolean,
  queryInstant,
  queryInstantMessage,
} from '@app/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { RespiteBooking } from '../respite-booking.entity';
import { OFFER_KINDS, OfferKind, RespiteOffer } from '../respite-offer.entity';
import { RespiteSlot } from '../respite-slot.entity';
import { SlotListing } from '../slot-search';

export class CreateOfferDto {
  @ApiProperty({ enum: OFFER_KINDS }) @IsIn(OFFER_KINDS) kind: OfferKind;
  @ApiProperty({ example: 'Dagbesteding De Linde', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) providerName?: string;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional({ type: [String], example: ['dementia'] })
  @Omittable()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  suitability?: string[];
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) contact?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Wijk of this municipality the offer is in' })
  @IsOptional()
  @IsUUID()
  wijkId?: string;
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Other municipalities whose carers may book this (regional provider)',
  })
  @Omittable()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true })
  alsoServes?: string[];
}

/** Only the fields sent change; null empties a field that may be empty and is refused for one that may not (the name). */
export class UpdateOfferDto extends OmitType(PartialType(CreateOfferDto, { skipNullProperties: false }), [
  'kind',
] as const) {}

export class OfferDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) providerName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) location: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) wijkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contact: string | null;
  @ApiProperty({ type: [String] }) suitability: string[];
  @ApiProperty({ type: [String] }) servedMunicipalityIds: string[];

  static from(offer: RespiteOffer): OfferDto {
    return {
      id: offer.id,
      kind: offer.kind,
      name: offer.name,
      providerName: offer.providerName,
      location: offer.location,
      wijkId: offer.wijkId,
      contact: offer.contact,
      suitability: offer.suitability,
      servedMunicipalityIds: offer.servedMunicipalityIds,
    };
  }
}

export class OfferListDto {
  @ApiProperty({ type: [OfferDto] }) items: OfferDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class CreateSlotDto {
  @ApiProperty({ example: '2026-12-01T09:00:00+01:00' })
  @Matches(ISO_WITH_OFFSET, { message: 'startsAt must be ISO 8601 with an offset' })
  @IsISO8601()
  startsAt: string;
  @ApiProperty({ example: '2026-12-01T13:00:00+01:00' })
  @Matches(ISO_WITH_OFFSET, { message: 'endsAt must be ISO 8601 with an offset' })
  @IsISO8601()
  endsAt: string;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) capacity: number;
}

export class GenerateSlotsDto {
  @ApiProperty({ example: '2026-12-01' }) @Matches(LOCAL_DATE) @IsISO8601({ strict: true }) from: string;
  @ApiProperty({ example: '2026-12-31' }) @Matches(LOCAL_DATE) @IsISO8601({ strict: true }) to: string;
  @ApiProperty({ type: [Number], description: 'ISO weekdays, 1 = Monday', example: [1, 3, 5] })
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays: number[];
  @ApiProperty({ enum: ['ochtend', 'middag', 'avond'], isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(['ochtend', 'middag', 'avond'], { each: true })
  dagdelen: Array<'ochtend' | 'middag' | 'avond'>;
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) capacity: number;
}

export class ChangeCapacityDto {
  @ApiProperty({ minimum: 1, maximum: 500 }) @IsInt() @Min(1) @Max(500) capacity: number;
}

export class SlotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: ['ochtend', 'middag', 'avond', 'custom'] }) dagdeel: string;
  @ApiProperty() capacity: number;
  @ApiProperty() remaining: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;

  static from(slot: RespiteSlot): SlotDto {
    return {
      id: slot.id,
      offerId: slot.offerId,
      startsAt: slot.startsAt.toISOString(),
      endsAt: slot.endsAt.toISOString(),
      dagdeel: slot.dagdeel,
      capacity: slot.capacity,
      remaining: slot.capacity - slot.booked,
      cancelledAt: slot.cancelledAt?.toISOString() ?? null,
    };
  }
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] }) items: SlotDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class SlotListingDto extends SlotDto {
  @ApiProperty() offerName: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) location: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) wijkId: string | null;
  @ApiProperty({ type: [String] }) suitability: string[];

  static fromListing(listing: SlotListing): SlotListingDto {
    return {
      ...listing,
      startsAt: listing.startsAt.toISOString(),
      endsAt: listing.endsAt.toISOString(),
      cancelledAt: null,
    };
  }
}

export class SlotSearchQuery extends PageQuery {
  @ApiProperty({ example: '2026-12-01T00:00:00+01:00' })
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET, { message: queryInstantMessage('from') })
  from: string;
  @ApiProperty({ example: '2026-12-08T00:00:00+01:00' })
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET, { message: queryInstantMessage('to') })
  to: string;
  @ApiPropertyOptional({ enum: OFFER_KINDS }) @IsOptional() @IsIn(OFFER_KINDS) kind?: OfferKind;
  @ApiPropertyOptional({ example: 'dementia' }) @IsOptional() @IsString() @MaxLength(40) suitability?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only offers in this wijk' })
  @IsOptional()
  @IsUUID()
  wijkId?: string;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only offers run from this municipality (regional offers come from several)',
  })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;
  @ApiPropertyOptional({ description: 'Only slots with places left' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  onlyAvailable?: boolean;
}

export class CreateBookingDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() slotId: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() careRelationshipId: string;
  @ApiPropertyOptional({ description: 'When full, join the waiting list instead of failing' })
  @IsOptional()
  @IsBoolean()
  joinWaitlist?: boolean;
  @ApiPropertyOptional({
    maxLength: 500,
    description: 'What the provider should know (a wheelchair, a diet); the provider reads it, stored encrypted',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  sharedNeeds?: string;
}

export class CancelBookingDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class BookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show'] }) status: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) careRelationshipId: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ description: 'Budget this booking takes' }) units: number;
  @ApiProperty() lateCancellation: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) offerExpiresAt: string | null;

  static from(booking: RespiteBooking): BookingDto {
    return {
      id: booking.id,
      status: booking.status,
      slotId: booking.slotId,
      careRelationshipId: booking.careRelationshipId,
      startsAt: booking.startsAt.toISOString(),
      endsAt: booking.endsAt.toISOString(),
      units: booking.units,
      lateCancellation: booking.lateCancellation,
      offerExpiresAt: booking.offerExpiresAt?.toISOString() ?? null,
    };
  }
}

export class BookingListDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class MoveBookingDto {
  @ApiProperty({ format: 'uuid', description: 'The slot to move to' }) @IsUUID() slotId: string;
}

export class CancelSlotDto {
  @ApiProperty({ maxLength: 500, description: 'Why the slot is called off; kept for staff' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

export class SlotCancellationDto {
  @ApiProperty({ type: SlotDto }) slot: SlotDto;
  @ApiProperty({ description: 'Bookings and waiting-list places ended; each carer is told' }) bookingsCancelled: number;
}

export class BookingAttendanceDto {
  @ApiProperty({ enum: ['attended', 'no_show'] }) @IsIn(['attended', 'no_show']) outcome: 'attended' | 'no_show';
}

export class SlotBookingDto extends BookingDto {
  @ApiProperty({ format: 'uuid' }) carerId: string;

  static fromBooking(booking: RespiteBooking): SlotBookingDto {
    return { ...BookingDto.from(booking), carerId: booking.carerId };
  }
}

export class SlotBookingListDto {
  @ApiProperty({ type: [SlotBookingDto] }) items: SlotBookingDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
