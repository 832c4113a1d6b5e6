import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryInt } from '@app/platform/validation';

/** Far beyond any real directory (10 million rows at the largest page size), small enough for an SQL offset. */
const PAGE_MAX = 50_000;

export class PaginationQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 1 })
  @IsOptional()
  @QueryInt({ min: 1, max: PAGE_MAX })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryInt({ min: 1, max: 200 })
  pageSize: number = 50;
}

export class PageQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive search in names and username' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageOf = <T>(items: T[], total: number, q: PaginationQuery): Page<T> => ({
  items,
  total,
  page: q.page,
  pageSize: q.pageSize,
});

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
