import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ISO_WITH_OFFSET, PageQuery, queryInstant } from '@app/platform';
import { Transform } from 'class-transformer';
import { AuditEntry } from '../audit-entry.entity';

export class ReasonDto {
  @ApiProperty({
    example: 'Verzoek van mevrouw per brief van 3 november',
    minLength: 5,
    maxLength: 500,
    description: 'Why staff act for the person; kept in the audit log',
  })
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  reason: string;
}

export class AccountParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() accountId: string;
}

export class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Entries of this staff member or admin' })
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Entries about this person's record" })
  @IsOptional()
  @IsUUID()
  subjectAccountId?: string;
  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+01:00' })
  @IsOptional()
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET)
  @IsISO8601()
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+01:00' })
  @IsOptional()
  @Transform(queryInstant)
  @Matches(ISO_WITH_OFFSET)
  @IsISO8601()
  to?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid' }) actorAccountId: string;
  @ApiProperty({ format: 'uuid', description: "The acting staff member's municipality" })
  actorMunicipalityId: string;
  @ApiProperty({ enum: ['staff', 'admin', 'operator'] }) actorRole: string;
  @ApiProperty({ enum: ['read', 'change', 'export', 'erase'] }) action: string;
  @ApiProperty({ example: 'GET /api/v1/carers/:carerId' }) route: string;
  @ApiProperty({ example: 'carer' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) subjectAccountId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;

  static from(entry: AuditEntry): AuditEntryDto {
    return {
      id: entry.id,
      at: entry.createdAt.toISOString(),
      actorAccountId: entry.actorAccountId,
      actorMunicipalityId: entry.municipalityId,
      actorRole: entry.actorRole,
      action: entry.action,
      route: entry.route,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      subjectAccountId: entry.subjectAccountId,
      reason: entry.reason,
    };
  }
}

/** What a person sees of who looked at their record: the role and the moment, not staff's ids. */
export class AccessLogEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['staff', 'admin'] }) actorRole: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Name of the staff member, when known' })
  actorName: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: "The staff member's municipality when it is not the person's own (regional respite)",
  })
  otherMunicipality: string | null;
  @ApiProperty({ enum: ['read', 'change', 'export', 'erase'] }) action: string;
  @ApiProperty({ example: 'carer', description: 'Which part of the record' }) subjectType: string;
}

export class PersonalDataExportDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object' } },
    description: 'Rows of every table that holds data about the person, by table name',
  })
  tables: Record<string, object[]>;
}

export class ErasureAcceptedDto {
  @ApiProperty({ enum: ['erased'] }) status: 'erased';
}
