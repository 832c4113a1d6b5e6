import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { SafeLine } from '@app/platform/validation';
import { GUARDIAN_RELATIONS, type GuardianRelation } from '@app/directory/entities/guardianship.entity';
import { LANGUAGES, type Language } from '@app/directory/entities/user.entity';
import { STAFF_ROLES } from '@app/access/roles';
import { ROLES, type Role } from '@app/directory/entities/role-assignment.entity';
import { PageQuery } from '../common/pagination';

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

class PersonFields {
  @ApiProperty({ example: 'Anna' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'givenName must contain letters only' })
  givenName!: string;

  @ApiProperty({ example: 'Bērziņa' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'familyName must contain letters only' })
  familyName!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'lv' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ description: 'Chosen automatically from the name when omitted', example: 'anna.berzina' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, { message: 'username: 3–64 of a-z, 0-9, dot, dash, underscore' })
  username?: string;
}

export class CreateStaffDto extends PersonFields {
  @ApiProperty({ isArray: true, enum: STAFF_ROLES, example: ['teacher'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ example: 'anna.berzina@skola.lv' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+37129123456' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;
}

export class CreateStudentDto extends PersonFields {
  @ApiPropertyOptional({ description: 'Enrol in this group at once' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ description: 'Enrolment start (Riga date); today when omitted', example: '2026-09-01' })
  @IsOptional()
  @Matches(DATE, { message: 'fromDate must be YYYY-MM-DD' })
  fromDate?: string;

  @ApiPropertyOptional({ description: 'Issue a sign-in; default: yes in schools and interest education, no in pre-schools' })
  @IsOptional()
  @IsBoolean()
  issueAccount?: boolean;
}

export class ChildLinkDto {
  @ApiProperty()
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONS })
  @IsIn(GUARDIAN_RELATIONS)
  relation!: GuardianRelation;
}

export class CreateGuardianDto extends PersonFields {
  @ApiPropertyOptional({ description: 'Mobile number; the password is sent to it by SMS', example: '29123456' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ type: [ChildLinkDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChildLinkDto)
  children?: ChildLinkDto[];
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'givenName must contain letters only' })
  givenName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(NAME, { message: 'familyName must contain letters only' })
  familyName?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string | null;

  @ApiPropertyOptional({ enum: LANGUAGES })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class AddRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class DeactivateDto {
  @ApiPropertyOptional({ example: 'Employment ended' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @SafeLine()
  reason?: string;
}

export class PeopleQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Include people whose roles here have ended' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}
