import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '@app/platform';
import { FeedbackRequest } from '../feedback-request.entity';

export class AnswerFeedbackDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) score: number;
  @ApiPropertyOptional({ maxLength: 2000, description: 'Stored encrypted; only staff read it, never with a name' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
}

export class FeedbackYearQuery extends PageQuery {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
}

export class FeedbackRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['respite_booking', 'volunteer_match', 'activity'] }) kind: string;
  @ApiProperty({ description: 'The offer or activity, or volunteer_help' }) aboutName: string;
  @ApiProperty({ format: 'date' }) happenedOn: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) score: number | null;

  static from(request: FeedbackRequest): FeedbackRequestDto {
    return {
      id: request.id,
      kind: request.subjectType,
      aboutName: request.aboutName,
      happenedOn: request.happenedOn,
      score: request.score,
    };
  }
}

export class FeedbackRequestListDto {
  @ApiProperty({ type: [FeedbackRequestDto] }) items: FeedbackRequestDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class FeedbackResultDto {
  @ApiProperty({ enum: ['respite_booking', 'volunteer_match', 'activity'] }) kind: string;
  @ApiProperty() aboutName: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['<5'] }], description: '"<5" under five' })
  answers: number | '<5';
  @ApiProperty({ nullable: true, type: Number, description: 'Hidden (null) under five answers' })
  averageScore: number | null;
}

export class FeedbackResultsDto {
  @ApiProperty() year: number;
  @ApiProperty({ type: [FeedbackResultDto] }) rows: FeedbackResultDto[];
}

export class FeedbackCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty() aboutName: string;
  @ApiProperty() month: string;
  @ApiProperty() score: number;
  @ApiProperty() text: string;
}

export class FeedbackCommentListDto {
  @ApiProperty({ type: [FeedbackCommentDto] }) items: FeedbackCommentDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
