/**
 * Notification throughput: 10,000 urgent message alerts (5,000 guardians with only an e-mail
 * address, 5,000 with only a mobile number, so half go by e-mail and half by SMS under the default
 * preferences) through the real path: 100 `message-alert` outbox intents (one per message of 100
 * recipients, as the post writes them) → the relay's delivery rows → BullMQ → the sender's claim,
 * the template composer and the SMTP/Twilio senders → a local SMTP server over TCP and a local
 * HTTP server speaking Twilio's Messages API. Urgent alerts skip the read delay and quiet hours,
 * so every delivery is due at once; the sender rate limit does not exist yet.
 *
 * The worker is the worker app in its own process (through @swc-node/register, production
 * settings); the servers, the seeding and the clock that times acceptance live in this process.
 * All intents are written in one statement (a burst), then the worker is woken over Redis as the
 * post wakes it after a commit (OutboxWake); latency is from that write (the outbox
 * row's createdAt) to the server accepting the e-mail or SMS, so it includes waiting in line
 * behind the rest of the burst. Fails (exit 1) if anything is lost or accepted twice.
 * The last line of output is a single JSON object; everything before it is for humans.
 */
import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { outboxWakeChannel } from '@app/notifications/outbox/outbox-wake';
import { createDatabase, dropDatabase } from '@app/persistence/postgres-admin';
import { percentile, purgeRedis, round1, runBench, sleep } from '../../mail/bench/bench-server';
import { migrate } from '../../../test/support/global-setup.impl';
import { providerEnv } from '../../../test/support/provider-env';
import { TestSmtpServer } from '../../../test/support/smtp-server';
import { TwilioServer } from '../../../test/support/twilio-server';
import type { BenchToWorker, WorkerToBench } from './notify-worker';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const PER_MESSAGE = 100; // half e-mail, half SMS
const TOTAL = MESSAGES * PER_MESSAGE;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 300) * 1000;
const SID = `AC${randomBytes(16).toString('hex')}`;
const TOKEN = randomBytes(16).toString('hex');

