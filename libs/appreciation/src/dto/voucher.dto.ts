import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, pageOfList } from '@app/platform';
import { PartnerDay } from '../voucher.service';
import { Voucher } from '../voucher.entity';
import { formatVoucherCode } from '../voucher-code';

export class VoucherDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['voucher', 'culture_ticket'] }) kind: string;
  @ApiProperty({ example: 'K7QW-9ZHM-3TXA-4' }) code: string;
  @ApiProperty() valueCents: number;
  @ApiProperty() balanceCents: number;
  @ApiProperty({ example: '2027-12-31', description: 'Last day it can be used' }) expiresOn: string;

  static from(voucher: Voucher): VoucherDto {
    return {
      id: voucher.id,
      kind: voucher.kind,
      code: formatVoucherCode(voucher.code),
      valueCents: voucher.valueCents,
      balanceCents: voucher.balanceCents,
      expiresOn: voucher.expiresOn,
    };
  }
}

export class VoucherListDto {
  @ApiProperty({ type: [VoucherDto] }) items: VoucherDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class RedeemDto {
  @ApiProperty({ example: 'K7QW-9ZHM-3TXA-4', description: 'Case, spaces and dashes do not matter' })
  @IsString()
  @MaxLength(40)
  code: string;
  @ApiProperty({ example: 1500 }) @IsInt() @Min(1) @Max(1_000_000) amountCents: number;
}

export class RedemptionDto {
  @ApiProperty({ format: 'uuid' }) redemptionId: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() remainingCents: number;
}

export class PartnerDayQuery extends PageQuery {
  @ApiPropertyOptional({
    example: '2026-12-01',
    description: "A local day; today in the municipality's time zone when left out",
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  day?: string;
}

export class PartnerRedemptionDto {
  @ApiProperty({ format: 'uuid' }) redemptionId: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() amountCents: number;
  @ApiProperty() remainingCents: number;
  @ApiProperty({ example: 'TXA4', description: "The code's last four characters" }) codeEnd: string;
}

export class PartnerDayDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ description: "The whole day's total, over every page" }) totalCents: number;
  @ApiProperty({ type: [PartnerRedemptionDto], description: 'Newest first; the day holds at most 500' })
  items: PartnerRedemptionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;

  static from(day: PartnerDay, page: PageQuery): PartnerDayDto {
    const items = day.items.map((item) => ({ ...item, at: item.at.toISOString() }));
    return { day: day.day, totalCents: day.totalCents, ...pageOfList(items, page, (item) => item.redemptionId) };
  }
}
