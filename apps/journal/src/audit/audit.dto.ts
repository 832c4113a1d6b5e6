import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '@app/platform/validation';
import { PaginationQuery } from '../common/pagination';

export class AuditQuery extends PaginationQuery {
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
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Until this instant (exclusive), ISO 8601 with offset', example: '2026-09-02T00:00:00+03:00' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
