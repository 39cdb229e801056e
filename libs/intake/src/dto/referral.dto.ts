import { POSTCODE_PATTERN } from '@app/identity';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { REFERRAL_SOURCES } from '../referral.entity';
import { ReferralView } from '../referral.service';

class ReferredPersonFields {
  @ApiProperty({ example: 'Anna', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) firstName: string;
  @ApiProperty({ example: 'de Vries', maxLength: 100 }) @IsString() @MinLength(1) @MaxLength(100) lastName: string;

  @ApiProperty({ example: '1121 AB' })
  @IsString()
  @Matches(POSTCODE_PATTERN, { message: 'postcode must be a Dutch postcode such as 1121 AB' })
  postcode: string;

  @ApiPropertyOptional({ example: '0201234567' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why the steunpunt could help; stored encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class PartnerReferralDto extends ReferredPersonFields {
  @ApiPropertyOptional({ maxLength: 254 }) @IsOptional() @IsEmail() @MaxLength(254) email?: string;

  @ApiProperty({ description: 'The carer agreed to be contacted by the steunpunt; without it nothing is stored' })
  @IsBoolean()
  carerConsented: boolean;
}

export class FormReferralDto extends ReferredPersonFields {
  @ApiProperty({ example: 'GM0415' })
  @IsString()
  @Matches(/^GM\d{4}$/, { message: 'municipalityCode must be GM followed by four digits' })
  municipalityCode: string;

  @ApiProperty({ example: 'Huisartsenpraktijk Dorp', maxLength: 200, description: 'Who refers' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  referrerName: string;

  @ApiProperty({ enum: REFERRAL_SOURCES }) @IsIn(REFERRAL_SOURCES) source: (typeof REFERRAL_SOURCES)[number];

  @ApiProperty({ maxLength: 254, description: 'The carer is asked here for consent' })
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ReferralAcceptedDto {
  @ApiProperty({ enum: ['awaiting_consent'] }) status: 'awaiting_consent';
}

export class ReferralDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REFERRAL_SOURCES }) source: string;
  @ApiProperty({ enum: ['partner', 'form'] }) channel: string;
  @ApiProperty() referrerName: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() postcode: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) wijkId: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ enum: ['awaiting_consent', 'consented'] }) status: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) consentAt: string | null;
  @ApiProperty({ enum: ['referrer', 'link'], nullable: true, type: String }) consentHow: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'When the person is a registered carer' })
  carerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) signalId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(view: ReferralView): ReferralDto {
    const { referral } = view;
    return {
      id: referral.id,
      source: referral.source,
      channel: referral.channel,
      referrerName: referral.referrerName,
      firstName: referral.firstName,
      lastName: referral.lastName,
      email: referral.email,
      phone: referral.phone,
      postcode: referral.postcode,
      wijkId: referral.wijkId,
      reason: view.reason,
      status: referral.status,
      consentAt: referral.consentAt?.toISOString() ?? null,
      consentHow: referral.consentHow,
      carerId: referral.carerId,
      signalId: view.signalId,
      createdAt: referral.createdAt.toISOString(),
    };
  }
}

export class ReferralListDto {
  @ApiProperty({ type: [ReferralDto] }) items: ReferralDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
