import type { EntityManager } from '@mikro-orm/core';

/**
 * The rows of one parameterised SQL statement, as the driver returns them: for hot reads where
 * hydrating entities into a unit of work nobody flushes costs more than the query. Column names stay
 * snake_case, and values keep each driver's types (see {@link jsonColumn}).
 */
export function plainRows<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  return em.getConnection().execute(sql, [...params], 'all') as Promise<T[]>;
}

/** A JSON column of a plain row: PostgreSQL's driver has parsed it, SQLite returns its text. */
export function jsonColumn<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
