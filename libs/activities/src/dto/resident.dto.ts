import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '@app/platform';
import { OpenActivity } from '../resident-signups';
import { SessionDto } from './activity.dto';

export class OpenActivitiesQuery extends PageQuery {
  @ApiProperty({ example: 'GM0402', description: 'The municipality’s CBS code' })
  @IsString()
  @Matches(/^GM\d{4}$/, { message: 'municipality must be GM followed by four digits' })
  municipality: string;
}

export class ResidentRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'The name the facilitator will see on the list' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
  @ApiProperty({ maxLength: 254, description: 'Where the confirmation link goes; the sign-up counts once confirmed' })
  @IsEmail()
  @MaxLength(254)
  email: string;
  @ApiPropertyOptional({ minimum: 0, maximum: 5, default: 0, description: 'People coming along' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  companions?: number;
  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}

export class OpenActivityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['course', 'peer_group'] }) kind: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) location: string | null;
  @ApiProperty({ description: 'Places not taken now; 0 means a sign-up joins the waiting list' }) placesLeft: number;
  @ApiProperty() maxCompanions: number;
  @ApiProperty({ format: 'date-time', description: 'Signing up closes then' }) responsesCloseAt: string;
  @ApiProperty({ type: [SessionDto], description: 'The sessions still ahead' }) sessions: SessionDto[];

  static from(open: OpenActivity): OpenActivityDto {
    const { activity } = open;
    return {
      id: activity.id,
      kind: activity.kind,
      title: activity.title,
      description: activity.description,
      location: activity.location,
      placesLeft: Math.max(0, activity.capacity - activity.placesTaken),
      maxCompanions: activity.maxCompanions,
      responsesCloseAt: open.responsesCloseAt.toISOString(),
      sessions: open.sessions.map((session) => SessionDto.from(session)),
    };
  }
}

export class OpenActivityListDto {
  @ApiProperty({ type: [OpenActivityDto] }) items: OpenActivityDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class AcceptedDto {
  @ApiProperty({ example: 'accepted' }) status: string;
}
