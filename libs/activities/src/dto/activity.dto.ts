import { ISO_WITH_OFFSET, LOCAL_DATE } from '@app/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGE_BAND_NAMES, AgeBand, KINDS_OF_CARE, KindOfCare } from '@app/carers';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  Activity,
  ACTIVITY_KINDS,
  ActivityKind,
  ActivitySession,
  DAG_VAN_DE_MANTELZORG,
  PEER_GROUP_THEMES,
  PeerGroupTheme,
} from '../activity.entity';
import { MAX_SESSIONS } from '../sessions';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export class SessionTimesDto {
  @ApiProperty({ example: '2026-11-10T14:00:00+01:00' })
  @Matches(ISO_WITH_OFFSET, { message: 'startsAt must be ISO 8601 with an offset' })
  @IsISO8601()
  startsAt: string;
  @ApiProperty({ example: '2026-11-10T17:00:00+01:00' })
  @Matches(ISO_WITH_OFFSET, { message: 'endsAt must be ISO 8601 with an offset' })
  @IsISO8601()
  endsAt: string;
}

export class RecurrenceDto {
  @ApiProperty({
    example: 'FREQ=WEEKLY;INTERVAL=2;COUNT=6',
    description: 'RRULE (RFC 5545) without DTSTART: DAILY, WEEKLY or MONTHLY, ending by COUNT or UNTIL',
  })
  @IsString()
  @MinLength(6)
  @MaxLength(200)
  rule: string;
  @ApiProperty({ example: '2026-12-01', description: 'Local date of the first session' })
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  firstDate: string;
  @ApiProperty({ example: '19:30', description: 'Local time, kept across daylight-saving changes' })
  @Matches(TIME, { message: 'startTime must be HH:mm' })
  startTime: string;
  @ApiProperty({ example: '21:30' }) @Matches(TIME, { message: 'endTime must be HH:mm' }) endTime: string;
}

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS }) @IsIn(ACTIVITY_KINDS) kind: ActivityKind;
  @ApiProperty({ example: 'Dag van de Mantelzorg: theatervoorstelling', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ example: 'Dorpshuis Het Wapen, Dorpsstraat 1', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  location?: string;
  @ApiProperty({ minimum: 1, maximum: 100000, description: 'People, companions included' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity: number;
  @ApiPropertyOptional({
    enum: [DAG_VAN_DE_MANTELZORG],
    description: 'An event for the Dag van de Mantelzorg: its date defaults to 10 November',
  })
  @IsOptional()
  @IsIn([DAG_VAN_DE_MANTELZORG])
  occasion?: typeof DAG_VAN_DE_MANTELZORG;
  @ApiPropertyOptional({ enum: PEER_GROUP_THEMES, description: 'Required for a peer group' })
  @IsOptional()
  @IsIn(PEER_GROUP_THEMES)
  theme?: PeerGroupTheme;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 5,
    description: 'Companions one person may bring (default 1 for events, 0 otherwise)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  maxCompanions?: number;
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 720,
    default: 24,
    description: 'Answers can change until this many hours before the first session',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  responseCutoffHours?: number;
  @ApiPropertyOptional({
    example: 'dementia',
    description: 'Courses only: the training it gives; attending records it for volunteers and staff',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'givesTraining must be a training key such as dementia' })
  givesTraining?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 120, description: 'With givesTraining: months the training counts' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  trainingValidMonths?: number;
  @ApiPropertyOptional({
    enum: ['volunteers', 'staff', 'residents'],
    isArray: true,
    description:
      'Who else may sign up themselves, besides carers (courses and peer groups); residents sign up without an account, with a name and a confirmed email address',
  })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsIn(['volunteers', 'staff', 'residents'], { each: true })
  alsoOpenTo?: Array<'volunteers' | 'staff' | 'residents'>;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff member or volunteer of this municipality who leads it' })
  @IsOptional()
  @IsUUID()
  facilitatorAccountId?: string;
  @ApiPropertyOptional({ type: [SessionTimesDto], description: 'One-off sessions' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSIONS)
  @ValidateNested({ each: true })
  @Type(() => SessionTimesDto)
  sessions?: SessionTimesDto[];
  @ApiPropertyOptional({ type: RecurrenceDto, description: 'Recurring sessions, in the municipality’s local time' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;
  @ApiPropertyOptional({
    example: '2026-11-10',
    description: 'One session on this local date (defaults to 10 November for the Dag van de Mantelzorg)',
  })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  date?: string;
  @ApiPropertyOptional({ example: '14:00', description: 'With date: local start (default 14:00)' })
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be HH:mm' })
  startTime?: string;
  @ApiPropertyOptional({ example: '17:00', description: 'With date: local end (default 17:00)' })
  @IsOptional()
  @Matches(TIME, { message: 'endTime must be HH:mm' })
  endTime?: string;
}

export class UpdateActivityDto {
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @ApiPropertyOptional({ maxLength: 4000 }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ maxLength: 300 }) @IsOptional() @IsString() @MaxLength(300) location?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 100000, description: 'Never below the places taken' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 5 }) @IsOptional() @IsInt() @Min(0) @Max(5) maxCompanions?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 720 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  responseCutoffHours?: number;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() facilitatorAccountId?: string;
}

export class MoveSessionDto extends SessionTimesDto {}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;

  static from(session: ActivitySession): SessionDto {
    return {
      id: session.id,
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      cancelledAt: session.cancelledAt?.toISOString() ?? null,
    };
  }
}

export class ActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String, enum: [DAG_VAN_DE_MANTELZORG] }) occasion: string | null;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) location: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, enum: PEER_GROUP_THEMES }) theme: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Courses: the training attending gives' })
  givesTraining: string | null;
  @ApiProperty({ type: [String], description: 'Who else may sign up themselves besides carers' }) alsoOpenTo: string[];
  @ApiProperty() capacity: number;
  @ApiProperty({ description: 'Places left (people, companions included)' }) remaining: number;
  @ApiProperty() maxCompanions: number;
  @ApiProperty() responseCutoffHours: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) facilitatorAccountId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ type: [SessionDto] }) sessions: SessionDto[];

  static from(activity: Activity, sessions: ActivitySession[]): ActivityDto {
    return {
      id: activity.id,
      kind: activity.kind,
      occasion: activity.occasion,
      title: activity.title,
      description: activity.description,
      location: activity.location,
      theme: activity.theme,
      givesTraining: activity.givesTraining,
      alsoOpenTo: activity.alsoOpenTo,
      capacity: activity.capacity,
      remaining: activity.capacity - activity.placesTaken,
      maxCompanions: activity.maxCompanions,
      responseCutoffHours: activity.responseCutoffHours,
      facilitatorAccountId: activity.facilitatorAccountId,
      cancelledAt: activity.cancelledAt?.toISOString() ?? null,
      sessions: sessions.map(SessionDto.from),
    };
  }
}

