import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Partner, REFERRAL_SOURCES } from '../partner.entity';
import { PartnerKey } from '../partner-key.entity';

export class CreatePartnerDto {
  @ApiProperty({ example: 'Boekhandel Landsmeer', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    enum: REFERRAL_SOURCES,
    description:
      'Makes the partner a referrer of this kind (huisarts, POH, wijkteam, ...): its keys refer carers (POST /referrals) and redeem no vouchers',
  })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  referrerSource?: (typeof REFERRAL_SOURCES)[number];
}

export const VOUCHER_KINDS = ['voucher', 'culture_ticket'] as const;

export class CreatePartnerKeyDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only this campaign's vouchers may be redeemed with the key (e.g. a cinema for one year's tickets)",
  })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({
    enum: VOUCHER_KINDS,
    isArray: true,
    description: 'Only vouchers of these kinds may be redeemed with the key; all kinds when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VOUCHER_KINDS.length)
  @IsIn(VOUCHER_KINDS, { each: true })
  voucherKinds?: Array<(typeof VOUCHER_KINDS)[number]>;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['merchant', 'referrer'] }) kind: string;
  @ApiPropertyOptional({ enum: REFERRAL_SOURCES, nullable: true, type: String }) referrerSource: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(partner: Partner): PartnerDto {
    return {
      id: partner.id,
      name: partner.name,
      kind: partner.kind,
      referrerSource: partner.referrerSource,
      createdAt: partner.createdAt.toISOString(),
    };
  }
}

export class PartnerCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Shown once; send it as X-Api-Key. Only a hash is stored.' }) apiKey: string;
}

export class PartnerListDto {
  @ApiProperty({ type: [PartnerDto] }) items: PartnerDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class PartnerKeyCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Shown once; send it as X-Api-Key. Only a hash is stored.' }) apiKey: string;
}

export class PartnerKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'k3x9w2q8m1za', description: 'The public part of the key (mzp_<prefix>_…)' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'To the minute' })
  lastUsedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) revokedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Limited to this campaign' })
  campaignId: string | null;
  @ApiPropertyOptional({ nullable: true, enum: VOUCHER_KINDS, isArray: true, description: 'Limited to these kinds' })
  voucherKinds: string[] | null;

  static from(key: PartnerKey): PartnerKeyDto {
    return {
      id: key.id,
      prefix: key.keyPrefix,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      campaignId: key.campaignId,
      voucherKinds: key.voucherKinds,
    };
  }
}

export class PartnerKeyListDto {
  @ApiProperty({ type: [PartnerKeyDto] }) items: PartnerKeyDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
