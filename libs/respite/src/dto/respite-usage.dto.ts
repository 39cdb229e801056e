import { ISO_WITH_OFFSET, queryInstant, queryInstantMessage, queryInteger } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class BudgetQuery {
  @ApiPropertyOptional({ description: 'Calendar year; default the current one', example: 2026 })
  @IsOptional()
  @Transform(queryInteger)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class BudgetStatementDto {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['dagdelen', 'hours'] }) unit: string;
  @ApiProperty() perYear: number;
  @ApiProperty() used: number;
  @ApiProperty() left: number;
}

export class OccupancyQuery {
  @ApiProperty({ example: '2026-12-01T00:00:00+01:00' })
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET, { message: queryInstantMessage('from') })
  from: string;
  @ApiProperty({ example: '2027-01-01T00:00:00+01:00' })
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET, { message: queryInstantMessage('to') })
  to: string;
}

export class OccupancyDto {
  @ApiProperty() slots: number;
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Places held by confirmed, offered and attended bookings' }) booked: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() attended: number;
  @ApiProperty() noShows: number;
  @ApiProperty() lateCancellations: number;
  @ApiProperty({ description: 'booked / capacity, 0..1' }) occupancyRate: number;
}