export class InvitationAudienceDto {
  @ApiPropertyOptional({ description: 'Every active carer of the municipality; leave the filters out' })
  @IsOptional()
  @Equals(true)
  all?: true;
  @ApiPropertyOptional({ description: 'A wijk of this municipality, by id or name' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  wijk?: string;
  @ApiPropertyOptional({ enum: AGE_BAND_NAMES }) @IsOptional() @IsIn(AGE_BAND_NAMES) ageBand?: AgeBand;
  @ApiPropertyOptional({ description: 'Only carers under 25 (true) or 25 and older (false)' })
  @IsOptional()
  @IsBoolean()
  youngCarers?: boolean;
  @ApiPropertyOptional({
    enum: KINDS_OF_CARE,
    description: 'Theme of care: a kind of care in a current care relationship',
  })
  @IsOptional()
  @IsIn(KINDS_OF_CARE)
  kindOfCare?: KindOfCare;
  @ApiPropertyOptional({ enum: ['low', 'moderate', 'high'], description: 'Burden of the latest screening' })
  @IsOptional()
  @IsIn(['low', 'moderate', 'high'])
  burden?: 'low' | 'moderate' | 'high';
}

export class CreateInvitationsDto {
  @ApiProperty({ type: InvitationAudienceDto, example: { all: true } })
  @IsDefined()
  @ValidateNested()
  @Type(() => InvitationAudienceDto)
  audience: InvitationAudienceDto;
}

export class CancelSessionDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Told to the participants' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
