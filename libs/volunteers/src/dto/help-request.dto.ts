import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@app/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { AVAILABILITY_KEY } from '../availability';
import { HELP_KINDS, HelpKind, HelpRequest } from '../help-request.entity';
import { Suggestion } from '../suggestions';

export class WantedDateDto {
  @ApiProperty({ example: '2026-12-03' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) date: string;
  @ApiProperty({ enum: ['ochtend', 'middag', 'avond'] }) @IsIn(['ochtend', 'middag', 'avond']) dagdeel:
    'ochtend' | 'middag' | 'avond';
}

export class CreateHelpRequestDto {
  @ApiProperty({ enum: HELP_KINDS }) @IsIn(HELP_KINDS) kind: HelpKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() careRelationshipId: string;
  @ApiPropertyOptional({ type: [WantedDateDto] })
  @IsOptional()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => WantedDateDto)
  wantedDates?: WantedDateDto[];
  @ApiPropertyOptional({ type: [String], example: ['3-middag'], description: 'Weekly, "weekday-dagdeel" (1 = Monday)' })
  @IsOptional()
  @ArrayMaxSize(21)
  @Matches(AVAILABILITY_KEY, { each: true, message: 'each weeklyPattern entry must look like 3-middag' })
  weeklyPattern?: string[];
  @ApiPropertyOptional({
    example: '2027-03-31',
    description:
      'With weeklyPattern: the last day weekly help is wanted (at most half a year ahead); 8 weeks when left out',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  weeklyUntil?: string;
  @ApiPropertyOptional({ type: [String], example: ['transport'] })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  requiredSkills?: string[];
  @ApiPropertyOptional({ example: 'tr', description: 'A language the volunteer should speak (ISO 639-1)' })
  @IsOptional()
  @Matches(/^[a-z]{2}$/)
  language?: string;
  @ApiPropertyOptional({ maxLength: 2000, description: 'Stored encrypted' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class HelpRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) carerId: string;
  @ApiProperty({ format: 'uuid' }) careRelationshipId: string;
  @ApiProperty({ enum: HELP_KINDS }) kind: string;
  @ApiProperty({ type: [WantedDateDto] }) wantedDates: WantedDateDto[];
  @ApiProperty({ type: [String] }) weeklyPattern: string[];
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) weeklyUntil: string | null;
  @ApiProperty({ type: [String] }) requiredSkills: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) language: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ enum: ['open', 'matched', 'closed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Whole days since the request came in' }) ageDays: number;

  static from(request: HelpRequest, notes: string | null): HelpRequestDto {
    return {
      id: request.id,
      carerId: request.carerId,
      careRelationshipId: request.careRelationshipId,
      kind: request.kind,
      wantedDates: request.wantedDates,
      weeklyPattern: request.weeklyPattern,
      weeklyUntil: request.weeklyUntil,
      requiredSkills: request.requiredSkills,
      language: request.language,
      notes,
      status: request.status,
      createdAt: request.createdAt.toISOString(),
      ageDays: Math.floor((Date.now() - request.createdAt.getTime()) / 86_400_000),
    };
  }
}

export class HelpRequestListDto {
  @ApiProperty({ type: [HelpRequestDto] }) items: HelpRequestDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

/** Suggestions page like every list, best first. */
export class SuggestionQuery extends PageQuery {}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) wijkId: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String], example: ['+3 lives in the carer’s wijk', '-1 already has 1 match'] })
  reasons: string[];

  static from(suggestion: Suggestion): SuggestionDto {
    return { ...suggestion };
  }
}

export class SuggestionListDto {
  @ApiProperty({ type: [SuggestionDto] }) items: SuggestionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
