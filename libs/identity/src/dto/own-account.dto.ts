import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class UpdateOwnAccountDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'The name the steunpunt and mail use for you' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?: 'nl' | 'en';

  @ApiPropertyOptional({
    description: 'false: no campaign mail at all (as the unsubscribe link); true: subscribe again',
  })
  @IsOptional()
  @IsBoolean()
  campaignMail?: boolean;

  @ApiPropertyOptional({
    type: [String],
    example: ['activity_invitation'],
    description: 'Campaign mail kinds not wanted (from optionalMailKinds of GET /me); the rest are wanted',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9_]{1,59}$/, { each: true, message: 'each mail kind must be a kind key' })
  mailOptOuts?: string[];
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 256 }) @IsString() @MinLength(1) @MaxLength(256) currentPassword: string;
  @ApiProperty({ minLength: 12, maxLength: 256 }) @IsString() @MinLength(12) @MaxLength(256) newPassword: string;
}

export class ChangeEmailDto {
  @ApiProperty({ maxLength: 254 }) @IsEmail() @MaxLength(254) newEmail: string;
  @ApiProperty({ maxLength: 256 }) @IsString() @MinLength(1) @MaxLength(256) currentPassword: string;
}
