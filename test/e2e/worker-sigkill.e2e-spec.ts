import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDatabase, dropDatabase } from '../../libs/persistence/src/postgres-admin';
import { purgeRedis } from '../../apps/mail/bench/bench-server';
import { TestSmtpServer } from '../support/smtp-server';
import { providerEnv } from '../support/provider-env';
import { TwilioServer } from '../support/twilio-server';
import { startWorkerProcess, type WorkerChild } from '../support/worker-child';

const EMAIL_ONLY = 100;
const PHONE_ONLY = 100;
const BOTH = 50; // urgent: e-mail and SMS each
const EMAILS = EMAIL_ONLY + BOTH;
const SMS = PHONE_ONLY + BOTH;
const SID = `AC${randomBytes(16).toString('hex')}`;
const TOKEN = randomBytes(16).toString('hex');

interface Row {
  id: string;
  channel: 'email' | 'sms';
  status: string;
  email: string | null;
  phone: string | null;
  handed_at: Date | null;
}

/**
 * The worker killed with SIGKILL mid-batch and started again, counted at the receiving servers.
 * The worker is the worker app in a process of its own (no shutdown hooks run: claims stay
 * `sending`, BullMQ jobs stay active under a lock nobody renews). One urgent message to 250
 * guardians makes 300 deliveries (150 e-mail, 150 SMS); the SMTP and Twilio servers answer slowly
 * so the kill finds sends in flight. The second worker recovers through BullMQ's stalled-job check and the sweep: an e-mail
 * claimed by the dead worker goes again with the same Message-ID; an SMS claimed by it may have
 * left, so it becomes `unknown` and is not sent again blindly (a minute on, the sweep looks it up in
 * Twilio's message list; this test ends sooner).
 */
