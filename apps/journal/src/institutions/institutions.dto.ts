import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { INSTITUTION_TERM_LIMITS, MODERATION_MODES, type ModerationMode } from '@app/moderation/core/institution';
import { SafeLine } from '@app/platform/validation';
import { LOCAL_DATE_PATTERN, LOCAL_TIME_PATTERN } from './dates';
import { QUIET_HOURS_PATTERN } from '@app/platform/config/app-config';

const { maxTerms, maxLength } = INSTITUTION_TERM_LIMITS;

/** Each list given replaces the stored one; its terms are checked one by one by the service (stable codes). */
export class ModerationSettingsDto {
  @ApiPropertyOptional({
    type: [String],
    description: `Local names and words, as written, never flagged by the word lexicon (threat and hate rules still apply); at most ${maxTerms}, each at most ${maxLength} characters`,
    example: ['Dirsa', 'Pimpīšu teātris'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  allowedTerms?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: `Extra words to flag as moderate profanity, as written or with a common ending appended: held for review, blocked in strict mode; at most ${maxTerms}, each at most ${maxLength} characters`,
    example: ['lohs'],
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  blockedTerms?: string[];

  @ApiPropertyOptional({ enum: MODERATION_MODES, description: '`strict` blocks moderate profanity, insults, harassment and sexual remarks that `default` holds for review' })
  @IsOptional()
  @IsIn(MODERATION_MODES)
  mode?: ModerationMode;

  @ApiPropertyOptional({
    description:
      'Ask the statistical (character n-gram) second opinion about messages the rules allow: `true` holds more abuse for review, and more innocent messages too; it never rejects. null: the service default (off)',
    example: true,
    nullable: true,
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsBoolean({ message: 'secondOpinion must be true, false or null' })
  secondOpinion?: boolean | null;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ description: 'Absence/return must be reported by this time on the previous working day (HH:mm, Riga)', example: '09:30' })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'absenceCutoffPreviousDay must be HH:mm' })
  absenceCutoffPreviousDay?: string;

  @ApiPropertyOptional({ description: 'Last moment on the day itself that still cancels its meals (HH:mm, Riga)', example: '08:50' })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'absenceCutoffSameDay must be HH:mm' })
  absenceCutoffSameDay?: string;

  @ApiPropertyOptional({ description: 'When the kitchen report for the next working day is sent (HH:mm, Riga)', example: '09:30' })
  @IsOptional()
  @Matches(LOCAL_TIME_PATTERN, { message: 'mealReportTime must be HH:mm' })
  mealReportTime?: string;

  @ApiPropertyOptional({ description: 'Seconds a normal message alert waits to be read in the app first; null: the service default (ALERT_DELAY_SECONDS)', example: 600, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt({ message: 'alertDelaySeconds must be a whole number of seconds' })
  @Min(0)
  @Max(86_400)
  alertDelaySeconds?: number | null;

  @ApiPropertyOptional({ description: 'Quiet hours for non-urgent alerts (HH:mm-HH:mm, Riga) or `off`; null: the service default (QUIET_HOURS)', example: '21:00-07:00', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @Matches(QUIET_HOURS_PATTERN, { message: 'quietHours must be HH:mm-HH:mm or off' })
  quietHours?: string | null;

  @ApiPropertyOptional({ description: 'SMS drop Latvian diacritics when that saves segments (never inside a password)', example: false })
  @IsOptional()
  @IsBoolean()
  smsTransliterate?: boolean;

  @ApiPropertyOptional({ description: 'SMS segments per Riga calendar month; over it alerts go by e-mail instead; null: unlimited', example: 5000, nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsInt({ message: 'smsMonthlySegmentBudget must be a whole number' })
  @Min(0)
  @Max(10_000_000)
  smsMonthlySegmentBudget?: number | null;

  @ApiPropertyOptional({ type: ModerationSettingsDto, description: 'Message moderation: allow-list, extra blocked words, mode, second opinion' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ModerationSettingsDto)
  moderation?: ModerationSettingsDto;
}

export class CreateClosureDto {
  @ApiProperty({ description: 'First closed day (Riga date, inclusive)', example: '2026-10-26' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ description: 'Last closed day (Riga date, inclusive)', example: '2026-10-30' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to!: string;

  @ApiProperty({ example: 'Rudens brīvdienas', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @SafeLine()
  reason!: string;
}

export class ClosuresQuery {
  @ApiPropertyOptional({ description: 'Only closures ending on or after this date', example: '2026-09-01' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Only closures starting on or before this date', example: '2027-08-31' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
