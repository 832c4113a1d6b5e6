import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { SafeLine } from '@app/platform/validation';
import { GROUP_KINDS, type GroupKind } from '@app/directory/entities/group.entity';
import { STAFF_ASSIGNMENT_KINDS, type StaffAssignmentKind } from '@app/directory/entities/staff-assignment.entity';
import { PageQuery } from '../common/pagination';
import { LOCAL_DATE_PATTERN } from '../institutions/dates';
import { SCHOOL_YEAR_PATTERN } from './school-year';

export class CreateGroupDto {
  @ApiProperty({ example: '3.a', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @SafeLine()
  name!: string;

  @ApiProperty({ enum: GROUP_KINDS })
  @IsIn(GROUP_KINDS)
  kind!: GroupKind;

  @ApiProperty({ description: 'Consecutive years', example: '2026/2027' })
  @Matches(SCHOOL_YEAR_PATTERN, { message: 'schoolYear must be YYYY/YYYY' })
  schoolYear!: string;
}

export class UpdateGroupDto {
  @ApiPropertyOptional({ example: '4.a', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  @SafeLine()
  name?: string;

  @ApiPropertyOptional({ example: '2027/2028' })
  @IsOptional()
  @Matches(SCHOOL_YEAR_PATTERN, { message: 'schoolYear must be YYYY/YYYY' })
  schoolYear?: string;
}

export class GroupsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026/2027' })
  @IsOptional()
  @Matches(SCHOOL_YEAR_PATTERN, { message: 'schoolYear must be YYYY/YYYY' })
  schoolYear?: string;

  @ApiPropertyOptional({ description: 'Include deactivated groups' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}

export class RosterQuery {
  @ApiPropertyOptional({ description: 'Students enrolled on this Riga date; today when omitted', example: '2026-09-01' })
  @IsOptional()
  @Matches(LOCAL_DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date?: string;
}

export class AssignStaffDto {
  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty({ enum: STAFF_ASSIGNMENT_KINDS })
  @IsIn(STAFF_ASSIGNMENT_KINDS)
  kind!: StaffAssignmentKind;
}
