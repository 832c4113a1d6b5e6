import type { EntityManager, EntityName } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';

/**
 * Rows of one entity, keyed by property name; relations are given as ids, JSON properties as plain
 * values, and every row of a set has the same keys.
 */
export interface RowSet {
  entity: EntityName<object>;
  rows: Record<string, unknown>[];
}

/** SQLite allows 32,766 bound values per statement; a set is split well below that. */
const SQLITE_ROWS_PER_STATEMENT = 500;

const isPostgres = (em: EntityManager) => em.getPlatform().getConfig().get('driver')?.name === 'PostgreSqlDriver';
const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;

/**
 * Many rows of one entity inside `em`'s transaction (or on their own). On PostgreSQL the rows travel
 * as one JSON value expanded by `jsonb_to_recordset`, so a school-wide message costs one small SQL
 * text instead of thousands of inlined values; elsewhere (SQLite) MikroORM's multi-row insert.
 */
export async function insertRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  if (!isPostgres(em)) {
    for (let i = 0; i < rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
      await em.insertMany(entity, rows.slice(i, i + SQLITE_ROWS_PER_STATEMENT) as never[]);
    }
    return;
  }
  const insert = recordsetInsert(em, { entity: entity as EntityName<object>, rows });
  await execute(em, insert.sql, [insert.json]);
}

/**
 * Rows of several tables, all or nothing. On PostgreSQL that is one statement (a data-modifying CTE
 * per table): a single statement is atomic by itself, so a message, its recipients, their alerts and
 * the audit entry cost one round trip instead of six (BEGIN, four inserts, COMMIT). Foreign keys
 * between the sets hold, because PostgreSQL checks them at the end of the statement. Elsewhere it is
 * one transaction of multi-row inserts, in the order given.
 * Constraint violations arrive as MikroORM's exceptions (e.g. `UniqueConstraintViolationException`).
 */
export async function insertAll(em: EntityManager, sets: RowSet[]): Promise<void> {
  const nonEmpty = sets.filter((s) => s.rows.length);
  if (!nonEmpty.length) return;
  if (!isPostgres(em)) {
    await em.transactional(async (tx) => {
      for (const set of nonEmpty) await insertRows(tx, set.entity, set.rows);
    });
    return;
  }
  const inserts = nonEmpty.map((s) => recordsetInsert(em, s));
  const sql = inserts.length === 1 ? inserts[0].sql : `with ${inserts.map((x, i) => `w${i} as (${x.sql})`).join(', ')} select 1`;
  await execute(
    em,
    sql,
    inserts.map((x) => x.json),
  );
}

/**
 * PostgreSQL only. The JSON goes as a bound parameter: MikroORM's `execute` would inline it as an
 * escaped literal, which for a school-wide message means copying and escaping half a megabyte
 * character by character (measured: ~40 ms of a 1,000-recipient send).
 */
async function execute(em: EntityManager, sql: string, params: unknown[]): Promise<void> {
  const query = (em as SqlEntityManager).getKnex().raw(sql, params as Knex.RawBinding[]);
  const tx = em.getTransactionContext<Knex.Transaction>();
  if (tx) query.transacting(tx);
  try {
    await query;
  } catch (e) {
    // Raw statements bypass the driver, which is what maps database errors to MikroORM's exceptions.
    throw e instanceof Error ? em.getDriver().convertException(e) : e;
  }
}

function recordsetInsert(em: EntityManager, set: RowSet): { sql: string; json: string } {
  const meta = em.getMetadata().get(set.entity as string);
  const props = Object.keys(set.rows[0]).map((name) => {
    const prop = meta.properties[name as never] as { fieldNames?: string[]; columnTypes: string[] } | undefined;
    if (!prop?.fieldNames?.length) throw new Error(`${meta.className}.${name} is not a column`);
    return { name, column: prop.fieldNames[0], type: prop.columnTypes[0] };
  });
  const columns = props.map((p) => quote(p.column)).join(', ');
  const record = props.map((p) => `${quote(p.column)} ${p.type}`).join(', ');
  const json = JSON.stringify(set.rows.map((row) => Object.fromEntries(props.map((p) => [p.column, row[p.name] ?? null]))));
  return {
    sql: `insert into ${quote(meta.tableName)} (${columns}) select ${columns} from jsonb_to_recordset(?::jsonb) as r(${record})`,
    json,
  };
}
