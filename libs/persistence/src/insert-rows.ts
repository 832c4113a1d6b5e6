import type { EntityManager, EntityName } from '@mikro-orm/core';

/**
 * Many rows of one entity in one statement, inside `em`'s transaction. On PostgreSQL the rows travel as
 * one JSON parameter expanded by `jsonb_to_recordset`, so a school-wide message costs one small SQL
 * text instead of thousands of inlined values; elsewhere (SQLite) MikroORM's multi-row insert.
 * `rows` use property names; relations are given as ids, JSON properties as plain values.
 */
export async function insertRows<T extends object>(em: EntityManager, entity: EntityName<T>, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  if (em.getPlatform().getConfig().get('driver')?.name !== 'PostgreSqlDriver') {
    await em.insertMany(entity, rows as never[]);
    return;
  }
  const meta = em.getMetadata().get(entity as string);
  const props = Object.keys(rows[0]).map((name) => {
    const prop = meta.properties[name as keyof T & string];
    if (!prop?.fieldNames?.length) throw new Error(`${meta.className}.${name} is not a column`);
    return { name, column: prop.fieldNames[0], type: prop.columnTypes[0] };
  });
  const quote = (id: string) => `"${id.replace(/"/g, '""')}"`;
  const columns = props.map((p) => quote(p.column)).join(', ');
  const record = props.map((p) => `${quote(p.column)} ${p.type}`).join(', ');
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(props.map((p) => [p.column, row[p.name] ?? null]))));
  await em
    .getConnection()
    .execute(
      `insert into ${quote(meta.tableName)} (${columns}) select ${columns} from jsonb_to_recordset(?::jsonb) as r(${record})`,
      [json],
      'run',
      em.getTransactionContext(),
    );
}
