import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERSON_ROLES, PersonRole } from '@app/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Message } from '../messages/message.entity';
import { MESSAGE_OUTCOME_VALUES, MessageOutcome } from '../messages/message-outcome';

export class LocalizedSubjectDto {
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) nl: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MinLength(1) @MaxLength(200) en: string;
}

export class LocalizedBodyDto {
  @ApiProperty({ maxLength: 10000 }) @IsString() @MinLength(1) @MaxLength(10000) nl: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @MinLength(1) @MaxLength(10000) en: string;
}

export class AnnouncementAudienceDto {
  @ApiProperty({ enum: PERSON_ROLES, isArray: true, example: ['carer'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(PERSON_ROLES, { each: true })
  roles: PersonRole[];
}

export class CreateAnnouncementDto {
  @ApiProperty({ type: LocalizedSubjectDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedSubjectDto)
  subject: LocalizedSubjectDto;
  @ApiProperty({ type: LocalizedBodyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocalizedBodyDto)
  body: LocalizedBodyDto;
  @ApiProperty({ type: AnnouncementAudienceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AnnouncementAudienceDto)
  audience: AnnouncementAudienceDto;
}

export class FanoutStartedDto {
  @ApiProperty({ format: 'uuid' }) fanoutId: string;
}

export class FanoutProgressDto {
  @ApiProperty({ description: 'People in the audience' }) total: number;
  @ApiProperty() sent: number;
  @ApiProperty() failed: number;
  @ApiProperty({ description: 'Opted out, or no address' }) skipped: number;
  @ApiProperty({ description: 'Letters waiting on the print queue, for people who chose post' }) toPrint: number;
  @ApiProperty() done: boolean;
}

export class MessageLogEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'verify_email' }) kind: string;
  @ApiProperty({ enum: ['transactional', 'campaign'] }) category: string;
  @ApiProperty({ enum: ['email', 'post'] }) channel: string;
  @ApiProperty({
    enum: ['queued', 'to_print', 'sent', 'failed', 'skipped'],
    description: 'to_print: a letter waiting on the print queue (the person chose post)',
  })
  status: string;
  @ApiPropertyOptional({
    nullable: true,
    type: 'string',
    enum: MESSAGE_OUTCOME_VALUES,
    description: 'How it ended: sent, skipped or failed with the reason, or cancelled; null while queued',
  })
  outcome: MessageOutcome | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: "The mail server's last reply code on a failure" })
  smtpReplyCode: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) providerMessageId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;

  static from(message: Message): MessageLogEntryDto {
    return {
      id: message.id,
      kind: message.kind,
      category: message.category,
      channel: message.channel,
      status: message.status,
      outcome: message.outcome,
      smtpReplyCode: message.smtpReplyCode,
      providerMessageId: message.providerMessageId,
      createdAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
    };
  }
}

export class FailedMessageDto extends MessageLogEntryDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Null once the person is erased' })
  accountId: string | null;
  @ApiProperty({ description: 'Attempts made, temporary failures included' }) attempts: number;
  @ApiProperty({ format: 'date-time' }) failedAt: string;

  static fromFailed(message: Message): FailedMessageDto {
    return {
      ...MessageLogEntryDto.from(message),
      accountId: message.accountId,
      attempts: message.attempts,
      failedAt: message.updatedAt.toISOString(),
    };
  }
}
