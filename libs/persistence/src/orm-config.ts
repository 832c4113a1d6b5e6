import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { AppConfig } from '@app/platform/config/app-config';
import { ENTITIES } from './entities';
import { POSTGRESQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

/**
 * PostgreSQL in production and tests, SQLite for the embedded default. Each has its own
 * committed migrations, generated from the same entities (see scripts/db-make-migration.ts).
 */
export function ormOptions(config: AppConfig): Options {
  const common = {
    entities: ENTITIES,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    debug: config.env.DATABASE_DEBUG,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    ensureDatabase: false,
  } satisfies Partial<Options>;

  if (config.databaseKind === 'sqlite') {
    const file = config.databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: file,
      migrations: { migrationsList: SQLITE_MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
      // WAL lets readers go on while a writer commits; foreign keys are off by default in SQLite.
      pool: {
        afterCreate: (conn: { pragma?: (s: string) => void }, done: (err: Error | null, conn: unknown) => void) => {
          conn.pragma?.('journal_mode = WAL');
          conn.pragma?.('foreign_keys = ON');
          conn.pragma?.('busy_timeout = 5000');
          done(null, conn);
        },
      },
    } as Options;
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: config.databaseUrl,
    migrations: { migrationsList: POSTGRESQL_MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 0, max: 10 },
  } as Options;
}
