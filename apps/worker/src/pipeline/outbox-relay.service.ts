import { randomUUID } from 'node:crypto';
import { EntityManager, type RequiredEntityData } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Category, type Channel, NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import type { OutboxKind } from '@app/notifications/outbox/outbox.contract';
import { type Contacts, type EffectivePreferences, channelsFor } from '@app/notifications/preferences/preferences';
import { PreferencesReader } from '@app/notifications/preferences/preferences.reader';
import { AppConfig } from '@app/platform/config/app-config';
import { Clock } from '@app/platform/time/clock';
import { type AckCopy, type AckScope, stillOwing } from '@app/post';
import { jsonColumn } from '@app/persistence/plain-rows';
import { JobRunner } from '../jobs/job-runner.service';
import { categoryOf, planDeliveries, type Recipient, type SendingRules } from './delivery-plan';
import { type NotificationSettings, notificationSettings } from './institution-settings';
import { parseQuietHours } from './quiet-hours';

interface OutboxRow {
  id: string;
  kind: OutboxKind;
  payload: Record<string, unknown> | string;
  created_at: Date | string | number;
}

const BATCH = 200;

/**
 * Turns committed outbox rows into delivery rows — one per recipient × channel, unique on (event,
 * recipient, channel) — and marks them relayed, in one transaction; then queues a job per due
 * delivery. Rows are locked with SKIP LOCKED, so any number of workers relay side by side. A crash
 * between the commit and the queueing loses nothing: the sweep queues due pending rows.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly em: EntityManager,
    private readonly preferences: PreferencesReader,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Relays due rows until none are left; returns how many events it relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.relayBatch();
      total += n;
      if (n < BATCH) return total;
    }
  }

  async relayBatch(): Promise<number> {
    const now = this.clock.now();
    const due: { id: string; availableAt: Date }[] = [];
    const relayed = await this.em.fork().transactional(async (tx) => {
      const platform = tx.getPlatform();
      const postgres = this.config.databaseKind === 'postgresql';
      const rows = (await tx.getConnection().execute(
        `select id, kind, payload, created_at from outbox_message
          where relayed_at is null and available_at <= ?
          order by available_at, id limit ${BATCH}${postgres ? ' for update skip locked' : ''}`,
        [platform.processDateProperty(now)],
        'all',
        tx.getTransactionContext(),
      )) as OutboxRow[];
      if (!rows.length) return 0;
      const events = rows.map((r) => ({
        ...r,
        payload: jsonColumn<Record<string, unknown>>(r.payload),
        createdAt: new Date(r.created_at),
      }));
      const planned: { event: (typeof events)[number]; institutionId: string | null; recipients: Recipient[] }[] = [];
      for (const event of events) planned.push({ event, ...(await this.recipientsOf(tx, event)) });
      // One query for the whole batch's institutions.
      const settings = await notificationSettings(tx, planned.flatMap((p) => (p.institutionId ? [p.institutionId] : [])));
      const deliveries: RequiredEntityData<NotificationDelivery>[] = [];
      for (const { event, institutionId, recipients } of planned) {
        for (const d of planDeliveries(event, recipients, now, this.rulesOf(institutionId ? settings.get(institutionId) : undefined))) {
          const id = randomUUID();
          deliveries.push({ id, eventId: event.id, institutionId, ...d, attempts: 0, createdAt: now, updatedAt: now, settledAt: d.status === 'suppressed' ? now : null });
          if (d.status === 'pending' && d.availableAt <= now) due.push({ id, availableAt: d.availableAt });
        }
      }
      for (let i = 0; i < deliveries.length; i += 500) {
        await (tx as SqlEntityManager)
          .createQueryBuilder(NotificationDelivery)
          .insert(deliveries.slice(i, i + 500))
          .onConflict(['eventId', 'userId', 'channel'])
          .ignore()
          .execute();
      }
      await tx.getConnection().execute(
        `update outbox_message set relayed_at = ? where id in (${events.map(() => '?').join(', ')})`,
        [platform.processDateProperty(now), ...events.map((e) => e.id)],
        'run',
        tx.getTransactionContext(),
      );
      return events.length;
    });
    // Queued after the commit: a job must never find its row missing. Redis being away only delays them.
    await this.jobs.enqueue('delivery.send', due.map((d) => ({ key: d.id, payload: { deliveryId: d.id } }))).catch((err: unknown) => {
      this.logger.warn({ err }, 'deliveries relayed but not queued; the sweep will queue them');
    });
    return relayed;
  }

  /** An institution's quiet hours and alert delay where it set them, the service's otherwise. */
  private rulesOf(own: NotificationSettings | undefined): SendingRules {
    return {
      quietHours: parseQuietHours(own?.quietHours ?? this.config.env.QUIET_HOURS),
      alertDelayMs: (own?.alertDelaySeconds ?? this.config.env.ALERT_DELAY_SECONDS) * 1000,
    };
  }

  /** The people an event concerns, with the channels each gets for its category. */
  private async recipientsOf(
    tx: EntityManager,
    event: { kind: OutboxKind; payload: Record<string, unknown> },
  ): Promise<{ institutionId: string | null; recipients: Recipient[] }> {
    const exec = <T>(sql: string, params: unknown[]) => tx.getConnection().execute(sql, params, 'all', tx.getTransactionContext()) as Promise<T[]>;
    let institutionId = (event.payload.institutionId as string | undefined) ?? null;
    let people: { user_id: string; read_at: Date | string | null }[];
    let urgent = false;
    if (event.kind === 'message-alert' || event.kind === 'ack-reminder' || event.kind === 'ack-overdue') {
      const [message] = await exec<{ institution_id: string; sender_id: string; priority: string; requires_ack: boolean | number; ack_scope: AckScope | null }>(
        'select institution_id, sender_id, priority, requires_ack, ack_scope from message where id = ?',
        [event.payload.messageId],
      );
      institutionId = message?.institution_id ?? null;
      urgent = message?.priority === 'urgent';
      const copies = await exec<{ user_id: string; read_at: Date | string | null; acked_at: Date | string | null; student_ids: string[] | string }>(
        'select user_id, read_at, acked_at, student_ids from message_recipient where message_id = ? and delivered_at is not null',
        [event.payload.messageId],
      );
      if (event.kind === 'message-alert') people = copies;
      else {
        const owing = message?.requires_ack ? stillOwing(message.ack_scope, copies.map(ackCopy)) : [];
        people = event.kind === 'ack-reminder' ? owing.map((c) => ({ user_id: c.userId, read_at: null })) : owing.length ? [{ user_id: message!.sender_id, read_at: null }] : [];
      }
    } else if (event.kind === 'mark-alert') {
      // The student and their guardians with an active link who are guardians where the marks were given.
      people = await exec<{ user_id: string; read_at: null }>(
        `select l.guardian_id as user_id, null as read_at from guardianship l
           join role_assignment r on r.user_id = l.guardian_id and r.role = 'guardian' and r.active = true and r.institution_id = ?
          where l.student_id = ? and l.active = true
         union
         select r.user_id, null as read_at from role_assignment r where r.user_id = ? and r.role = 'student' and r.active = true and r.institution_id = ?`,
        [institutionId, event.payload.studentId, event.payload.studentId, institutionId],
      );
    } else {
      people = [{ user_id: event.payload.userId as string, read_at: null }];
    }
    if (!people.length) return { institutionId, recipients: [] };
    const ids = people.map((p) => p.user_id);
    const users = await exec<{ id: string; email: string | null; phone: string | null; opted_out: string | null }>(
      `select u.id, u.email, u.phone, o.phone as opted_out from app_user u left join sms_opt_out o on o.phone = u.phone
        where u.active = true and u.id in (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const contacts = new Map(users.map((u) => [u.id, u]));
    // Inside the transaction: SQLite has one connection, which the transaction holds.
    const prefs = await this.preferences.forUsers(ids, tx);
    const category = categoryOf(event.kind, event.payload);
    const recipients: Recipient[] = [];
    for (const p of people) {
      const user = contacts.get(p.user_id);
      const effective = prefs.get(p.user_id);
      if (!user || !effective) continue;
      recipients.push({
        userId: p.user_id,
        // With a digest chosen, normal message e-mails are left to it (apps/worker/src/digests).
        channels: this.channelsOf(event.kind, category, urgent, effective, user),
        quietHours: effective.quietHours ?? null,
        readAt: p.read_at ? new Date(p.read_at) : null,
        smsOptedOut: user.opted_out !== null,
        hasEmail: !!user.email,
      });
    }
    return { institutionId, recipients };
  }

  /**
   * The person's channels for the category. A confirmation reminder goes by SMS only for an urgent
   * message, and then as the person takes urgent news (SMS by default): the SMS is billed, the
   * e-mail (by their reminder preferences) is not.
   */
  private channelsOf(kind: OutboxKind, category: Category, urgent: boolean, effective: EffectivePreferences, contacts: Contacts): Channel[] {
    const chosen = channelsFor(category, effective, contacts);
    if (kind !== 'ack-reminder') return chosen;
    const sms = urgent && channelsFor('urgent', effective, contacts).includes('sms');
    return [...chosen.filter((c) => c !== 'sms'), ...(sms ? (['sms'] as const) : [])];
  }
}

/** A copy as the shared "who still owes" rule reads it (raw rows: SQLite returns JSON and dates as text). */
function ackCopy(row: { user_id: string; acked_at: Date | string | null; student_ids: string[] | string }): AckCopy {
  return {
    userId: row.user_id,
    studentIds: jsonColumn(row.student_ids),
    ackedAt: row.acked_at ? new Date(row.acked_at) : null,
  };
}
