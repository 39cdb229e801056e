import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AppreciationApplication } from '../application.entity';
import { ApplicationResult } from '../application.service';
import { VoucherDto } from './voucher.dto';

export class ApplyDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() careRelationshipId: string;
  @ApiPropertyOptional({
    enum: ['voucher', 'culture_ticket'],
    default: 'voucher',
    description: 'The culture ticket where the campaign offers it',
  })
  @IsOptional()
  @IsIn(['voucher', 'culture_ticket'])
  choice?: 'voucher' | 'culture_ticket';
}

export class NominateDto extends ApplyDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() carerId: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'reject'] }) @IsIn(['approve', 'reject']) decision: 'approve' | 'reject';
  @ApiProperty({ maxLength: 500, description: 'Why; kept with the application' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note: string;
}

export class RuleOutcomeDto {
  @ApiProperty({ example: 'min_hours_per_week' }) rule: string;
  @ApiProperty({ enum: ['met', 'not_met', 'unclear'] }) outcome: string;
  @ApiProperty({ example: '12 hours of care a week, at least 8 asked' }) detail: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "Null for a volunteer's application" })
  carerId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) careRelationshipId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: "A volunteer's application" })
  volunteerId: string | null;
  @ApiProperty({ enum: ['approved', 'rejected', 'needs_review'] }) status: string;
  @ApiProperty({ enum: ['voucher', 'culture_ticket'] }) choice: string;
  @ApiProperty({ type: [RuleOutcomeDto] }) reasons: RuleOutcomeDto[];
  @ApiProperty({ description: 'Nominated by staff rather than applied for by the carer' }) nominated: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) reviewNote: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: VoucherDto, nullable: true, description: 'Issued with an approval' })
  voucher?: VoucherDto | null;

  static from(application: AppreciationApplication, result?: ApplicationResult): ApplicationDto {
    return {
      id: application.id,
      campaignId: application.campaignId,
      carerId: application.carerId,
      careRelationshipId: application.careRelationshipId,
      volunteerId: application.volunteerId,
      status: application.status,
      choice: application.choice,
      reasons: application.reasons,
      nominated: application.nominatedBy !== null,
      reviewNote: application.reviewNote,
      createdAt: application.createdAt.toISOString(),
      ...(result ? { voucher: result.voucher ? VoucherDto.from(result.voucher) : null } : {}),
    };
  }
}

export class ApplicationListDto {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class VolunteerApplyDto {
  @ApiPropertyOptional({ enum: ['voucher', 'culture_ticket'], default: 'voucher' })
  @IsOptional()
  @IsIn(['voucher', 'culture_ticket'])
  choice?: 'voucher' | 'culture_ticket';
}
