import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { Partner } from '../partner.entity';

export class CreatePartnerDto {
  @ApiProperty({ example: 'Boekhandel Landsmeer', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class PartnerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(partner: Partner): PartnerDto {
    return { id: partner.id, name: partner.name, createdAt: partner.createdAt.toISOString() };
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
