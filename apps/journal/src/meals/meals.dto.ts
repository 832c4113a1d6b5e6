import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

export class MealCountsQuery {
  @ApiProperty()
  @IsUUID()
  institutionId!: string;

  @ApiPropertyOptional({ description: 'Riga date; today (the school’s clock) when omitted, so a client needs no clock of its own', example: '2026-10-16' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class MealReportsQuery {
  @ApiProperty()
  @IsUUID()
  institutionId!: string;

  @ApiProperty({ description: 'First meal day, Riga date', example: '2026-10-12' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ description: 'Last meal day (inclusive), at most 366 days after from', example: '2026-10-16' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}
