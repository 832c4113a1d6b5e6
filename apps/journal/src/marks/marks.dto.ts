import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsDefined, IsIn, IsOptional, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { MARK_KINDS, MARK_SCALES, type MarkKind, type MarkScale } from '@app/gradebook';
import { SafeLine } from '@app/platform/validation';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

const VALUE_DESCRIPTION =
  '"1"…"10" on 1-10, "pass"/"fail" (ieskaitīts/neieskaitīts) on pass-fail, "S"/"T"/"A"/"P" on S-T-A-P; null: not assessed for a justified reason. Anything else is 422 MARK_OUT_OF_SCALE';

export class CreateMarkDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ example: 'Matemātika', maxLength: 80 })
  @SafeLine()
  @MaxLength(80)
  subject!: string;

  @ApiProperty({ description: 'Riga-local date; not a public holiday or closure, not after today', example: '2026-10-14' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: MARK_SCALES, example: '1-10' })
  @IsIn(MARK_SCALES)
  scale!: MarkScale;

  // Checked against the scale by the service (422 MARK_OUT_OF_SCALE), whatever its JSON type.
  @ApiProperty({ description: VALUE_DESCRIPTION, example: '8', nullable: true, type: String })
  @ValidateIf((o: { value?: unknown }) => o.value === undefined)
  @IsDefined({ message: 'value is required (null: not assessed)' })
  @Allow()
  value!: unknown;

  @ApiPropertyOptional({ enum: MARK_KINDS, default: 'lesson', example: 'test' })
  @IsOptional()
  @IsIn(MARK_KINDS)
  kind?: MarkKind;

  @ApiPropertyOptional({ description: 'The lesson the mark was given in (same group, subject and date); a substitute marks through it' })
  @IsOptional()
  @IsUUID()
  lessonId?: string;
}

export class UpdateMarkDto {
  @ApiProperty({ description: VALUE_DESCRIPTION, example: '9', nullable: true, type: String })
  @ValidateIf((o: { value?: unknown }) => o.value === undefined)
  @IsDefined({ message: 'value is required (null: not assessed)' })
  @Allow()
  value!: unknown;
}

export class MarksQuery {
  @ApiPropertyOptional({ example: '2026-09-01' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-10-31' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
