import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'Exact action, or a prefix ending in * (e.g. group.*)', example: 'enrolment.create' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.]{0,63}\*?$/, { message: 'action must be a dotted action name, optionally ending in *' })
  action?: string;

  @ApiPropertyOptional({ example: 'group' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'objectType must be a lower-case identifier' })
  objectType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  objectId?: string;

  @ApiPropertyOptional({ description: 'From this instant (inclusive), ISO 8601 with offset', example: '2026-09-01T00:00:00+03:00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601 with offset', example: '2026-09-02T00:00:00+03:00' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
