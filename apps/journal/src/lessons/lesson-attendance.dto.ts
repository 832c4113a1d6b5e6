import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@app/gradebook/entities';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';

export class AttendanceEntryDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status!: AttendanceStatus;
}

export class RecordAttendanceDto {
  @ApiProperty({
    type: [AttendanceEntryDto],
    description: 'Who was absent or late (present ones may be listed too). Children of the group not listed are present, or absent when a notice covers the day.',
    example: [{ studentId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4', status: 'absent' }],
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class StudentAttendanceQuery {
  @ApiPropertyOptional({ description: 'First day (default 30 days before to)', example: '2026-10-01' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last day (default today)', example: '2026-10-31' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}
