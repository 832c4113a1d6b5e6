import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createDatabase, dropDatabase } from '../../libs/persistence/src/postgres-admin';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { configureHttp } from '../../libs/platform/src/http/configure-http';
import { Clock, FixedClock } from '../../libs/platform/src/time/clock';
import { EmbeddedModule } from '../../apps/embedded/src/embedded.module';
import { TEST_NOW } from './test-now';

export { TEST_NOW };

export interface TestApp<C extends Clock = FixedClock> {
  app: INestApplication;
  http: TestAgent;
  url: string;
  /** The app's only source of "now" (tokens, sessions, messages); tests move it explicitly. */
  clock: C;
  close(): Promise<void>;
}

/**
 * The embedded app (all three apps) on a random port, against the run's PostgreSQL database
 * and real Redis. Each app gets its own Redis key prefix so throttling and queues don't mix.
 * Time is a `FixedClock` at {@link TEST_NOW} unless `clock` is given.
 *
 * The notifications worker (relay, sweep, senders) runs only with `notifications: true`, and then
 * on a database of the app's own, copied from the run's migrated template: a worker relays every
 * outbox row it sees, and another test file's rows must not reach this test's SMTP or Twilio server.
 */
export async function createTestApp<C extends Clock = FixedClock>(
  opts: { env?: Record<string, string>; clock?: C; notifications?: boolean } = {},
): Promise<TestApp<C>> {
  const clock = opts.clock ?? (new FixedClock(TEST_NOW) as Clock as C);
  const admin = process.env.SP_TEST_PG_ADMIN_URL ?? '';
  // A database given in `env` (the SQLite smoke suite's file) is the test's own already.
  const ownDb = opts.notifications && !opts.env?.DATABASE_URL ? `${process.env.SP_TEST_TEMPLATE_DB}_${randomUUID().slice(0, 8)}` : null;
  const databaseUrl = ownDb ? await createDatabase(admin, ownDb, { template: process.env.SP_TEST_TEMPLATE_DB }) : (process.env.SP_TEST_DATABASE_URL ?? '');
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    NOTIFICATIONS_WORKER: opts.notifications ? 'true' : 'false',
    DELIVERY_SWEEP_INTERVAL: '200ms',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'sp-app-')),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `t${randomUUID().slice(0, 8)}`,
    LOG_LEVEL: process.env.SP_TEST_LOG_LEVEL ?? 'silent',
    LOGIN_MAX_FAILURES_PER_IP: '1000',
    ...opts.env,
  };
  const config = loadConfig(env);
  const moduleRef = await Test.createTestingModule({
    imports: [EmbeddedModule.forRoot({ config, clock })],
  }).compile();
  const app = moduleRef.createNestApplication({ bufferLogs: true, bodyParser: false });
  configureHttp(app, 'skolas-pasts (test)');
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    app,
    http: request(app.getHttpServer()),
    url: url.replace('[::1]', '127.0.0.1'),
    clock,
    close: async () => {
      await app.close();
      if (ownDb) await dropDatabase(admin, ownDb);
    },
  };
}
