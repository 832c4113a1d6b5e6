import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { SafeLine, SafeText } from '@app/platform/validation';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

/** A test (pārbaudes darbs) was written in the lesson: its test marks are due within five working days. */
const IsTestFlag = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: 'A test (pārbaudes darbs) was written: its test marks are due within five working days, then the teacher is reminded (seed 001 §4.2)',
      example: false,
      default: false,
    }),
    IsOptional(),
    IsBoolean(),
  );

export class CreateLessonDto {
  @ApiProperty({ description: 'Riga-local date of the lesson; not a public holiday or closure, not after today', example: '2026-10-14' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'Matemātika', maxLength: 80 })
  @SafeLine()
  @MaxLength(80)
  subject!: string;

  @ApiPropertyOptional({ example: 'Kvadrātvienādojumi', maxLength: 500, nullable: true, type: String })
  @IsOptional()
  @SafeLine()
  @MaxLength(500)
  topic?: string | null;

  @ApiPropertyOptional({ example: '45. lpp., 3.–5. uzdevums', maxLength: 2000, nullable: true, type: String })
  @IsOptional()
  @SafeText()
  @MaxLength(2000)
  homework?: string | null;

  @ApiPropertyOptional({ description: 'A substitute names the group’s teacher they stood in for (seeds 000 §4.11, 002 §15)' })
  @IsOptional()
  @IsUUID()
  substituteFor?: string;

  @IsTestFlag()
  isTest?: boolean;
}

export class UpdateLessonDto {
  @ApiPropertyOptional({ example: 'Kvadrātvienādojumi', maxLength: 500, nullable: true, type: String })
  @ValidateIf((o: UpdateLessonDto) => o.topic !== null && o.topic !== undefined)
  @SafeLine()
  @MaxLength(500)
  topic?: string | null;

  @ApiPropertyOptional({ example: '45. lpp., 3.–5. uzdevums', maxLength: 2000, nullable: true, type: String })
  @ValidateIf((o: UpdateLessonDto) => o.homework !== null && o.homework !== undefined)
  @SafeText()
  @MaxLength(2000)
  homework?: string | null;

  @IsTestFlag()
  isTest?: boolean;
}

export class LessonsQuery {
  @ApiPropertyOptional({ description: 'First day (default today)', example: '2026-10-12' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (default from)', example: '2026-10-16' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
