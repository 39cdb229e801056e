import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class MonitorQuery {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?:
    'json' | 'csv';
}

const SHOWN = {
  oneOf: [
    { type: 'integer', minimum: 5 },
    { type: 'string', enum: ['<5'] },
  ],
};

export class MonitorRowDto {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) wijkId: string | null;
  @ApiProperty({ example: 'Dorp', description: '"unknown" for people outside every wijk' }) wijk: string;
  @ApiProperty({ type: 'array', items: SHOWN, description: 'One value per column' }) cells: Array<number | string>;
  @ApiProperty(SHOWN) total: number | string;
}

export class MonitorTableDto {
  @ApiProperty({ example: 'carers_active' }) figure: string;
  @ApiProperty({ example: 'Actieve mantelzorgers' }) label: string;
  @ApiProperty({ type: [String], example: ['under_25', '25_44', '45_64', '65_74', '75_plus'] }) columns: string[];
  @ApiProperty({ type: [MonitorRowDto] }) rows: MonitorRowDto[];
  @ApiProperty({ type: 'array', items: SHOWN }) columnTotals: Array<number | string>;
  @ApiProperty(SHOWN) total: number | string;
}

export class MonitorMunicipalityDto {
  @ApiProperty({ example: 'GM0415' }) code: string;
  @ApiProperty({ example: 'Landsmeer' }) name: string;
}

export class MonitorReportDto {
  @ApiProperty({ type: MonitorMunicipalityDto }) municipality: MonitorMunicipalityDto;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() suppression: string;
  @ApiProperty({ type: [MonitorTableDto] }) figures: MonitorTableDto[];
}
