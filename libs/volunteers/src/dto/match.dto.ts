import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNumber, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { VolunteerHours } from '../volunteer-hours.entity';
import { VolunteerMatch } from '../volunteer-match.entity';

export class ProposeMatchDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() volunteerId: string;
}

export class EndMatchDto {
  @ApiProperty({ maxLength: 500 }) @IsString() @MinLength(1) @MaxLength(500) reason: string;
}

export class LogHoursDto {
  @ApiProperty({ example: '2026-11-20' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) @IsISO8601({ strict: true }) workedOn: string;
  @ApiProperty({ example: 2.5, minimum: 0.25, maximum: 24 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.25)
  @Max(24)
  hours: number;
}

export class UnbookedDateDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['ochtend', 'middag', 'avond'] }) dagdeel: string;
  @ApiProperty({ enum: ['budget', 'overlap'], description: 'Budget used up, or respite booked already then' })
  reason: 'budget' | 'overlap';
}

export class MatchDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) helpRequestId: string;
  @ApiProperty({ format: 'uuid' }) volunteerId: string;
  @ApiProperty({ enum: ['proposed', 'accepted', 'declined', 'ended'] }) status: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) answeredAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) endReason: string | null;
  @ApiProperty({
    type: [UnbookedDateDto],
    description: 'Wanted at-home dates that could not be booked when the volunteer accepted',
  })
  unbookedDates: UnbookedDateDto[];

  static from(match: VolunteerMatch): MatchDto {
    return {
      id: match.id,
      helpRequestId: match.helpRequestId,
      volunteerId: match.volunteerId,
      status: match.status,
      answeredAt: match.answeredAt?.toISOString() ?? null,
      endReason: match.endReason,
      unbookedDates: match.unbookedDates,
    };
  }
}

export class MatchListDto {
  @ApiProperty({ type: [MatchDto] }) items: MatchDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class HoursDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ format: 'date' }) workedOn: string;
  @ApiProperty() hours: number;

  static from(logged: VolunteerHours): HoursDto {
    return { id: logged.id, matchId: logged.matchId, workedOn: logged.workedOn, hours: logged.hours };
  }
}
