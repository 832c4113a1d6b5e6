import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureRedis } from './services';

/** The SQLite smoke suite needs only Redis; each test makes its own database file. */
export default async function smokeSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-smoke-'));
  const redis = await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', join(dataDir, 'redis'), { persist: false });
  redis.child?.unref();
  process.env.REDIS_URL = redis.url;
}
