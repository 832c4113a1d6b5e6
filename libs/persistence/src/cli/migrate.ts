/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (SQLite under ./data by default). */
import { MikroORM } from '@mikro-orm/core';
import { ConfigError } from '@app/platform/config/app-config';
import { loadConfig } from '@app/platform/config/load-config';
import { migrateUp } from '../migrate';
import { ormOptions } from '../orm-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const orm = await MikroORM.init(ormOptions(config));
  try {
    const applied = await migrateUp(orm);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await orm.close(true);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
