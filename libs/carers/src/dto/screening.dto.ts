import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, queryBoolean } from '@app/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Screening } from '../screening.entity';
import { ScreeningResult } from '../screening-instruments';
import { Signal } from '../signal.entity';

export class SubmitScreeningDto {
  @ApiPropertyOptional({ enum: ['ediz'], default: 'ediz' }) @IsOptional() @IsIn(['ediz']) instrument?: 'ediz';

  @ApiProperty({
    type: [Number],
    description: 'One answer per statement, 0 ("nee!") to 4 ("ja!")',
    example: [3, 2, 4, 1, 3, 2, 0, 1, 3],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(4, { each: true })
  answers: number[];
}

export class ScreeningExplanationDto {
  @ApiProperty({ type: [Number], description: 'Statements (1-based) that counted a point' })
  countedStatements: number[];
  @ApiProperty({ example: { from: 4, to: 6 } }) band: { from: number; to: number };
}

export class ScreeningDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ediz' }) instrument: string;
  @ApiProperty({ example: '1' }) instrumentVersion: string;
  @ApiProperty() score: number;
  @ApiProperty({ enum: ['low', 'moderate', 'high'] }) burden: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(screening: Screening): ScreeningDto {
    return {
      id: screening.id,
      instrument: screening.instrument,
      instrumentVersion: screening.instrumentVersion,
      score: screening.score,
      burden: screening.burden,
      createdAt: screening.createdAt.toISOString(),
    };
  }
}

export class ScreeningResultDto extends ScreeningDto {
  @ApiProperty() maxScore: number;
  @ApiProperty({ type: ScreeningExplanationDto }) explanation: ScreeningExplanationDto;
  @ApiProperty({ description: 'A signal was opened for the steunpunt to contact you' }) signalOpened: boolean;

  static fromResult(screening: Screening, result: ScreeningResult, signalOpened: boolean): ScreeningResultDto {
    return {
      ...ScreeningDto.from(screening),
      maxScore: result.maxScore,
      explanation: { countedStatements: result.countedStatements, band: result.band },
      signalOpened,
    };
  }
}

export class ScreeningListDto {
  @ApiProperty({ type: [ScreeningDto], description: 'Newest first: the burden trend' }) items: ScreeningDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class InstrumentDto {
  @ApiProperty() id: string;
  @ApiProperty() version: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) statements: string[];
  @ApiProperty({ type: [String], description: 'Answer labels for 0..4' }) scale: string[];
}

export class SignalQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'claimed', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'claimed', 'closed'])
  status?: 'open' | 'claimed' | 'closed';
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() carerId?: string;
}

export class SignalDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Null for a referral of someone not registered',
  })
  carerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'With reason high_burden' })
  screeningId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'With reason question' })
  questionId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'With reason referral' })
  referralId: string | null;
  @ApiProperty({ enum: ['high_burden', 'question', 'referral'] }) reason: string;
  @ApiProperty({ enum: ['open', 'claimed', 'closed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) claimedBy: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String, description: 'First claim or answer' })
  firstContactAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) escalatedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(signal: Signal): SignalDto {
    return {
      id: signal.id,
      carerId: signal.carerId,
      screeningId: signal.screeningId,
      questionId: signal.questionId,
      referralId: signal.referralId,
      reason: signal.reason,
      status: signal.status,
      dueAt: signal.dueAt.toISOString(),
      overdue: signal.status !== 'closed' && signal.dueAt.getTime() < Date.now(),
      claimedBy: signal.claimedBy,
      firstContactAt: signal.firstContactAt?.toISOString() ?? null,
      closedAt: signal.closedAt?.toISOString() ?? null,
      escalatedAt: signal.escalatedAt?.toISOString() ?? null,
      createdAt: signal.createdAt.toISOString(),
    };
  }
}

export class SignalNoteInputDto {
  @ApiProperty({ maxLength: 4000 }) @IsString() @MinLength(1) @MaxLength(4000) text: string;
}

export class CloseSignalDto {
  @ApiPropertyOptional({ maxLength: 4000, description: 'What was done' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class SignalNoteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SignalNoteListDto {
  @ApiProperty({ type: [SignalNoteDto] }) items: SignalNoteDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
