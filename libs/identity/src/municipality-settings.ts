import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class RespiteBudgetSetting {
  @ApiProperty({ enum: ['dagdelen', 'hours'] })
  @IsIn(['dagdelen', 'hours'])
  unit: 'dagdelen' | 'hours';

  @ApiProperty({ minimum: 0, maximum: 2000, description: 'Per carer per calendar year' })
  @IsInt()
  @Min(0)
  @Max(2000)
  perYear: number;
}

/** Municipal policy the rules read. Stored as one typed document; defaults below. */
export class MunicipalitySettings {
  @ApiProperty({ type: RespiteBudgetSetting })
  @ValidateNested()
  @Type(() => RespiteBudgetSetting)
  respiteBudget: RespiteBudgetSetting;

  @ApiProperty({ minimum: 0, maximum: 720, description: 'Minimum hours between booking and slot start' })
  @IsInt()
  @Min(0)
  @Max(720)
  respiteMinimumNoticeHours: number;

  @ApiProperty({ minimum: 0, maximum: 720, description: 'Free cancellation until this many hours before the slot' })
  @IsInt()
  @Min(0)
  @Max(720)
  respiteCancellationCutoffHours: number;

  @ApiProperty({ minimum: 1, maximum: 168 })
  @IsInt()
  @Min(1)
  @Max(168)
  waitlistHoldHours: number;

  @ApiProperty({ type: [Number], description: 'Hours before a slot that reminders go out' })
  @ArrayMinSize(0)
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(720, { each: true })
  reminderOffsetsHours: number[];

  @ApiProperty({ minimum: 1, maximum: 120, description: 'A VOG older than this does not count' })
  @IsInt()
  @Min(1)
  @Max(120)
  vogMaximumAgeMonths: number;

  @ApiProperty({ minimum: 1, maximum: 120, description: 'Inactive people are anonymised after this' })
  @IsInt()
  @Min(1)
  @Max(120)
  retentionMonths: number;

  @ApiProperty({ minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  signalDueWorkingDays: number;

  @ApiProperty({ minimum: 1, maximum: 24 })
  @IsInt()
  @Min(1)
  @Max(24)
  rescreeningMonths: number;

  @ApiProperty({ minimum: 1, maximum: 180 })
  @IsInt()
  @Min(1)
  @Max(180)
  reconfirmationGraceDays: number;

  @ApiProperty({ description: 'Sender name on emails, e.g. "Mantelzorgsteunpunt Landsmeer"' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  senderName: string;

  @ApiProperty({
    type: [String],
    description: 'Skills volunteers choose from and help requests ask for',
    example: ['company', 'transport', 'dementia_care'],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    each: true,
    message: 'each skill must be a lowercase key such as dementia_care',
  })
  volunteerSkills: string[];

  @ApiProperty({
    type: [String],
    description: "Topics of carers' questions to the steunpunt and of the social map",
    example: ['practical_help', 'client_support', 'respite', 'money', 'work_and_care', 'young_carers', 'other'],
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    each: true,
    message: 'each topic must be a lowercase key such as work_and_care',
  })
  questionTopics: string[];

  @ApiProperty({
    minimum: 1,
    maximum: 180,
    description:
      'Days before a VOG reaches its maximum age or a training lapses that volunteers and staff are reminded',
  })
  @IsInt()
  @Min(1)
  @Max(180)
  volunteerExpiryNoticeDays: number;

  @ApiProperty({
    minimum: 1,
    maximum: 180,
    description: 'Days before a voucher with balance left expires that its carer is reminded, once',
  })
  @IsInt()
  @Min(1)
  @Max(180)
  voucherExpiryNoticeDays: number;
}

type NumericSetting = {
  [K in keyof MunicipalitySettings]: MunicipalitySettings[K] extends number ? K : never;
}[keyof MunicipalitySettings];

/** SQL for a whole-number setting of a municipality row (alias), falling back to its default as the entity does. */
export function settingSql(alias: string, key: NumericSetting): string {
  return `COALESCE((${alias}.settings ->> '${key}')::int, ${defaultMunicipalitySettings('')[key]})`;
}

/** SQL for the moment before which a municipality's inactive people are past retention (alias: the municipality row). */
export function retentionCutoffSql(alias: string): string {
  return `now() - make_interval(months => ${settingSql(alias, 'retentionMonths')})`;
}

/** Practical help, applying for home or day care (cliëntondersteuning), respite, money, work and care, young carers, other. */
export const DEFAULT_QUESTION_TOPICS = [
  'practical_help',
  'client_support',
  'respite',
  'money',
  'work_and_care',
  'young_carers',
  'other',
] as const;

export function defaultMunicipalitySettings(municipalityName: string): MunicipalitySettings {
  return {
    respiteBudget: { unit: 'dagdelen', perYear: 24 },
    respiteMinimumNoticeHours: 24,
    respiteCancellationCutoffHours: 24,
    waitlistHoldHours: 24,
    reminderOffsetsHours: [48, 3],
    vogMaximumAgeMonths: 36,
    retentionMonths: 24,
    signalDueWorkingDays: 5,
    rescreeningMonths: 6,
    reconfirmationGraceDays: 30,
    senderName: `Mantelzorgsteunpunt ${municipalityName}`,
    volunteerExpiryNoticeDays: 30,
    voucherExpiryNoticeDays: 30,
    volunteerSkills: [
      'company',
      'transport',
      'practical_help',
      'respite_at_home',
      'dementia_care',
      'digital_help',
      'shopping',
      'administration',
    ],
    questionTopics: [...DEFAULT_QUESTION_TOPICS],
  };
}
