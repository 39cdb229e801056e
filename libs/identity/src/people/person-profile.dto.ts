import { LOCAL_DATE, Omittable } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { HOUSE_NUMBER_PATTERN, POSTCODE_PATTERN } from './postcode';

const asString = ({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value);

/** Name, date of birth, address and language: what carers and volunteers both give when they sign up. */
export class PersonProfileFields {
  @ApiProperty({ example: 'Anna', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @ApiProperty({ example: 'de Vries', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) lastName: string;

  @ApiProperty({ example: '1956-04-12', description: 'YYYY-MM-DD' })
  @Matches(LOCAL_DATE, { message: 'dateOfBirth must be YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dateOfBirth: string;

  @ApiProperty({ example: '1121 AB' })
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Dutch postcode such as 1121 AB' })
  postcode: string;

  @ApiProperty({ example: '12a', description: 'House number with any addition' })
  @Transform(asString)
  @IsString()
  @Matches(HOUSE_NUMBER_PATTERN, { message: 'houseNumber must be a house number such as 12 or 12a' })
  houseNumber: string;

  @ApiPropertyOptional({ example: '0201234567', maxLength: 20 })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}

/** Name and address a person changes themselves (carers, volunteers); only the fields sent change. */
export class OwnNameAndAddressFields {
  @ApiPropertyOptional({ maxLength: 100 }) @Omittable() @IsString() @MinLength(1) @MaxLength(100) firstName?: string;
  @ApiPropertyOptional({ maxLength: 100 }) @Omittable() @IsString() @MinLength(1) @MaxLength(100) lastName?: string;

  @ApiPropertyOptional({ example: '1121 AB', description: 'The wijk follows the postcode' })
  @Omittable()
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Dutch postcode such as 1121 AB' })
  postcode?: string;

  @ApiPropertyOptional({ example: '12a' })
  @Omittable()
  @IsString()
  @Matches(HOUSE_NUMBER_PATTERN, { message: 'houseNumber must be a house number such as 12 or 12a' })
  houseNumber?: string;
}
