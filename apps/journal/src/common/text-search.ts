import { raw } from '@mikro-orm/core';
import { likePattern } from './pagination';

/**
 * Case-insensitive "contains" on one column, written so PostgreSQL and SQLite run the same SQL
 * (SQLite has no ILIKE, and no default LIKE escape character). `column` is a database column
 * name from our own code, never user input. On SQLite, lower() folds ASCII letters only.
 */
export function contains(column: string, q: string): Record<string, unknown> {
  if (!/^[a-z_]+$/.test(column)) throw new Error(`contains: not a column name: ${column}`);
  return { [raw((alias: string) => `lower(${alias}.${column}) like ? escape '\\'`, [likePattern(q)])]: [] };
}
