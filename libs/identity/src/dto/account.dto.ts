import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AccountRole, OPERATOR_ROLE, PageQuery, PERSON_ROLES, PersonRole } from '@app/platform';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Account } from '../account.entity';
import { Municipality } from '../municipality.entity';

export class CreateUserDto {
  @ApiProperty({ maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    enum: ['staff', 'admin', 'provider'],
    description: 'provider: a respite provider, bound to offers with PUT /respite/offers/{id}/providers',
  })
  @IsIn(['staff', 'admin', 'provider'])
  role: 'staff' | 'admin' | 'provider';

  @ApiProperty({ example: 'Anne de Vries', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  @ApiPropertyOptional({ enum: ['nl', 'en'], default: 'nl' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PERSON_ROLES })
  @IsOptional()
  @IsIn(PERSON_ROLES)
  role?: PersonRole;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ enum: [...PERSON_ROLES, OPERATOR_ROLE] }) role: AccountRole;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ['nl', 'en'] }) language: 'nl' | 'en';
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() disabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(account: Account): UserDto {
    return {
      id: account.id,
      email: account.email,
      role: account.role,
      displayName: account.displayName,
      language: account.language,
      emailVerified: account.emailVerifiedAt !== null,
      disabled: account.disabledAt !== null,
      createdAt: account.createdAt.toISOString(),
    };
  }
}

export class MunicipalityRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GM0415' }) code: string;
  @ApiProperty({ example: 'Landsmeer' }) name: string;

  static from(municipality: Municipality): MunicipalityRefDto {
    return { id: municipality.id, code: municipality.code, name: municipality.name };
  }
}

export class MeDto extends UserDto {
  @ApiProperty({ type: MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiProperty({ description: 'Whether campaign mail comes at all (false after unsubscribing)' }) campaignMail: boolean;
  @ApiProperty({ type: [String], description: 'Campaign mail kinds not wanted' }) mailOptOuts: string[];
  @ApiProperty({ type: [String], description: 'The campaign mail kinds one can choose between' })
  optionalMailKinds: string[];
}
