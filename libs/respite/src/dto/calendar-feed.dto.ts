import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CalendarFeedDto {
  @ApiProperty({ description: 'Secret address of the feed; shown once, renewing replaces it' }) url: string;
}

export class CalendarFeedQuery {
  @ApiProperty({ description: 'The secret from the feed address' })
  @IsString()
  @MinLength(16)
  @MaxLength(64)
  key: string;
}
