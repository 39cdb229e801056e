import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '@app/platform';
import { SocialMapEntry } from '../social-map-entry.entity';

const TOPIC = /^[a-z][a-z0-9_]{1,39}$/;

export class SocialMapEntryInputDto {
  @ApiProperty({ example: 'Stichting Welzijn Landsmeer', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  organisation: string;

  @ApiProperty({ example: 'Cliëntondersteuning bij het aanvragen van thuiszorg en dagbesteding.', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  offer: string;

  @ApiProperty({ type: [String], example: ['client_support'], description: 'From settings.questionTopics' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(TOPIC, { each: true, message: 'each topic must be a topic key such as client_support' })
  topics: string[];

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Leave out for the whole municipality',
  })
  @IsOptional()
  @IsUUID()
  wijkId?: string | null;

  @ApiProperty({ example: '020 123 45 67, info@welzijn.example.nl', maxLength: 300 })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  contact: string;

  @ApiPropertyOptional({ example: 'ma-vr 9:00-12:00', maxLength: 300, type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  openingHours?: string | null;

  @ApiPropertyOptional({ example: 'https://welzijn.example.nl', maxLength: 300, type: String, nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true })
  @MaxLength(300)
  website?: string | null;
}

export class SocialMapSearchQuery extends PageQuery {
  @ApiProperty({ example: 'GM0415' })
  @IsString()
  @Matches(/^GM\d{4}$/, { message: 'municipalityCode must be GM followed by four digits' })
  municipalityCode: string;

  @ApiPropertyOptional({ example: 'client_support' })
  @IsOptional()
  @Matches(TOPIC, { message: 'topic must be a topic key such as client_support' })
  topic?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "This wijk's entries and those for the whole municipality" })
  @IsOptional()
  @IsUUID()
  wijkId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: "Words in the organisation's name or offer" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  text?: string;
}

export class SocialMapEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() organisation: string;
  @ApiProperty() offer: string;
  @ApiProperty({ type: [String] }) topics: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) wijkId: string | null;
  @ApiProperty() contact: string;
  @ApiProperty({ nullable: true, type: String }) openingHours: string | null;
  @ApiProperty({ nullable: true, type: String }) website: string | null;

  static from(entry: SocialMapEntry): SocialMapEntryDto {
    return {
      id: entry.id,
      organisation: entry.organisation,
      offer: entry.offer,
      topics: entry.topics,
      wijkId: entry.wijkId,
      contact: entry.contact,
      openingHours: entry.openingHours,
      website: entry.website,
    };
  }
}

export class SocialMapListDto {
  @ApiProperty({ type: [SocialMapEntryDto], description: 'Alphabetical; a search finds at most 200' })
  items: SocialMapEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}
