import { EntityManager, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable, Logger } from '@nestjs/common';
import { type Message, MessageRecipient } from '@app/post';
import { type MessageNewEvent, RealtimePublisher } from '../realtime/realtime.contract';

export const PREVIEW_LENGTH = 140;

export function previewOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= PREVIEW_LENGTH ? flat : `${flat.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…`;
}

/**
 * What a user's open inboxes hear live: a message reaching them (at send, or when a moderator
 * approves it) and their unread count. Offline alerts are not here: they are outbox rows
 * (`OutboxWriter.messageAlerts`) that the worker sends.
 */
@Injectable()
export class InboxEvents {
  private readonly logger = new Logger('InboxEvents');

  constructor(
    private readonly realtime: RealtimePublisher,
    private readonly em: EntityManager,
  ) {}

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
