import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Account, OwnNameAndAddressFields, PersonProfileFields } from '@app/identity';
import { LOCAL_DATE, Omittable, PageQuery, queryBoolean } from '@app/platform';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
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
} from 'class-validator';
import { AVAILABILITY_KEY } from '../availability';
import { VolunteerAbsence } from '../volunteer-absence.entity';
import { VolunteerTraining } from '../volunteer-training.entity';
import { Volunteer } from '../volunteer.entity';

/** What a volunteer offers: skills, languages, when, and how many matches at once. */
class VolunteerPreferenceFields {
  @ApiPropertyOptional({
    type: [String],
    example: ['company', 'transport'],
    description: 'From the municipality’s list (settings.volunteerSkills)',
  })
  @Omittable()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  skills?: string[];

  @ApiPropertyOptional({ type: [String], example: ['nl', 'tr'], description: 'ISO 639-1 codes' })
  @Omittable()
  @ArrayMaxSize(10)
  @Matches(/^[a-z]{2}$/, { each: true, message: 'each language must be a two-letter code such as nl' })
  languages?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['1-ochtend', '3-middag'],
    description: 'Weekly availability, "weekday-dagdeel" with ISO weekdays (1 = Monday)',
  })
  @Omittable()
  @ArrayMaxSize(21)
  @Matches(AVAILABILITY_KEY, {
    each: true,
    message: 'each availability must look like 1-ochtend (weekday 1-7, ochtend, middag or avond)',
  })
  availability?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 10, default: 2, description: 'Matches at the same time' })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(10)
  maxMatches?: number;
}

class VolunteerProfileFields extends IntersectionType(PersonProfileFields, VolunteerPreferenceFields) {}

export class VolunteerSignUpDto extends VolunteerProfileFields {
  @ApiProperty({ example: 'GM0415' })
  @IsString()
  @Matches(/^GM\d{4}$/, { message: 'municipalityCode must be GM followed by four digits' })
  municipalityCode: string;
  @ApiProperty({ maxLength: 254 }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ minLength: 12, maxLength: 256 }) @IsString() @MinLength(12) @MaxLength(256) password: string;
}

export class VolunteerRegistrationDto extends VolunteerProfileFields {
  @ApiPropertyOptional({ maxLength: 254, description: 'Leave out for volunteers without email' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class UpdateVolunteerDto extends IntersectionType(VolunteerPreferenceFields, OwnNameAndAddressFields) {
  @ApiPropertyOptional({ example: '0201234567' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

export class VolunteerCreatedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending_verification', 'invited', 'registered'] }) status: string;
}

export class RecordVogDto {
  @ApiProperty({ example: '2026-10-01', description: 'Issue date on the certificate' })
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  issuedOn: string;
  @ApiPropertyOptional({ description: 'The municipality paid the cost of this VOG back (today is recorded)' })
  @IsOptional()
  @IsBoolean()
  costReimbursed?: boolean;
}

export class AddTrainingDto {
  @ApiProperty({ example: 'dementia', maxLength: 40 })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'kind must be a lowercase key such as dementia' })
  kind: string;
  @ApiProperty({ example: '2026-09-15' }) @Matches(LOCAL_DATE) @IsISO8601({ strict: true }) completedOn: string;
  @ApiPropertyOptional({ example: '2028-09-15', description: 'When the training lapses, if it does' })
  @IsOptional()
  @Matches(LOCAL_DATE)
  @IsISO8601({ strict: true })
  validUntil?: string;
}

export class AddAbsenceDto {
  @ApiProperty({ example: '2026-12-24' }) @Matches(LOCAL_DATE) @IsISO8601({ strict: true }) from: string;
  @ApiProperty({ example: '2027-01-03' }) @Matches(LOCAL_DATE) @IsISO8601({ strict: true }) to: string;
}

export class VolunteerSearchQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'inactive'] }) @IsOptional() @IsIn(['active', 'inactive']) status?:
    'active' | 'inactive';
  @ApiPropertyOptional({ example: 'transport' }) @IsOptional() @IsString() @MaxLength(40) skill?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() wijkId?: string;
  @ApiPropertyOptional({ description: 'VOG within the municipal maximum age' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  vogValid?: boolean;
}

export class TrainingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'date' }) completedOn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) validUntil: string | null;

  static from(training: VolunteerTraining): TrainingDto {
    return { id: training.id, kind: training.kind, completedOn: training.completedOn, validUntil: training.validUntil };
  }
}

export class AbsenceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;

  static from(absence: VolunteerAbsence): AbsenceDto {
    return { id: absence.id, from: absence.fromDate, to: absence.toDate };
  }
}

export class VolunteerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null once erased' }) postcode: string | null;
  @ApiProperty({ nullable: true, type: String }) houseNumber: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) wijkId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: ['active', 'inactive'] }) status: string;
  @ApiProperty({ type: [String] }) skills: string[];
  @ApiProperty({ type: [String] }) languages: string[];
  @ApiProperty({ type: [String] }) availability: string[];
  @ApiProperty() maxMatches: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date' }) vogIssuedOn: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'When the VOG cost was paid back' })
  vogCostReimbursedOn: string | null;

  static from(volunteer: Volunteer, account?: Account | null): VolunteerDto {
    return {
      id: volunteer.id,
      firstName: volunteer.firstName,
      lastName: volunteer.lastName,
      dateOfBirth: volunteer.dateOfBirth,
      postcode: volunteer.postcode,
      houseNumber: volunteer.houseNumber,
      wijkId: volunteer.wijkId,
      phone: volunteer.phone,
      email: account?.email ?? null,
      status: volunteer.status,
      skills: volunteer.skills,
      languages: volunteer.languages,
      availability: volunteer.availability,
      maxMatches: volunteer.maxMatches,
      vogIssuedOn: volunteer.vogIssuedOn,
      vogCostReimbursedOn: volunteer.vogCostReimbursedOn,
    };
  }
}

export class TrainingListDto {
  @ApiProperty({ type: [TrainingDto] }) items: TrainingDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class AbsenceListDto {
  @ApiProperty({ type: [AbsenceDto] }) items: AbsenceDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class OpenRequestFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty() waitingOver7Days: number;
  @ApiProperty() waitingOver30Days: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) oldestWaitingDays: number | null;
}

export class VolunteerFiguresDto {
  @ApiProperty() active: number;
  @ApiProperty() inactive: number;
  @ApiProperty() activeWithValidVog: number;
  @ApiProperty() activeWithDementiaTraining: number;
  @ApiProperty() activeTrainedWithValidVog: number;
}

export class StaffTrainingFiguresDto {
  @ApiProperty({ description: 'Staff and admins not disabled' }) active: number;
  @ApiProperty({ description: 'Of them, with a valid dementia training (e.g. from a course)' })
  withDementiaTraining: number;
  @ApiProperty({ description: 'withDementiaTraining / active, 0..1' }) trainedShare: number;
}

export class VolunteerOverviewDto {
  @ApiProperty({ type: OpenRequestFiguresDto }) openRequests: OpenRequestFiguresDto;
  @ApiProperty({ type: VolunteerFiguresDto }) volunteers: VolunteerFiguresDto;
  @ApiProperty({
    description: 'Active volunteers with a valid VOG and dementia training, as a share of all active (0..1)',
  })
  trainedShare: number;
  @ApiProperty({ example: 0.7 }) trainedTarget: number;
  @ApiProperty({ type: StaffTrainingFiguresDto }) staff: StaffTrainingFiguresDto;
}
