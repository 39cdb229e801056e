import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateNested,
} from 'class-validator';
import { ActivityParticipant, PARTICIPANT_STATUSES } from '../participant.entity';

export class RsvpDto {
  @ApiProperty({ description: 'The token from the invitation link APP_BASE_URL/rsvp?token=…' })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  token: string;
  @ApiProperty({ enum: ['yes', 'no'] }) @IsIn(['yes', 'no']) response: 'yes' | 'no';
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 5,
    default: 0,
    description: 'People coming along, within the activity’s maximum',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  companions?: number;
}

export class EnrolDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff: the carer to enrol. Carers enrol themselves and leave it out.',
  })
  @IsOptional()
  @IsUUID()
  carerId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff: a volunteer to enrol (courses and groups)' })
  @IsOptional()
  @IsUUID()
  volunteerId?: string;
  @ApiPropertyOptional({ description: 'Staff: enrol yourself, in a course or group opened to staff' })
  @IsOptional()
  @IsBoolean()
  self?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 5, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  companions?: number;
}

export class ParticipationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) activityId: string;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: string;
  @ApiProperty() companions: number;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'An offered place is held until then',
  })
  offerExpiresAt: string | null;

  static from(participant: ActivityParticipant): ParticipationDto {
    return {
      id: participant.id,
      activityId: participant.activityId,
      status: participant.status,
      companions: participant.companions,
      offerExpiresAt: participant.offerExpiresAt?.toISOString() ?? null,
    };
  }
}

export class MyActivityDto extends ParticipationDto {
  @ApiProperty() title: string;
  @ApiProperty() kind: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) nextSessionAt: string | null;
}

export class MyActivityListDto {
  @ApiProperty({ type: [MyActivityDto] }) items: MyActivityDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class ParticipantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Name only: participants’ contact details are not shared' }) name: string;
  @ApiProperty({ enum: PARTICIPANT_STATUSES }) status: string;
  @ApiProperty() companions: number;
  @ApiProperty({ enum: ['invitation', 'self', 'staff', 'resident'] }) joinedVia: string;
}

export class ParticipantListDto {
  @ApiProperty({ type: [ParticipantDto] }) items: ParticipantDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() participantId: string;
  @ApiProperty() @IsBoolean() attended: boolean;
}

export class RecordAttendanceDto {
  @ApiProperty({ type: [AttendanceEntryDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries: AttendanceEntryDto[];
}

export class SessionAttendanceDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() recorded: number;
  @ApiProperty() attended: number;
}

export class WijkActivityFiguresDto {
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) wijkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) wijk: string | null;
  @ApiProperty() invited: number;
  @ApiProperty() responded: number;
  @ApiProperty({ description: 'People attending, companions included' }) attending: number;
  @ApiProperty({ description: 'Participants recorded present at a session at least once' }) attended: number;
}

export class ActivityFiguresDto {
  @ApiProperty() invited: number;
  @ApiProperty({ description: 'Invited people who answered' }) responded: number;
  @ApiProperty({ description: 'People attending, companions included' }) attending: number;
  @ApiProperty() participants: number;
  @ApiProperty() waitlisted: number;
  @ApiProperty() declined: number;
  @ApiProperty() attended: number;
  @ApiProperty() capacity: number;
  @ApiProperty({ type: [WijkActivityFiguresDto] }) byWijk: WijkActivityFiguresDto[];
}
