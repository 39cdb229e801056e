import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { QuestionView } from '../question.service';
import { SocialMapEntryDto } from './social-map.dto';

const TOPIC = /^[a-z][a-z0-9_]{1,39}$/;

export class AskQuestionDto {
  @ApiProperty({ example: 'client_support', description: "A key from the municipality's settings.questionTopics" })
  @IsString()
  @Matches(TOPIC, { message: 'topic must be a topic key such as client_support' })
  topic: string;

  @ApiProperty({ maxLength: 4000, description: 'Stored encrypted; may hold health details' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;
}

export class AnswerQuestionDto {
  @ApiProperty({ maxLength: 4000, description: 'Stored encrypted; the carer reads it after signing in' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Entries of the social map to point at' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  socialMapEntryIds?: string[];
}

export class AnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [SocialMapEntryDto] }) socialMapEntries: SocialMapEntryDto[];
}

export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) carerId: string;
  @ApiProperty({ example: 'client_support' }) topic: string;
  @ApiProperty() text: string;
  @ApiProperty({
    enum: ['received', 'in_progress', 'closed'],
    description: 'received: waiting for the steunpunt; in_progress: someone took it up; closed: done',
  })
  status: string;
  @ApiProperty({ format: 'uuid' }) signalId: string;
  @ApiProperty({ format: 'date-time', description: 'By when the steunpunt answers (working days)' }) dueAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [AnswerDto] }) answers: AnswerDto[];

  static from(view: QuestionView): QuestionDto {
    return {
      id: view.question.id,
      carerId: view.question.carerId,
      topic: view.question.topic,
      text: view.text,
      status: { open: 'received', claimed: 'in_progress', closed: 'closed' }[view.signal.status],
      signalId: view.signal.id,
      dueAt: view.signal.dueAt.toISOString(),
      createdAt: view.question.createdAt.toISOString(),
      answers: view.answers.map((answer) => ({
        id: answer.id,
        createdAt: answer.createdAt.toISOString(),
        text: answer.text,
        socialMapEntries: answer.socialMapEntries.map(SocialMapEntryDto.from),
      })),
    };
  }
}

export class QuestionListDto {
  @ApiProperty({ type: [QuestionDto] }) items: QuestionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