describe('worker killed with SIGKILL mid-batch', () => {
  const admin = process.env.SP_TEST_PG_ADMIN_URL ?? '';
  const dbName = `${process.env.SP_TEST_TEMPLATE_DB}_${randomUUID().slice(0, 8)}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redisPrefix = `t${randomUUID().slice(0, 8)}`;
  let pg: Client;
  let smtp: TestSmtpServer;
  let twilio: TwilioServer;
  const workers: WorkerChild[] = [];

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await pg?.end();
    await Promise.all([smtp?.close(), twilio?.close()]);
    await dropDatabase(admin, dbName).catch(() => undefined);
    await purgeRedis(redisUrl, redisPrefix);
  });

  it('loses nothing, sends no SMS twice, and each e-mail arrives once by Message-ID', async () => {
    const databaseUrl = await createDatabase(admin, dbName, { template: process.env.SP_TEST_TEMPLATE_DB });
    pg = new Client({ connectionString: databaseUrl });
    await pg.connect();

    let arrivals = 0;
    let killAt: () => void = () => undefined;
    const midBatch = new Promise<void>((resolve) => (killAt = resolve));
    const arrived = () => ++arrivals === 90 && killAt();
    smtp = await TestSmtpServer.start({ delayMs: 20, onAccepted: arrived });
    twilio = await TwilioServer.start({ accountSid: SID, authToken: TOKEN, delayMs: 20, onAccepted: arrived });
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'sp-sigkill-')),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      NOTIFICATIONS_WORKER: 'true',
      DELIVERY_SWEEP_INTERVAL: '500ms',
      // The second worker must not wait the production 2 minutes; BullMQ's lock still guards live sends.
      DELIVERY_STALE_CLAIM: '3s',
      // The dead worker's BullMQ jobs come back after up to two lock periods (30 s each by default).
      JOB_LOCK_DURATION: '5s',
      ...providerEnv(smtp, twilio, { accountSid: SID, authToken: TOKEN }),
      QUIET_HOURS: 'off',
    };

    workers.push(await startWorkerProcess(env));
    const messageId = await seedUrgentMessage(pg);
    await midBatch;
    await workers[0].kill();
    const atKill = await statusCounts(pg, messageId);
    expect(atKill.sending).toBeGreaterThan(0); // claims the dead worker left in flight
    expect((atKill.pending ?? 0) + atKill.sending).toBeGreaterThan(0);

    workers.push(await startWorkerProcess(env));
    const rows = await settledRows(pg, messageId, 150_000);
    await workers[1].stop();

    expect(rows).toHaveLength(EMAILS + SMS);
    const mailsTo = new Map<string, string[]>();
    for (const m of smtp.received) for (const to of m.envelope.rcptTo) mailsTo.set(to, [...(mailsTo.get(to) ?? []), m.messageId ?? '']);
    const smsTo = new Map<string, number>();
    for (const s of twilio.accepted) smsTo.set(s.to, (smsTo.get(s.to) ?? 0) + 1);

    const emails = rows.filter((r) => r.channel === 'email');
    const texts = rows.filter((r) => r.channel === 'sms');
    const emailLost = emails.filter((r) => !mailsTo.get(r.email!)?.length);
    const emailRaw = emails.map((r) => mailsTo.get(r.email!)?.length ?? 0);
    const emailDistinct = emails.map((r) => new Set(mailsTo.get(r.email!)).size);
    const smsSent = texts.filter((r) => r.status === 'sent');
    const smsUnknown = texts.filter((r) => r.status === 'unknown');
    const counts = {
      test: 'worker-sigkill',
      deliveries: rows.length,
      claimedAtKill: atKill.sending,
      pendingAtKill: atKill.pending ?? 0,
      email: {
        rows: emails.length,
        sent: emails.filter((r) => r.status === 'sent').length,
        lost: emailLost.length,
        duplicateMessageIds: emailDistinct.filter((n) => n > 1).length,
        rawArrivals: emailRaw.reduce((a, b) => a + b, 0),
        rawDuplicates: emailRaw.filter((n) => n > 1).length,
      },
      sms: {
        rows: texts.length,
        sent: smsSent.length,
        lost: smsSent.filter((r) => (smsTo.get(r.phone!) ?? 0) === 0).length,
        duplicates: texts.filter((r) => (smsTo.get(r.phone!) ?? 0) > 1).length,
        unknown: smsUnknown.length,
        unknownReceived: smsUnknown.filter((r) => smsTo.get(r.phone!) === 1).length,
        unknownNotReceived: smsUnknown.filter((r) => !smsTo.get(r.phone!)).length,
      },
    };
    console.log(JSON.stringify(counts));

    // Every e-mail went out and arrived under one Message-ID; every SMS is sent once or honestly unknown.
    expect(emails.map((r) => r.status)).toEqual(emails.map(() => 'sent'));
    expect(counts.email.lost).toBe(0);
    expect(counts.email.duplicateMessageIds).toBe(0);
    expect(texts.every((r) => r.status === 'sent' || r.status === 'unknown')).toBe(true);
    expect(counts.sms.lost).toBe(0);
    expect(counts.sms.duplicates).toBe(0);
    // Only claims the dead worker held can be unknown; none of them went out twice.
    expect(counts.sms.unknown).toBeLessThanOrEqual(atKill.sending);
    expect(counts.sms.unknownReceived + counts.sms.unknownNotReceived).toBe(counts.sms.unknown);
    // An SMS claimed but never handed to Twilio is sent again instead of being left unknown.
    expect(smsUnknown.every((r) => r.handed_at !== null)).toBe(true);
    // A raw repeat is only possible for an e-mail the dead worker had claimed (same Message-ID).
    expect(counts.email.rawDuplicates).toBeLessThanOrEqual(atKill.sending);
  }, 240_000);
});

/** One institution, one teacher, 250 guardians (100 e-mail only, 100 phone only, 50 both) and one urgent message to all of them with its alert intent. */
async function seedUrgentMessage(pg: Client): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const at = new Date();
  const messageId = randomUUID();
  await pg.query('begin');
  const inst = await pg.query<{ id: string }>(
    `insert into institution (id, name, kind, settings, created_at) values (gen_random_uuid(), $1, 'school', '{}', $2) returning id`,
    [`Skola ${tag}`, at],
  );
  const teacher = await pg.query<{ id: string }>(
    `insert into app_user (id, username, given_name, family_name, language, must_change_password, created_at, updated_at)
     values (gen_random_uuid(), $1, 'Ieva', 'Skolotāja', 'lv', false, $2, $2) returning id`,
    [`k.${tag}`, at],
  );
  // Guardian i: 1..100 e-mail only, 101..200 phone only, 201..250 both.
  await pg.query(
    `insert into app_user (id, username, given_name, family_name, email, phone, language, must_change_password, created_at, updated_at)
     select gen_random_uuid(), 'g' || i || '.' || $1, 'Vecāks', 'Nr ' || i,
            case when i <= $3::int or i > $3::int + $4::int then 'g' || i || '.' || $1 || '@example.lv' end,
            case when i > $3::int then '+3712' || lpad(i::text, 7, '0') end,
            (array['lv', 'ru', 'en'])[i % 3 + 1], false, $2, $2
       from generate_series(1, $3::int + $4::int + $5::int) i`,
    [tag, at, EMAIL_ONLY, PHONE_ONLY, BOTH],
  );
  await pg.query(
    `insert into message (id, institution_id, sender_id, subject, body_html, body_text, priority, thread_id, status, audience, recipient_count, created_at, sent_at)
     values ($1, $2, $3, 'Skola slēgta', '<p>Rīt skola slēgta.</p>', 'Rīt skola slēgta.', 'urgent', $1, 'sent', '{}', $4::int, $5, $5)`,
    [messageId, inst.rows[0].id, teacher.rows[0].id, EMAIL_ONLY + PHONE_ONLY + BOTH, at],
  );
  await pg.query(
    `insert into message_recipient (id, message_id, user_id, student_ids, delivered_at)
     select gen_random_uuid(), $1, id, '[]'::jsonb, $2 from app_user where username like 'g%.' || $3`,
    [messageId, at, tag],
  );
  await pg.query(
    `insert into outbox_message (id, kind, payload, dedupe_key, created_at, available_at, attempts)
     values (gen_random_uuid(), 'message-alert', jsonb_build_object('messageId', $1::text, 'priority', 'urgent'), 'message-alert:' || $1, $2, $2, 0)`,
    [messageId, at],
  );
  await pg.query('commit');
  return messageId;
}

async function deliveryRows(pg: Client, messageId: string): Promise<Row[]> {
  const res = await pg.query<Row>(
    `select d.id, d.channel, d.status, d.handed_at, u.email, u.phone
       from notification_delivery d
       join outbox_message o on o.id = d.event_id
       join app_user u on u.id = d.user_id
      where o.dedupe_key = $1`,
    [`message-alert:${messageId}`],
  );
  return res.rows;
}

async function statusCounts(pg: Client, messageId: string): Promise<Record<string, number> & { sending: number }> {
  const counts: Record<string, number> = { sending: 0 };
  for (const r of await deliveryRows(pg, messageId)) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts as Record<string, number> & { sending: number };
}

/** Polls until every delivery of the message has left pending/sending. */
async function settledRows(pg: Client, messageId: string, timeoutMs: number): Promise<Row[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await deliveryRows(pg, messageId);
    if (rows.length === EMAILS + SMS && rows.every((r) => r.status !== 'pending' && r.status !== 'sending')) return rows;
    if (Date.now() > until) throw new Error(`deliveries still unsettled: ${JSON.stringify(await statusCounts(pg, messageId))}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
