import { randomUUID } from 'node:crypto';
import { EntityManager, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { cheapestText, smsSize } from '@app/notifications/sms/segments';
import { rememberOptOut, TWILIO_UNSUBSCRIBED } from '@app/notifications/sms/sms-opt-out.entity';
import { AppConfig } from '@app/platform/config/app-config';
import { Metrics } from '@app/platform/observability/metrics';
import { rigaDate } from '@app/platform/time/riga-time';
import { Clock } from '@app/platform/time/clock';
import { plainRows } from '@app/persistence/plain-rows';
import { JobRunner } from '../jobs/job-runner.service';
import { type OutgoingSms, SendFailure } from '../senders/sender.ports';
import { Batcher, byIdBatcher, cases, placeholders } from './batcher';
import { ALERT_CATEGORIES, notificationSettings } from './institution-settings';
import { SmsRate } from './sms-rate.service';

/** Segments counted for one SMS in its institution's monthly usage. */
export interface Reservation {
  institutionId: string;
  month: string;
  segments: number;
}

interface ReservationRequest {
  deliveryId: string;
  reservation: Reservation;
  budget: number | null;
}

/** An SMS cleared to go: its final text and the segments reserved for it in its institution's month. */
export interface SmsTicket {
  delivery: Pick<NotificationDelivery, 'id' | 'eventId' | 'userId' | 'category' | 'institutionId'>;
  to: string;
  body: string;
  reserved: Reservation | null;
}

/**
 * SMS cost control around the provider call, kept out of the sender's hot path: the opt-out memory,
 * transliteration, the per-sender rate and the institution's monthly segment budget before the
 * call; reconciling the count, releasing the reservation and remembering STOP after it.
 */
@Injectable()
export class SmsCostControl {
  private readonly logger = new Logger('SmsCostControl');
  private readonly refused: Counter<'reason'>;
  private readonly optOuts = byIdBatcher(async (phones) => {
    const rows = await this.rows<{ phone: string }>(`select phone from sms_opt_out where phone in (${placeholders(phones)})`, phones);
    return new Map(rows.map((r) => [r.phone, true as const]));
  });
  private readonly settings = byIdBatcher((ids) => notificationSettings(this.em.fork(), ids));
  // SMS sent at once share one transaction and one usage upsert per institution and month.
  private readonly reservations = new Batcher<ReservationRequest, boolean>((requests) => this.reserveAll(requests));

  constructor(
    private readonly em: EntityManager,
    private readonly rate: SmsRate,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
    metrics: Metrics,
  ) {
    this.refused = new Counter({
      name: 'notification_sms_refused_total',
      help: 'SMS not sent for cost control: over the monthly segment budget, or the number opted out',
      labelNames: ['reason'],
      registers: [metrics.registry],
    });
  }

  /**
   * Clears a claimed SMS delivery to go, or settles it and says how: suppressed (`opted-out`,
   * `budget`; an alert then goes by e-mail) or `retry` (the sender's rate is used up: the claim and
   * the attempt are given back, the row waits a moment). A password SMS is counted against the
   * budget but never refused by it, and never transliterated.
   */
  async admit(delivery: NotificationDelivery, sms: Pick<OutgoingSms, 'to' | 'body'>): Promise<SmsTicket | 'suppressed' | 'retry'> {
    const em = this.em.fork();
    // Batched across the SMS being sent at once: one statement per kind of lookup, not one per SMS.
    const [optedOut, settings] = await Promise.all([this.optOuts.call(sms.to), delivery.institutionId ? this.settings.call(delivery.institutionId) : null]);
    if (optedOut) return this.suppress(delivery, 'opted-out');
    const password = delivery.category === 'password';
    const body = settings?.smsTransliterate && !password ? cheapestText(sms.body) : sms.body;
    const segments = smsSize(body).segments;

    const wait = await this.rate.acquire(segments);
    if (wait > 0) {
      await em.nativeUpdate(
        NotificationDelivery,
        { id: delivery.id, status: 'sending' },
        // Waiting for our own rate is not the delivery's failure: the attempt is given back.
        { status: 'pending', attempts: raw('attempts - 1'), availableAt: new Date(this.clock.now().getTime() + wait), claimedAt: null, reason: 'rate', updatedAt: this.clock.now() },
      );
      return 'retry';
    }

    let reserved: Reservation | null = null;
    if (delivery.institutionId && delivery.smsReservedSegments != null && delivery.smsReservedMonth) {
      // Counted by an earlier attempt that may have left (a stale claim, an unknown send found never
      // to have arrived): the budget admitted it then; only a changed text changes the count.
      reserved = { institutionId: delivery.institutionId, month: delivery.smsReservedMonth, segments: delivery.smsReservedSegments };
      if (segments !== reserved.segments) {
        await this.recount(delivery.id, reserved, segments);
        reserved = { ...reserved, segments };
      }
    } else if (delivery.institutionId) {
      reserved = { institutionId: delivery.institutionId, month: rigaDate(this.clock.now()).slice(0, 7), segments };
      const budget = password ? null : (settings?.smsMonthlySegmentBudget ?? null);
      if (!(await this.reservations.call({ deliveryId: delivery.id, reservation: reserved, budget }))) return this.suppress(delivery, 'budget');
    }
    return { delivery, to: sms.to, body, reserved };
  }

  /**
   * Counts a batch of SMS in their institutions' months and records each on its row, in one
   * transaction: the rows first and the shared usage rows last (in a fixed order, so two workers
   * cannot deadlock), so those locks are held only until the commit. One upsert per institution and
   * month when the whole group fits its budget (the usual case); otherwise one per SMS in order, so
   * the budget still admits whoever fits.
   */
  private async reserveAll(requests: ReservationRequest[]): Promise<boolean[]> {
    return this.em.fork().transactional(async (tx) => {
      await this.markReserved(tx, requests);
      const groups = new Map<string, ReservationRequest[]>();
      for (const q of requests) {
        const key = `${q.reservation.institutionId}|${q.reservation.month}|${q.budget}`;
        groups.set(key, [...(groups.get(key) ?? []), q]);
      }
      const admitted = new Map<ReservationRequest, boolean>();
      for (const key of [...groups.keys()].sort()) {
        const group = groups.get(key)!;
        const { institutionId, month } = group[0].reservation;
        const total = group.reduce((n, q) => n + q.reservation.segments, 0);
        if (await this.reserve(institutionId, month, total, group[0].budget, tx)) group.forEach((q) => admitted.set(q, true));
        else for (const q of group) admitted.set(q, await this.reserve(institutionId, month, q.reservation.segments, q.budget, tx));
      }
      const refused = requests.filter((q) => !admitted.get(q)).map((q) => q.deliveryId);
      if (refused.length) await tx.nativeUpdate(NotificationDelivery, { id: { $in: refused } }, { smsReservedSegments: null, smsReservedMonth: null });
      return requests.map((q) => admitted.get(q)!);
    });
  }

  /** Each delivery's reserved segments and month, in one statement. */
  private async markReserved(tx: EntityManager, requests: ReservationRequest[]): Promise<void> {
    const rows = requests.map((q) => ({ id: q.deliveryId, ...q.reservation }));
    const segments = cases(rows, (r) => r.segments, 'cast(? as integer)');
    const month = cases(rows, (r) => r.month);
    await tx.getConnection().execute(
      `update notification_delivery set sms_reserved_segments = ${segments.sql}, sms_reserved_month = ${month.sql} where id in (${placeholders(rows)})`,
      [...segments.params, ...month.params, ...rows.map((r) => r.id)],
      'run',
      tx.getTransactionContext(),
    );
  }

  private rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return plainRows<T>(this.em, sql, params);
  }

  /**
   * The provider took the SMS: its own segment count replaces the reserved one. Never throws: the
   * SMS is sent, and a failure here must not make the sender try it again.
   */
  async accepted(ticket: SmsTicket, segments: number): Promise<void> {
    await this.recount(ticket.delivery.id, ticket.reserved, segments).catch((err: unknown) =>
      this.logger.warn({ err, deliveryId: ticket.delivery.id }, 'segment count not reconciled'),
    );
  }

  /** Replaces the segments counted for a delivery with `segments` (the provider's count), once. */
  async recount(deliveryId: string, r: Reservation | null, segments: number): Promise<void> {
    if (!r || !Number.isInteger(segments) || segments === r.segments) return;
    await this.em.fork().transactional(async (tx) => {
      const changed = await tx.nativeUpdate(NotificationDelivery, { id: deliveryId, smsReservedSegments: r.segments }, { smsReservedSegments: segments });
      if (changed) await this.adjust(r, segments - r.segments, tx);
    });
  }

  /**
   * The provider refused the SMS, so nothing was sent: the reservation is released (not for an
   * unknown outcome, which may have been billed). STOP is remembered and an alert goes by e-mail.
   * Never throws: the sender must still record the failure.
   */
  async failed(ticket: SmsTicket, err: unknown): Promise<void> {
    if (!(err instanceof SendFailure) || err.kind === 'unknown') return;
    try {
      if (ticket.reserved) await this.release(ticket.delivery.id, ticket.reserved);
      if (err.code === TWILIO_UNSUBSCRIBED) await this.rememberOptOut(ticket);
    } catch (e) {
      this.logger.warn({ err: e, deliveryId: ticket.delivery.id }, 'SMS refusal not fully recorded');
    }
  }

  /** Gives the delivery's segments back, once: the row's record and the count go together. */
  private async release(deliveryId: string, r: Reservation): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const released = await tx.nativeUpdate(NotificationDelivery, { id: deliveryId, smsReservedSegments: { $ne: null } }, { smsReservedSegments: null, smsReservedMonth: null });
      if (released) await this.adjust(r, -r.segments, tx);
    });
  }

  private async rememberOptOut(ticket: SmsTicket): Promise<void> {
    const fallback = await this.em.fork().transactional(async (tx) => {
      await rememberOptOut(tx, ticket.to, this.clock.now());
      return this.emailInstead(tx, ticket.delivery);
    });
    this.refused.inc({ reason: 'opted-out' });
    await this.queue(fallback);
  }

  /**
   * Adds `n` to the month's usage in one statement, only while it stays within `budget` (null: no
   * limit). The row is locked by the upsert, so parallel reservations cannot together exceed it.
   */
  async reserve(institutionId: string, month: string, n: number, budget: number | null, em: EntityManager = this.em.fork()): Promise<boolean> {
    if (budget !== null && n > budget) return false;
    const rows = await em.getConnection().execute<{ segments_used: number }[]>(
      `insert into sms_budget_usage (institution_id, month, segments_used) values (?, ?, ?)
        on conflict (institution_id, month) do update set segments_used = sms_budget_usage.segments_used + excluded.segments_used
        ${budget === null ? '' : 'where sms_budget_usage.segments_used + excluded.segments_used <= ?'}
        returning segments_used`,
      budget === null ? [institutionId, month, n] : [institutionId, month, n, budget],
      'all',
      em.getTransactionContext(),
    );
    return rows.length > 0;
  }

  private async adjust(r: Reservation, difference: number, em: EntityManager): Promise<void> {
    const greatest = this.config.databaseKind === 'postgresql' ? 'greatest' : 'max';
    await em
      .getConnection()
      .execute(
        `update sms_budget_usage set segments_used = ${greatest}(segments_used + ?, 0) where institution_id = ? and month = ?`,
        [difference, r.institutionId, r.month],
        'run',
        em.getTransactionContext(),
      );
  }

  /** Suppressed, and an alert's e-mail written in the same transaction, so a crash cannot lose the fallback. */
  private async suppress(delivery: NotificationDelivery, reason: 'budget' | 'opted-out'): Promise<'suppressed'> {
    const now = this.clock.now();
    const fallback = await this.em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(NotificationDelivery, { id: delivery.id, status: 'sending' }, { status: 'suppressed', reason, settledAt: now, updatedAt: now });
      return this.emailInstead(tx, delivery);
    });
    this.refused.inc({ reason });
    await this.queue(fallback);
    return 'suppressed';
  }

  /**
   * An alert whose SMS cannot go is sent by e-mail instead, when the person has an address and the
   * event has no e-mail for them yet (the unique (event, user, channel) keeps it to one). Returns
   * the new delivery's id, to be queued once committed.
   */
  private async emailInstead(em: EntityManager, delivery: SmsTicket['delivery']): Promise<string | null> {
    if (!ALERT_CATEGORIES.includes(delivery.category)) return null;
    const [user] = await em
      .getConnection()
      .execute<{ email: string | null }[]>('select email from app_user where id = ? and active = true', [delivery.userId], 'all', em.getTransactionContext());
    if (!user?.email) return null;
    const now = this.clock.now();
    const id = randomUUID();
    const result = await (em as SqlEntityManager)
      .createQueryBuilder(NotificationDelivery)
      .insert({ id, eventId: delivery.eventId, userId: delivery.userId, channel: 'email', category: delivery.category, institutionId: delivery.institutionId ?? null, reason: 'sms-fallback', availableAt: now, attempts: 0, createdAt: now, updatedAt: now })
      .onConflict(['eventId', 'userId', 'channel'])
      .ignore()
      .execute('run');
    return result.affectedRows ? id : null;
  }

  private async queue(deliveryId: string | null): Promise<void> {
    if (!deliveryId) return;
    await this.jobs.enqueue('delivery.send', [{ key: deliveryId, payload: { deliveryId } }]).catch((err: unknown) => {
      this.logger.warn({ err }, 'e-mail fallback written but not queued; the sweep will queue it');
    });
  }
}
