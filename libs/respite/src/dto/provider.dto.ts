import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class OfferProvidersDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Accounts of role provider of this municipality' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  accountIds: string[];
}

export class ProviderBookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show'] }) status: string;
  @ApiProperty({ description: "The carer's first name only" }) firstName: string;
  @ApiProperty({
    enum: ['partner', 'parent', 'child', 'other_family', 'friend', 'neighbour', 'other'],
    description: 'Who the carer cares for',
  })
  relation: string;
  @ApiProperty({ nullable: true, type: String, description: 'What the carer chose to tell the provider' })
  sharedNeeds: string | null;
}

export class ProviderBookingListDto {
  @ApiProperty({ type: [ProviderBookingDto] }) items: ProviderBookingDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
