/**
 * Shared set-up for the post benchmarks: a fresh PostgreSQL database, the data seeded through an
 * in-process app (closed before measuring), then the mail app as production runs it, built to
 * JavaScript (`nest build mail-bench`) and started as its own process, so the load generator and
 * the server do not share a thread and the server's memory is its own. Also: seed helpers, a
 * keep-alive JSON client and percentile arithmetic.
 * Every bench owns its database, data folder and Redis prefix and removes them when it ends.
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createDatabase, dropDatabase } from '@app/persistence/postgres-admin';
import { loadConfig } from '@app/platform/config/load-config';
import { configureHttp } from '@app/platform/http/configure-http';
import { SystemClock } from '@app/platform/time/clock';
import { EmbeddedModule } from '../../embedded/src/embedded.module';
import { Fixtures, login, Person } from '../../../test/support/fixtures';
import { migrate } from '../../../test/support/global-setup.impl';
import type { FromServer, ToServer } from './fanout-protocol';

export type { Person };

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const now = (): number => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const round1 = (x: number): number => Math.round(x * 10) / 10;

const ROOT = join(__dirname, '..', '..', '..');
const SERVER_JS = join(ROOT, 'dist', 'apps', 'mail', 'server-main.js');

/** The database and the seeding app; `serve()` closes the app and starts the server process. */
export interface BenchSetup {
  fx: Fixtures;
  /** supertest agent on the seeding app (used by `login`). */
  http: TestAgent;
  serve(): Promise<BenchServer>;
  /** One SQL query on the bench database. */
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

/** The mail app in its own process. */
export interface BenchServer {
  /** http://127.0.0.1:<port> */
  url: string;
  send(msg: ToServer): void;
  memory(): Promise<{ rssMb: number; peakRssMb: number; heapMb: number }>;
}

export async function startBenchServer(name: string, extraEnv: Record<string, string> = {}): Promise<BenchSetup> {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `sp_bench_${name}_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), `sp-bench-${name}-`));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `bench${randomUUID().slice(0, 8)}`;

  console.log('building the server (nest build mail-bench) ...');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', 'mail-bench'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

  const databaseUrl = await createDatabase(adminUrl, dbName);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    // Production logs every request at info; the server's output goes nowhere, its cost stays in.
    LOG_LEVEL: 'info',
    LOGIN_MAX_FAILURES_PER_IP: '1000000',
    // Long enough that no token expires during a bench.
    ACCESS_TOKEN_TTL: '2h',
    MESSAGE_RATE_LIMIT: '1000000',
    MESSAGE_RATE_WINDOW: '60s',
    MESSAGE_MAX_RECIPIENTS: '5000',
    ...extraEnv,
  };
  let app: INestApplication | undefined;
  let child: ChildProcess | undefined;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await app?.close().catch((e: unknown) => console.error('app.close failed:', e));
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.disconnect();
      const timer = setTimeout(() => child!.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await dropDatabase(adminUrl, dbName).catch((e: unknown) => console.error(`could not drop ${dbName}:`, e));
    rmSync(dataDir, { recursive: true, force: true });
    await purgeRedis(redisUrl, redisPrefix).catch((e: unknown) => console.error(`could not clear Redis prefix ${redisPrefix}:`, e));
  };

  try {
    migrate(databaseUrl, dataDir);
    app = await NestFactory.create(EmbeddedModule.forRoot({ config: loadConfig({ ...env, LOG_LEVEL: 'silent' }), clock: new SystemClock() }), {
      bodyParser: false,
      logger: false,
    });
    configureHttp(app, `skolas-pasts (bench ${name} seeding)`);
    await app.init();
  } catch (e) {
    await close();
    throw e;
  }
  const seeding = app;

  const serve = async (): Promise<BenchServer> => {
    // The seeding app would otherwise read the same Redis stream and relay the same outbox.
    await seeding.close();
    app = undefined;
    // Plain node (not this process's TypeScript loader); BENCH_SERVER_NODE_ARGS e.g. `--cpu-prof` for profiling.
    const execArgv = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const proc = fork(SERVER_JS, [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child = proc;
    const port = await new Promise<number>((resolve, reject) => {
      proc.once('exit', (code) => reject(new Error(`server process exited with ${code} before it was ready`)));
      proc.on('message', (m: FromServer) => m.type === 'ready' && resolve(m.port));
    });
    return {
      url: `http://127.0.0.1:${port}`,
      send: (msg) => proc.send(msg),
      memory: () =>
        new Promise((resolve) => {
          const onMessage = (m: FromServer) => {
            if (m.type !== 'rss') return;
            proc.off('message', onMessage);
            resolve({ rssMb: m.rssMb, peakRssMb: m.peakRssMb, heapMb: m.heapMb });
          };
          proc.on('message', onMessage);
          proc.send({ type: 'rss' } satisfies ToServer);
        }),
    };
  };

  const query = async <T>(sql: string): Promise<T[]> => {
    const pg = new Client({ connectionString: databaseUrl });
    await pg.connect();
    try {
      return (await pg.query(sql)).rows as T[];
    } finally {
      await pg.end();
    }
  };

  return { fx: new Fixtures(seeding), http: request(seeding.getHttpServer()), serve, query, close };
}

