import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ABSENCE_JUSTIFICATIONS, ABSENCE_REASONS, type AbsenceJustification, type AbsenceReason } from '@app/attendance/entities';
import { SafeText } from '@app/platform/validation';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

export class CreateAbsenceDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ description: 'First day of absence (Riga date, inclusive)', example: '2026-10-16' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiPropertyOptional({ description: 'Last day of absence (inclusive); open-ended when omitted or null', example: '2026-10-20', nullable: true, type: String })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string | null;

  @ApiProperty({ enum: ABSENCE_REASONS })
  @IsIn(ABSENCE_REASONS)
  reason!: AbsenceReason;

  @ApiPropertyOptional({ description: 'Required when the reason is "other"', maxLength: 500 })
  @IsOptional()
  @SafeText()
  @MaxLength(500)
  note?: string;
}

export class UpdateAbsenceDto {
  @ApiProperty({ description: 'New last day (end early or extend), or null for open-ended', example: '2026-10-19', nullable: true, type: String })
  @ValidateIf((o: UpdateAbsenceDto) => o.to !== null)
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD or null' })
  to!: string | null;
}

export class ReviewAbsenceDto {
  @ApiPropertyOptional({ enum: ABSENCE_REASONS, description: 'The reason as it turned out' })
  @IsOptional()
  @IsIn(ABSENCE_REASONS)
  reason?: AbsenceReason;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @SafeText()
  @MaxLength(500)
  note?: string;

  @ApiPropertyOptional({ enum: ABSENCE_JUSTIFICATIONS, nullable: true, type: String, description: 'null: not decided yet' })
  @ValidateIf((o: ReviewAbsenceDto) => o.justification !== null && o.justification !== undefined)
  @IsIn(ABSENCE_JUSTIFICATIONS)
  justification?: AbsenceJustification | null;
}

export class AbsencesQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  studentId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ description: 'With groupId: notices covering this Riga date (default today)', example: '2026-10-16' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}
