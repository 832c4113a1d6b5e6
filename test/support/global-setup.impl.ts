import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, ensurePostgres, ensureRedis } from './services';

/**
 * Once per run: find (or start) PostgreSQL and Redis, create a fresh database and migrate it.
 * The URLs reach the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-test-'));
  const admin = await ensurePostgres(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const redis = await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', join(dataDir, 'redis'), { persist: false });
  if (redis.child) redis.child.unref();
  const dbName = `sp_test_${process.pid}`;
  const databaseUrl = await createDatabase(admin, dbName);
  // In a child process: MikroORM keeps entity metadata on globalThis, and jest may run the
  // tests in this very process but in another realm, where that metadata would be foreign.
  migrate(databaseUrl, dataDir);
  // A migrated copy nobody connects to: tests that run the notifications worker get a database of
  // their own from it (the worker relays every outbox row it sees, so it must not share one).
  await createDatabase(admin, `${dbName}_tpl`, { template: dbName });
  Object.assign(process.env, {
    SP_TEST_TEMPLATE_DB: `${dbName}_tpl`,
    SP_TEST_PG_ADMIN_URL: admin,
    SP_TEST_DATABASE_URL: databaseUrl,
    SP_TEST_DATA_DIR: dataDir,
    REDIS_URL: redis.url,
  });
}

export function migrate(databaseUrl: string, dataDir: string): void {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', 'libs/persistence/src/cli/migrate.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, NODE_ENV: 'test' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`migration failed: ${r.stderr || r.stdout}`);
}