/** Removes every key under a Redis prefix (a bench's queues, throttles and streams). */
export async function purgeRedis(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface SeededGroup {
  groupId: string;
  /** One guardian per student in the group. */
  guardians: Person[];
}

export interface SeededTeacher {
  teacher: Person;
  groups: SeededGroup[];
}

export interface SeededSchool {
  institutionId: string;
  teachers: SeededTeacher[];
}

/**
 * One institution; each teacher is assigned to `groupsPerTeacher` groups of `studentsPerGroup`
 * students, and every student has exactly one guardian.
 */
export async function seedSchool(
  fx: Fixtures,
  shape: { teachers: number; groupsPerTeacher: number; studentsPerGroup: number; concurrency?: number },
): Promise<SeededSchool> {
  const concurrency = shape.concurrency ?? 25;
  const institution = await fx.institution();
  const institutionId = institution.id;
  const teachers: SeededTeacher[] = [];
  for (let t = 0; t < shape.teachers; t++) {
    const teacher = await fx.person([{ institutionId, role: 'teacher' }]);
    const groups: SeededGroup[] = [];
    for (let g = 0; g < shape.groupsPerTeacher; g++) {
      const group = await fx.group(institutionId);
      await fx.assign(teacher.id, group.id);
      const guardians = await mapLimit(Array.from({ length: shape.studentsPerGroup }), concurrency, async () => {
        const [student, guardian] = await Promise.all([
          fx.person([{ institutionId, role: 'student' }]),
          fx.person([{ institutionId, role: 'guardian' }]),
        ]);
        await fx.enrol(student.id, group.id);
        await fx.guard(guardian.id, student.id);
        return guardian;
      });
      groups.push({ groupId: group.id, guardians });
    }
    teachers.push({ teacher, groups });
  }
  return { institutionId, teachers };
}

/** Access tokens for `people`, in order; `POST /auth/login` verifies argon2, so keep concurrency modest. */
export function loginAll(http: TestAgent, people: readonly Person[], concurrency = 20): Promise<string[]> {
  return mapLimit(people, concurrency, (p) => login(http, p));
}

/** `POST /messages` body: to the guardians of `groupIds`. */
export function messageTo(institutionId: string, groupIds: readonly string[], subject: string, body: string) {
  return { institutionId, subject, body, to: { groups: groupIds.map((groupId) => ({ groupId, audience: 'guardians' as const })) } };
}

export interface JsonResponse {
  status: number;
  text: string;
  json: unknown;
}

/** Minimal JSON client on a keep-alive agent (supertest opens a connection per request). */
export class JsonClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(baseUrl: string, maxSockets = 16) {
    this.base = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  post(path: string, token: string, body: unknown): Promise<JsonResponse> {
    const payload = Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method: 'POST',
          path,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': payload.length,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = text ? JSON.parse(text) : undefined;
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, text, json });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summary(samples: readonly number[]): string {
  const p = (q: number) => round1(percentile(samples, q)).toFixed(1);
  return `p50 ${p(50)} ms  p99 ${p(99)} ms  min ${p(0)} ms  max ${p(100)} ms  (n=${samples.length})`;
}

/** Runs `main`, cleans up through `server.close()` it registered, and exits with its code. */
export function runBench(main: (onCleanup: (fn: () => Promise<void> | void) => void) => Promise<number>): void {
  const cleanups: (() => Promise<void> | void)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const fn of cleanups.reverse()) {
        try {
          await fn();
        } catch (e) {
          console.error('cleanup failed:', e);
        }
      }
    })());
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      console.error(`${sig}: cleaning up`);
      void cleanup().then(() => process.exit(130));
    });
  }
  main((fn) => cleanups.push(fn))
    .then(async (code) => {
      await cleanup();
      process.exit(code);
    })
    .catch(async (e: unknown) => {
      console.error(e);
      await cleanup();
      process.exit(1);
    });
}
