import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Omittable, PageQuery, queryBoolean } from '@app/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Account, OwnNameAndAddressFields, PersonProfileFields } from '@app/identity';
import { Carer } from '../carer.entity';
import { CONSENT_PURPOSES } from '../consent.entity';
import { ageOn, YOUNG_CARER_BELOW_AGE } from '../dates';

export class SignUpConsentDto {
  @ApiProperty({ enum: ['health_data'] })
  @Equals('health_data')
  purpose: 'health_data';
}

class CarerProfileFields extends PersonProfileFields {}

export class CarerSignUpDto extends CarerProfileFields {
  @ApiProperty({ example: 'GM0415' })
  @IsString()
  @Matches(/^GM\d{4}$/, { message: 'municipalityCode must be GM followed by four digits' })
  municipalityCode: string;
  @ApiProperty({ maxLength: 254 }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 12, maxLength: 256 }) @IsString() @MinLength(12) @MaxLength(256) password: string;

  @ApiPropertyOptional({ type: [SignUpConsentDto], description: 'Consent for health data (kinds of care, notes)' })
  @IsOptional()
  @ArrayMaxSize(CONSENT_PURPOSES.length)
  @ValidateNested({ each: true })
  @Type(() => SignUpConsentDto)
  consents?: SignUpConsentDto[];
}

export class GuardianConsentDto {
  @ApiProperty({ example: 'J. de Vries (moeder)', maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  guardianName: string;
}

export class StaffRegistrationDto extends CarerProfileFields {
  @ApiPropertyOptional({ maxLength: 254, description: 'Leave out for carers without email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: ['email', 'post'], description: 'Default: email when an address is given, else post' })
  @IsOptional()
  @IsIn(['email', 'post'])
  contactChannel?: 'email' | 'post';

  @ApiPropertyOptional({ type: GuardianConsentDto, description: 'Required under 16' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GuardianConsentDto)
  guardianConsent?: GuardianConsentDto;

  @ApiPropertyOptional({ description: 'The carer consented (on paper or in person) to storing health data' })
  @IsOptional()
  @IsBoolean()
  healthDataConsent?: boolean;
}

export class CarerCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending_verification', 'active'] }) status: string;
}

export class CarerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ example: '1956-04-12' }) dateOfBirth: string;
  @ApiProperty({ description: `Under ${YOUNG_CARER_BELOW_AGE}` }) youngCarer: boolean;
  @ApiProperty({ example: '1121AB', nullable: true, type: String, description: 'Null once erased' }) postcode:
    string | null;
  @ApiProperty({ nullable: true, type: String }) houseNumber: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) wijkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ['nl', 'en'] }) language: string;
  @ApiProperty({ enum: ['email', 'post'] }) contactChannel: string;
  @ApiProperty({ enum: ['pending_verification', 'active', 'inactive'] }) status: string;
  @ApiProperty({ enum: ['self', 'staff'] }) registeredBy: string;
  @ApiPropertyOptional({ enum: ['low', 'moderate', 'high'], nullable: true, type: String }) latestBurden: string | null;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from({ carer, account }: { carer: Carer; account: Account }, today: string): CarerDto {
    return {
      id: carer.id,
      firstName: carer.firstName,
      lastName: carer.lastName,
      dateOfBirth: carer.dateOfBirth,
      youngCarer: ageOn(carer.dateOfBirth, today) < YOUNG_CARER_BELOW_AGE,
      postcode: carer.postcode,
      houseNumber: carer.houseNumber,
      wijkId: carer.wijkId,
      phone: carer.phone,
      email: account.email,
      language: account.language,
      contactChannel: account.contactChannel,
      status: carerStatus(carer, account),
      registeredBy: carer.registeredBy,
      latestBurden: carer.latestBurden,
      confirmedAt: carer.confirmedAt.toISOString(),
      createdAt: carer.createdAt.toISOString(),
    };
  }
}

export function carerStatus(carer: Carer, account: Account): 'pending_verification' | 'active' | 'inactive' {
  if (carer.status === 'inactive') return 'inactive';
  return account.email && !account.emailVerifiedAt ? 'pending_verification' : 'active';
}

export class CarerSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of first or last name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional({ description: 'Postcode or its start, e.g. 1121' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,4}\s?[A-Za-z]{0,2}$/)
  postcode?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() wijkId?: string;

  @ApiPropertyOptional({ description: 'true: under 25 only; false: 25 and over' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  youngCarer?: boolean;

  @ApiPropertyOptional({ enum: ['pending_verification', 'active', 'inactive'] })
  @IsOptional()
  @IsIn(['pending_verification', 'active', 'inactive'])
  status?: 'pending_verification' | 'active' | 'inactive';

  @ApiPropertyOptional({ enum: ['low', 'moderate', 'high'], description: 'Burden of the latest screening' })
  @IsOptional()
  @IsIn(['low', 'moderate', 'high'])
  burden?: 'low' | 'moderate' | 'high';
}

export class UpdateOwnCarerDto extends OwnNameAndAddressFields {
  @ApiPropertyOptional({ example: '0201234567', nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiPropertyOptional({ enum: ['email', 'post'], description: 'post needs an address; email needs an email address' })
  @Omittable()
  @IsIn(['email', 'post'])
  contactChannel?: 'email' | 'post';
}