runBench(async (onCleanup) => {
  const adminUrl = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `sp_bench_notify_${process.pid}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sp-bench-notify-'));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `bench${randomUUID().slice(0, 8)}`;
  const databaseUrl = await createDatabase(adminUrl, dbName);
  onCleanup(async () => {
    await dropDatabase(adminUrl, dbName);
    rmSync(dataDir, { recursive: true, force: true });
    await purgeRedis(redisUrl, redisPrefix);
  });
  migrate(databaseUrl, dataDir);
  const wake = new Redis(redisUrl);
  onCleanup(() => void wake.disconnect());
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  onCleanup(() => pg.end());

  let t = Date.now();
  await seed(pg);
  console.log(`seeded ${MESSAGES} urgent messages × ${PER_MESSAGE} guardians (${TOTAL / 2} e-mail only, ${TOTAL / 2} phone only) in ${round1((Date.now() - t) / 1000)} s`);

  // Acceptance times by address: every guardian gets exactly one notification.
  const acceptedAt = new Map<string, number>();
  let duplicates = 0;
  const accept = (to: string) => {
    if (acceptedAt.has(to)) duplicates++;
    else acceptedAt.set(to, Date.now());
  };
  const smtp = await TestSmtpServer.start({ onAccepted: (mail) => mail.envelope.rcptTo.forEach(accept) });
  const twilio = await TwilioServer.start({ accountSid: SID, authToken: TOKEN, onAccepted: (sms) => accept(sms.to) });
  onCleanup(() => Promise.all([smtp.close(), twilio.close()]).then(() => undefined));

  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SECRETS_KEY: randomBytes(32).toString('hex'),
    NOTIFICATIONS_WORKER: 'true',
    ...providerEnv(smtp, twilio, { accountSid: SID, authToken: TOKEN }),
    QUIET_HOURS: 'off',
    ALERT_DELAY_SECONDS: '0',
    // The benchmark measures the pipeline, not the carrier's rate.
    SMS_RATE_PER_SECOND: '0',
  };
  // BENCH_WORKER_NODE_ARGS e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` profiles the worker.
  // --expose-gc: the start and end readings collect garbage first (see BenchToWorker), so they compare what the worker keeps.
  const execArgv = ['--expose-gc', '-r', '@swc-node/register', ...(process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  // BENCH_WORKERS=2: two worker processes share the queue (their claims keep each delivery to one);
  // memory and CPU are then summed over them.
  const workers = Array.from({ length: WORKERS }, () =>
    fork(join(__dirname, 'notify-worker.ts'), [], { execArgv, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  for (const worker of workers)
    onCleanup(async () => {
      if (worker.exitCode !== null) return;
      const exited = new Promise((r) => worker.once('exit', r));
      worker.disconnect();
      const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    });
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
          worker.on('message', (m: WorkerToBench) => m.type === 'ready' && resolve());
        }),
    ),
  );
  const readOne = (worker: (typeof workers)[number], settled: boolean) =>
    new Promise<{ rssMb: number; heapMb: number; cpuMs: number }>((resolve) => {
      const onMessage = (m: WorkerToBench) => {
        if (m.type !== 'memory') return;
        worker.off('message', onMessage);
        resolve(m);
      };
      worker.on('message', onMessage);
      worker.send({ type: 'memory', settled } satisfies BenchToWorker);
    });
  const usage = async (settled = false) => {
    const all = await Promise.all(workers.map((w) => readOne(w, settled)));
    return all.reduce((a, b) => ({ rssMb: a.rssMb + b.rssMb, heapMb: a.heapMb + b.heapMb, cpuMs: a.cpuMs + b.cpuMs }));
  };
  // Settle start-up (first sweep, pools) before the start reading.
  await sleep(1000);
  const rss = async () => (await usage()).rssMb;
  const { rssMb: rssStart, heapMb: heapStart, cpuMs: cpuStart } = await usage(true);
  console.log(`${WORKERS} worker process${WORKERS > 1 ? 'es' : ''} ready (NODE_ENV=production); RSS ${round1(rssStart)} MB`);

  const t0 = Date.now();
  await pg.query(
    `insert into outbox_message (id, kind, payload, created_at, available_at, attempts)
     select gen_random_uuid(), 'message-alert', jsonb_build_object('messageId', id, 'priority', 'urgent'), $1, $1, 0
       from message`,
    [new Date(t0)],
  );
  // As the post does after committing due intents (OutboxWake): the worker relays now, not at its next sweep.
  await wake.publish(outboxWakeChannel(redisPrefix), '1');
  console.log(`wrote ${MESSAGES} urgent message-alert intents in ${Date.now() - t0} ms; waiting for ${TOTAL} deliveries ...`);

  let peakRss = rssStart;
  let last = 0;
  let lastChange = Date.now();
  while (acceptedAt.size < TOTAL) {
    await sleep(1000);
    peakRss = Math.max(peakRss, await rss());
    if (acceptedAt.size !== last) {
      console.log(`  ${round1((Date.now() - t0) / 1000)} s: ${acceptedAt.size} accepted (${smtp.received.length} e-mails, ${twilio.accepted.length} SMS)`);
      last = acceptedAt.size;
      lastChange = Date.now();
    }
    if (Date.now() - lastChange > 30_000 || Date.now() - t0 > TIMEOUT_MS) break;
  }
  const { rssMb: rssEnd, heapMb: heapEnd, cpuMs: cpuEnd } = await usage(true);
  const latencies = [...acceptedAt.values()].map((at) => at - t0);
  const elapsed = (Math.max(...latencies) - 0) / 1000;
  const perS = Math.round(acceptedAt.size / elapsed);
  const statuses = await pg.query<{ status: string; channel: string; n: string }>('select status, channel, count(*) n from notification_delivery group by 1, 2 order by 1, 2');

  console.log(`accepted ${acceptedAt.size}/${TOTAL} (${smtp.received.length} e-mails, ${twilio.accepted.length} SMS), ${duplicates} accepted twice, in ${round1(elapsed)} s`);
  console.log(`delivery rows: ${statuses.rows.map((r) => `${r.channel} ${r.status} ${r.n}`).join(', ')}`);
  console.log(`throughput ${perS} notifications/s (from the intents' write to the last acceptance; sender rate limit: none exists yet)`);
  console.log(`latency outbox write → provider acceptance: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms (one burst of ${TOTAL})`);
  console.log(`worker CPU: ${round1((cpuEnd - cpuStart) / 1000)} s, ${round1((cpuEnd - cpuStart) / acceptedAt.size)} ms per notification (wall ${round1(elapsed)} s; load average ${loadavg().map(round1).join(' ')} on ${cpus().length} cores)`);
  console.log(`worker RSS (after a full GC at start and end): start ${round1(rssStart)} MB, end ${round1(rssEnd)} MB, peak ${round1(peakRss)} MB; JS heap in use: start ${round1(heapStart)} MB, end ${round1(heapEnd)} MB`);
  console.log(
    JSON.stringify({
      bench: 'notify',
      per_s: perS,
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      rss_start_mb: Math.round(rssStart),
      rss_end_mb: Math.round(rssEnd),
    }),
  );
  return acceptedAt.size === TOTAL && duplicates === 0 ? 0 : 1;
});

/**
 * One institution, one teacher, 10,000 guardians each with a child, 100 urgent messages of 100
 * delivered recipients each — straight in SQL (the post's own send path is `bench:send`'s business).
 */
async function seed(pg: Client): Promise<void> {
  const at = new Date();
  await pg.query('begin');
  await pg.query(`insert into institution (id, name, kind, settings, created_at) values (gen_random_uuid(), 'Rīgas Bench vidusskola', 'school', '{}', $1)`, [at]);
  await pg.query(
    `insert into app_user (id, username, given_name, family_name, language, must_change_password, created_at, updated_at)
     values (gen_random_uuid(), 'bench.teacher', 'Ieva', 'Skolotāja', 'lv', false, $1, $1)`,
    [at],
  );
  // Guardian i (1..TOTAL) has child i; odd guardians have only an e-mail address, even ones only a mobile number.
  await pg.query(
    `insert into app_user (id, username, given_name, family_name, email, phone, language, must_change_password, created_at, updated_at)
     select gen_random_uuid(), 'g' || i, 'Vecāks', 'Nr ' || i,
            case when i % 2 = 1 then 'g' || i || '@bench.example.lv' end,
            case when i % 2 = 0 then '+3712' || lpad(i::text, 7, '0') end,
            (array['lv', 'ru', 'en'])[i % 3 + 1], false, $1, $1
       from generate_series(1, $2::int) i`,
    [at, TOTAL],
  );
  await pg.query(
    `insert into app_user (id, username, given_name, family_name, language, must_change_password, created_at, updated_at)
     select gen_random_uuid(), 's' || i, 'Bērns', 'Nr ' || i, 'lv', false, $1, $1 from generate_series(1, $2::int) i`,
    [at, TOTAL],
  );
  await pg.query(
    `insert into message (id, institution_id, sender_id, subject, body_html, body_text, priority, thread_id, status, audience, recipient_count, created_at, sent_at)
     select id, (select id from institution), (select id from app_user where username = 'bench.teacher'), 'Skola slēgta ' || m, '<p>Rīt skola slēgta.</p>', 'Rīt skola slēgta.',
            'urgent', id, 'sent', '{}', $2::int, $1, $1
       from (select gen_random_uuid() id, m from generate_series(1, $3::int) m) x`,
    [at, PER_MESSAGE, MESSAGES],
  );
  await pg.query(
    `insert into message_recipient (id, message_id, user_id, student_ids, delivered_at)
     select gen_random_uuid(), m.id, g.id, jsonb_build_array(s.id), $1
       from (select id, row_number() over (order by id) - 1 n from message) m
       join generate_series(1, $2::int) k on true
       join app_user g on g.username = 'g' || (m.n * $2 + k)
       join app_user s on s.username = 's' || (m.n * $2 + k)`,
    [at, PER_MESSAGE],
  );
  await pg.query('commit');
}
