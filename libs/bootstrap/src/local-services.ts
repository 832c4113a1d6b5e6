import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { resolve } from 'node:path';

export class StartupError extends Error {
  override name = 'StartupError';
}

/** True when something answers a TCP connect on host:port within `ms`. */
export function canConnect(host: string, port: number, ms = 800): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(ms, () => finish(false));
    socket.once('error', () => finish(false));
    socket.connect(port, host, () => finish(true));
  });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

export function hasBinary(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function waitFor(host: string, port: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await canConnect(host, port, 300)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Redis at `url` if it answers; otherwise a private `redis-server` under `dir` (append-only,
 * noeviction, as BullMQ needs). Returns the URL to use and the child to stop, if one was started.
 */
export async function ensureRedis(url: string, dir: string, opts: { persist: boolean }): Promise<{ url: string; child?: ChildProcess }> {
  const u = new URL(url);
  if (await canConnect(u.hostname, Number(u.port || 6379))) return { url };
  if (!hasBinary('redis-server')) {
    throw new StartupError(
      `Redis does not answer at ${url}, and redis-server is not installed to start a private one.\n` +
        `Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) ` +
        `or set REDIS_URL to a running Redis 6.2+ (docker compose up -d redis).`,
    );
  }
  const port = await freePort();
  const absDir = resolve(dir);
  mkdirSync(absDir, { recursive: true });
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', absDir, '--maxmemory-policy', 'noeviction', '--save', ''];
  args.push('--appendonly', opts.persist ? 'yes' : 'no');
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  if (!(await waitFor('127.0.0.1', port, 10_000))) {
    child.kill();
    throw new StartupError(`Started redis-server on port ${port}, but it did not answer within 10 s`);
  }
  return { url: `redis://127.0.0.1:${port}`, child };
}
