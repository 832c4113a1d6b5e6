import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

export class CreateEnrolmentDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty()
  @IsUUID()
  groupId!: string;

  @ApiProperty({ description: 'First day in the group (Riga date, inclusive)', example: '2026-09-01' })
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiPropertyOptional({ description: 'Last day in the group (inclusive); open-ended when omitted or null', example: '2027-05-31', nullable: true })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string | null;
}

export class UpdateEnrolmentDto {
  @ApiProperty({ description: 'Last day in the group (inclusive), or null to make it open-ended', example: '2027-05-31', nullable: true, type: String })
  @ValidateIf((o: UpdateEnrolmentDto) => o.to !== null)
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD or null' })
  to!: string | null;
}

export class EnrolmentsQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  studentId?: string;

  @ApiPropertyOptional({ description: 'Only enrolments in force on this Riga date', example: '2026-09-01' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}
