import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { HOUSE_NUMBER_PATTERN, POSTCODE_PATTERN } from '@app/identity';
import { KINDS_OF_CARE, KindOfCare, Relation, RELATIONS } from '../care-relationship.entity';
import { CareRelationshipView } from '../care-relationship.service';

export class CreateCareRelationshipDto {
  @ApiProperty({ example: 'M.', description: 'First name or initials only', maxLength: 40 })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @Matches(/^[^\s]+( [^\s]+)?$/, { message: 'careRecipientName must be a first name or initials only' })
  careRecipientName: string;

  @ApiProperty({ enum: RELATIONS }) @IsIn(RELATIONS) relation: Relation;
  @ApiProperty() @IsBoolean() livesInMunicipality: boolean;

  @ApiProperty({ example: '2021-03-01', description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'since must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  since: string;

  @ApiProperty({ minimum: 0, maximum: 168, example: 12 })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(168)
  hoursPerWeek: number;

  @ApiPropertyOptional({ enum: KINDS_OF_CARE, isArray: true, description: 'Health data: needs health_data consent' })
  @IsOptional()
  @ArrayMaxSize(KINDS_OF_CARE.length)
  @IsIn(KINDS_OF_CARE, { each: true })
  kindsOfCare?: KindOfCare[];

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Health free text: needs health_data consent; stored encrypted',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({
    example: '1121 AB',
    description:
      "The cared-for person's postcode, with careRecipientHouseNumber: kept only as a keyed hash, to recognise carers of the same person",
  })
  @IsOptional()
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'careRecipientPostcode must be a Dutch postcode such as 1121 AB' })
  careRecipientPostcode?: string;

  @ApiPropertyOptional({ example: '12a', description: 'With careRecipientPostcode' })
  @IsOptional()
  @IsString()
  @Matches(HOUSE_NUMBER_PATTERN, { message: 'careRecipientHouseNumber must be a house number such as 12 or 12a' })
  careRecipientHouseNumber?: string;
}

export class UpdateCareRelationshipDto extends PartialType(CreateCareRelationshipDto) {}

export class CareRelationshipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() careRecipientName: string;
  @ApiProperty({ enum: RELATIONS }) relation: string;
  @ApiProperty() livesInMunicipality: boolean;
  @ApiProperty() since: string;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ enum: KINDS_OF_CARE, isArray: true }) kindsOfCare: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) notes: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) endedAt: string | null;

  static from({ relationship, notes }: CareRelationshipView): CareRelationshipDto {
    return {
      id: relationship.id,
      careRecipientName: relationship.careRecipientName,
      relation: relationship.relation,
      livesInMunicipality: relationship.livesInMunicipality,
      since: relationship.since,
      hoursPerWeek: relationship.hoursPerWeek,
      kindsOfCare: relationship.kindsOfCare,
      notes,
      endedAt: relationship.endedAt?.toISOString() ?? null,
    };
  }
}

export class CareRelationshipListDto {
  @ApiProperty({ type: [CareRelationshipDto] }) items: CareRelationshipDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
