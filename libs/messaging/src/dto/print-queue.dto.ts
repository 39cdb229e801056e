import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { WaitingLetter } from '../print/print-queue';

export const MAX_LETTERS_AT_ONCE = 500;

export class WaitingLetterDto {
  @ApiProperty({ format: 'uuid', description: 'The message' }) id: string;
  @ApiProperty({ example: 'respite_booking_confirmed' }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) accountId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) name: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) postcode: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) houseNumber: string | null;
  @ApiProperty({ enum: ['nl', 'en'] }) language: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from({ message, address }: WaitingLetter): WaitingLetterDto {
    return {
      id: message.id,
      kind: message.kind,
      accountId: message.accountId,
      name: address?.name ?? null,
      postcode: address?.postcode ?? null,
      houseNumber: address?.houseNumber ?? null,
      language: message.language,
      createdAt: message.createdAt.toISOString(),
    };
  }
}

const commaSeparated = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class LettersQuery {
  @ApiProperty({
    type: String,
    description: `Message ids of waiting letters, comma-separated (1 to ${MAX_LETTERS_AT_ONCE})`,
    example: '3f0c2a8e-2b7a-4d3e-9a55-0c3f1d0e9b11,7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  })
  @Transform(commaSeparated)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LETTERS_AT_ONCE)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class MarkPrintedDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_LETTERS_AT_ONCE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LETTERS_AT_ONCE)
  @IsUUID('all', { each: true })
  messageIds: string[];
}

export class PrintedDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Letters marked printed; ids no longer waiting are left out',
  })
  printed: string[];
}
