import { EntityManager, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OutboxWake } from '@app/notifications/outbox/outbox-wake';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import type { RowSet } from '@app/persistence/insert-rows';
import { AppConfig } from '@app/platform/config/app-config';
import { type Message, MessageRecipient } from '@app/post';
import { type MessageNewEvent, RealtimePublisher } from '../realtime/realtime.contract';

export const PREVIEW_LENGTH = 140;

export function previewOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…`;
}

/**
 * What happens when a message reaches its recipients (at send, or when a moderator approves it):
 * offline alert intents in the caller's transaction, then live events after the commit.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly outbox: OutboxWriter,
    private readonly wake: OutboxWake,
    private readonly realtime: RealtimePublisher,
    private readonly em: EntityManager,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * The message's one `message-alert` intent (the worker expands it to the recipients); normal
   * priority waits so that a message read in the app sends nothing. A message that asks for
   * confirmation by a deadline adds its reminder (`ACK_REMINDER_BEFORE` ahead, at once if that is
   * past) and its overdue report to the sender (at the deadline), in the same atomic write.
   */
  alertRows(message: Pick<Message, 'id' | 'priority' | 'requiresAck' | 'ackDeadline'>, now: Date): RowSet {
    const delay = message.priority === 'urgent' ? 0 : this.config.env.ALERT_DELAY_SECONDS * 1000;
    const alert = this.outbox.rows(
      'message-alert',
      [{ payload: { messageId: message.id, priority: message.priority }, dedupeKey: `message-alert:${message.id}` }],
      { at: now, availableAt: new Date(now.getTime() + delay) },
    );
    const deadline = message.requiresAck ? message.ackDeadline : null;
    if (!deadline) return alert;
    const notBeforeNow = (t: number) => new Date(Math.max(t, now.getTime()));
    const ack = (kind: 'ack-reminder' | 'ack-overdue', at: number) =>
      this.outbox.rows(kind, [{ payload: { messageId: message.id }, dedupeKey: `${kind}:${message.id}` }], { at: now, availableAt: notBeforeNow(at) }).rows;
    return {
      entity: alert.entity,
      rows: [
        ...alert.rows,
        ...ack('ack-reminder', deadline.getTime() - this.config.env.ACK_REMINDER_BEFORE),
        ...ack('ack-overdue', deadline.getTime()),
      ],
    };
  }

  /** After the commit of {@link alertRows}: an urgent alert is relayed at once, not at the next sweep. */
  alertsCommitted(alerts: RowSet, now: Date): void {
    this.wake.committed(alerts.rows, now);
  }

  /**
   * After the commit: one `message:new` packet for every recipient room. A new message adds one to each
   * recipient's unread count, which clients apply themselves; `unread:count` is pushed on connect and when
   * the user's own reading, confirming or filing changes it (so every device of theirs agrees).
   */
  announce(
    message: Pick<Message, 'id' | 'subject' | 'bodyText' | 'priority' | 'requiresAck'>,
    sender: MessageNewEvent['sender'],
    sentAt: Date,
    userIds: readonly string[],
  ): void {
    this.realtime.toUsers(userIds, 'message:new', {
      id: message.id,
      subject: message.subject,
      preview: previewOf(message.bodyText),
      sender,
      sentAt: sentAt.toISOString(),
      priority: message.priority,
      requiresAck: message.requiresAck,
    });
  }

  /** Never fails the caller's request: the count is a convenience, the REST inbox is the truth. */
  async pushUnreadCounts(userIds: readonly string[]): Promise<void> {
    try {
      await this.pushCounts(userIds);
    } catch (err) {
      this.logger.warn({ err }, 'unread counts not pushed');
    }
  }

  private async pushCounts(userIds: readonly string[]): Promise<void> {
    const counts = await this.unreadCounts(userIds);
    for (const userId of userIds) this.realtime.toUsers([userId], 'unread:count', { count: counts.get(userId) ?? 0 });
  }

  /** Delivered, unread messages in the inbox, per user, in one grouped query. */
  async unreadCounts(userIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < userIds.length; i += 1000) {
      const chunk = userIds.slice(i, i + 1000);
      const rows: { user_id: string; count: string | number }[] = await (this.em.fork() as SqlEntityManager)
        .createQueryBuilder(MessageRecipient, 'r')
        .select(['r.user', raw('count(*) as count')])
        .where({ user: { $in: [...chunk] }, folder: 'inbox', deliveredAt: { $ne: null }, readAt: null })
        .groupBy('r.user')
        .execute('all', false);
      for (const r of rows) out.set(r.user_id, Number(r.count));
    }
    return out;
  }
}
