import { MikroORM } from '@mikro-orm/core';
import Redis from 'ioredis';
import { JobRunner } from '../../apps/worker/src/jobs/job-runner.service';
import { DeliverySweep } from '../../apps/worker/src/pipeline/delivery-sweep.service';
import { QueueRegistry } from '../../apps/worker/src/queues/queue-registry.service';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { AppConfig } from '../../libs/platform/src/config/app-config';
import { Clock, type FixedClock } from '../../libs/platform/src/time/clock';
import { TestSmtpServer } from './smtp-server';
import { PUBLIC_URL, providerEnv } from './provider-env';
import { createTestApp, type TestApp } from './test-app';
import { TwilioServer } from './twilio-server';

export const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TOKEN = 'test-auth-token-0123456789';
export { PUBLIC_URL };

export interface NotificationRig {
  t: TestApp;
  smtp: TestSmtpServer;
  sms: TwilioServer;
  em(): ReturnType<MikroORM['em']['fork']>;
  /** One recovery pass (relay, stale claims, queueing); a call made during a pass starts a fresh one after it. */
  sweep(): Promise<void>;
  /** Sweeps until every delivery of the event has left pending/sending (the jobs run in the app's BullMQ worker). */
  settled(eventId: string, timeoutMs?: number): Promise<NotificationDelivery[]>;
  /** The outbox event with this dedupe key (e.g. `message-alert:<messageId>`). */
  eventOf(dedupeKey: string): Promise<OutboxMessage>;
  /**
   * Runs `queue` with the app's workers paused, then deletes every BullMQ key of this app (what
   * FLUSHALL does to it, without touching other tests' keys) and resumes the workers. Answers how
   * many jobs were waiting when they were lost.
   */
  loseQueuedJobs(queue: () => Promise<void>): Promise<number>;
  close(): Promise<void>;
}

/**
 * The app with its notifications worker on a database of its own, a real SMTP server over TCP and a
 * local HTTP server speaking Twilio's Messages API, on the given clock. `env` adds to or overrides
 * the notification settings.
 */
export async function startNotificationRig(clock: FixedClock, env: Record<string, string> = {}): Promise<NotificationRig> {
  const smtp = await TestSmtpServer.start();
  const sms = await TwilioServer.start({ accountSid: TWILIO_SID, authToken: TWILIO_TOKEN, now: () => clock.now() });
  const t = await createTestApp({
    clock,
    notifications: true,
    env: {
      ...providerEnv(smtp, sms, { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }),
      QUIET_HOURS: '21:00-07:00',
      ...env,
    },
  });
  const em = () => t.app.get(MikroORM).em.fork();
  const sweeper = t.app.get(DeliverySweep);
  // runOnce shares a pass already under way, which may have read the clock before the test moved it.
  const sweep = async () => {
    await sweeper.runOnce();
    await sweeper.runOnce();
  };
  return {
    t,
    smtp,
    sms,
    em,
    sweep,
    async settled(eventId, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        await sweep();
        const rows = await em().find(NotificationDelivery, { eventId });
        if (rows.length && rows.every((r) => !['pending', 'sending'].includes(r.status))) return rows;
        if (Date.now() > until) {
          const states = rows.map((r) => `${r.channel} ${r.status} (${r.reason ?? 'no reason'}, attempts ${r.attempts}, claimed ${r.claimedAt?.toISOString() ?? '-'}, handed ${r.handedAt?.toISOString() ?? '-'})`);
          throw new Error(`deliveries of ${eventId} still ${states.join('; ') || 'missing'} at ${t.app.get(Clock).now().toISOString()}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    eventOf: (dedupeKey) => em().findOneOrFail(OutboxMessage, { dedupeKey }),
    async loseQueuedJobs(queue) {
      const jobs = t.app.get(JobRunner);
      const redis = new Redis(process.env.REDIS_URL!);
      await jobs.pauseWorkers();
      try {
        await queue();
        const delivery = t.app.get(QueueRegistry).queue('delivery');
        const waiting = await delivery.getWaitingCount();
        const keys = await redis.keys(`${t.app.get(AppConfig).env.REDIS_PREFIX}:bull:*`);
        if (keys.length) await redis.del(...keys);
        if ((await delivery.getWaitingCount()) !== 0) throw new Error('queued jobs survived the wipe');
        return waiting;
      } finally {
        jobs.resumeWorkers();
        redis.disconnect();
      }
    },
    async close() {
      await t.close();
      await Promise.all([smtp.close(), sms.close()]);
    },
  };
}
