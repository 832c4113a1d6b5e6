import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { DigestBuilder } from '../digests/digest-builder.service';
import { LessonReminderBuilder } from '../lesson-reminders/lesson-reminder-builder.service';
import { JobRunner } from '../jobs/job-runner.service';
import { MealReportBuilder } from '../meal-reports/meal-report-builder.service';
import { MealReportSchedulers } from '../meal-reports/meal-report-schedulers';
import { ChannelPause } from './channel-pause.service';
import { releaseClaims } from './delivery-sender.service';
import { JournalNoticeBuilders } from './journal-notice-builders';
import { OutboxRelay } from './outbox-relay.service';
import { SmsReconciler } from './sms-reconciler.service';

const QUEUE_PER_SWEEP = 2000;

/**
 * Recovery on a plain timer in the worker, not a BullMQ scheduler (a Redis FLUSHALL would wipe the
 * scheduler with the jobs): relays outbox rows, puts back the kitchens' meal report schedulers (see
 * MealReportSchedulers), builds the day's digests, the meal reports, the teachers' lesson and test
 * reminders, the monthly grade statements and the weekly overdue summaries once their time has come, returns stale claims, looks up SMS whose outcome is unknown, and queues
 * every due pending delivery. PostgreSQL is the source of truth, so after a Redis flush or a worker
 * killed with SIGKILL everything committed is sent, once.
 */
@Injectable()
export class DeliverySweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliverySweep');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly em: EntityManager,
    private readonly relay: OutboxRelay,
    private readonly jobs: JobRunner,
    private readonly pause: ChannelPause,
    private readonly digests: DigestBuilder,
    private readonly mealReports: MealReportBuilder,
    private readonly mealSchedulers: MealReportSchedulers,
    private readonly lessonReminders: LessonReminderBuilder,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly smsReconciler: SmsReconciler,
    private readonly journalNotices: JournalNoticeBuilders,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.NOTIFICATIONS_WORKER) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.env.DELIVERY_SWEEP_INTERVAL);
    this.timer.unref();
    void this.runOnce();
  }

  /** One pass; concurrent calls share the pass under way. */
  runOnce(): Promise<void> {
    this.running ??= this.pass()
      .catch((err: unknown) => this.logger.warn({ err }, 'sweep failed; the next one retries'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** A pass that starts after any pass under way, so it sees every row committed before the call. */
  async runFresh(): Promise<void> {
    await this.running;
    return this.runOnce();
  }

  private async pass(): Promise<void> {
    await this.relay.drain();
    // Before the due rows are read, so a digest built now is queued in this same pass.
    await this.digests.buildDue().catch((err: unknown) => this.logger.warn({ err }, 'digests not built; the next sweep retries'));
    // The schedulers build reports on time; this catch-up builds whatever a lost scheduler missed.
    await this.mealSchedulers.sync().catch((err: unknown) => this.logger.warn({ err }, 'meal report schedulers not synced; the next sweep retries'));
    await this.mealReports.buildDue().catch((err: unknown) => this.logger.warn({ err }, 'meal reports not built; the next sweep retries'));
    await this.lessonReminders.buildDue().catch((err: unknown) => this.logger.warn({ err }, 'lesson reminders not built; the next sweep retries'));
    await this.journalNotices.buildDue();
    const now = this.clock.now();
    const stale = new Date(now.getTime() - this.config.env.DELIVERY_STALE_CLAIM);
    const em = this.em.fork();
    // A claim is stale only when no live worker still holds its job (a send in flight must not be
    // doubled, however long it takes). Then an e-mail goes again with the same Message-ID, so receivers
    // see one message, and so does an SMS that never left (no hand-over recorded); an SMS that may have
    // left is not sent blindly: it becomes unknown, for a status callback or the lookup below to settle.
    const claims = await em.find(NotificationDelivery, { status: 'sending', claimedAt: { $lt: stale } }, { fields: ['id'], limit: 500 });
    const abandoned: string[] = [];
    for (const claim of claims) if (!(await this.jobs.isRunning('delivery.send', claim.id))) abandoned.push(claim.id);
    await releaseClaims(em, abandoned, 'stale claim', now);
    // Before the due rows are read, so an SMS found never to have left is queued in this same pass.
    await this.smsReconciler.reconcileDue().catch((err: unknown) => this.logger.warn({ err }, 'unknown SMS not looked up; the next sweep retries'));
    const paused = this.pause.pausedChannels();
    const due = await em.find(
      NotificationDelivery,
      { status: 'pending', availableAt: { $lte: now }, ...(paused.length ? { channel: { $nin: paused } } : {}) },
      { fields: ['id'], orderBy: { availableAt: 'asc' }, limit: QUEUE_PER_SWEEP },
    );
    await this.jobs.enqueue('delivery.send', due.map((d) => ({ key: d.id, payload: { deliveryId: d.id } })));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
