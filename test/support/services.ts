import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, ensureRedis, freePort, StartupError } from '../../libs/bootstrap/src/local-services';

/**
 * The tests use PostgreSQL and Redis at the configured URLs; when nothing answers and the
 * server binaries are installed, private ones are started for the run. No Docker.
 */
export async function ensurePostgres(adminUrl: string): Promise<string> {
  const u = new URL(adminUrl);
  if (await canConnect(u.hostname, Number(u.port || 5432))) return adminUrl;
  const bin = postgresBinDir();
  if (!bin) {
    throw new StartupError(
      `PostgreSQL does not answer at ${u.host} and its server binaries (initdb, pg_ctl) are not installed.\n` +
        'Install PostgreSQL (Debian/Ubuntu: sudo apt-get install postgresql) or set TEST_DATABASE_URL.',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'sp-pg-'));
  const port = await freePort();
  const asUser = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const run = (cmd: string, args: string[]) => {
    const full = asUser.length ? ['runuser', [...asUser, '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { stdio: 'pipe' });
    if (r.status !== 0) throw new StartupError(`${cmd} failed: ${r.stderr}`);
  };
  if (asUser.length) spawnSync('chown', ['postgres', dir]);
  run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  const server = spawn(asUser.length ? 'runuser' : join(bin, 'postgres'), asUser.length ? [...asUser, '--', join(bin, 'postgres'), '-D', dir, '-p', String(port), '-k', dir, '-h', '127.0.0.1'] : ['-D', dir, '-p', String(port), '-k', dir, '-h', '127.0.0.1'], { stdio: 'ignore', detached: true });
  server.unref();
  for (let i = 0; i < 100 && !(await canConnect('127.0.0.1', port, 200)); i++) await new Promise((r) => setTimeout(r, 100));
  process.env.SP_TEST_PRIVATE_PG_PID = String(server.pid);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')));
}

export { createDatabase, dropDatabase } from '../../libs/persistence/src/postgres-admin';
export { ensureRedis };
