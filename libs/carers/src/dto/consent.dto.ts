import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsUUID } from 'class-validator';
import { Consent } from '../consent.entity';

export class GiveConsentDto {
  @ApiProperty({ enum: ['health_data'], description: 'Guardian consent is recorded by staff at registration' })
  @Equals('health_data')
  purpose: 'health_data';
}

export class CarerConsentParams extends GiveConsentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  carerId: string;
}

export class ConsentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['health_data', 'guardian'] }) purpose: string;
  @ApiProperty({ example: '2026-01' }) version: string;
  @ApiProperty({ format: 'date-time' }) givenAt: string;
  @ApiProperty({ enum: ['self', 'staff'] }) givenBy: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) withdrawnAt: string | null;

  static from(consent: Consent): ConsentDto {
    return {
      id: consent.id,
      purpose: consent.purpose,
      version: consent.version,
      givenAt: consent.givenAt.toISOString(),
      givenBy: consent.givenBy,
      withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
    };
  }
}

export class ConsentListDto {
  @ApiProperty({ type: [ConsentDto] }) items: ConsentDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
