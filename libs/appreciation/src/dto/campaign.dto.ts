import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AppreciationCampaign, CAMPAIGN_AUDIENCES, CAMPAIGN_KINDS, SHARED_CARE_RULES } from '../campaign.entity';

export class EligibilityRulesDto {
  @ApiProperty({ example: 8, description: 'Hours of care a week, at least' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(168)
  minHoursPerWeek: number;
  @ApiProperty({ example: 3, description: 'Months of care, at least' }) @IsInt() @Min(0) @Max(600) minMonths: number;
  @ApiProperty({ enum: ['carer', 'care_recipient', 'either'], description: 'Who must live in the municipality' })
  @IsIn(['carer', 'care_recipient', 'either'])
  residency: 'carer' | 'care_recipient' | 'either';
  @ApiPropertyOptional({ example: 0, description: 'Youngest age of the carer; 0 for none' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minAge?: number;
}

export class VolunteerRulesDto {
  @ApiProperty({ example: 6, description: 'Months since the volunteer started, at least' })
  @IsInt()
  @Min(0)
  @Max(600)
  minActiveMonths: number;
  @ApiProperty({ example: 20, description: 'Hours logged in the twelve months before applying, at least' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000)
  minHoursLogged: number;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({
    enum: CAMPAIGN_KINDS,
    description: 'A voucher, or a choice between a voucher and a culture ticket of limited stock',
  })
  @IsIn(CAMPAIGN_KINDS)
  kind: (typeof CAMPAIGN_KINDS)[number];
  @ApiPropertyOptional({
    enum: SHARED_CARE_RULES,
    default: 'each_full',
    description:
      'Carers of the same person: each the full amount (the second after a look by staff), split equally among those approved (vouchers not used yet are adjusted), or the first approved only',
  })
  @IsOptional()
  @IsIn(SHARED_CARE_RULES)
  sharedCareRule?: (typeof SHARED_CARE_RULES)[number];
  @ApiPropertyOptional({ example: 'Theaterbon Stadsschouwburg', description: 'With voucher_or_culture_ticket' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  cultureTicketName?: string;
  @ApiPropertyOptional({ example: 200, description: 'With voucher_or_culture_ticket: how many tickets there are' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  cultureTicketStock?: number;
  @ApiProperty({ example: 5000, description: 'Value of each voucher, in cents' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  amountCents: number;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) closesAt: string;
  @ApiProperty({ type: EligibilityRulesDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => EligibilityRulesDto)
  rules: EligibilityRulesDto;
  @ApiPropertyOptional({ description: 'Total value that may be awarded, in cents' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  budgetCents?: number;
  @ApiPropertyOptional({ description: 'Number of awards that may be made' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  budgetCount?: number;
  @ApiPropertyOptional({ enum: CAMPAIGN_AUDIENCES, default: 'carers', description: 'Who the campaign thanks' })
  @IsOptional()
  @IsIn(CAMPAIGN_AUDIENCES)
  audience?: (typeof CAMPAIGN_AUDIENCES)[number];
  @ApiPropertyOptional({ type: VolunteerRulesDto, description: 'Required when the audience includes volunteers' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VolunteerRulesDto)
  volunteerRules?: VolunteerRulesDto;
  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'Last day vouchers can be used; a year after closing when left out',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  vouchersExpireOn?: string;
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ enum: CAMPAIGN_KINDS }) kind: string;
  @ApiProperty({ enum: SHARED_CARE_RULES }) sharedCareRule: string;
  @ApiProperty({ enum: CAMPAIGN_AUDIENCES }) audience: string;
  @ApiPropertyOptional({ type: VolunteerRulesDto, nullable: true }) volunteerRules: VolunteerRulesDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) cultureTicketName: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) cultureTicketStock: number | null;
  @ApiProperty() cultureTicketsIssued: number;
  @ApiProperty() amountCents: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: EligibilityRulesDto }) rules: EligibilityRulesDto;
  @ApiPropertyOptional({ nullable: true, type: Number }) budgetCents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) budgetCount: number | null;
  @ApiProperty() spentCents: number;
  @ApiProperty() awardedCount: number;
  @ApiProperty({ example: '2027-12-31' }) vouchersExpireOn: string;

  static from(campaign: AppreciationCampaign): CampaignDto {
    return {
      id: campaign.id,
      year: campaign.year,
      kind: campaign.kind,
      sharedCareRule: campaign.sharedCareRule,
      audience: campaign.audience,
      volunteerRules: campaign.volunteerRules,
      cultureTicketName: campaign.cultureTicketName,
      cultureTicketStock: campaign.cultureTicketStock,
      cultureTicketsIssued: campaign.cultureTicketsIssued,
      amountCents: campaign.amountCents,
      opensAt: campaign.opensAt.toISOString(),
      closesAt: campaign.closesAt.toISOString(),
      rules: campaign.rules,
      budgetCents: campaign.budgetCents,
      budgetCount: campaign.budgetCount,
      spentCents: campaign.spentCents,
      awardedCount: campaign.awardedCount,
      vouchersExpireOn: campaign.vouchersExpireOn,
    };
  }
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignDto] }) items: CampaignDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class ApplicationCountsDto {
  @ApiProperty() approved: number;
  @ApiProperty() needs_review: number;
  @ApiProperty() rejected: number;
}

export class WijkFiguresDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null for carers outside every wijk',
  })
  wijkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wijk: string | null;
  @ApiProperty() applications: number;
  @ApiProperty() approved: number;
  @ApiProperty() redeemedCents: number;
}

export class CampaignFiguresDto {
  @ApiProperty({ type: ApplicationCountsDto }) applications: ApplicationCountsDto;
  @ApiProperty() vouchersIssued: number;
  @ApiProperty() issuedCents: number;
  @ApiProperty() redeemedCents: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) budgetLeftCents: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) awardsLeft: number | null;
  @ApiProperty({ type: [WijkFiguresDto] }) byWijk: WijkFiguresDto[];
}
