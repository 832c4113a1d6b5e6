import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

export class MealCountsQuery {
  @ApiProperty()
  @IsUUID()
  institutionId!: string;

  @ApiProperty({ description: 'Riga date', example: '2026-10-16' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}
