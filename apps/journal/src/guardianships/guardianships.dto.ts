import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { GUARDIAN_RELATIONS, type GuardianRelation } from '@app/directory/entities/guardianship.entity';

export class CreateGuardianshipDto {
  @ApiProperty({ description: 'A person holding the guardian role here' })
  @IsUUID()
  guardianId!: string;

  @ApiProperty({ description: 'A person holding the student role here' })
  @IsUUID()
  studentId!: string;

  @ApiProperty({ enum: GUARDIAN_RELATIONS })
  @IsIn(GUARDIAN_RELATIONS)
  relation!: GuardianRelation;
}

export class UpdateGuardianshipDto {
  @ApiPropertyOptional({ enum: GUARDIAN_RELATIONS })
  @IsOptional()
  @IsIn(GUARDIAN_RELATIONS)
  relation?: GuardianRelation;

  @ApiPropertyOptional({ description: 'false ends the link (the guardian stops seeing the child)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
