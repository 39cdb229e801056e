import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { HoursPerMatch, HoursPerMonth, HoursSummary } from '../volunteer-hours.service';
import { VolunteerHours } from '../volunteer-hours.entity';

export class CorrectHoursDto {
  @ApiPropertyOptional({ example: '2026-11-20' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  workedOn?: string;

  @ApiPropertyOptional({ example: 2.5, minimum: 0.25, maximum: 24 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hours?: number;
}

export class HoursEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ format: 'date' }) workedOn: string;
  @ApiProperty() hours: number;
  @ApiProperty({ description: 'Whether staff corrected the entry after it was logged' }) corrected: boolean;

  static from(entry: VolunteerHours): HoursEntryDto {
    return {
      id: entry.id,
      matchId: entry.matchId,
      volunteerId: entry.volunteerId,
      workedOn: entry.workedOn,
      hours: entry.hours,
      corrected: entry.correctedAt !== null,
    };
  }
}

export class HoursPerMatchDto implements HoursPerMatch {
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'uuid' }) helpRequestId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ enum: ['respite_at_home', 'company', 'transport', 'practical_help'] }) kind: string;
  @ApiProperty({ enum: ['accepted', 'ended'] }) status: string;
  @ApiProperty() hours: number;
}

export class HoursPerMonthDto implements HoursPerMonth {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() hours: number;
}

export class HoursSummaryDto {
  @ApiProperty() totalHours: number;
  @ApiProperty({ type: [HoursPerMatchDto], description: 'Accepted and ended matches, newest first' })
  perMatch: HoursPerMatchDto[];
  @ApiProperty({ type: [HoursPerMonthDto], description: 'Newest month first' }) perMonth: HoursPerMonthDto[];
  @ApiProperty({ type: [HoursEntryDto], description: 'The latest 100 entries, newest first' })
  entries: HoursEntryDto[];

  static from(summary: HoursSummary): HoursSummaryDto {
    return { ...summary, entries: summary.entries.map(HoursEntryDto.from) };
  }
}
