import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SafeLine } from '@app/platform/validation';
import { LOCAL_DATE_PATTERN, LOCAL_TIME_PATTERN } from './dates';

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
