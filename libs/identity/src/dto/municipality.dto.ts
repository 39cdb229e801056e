import { ApiProperty, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Municipality } from '../municipality.entity';
import { MunicipalitySettings } from '../municipality-settings';
import { WijkWithRanges } from '../municipality.service';

export class UpdateSettingsDto extends PartialType(MunicipalitySettings) {}

export class MunicipalityDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'GM0415' }) code: string;
  @ApiProperty({ example: 'Landsmeer' }) name: string;
  @ApiProperty({ example: 'Europe/Amsterdam' }) timezone: string;
  @ApiProperty({ type: MunicipalitySettings }) settings: MunicipalitySettings;

  static from(municipality: Municipality): MunicipalityDto {
    return {
      id: municipality.id,
      code: municipality.code,
      name: municipality.name,
      timezone: municipality.timezone,
      settings: municipality.settings,
    };
  }
}

export class PostcodeRangeDto {
  @ApiProperty({ example: 1121, minimum: 1000, maximum: 9999 })
  @IsInt()
  @Min(1000)
  @Max(9999)
  from: number;

  @ApiProperty({ example: 1121, minimum: 1000, maximum: 9999 })
  @IsInt()
  @Min(1000)
  @Max(9999)
  to: number;
}

export class CreateWijkDto {
  @ApiProperty({ example: 'Landsmeer-Oost', maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [PostcodeRangeDto], description: 'PC4 ranges, inclusive; must not overlap other wijken' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PostcodeRangeDto)
  postcodeRanges: PostcodeRangeDto[];
}

export class WijkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [PostcodeRangeDto] }) postcodeRanges: PostcodeRangeDto[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Wijken bordering this one; volunteers there score a little higher',
  })
  neighbourIds: string[];

  static from({ wijk, ranges, neighbourIds }: WijkWithRanges): WijkDto {
    return { id: wijk.id, name: wijk.name, postcodeRanges: ranges, neighbourIds };
  }
}

export class SetWijkNeighboursDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The complete list of bordering wijken; replaces the earlier one',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  neighbourIds: string[];
}

export class WijkListDto {
  @ApiProperty({ type: [WijkDto] }) items: WijkDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Give as cursor for the next page; null on the last' })
  nextCursor: string | null;
}

export class PostcodeQuery {
  @ApiProperty({ example: '1121 AB' })
  @IsString()
  @Matches(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, { message: 'postcode must be a Dutch postcode such as 1121 AB' })
  postcode: string;
}
