import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { Message, MessageRecipient, type RecipientFolder } from '@app/post';
import { InboxEvents, previewOf } from '../inbox-events/inbox-events.service';
import { MessageAccess } from '../messages/message-access';
import { messageError } from '../messages/message-errors';
import type { Folder } from '../messages/message.dto';
import { ReceiptsService } from '../receipts/receipts.service';
import { afterCursor, type Cursor, decodeCursor, encodeCursor } from './cursor';

export interface FolderQueryInput {
  unread?: boolean;
  cursor?: string;
  since?: string;
  limit: number;
}

export interface MessageItem {
  id: string;
  subject: string;
  preview: string;
  sender: { id: string; displayName: string };
  sentAt: string | null;
  readAt: string | null;
  requiresAck: boolean;
  ackedAt: string | null;
  ackDeadline: string | null;
  priority: 'normal' | 'urgent';
  threadId: string;
  /** Sent items only. */
  status?: string;
  recipientCount?: number;
  readCount?: number;
  ackCount?: number;
}

/** The newest messages of a thread one view loads; older ones are flagged, not fetched. */
export const THREAD_MAX_MESSAGES = 200;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Folders, one message with its thread, and moving messages between folders (per user only). */
@Injectable()
export class MailboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: MessageAccess,
    private readonly directory: DirectoryQueries,
    private readonly receipts: ReceiptsService,
    private readonly inboxEvents: InboxEvents,
  ) {}

  async list(actor: Actor, folder: Folder, q: FolderQueryInput): Promise<{ items: MessageItem[]; nextCursor: string | null }> {
    const cursor = decodeCursor(q.cursor);
    const since = q.since ? new Date(q.since) : null;
    const received = folder === 'sent' ? [] : await this.received(actor.userId, folder, q, cursor, since);
    const sent = folder === 'inbox' || q.unread ? [] : await this.sent(actor.userId, folder === 'sent' ? 'sent' : folder, q, cursor, since);
    const merged = [...received, ...sent].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.key < b.key ? 1 : -1));
    const page = merged.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((p) => p.item),
      nextCursor: merged.length > q.limit && last ? encodeCursor({ at: last.at, id: last.key }) : null,
    };
  }

  private async received(userId: string, folder: RecipientFolder, q: FolderQueryInput, cursor: Cursor | null, since: Date | null) {
    const rows = await this.em.fork().find(
      MessageRecipient,
      {
        user: userId,
        folder,
        deliveredAt: since ? { $ne: null, $gt: since } : { $ne: null },
        ...(q.unread ? { readAt: null } : {}),
        ...afterCursor('deliveredAt', cursor),
      },
      { populate: ['message', 'message.sender'], orderBy: { deliveredAt: 'desc', id: 'desc' }, limit: q.limit + 1 },
    );
    return rows.map((r) => ({
      at: r.deliveredAt!,
      key: r.id,
      item: { ...this.summary(r.message), readAt: iso(r.readAt), ackedAt: iso(r.ackedAt) },
    }));
  }

  private async sent(userId: string, folder: 'sent' | 'archive' | 'trash', q: FolderQueryInput, cursor: Cursor | null, since: Date | null) {
    const messages = await this.em.fork().find(
      Message,
      { sender: userId, senderFolder: folder, ...(since ? { createdAt: { $gt: since } } : {}), ...afterCursor('createdAt', cursor) },
      { populate: ['sender'], orderBy: { createdAt: 'desc', id: 'desc' }, limit: q.limit + 1 },
    );
    const counts = await this.receipts.counts(messages.map((m) => m.id));
    return messages.map((m) => ({
      at: m.createdAt,
      key: m.id,
      item: {
        ...this.summary(m),
        readAt: null,
        ackedAt: null,
        status: m.status,
        recipientCount: m.recipientCount,
        readCount: counts.get(m.id)?.read ?? 0,
        ackCount: counts.get(m.id)?.acknowledged ?? 0,
      },
    }));
  }

  private summary(m: Message): Omit<MessageItem, 'readAt' | 'ackedAt'> {
    return {
      id: m.id,
      subject: m.subject,
      preview: previewOf(m.bodyText),
      sender: { id: m.sender.id, displayName: m.sender.displayName },
      sentAt: iso(m.sentAt),
      requiresAck: m.requiresAck,
      ackDeadline: iso(m.ackDeadline),
      priority: m.priority,
      threadId: m.threadId,
    };
  }

  /**
   * One message for its sender or one of its recipients (404 for anybody else, so existence stays
   * private). A recipient's first open counts as reading it. Recipients see only the sender.
   */
  async get(actor: Actor, id: string) {
    const { message, copy } = await this.access.load(actor, id, { populateSender: true });
    const isSender = message.sender.id === actor.userId;
    if (copy && !copy.readAt) {
      const readAt = await this.receipts.recordRead(actor.userId, message, copy);
      // null: a concurrent request recorded the read first, so show the time it stored.
      copy.readAt = readAt ?? (await this.em.fork().findOneOrFail(MessageRecipient, copy.id)).readAt;
    }
    const [thread, names] = await Promise.all([
      this.thread(actor.userId, message.threadId),
      this.directory.displayNames(copy?.studentIds ?? []),
    ]);
    return {
      ...this.summary(message),
      institutionId: message.institution.id,
      body: message.bodyHtml,
      bodyText: message.bodyText,
      ackScope: message.ackScope ?? null,
      replyTo: message.replyTo?.id ?? null,
      readAt: iso(copy?.readAt),
      ackedAt: iso(copy?.ackedAt),
      folder: copy?.folder ?? message.senderFolder,
      students: (copy?.studentIds ?? []).map((sid) => ({ id: sid, displayName: names.get(sid) ?? '' })),
      thread: thread.items,
      /** Older messages of the thread exist beyond the newest THREAD_MAX_MESSAGES shown. */
      threadHasMore: thread.hasMore,
      ...(isSender
        ? {
            status: message.status,
            createdAt: message.createdAt.toISOString(),
            recipientCount: message.recipientCount,
            audience: message.audience,
            moderationReason: message.moderationReason ?? null,
          }
        : {}),
    };
  }

  /**
   * The thread as the caller may see it: messages they sent or received, oldest first. Only the
   * newest {@link THREAD_MAX_MESSAGES} are loaded, so a long exchange cannot make one view read
   * thousands of rows; `hasMore` says older ones exist.
   */
  private async thread(userId: string, threadId: string) {
    const em = this.em.fork();
    const newestFirst = { createdAt: 'desc', id: 'desc' } as const;
    // The newest copies received suffice: whatever the caller sent, the newest N+1 of the union are among them.
    const received = await em.find(
      MessageRecipient,
      { user: userId, deliveredAt: { $ne: null }, message: { threadId } },
      { fields: ['message'], orderBy: { message: newestFirst }, limit: THREAD_MAX_MESSAGES + 1 },
    );
    const newest = await em.find(
      Message,
      { threadId, $or: [{ sender: userId }, { id: { $in: received.map((r) => r.message.id) } }] },
      { populate: ['sender'], orderBy: newestFirst, limit: THREAD_MAX_MESSAGES + 1 },
    );
    const items = newest
      .slice(0, THREAD_MAX_MESSAGES)
      .reverse()
      .map((m) => ({
        id: m.id,
        subject: m.subject,
        preview: previewOf(m.bodyText),
        sender: { id: m.sender.id, displayName: m.sender.displayName },
        sentAt: iso(m.sentAt),
        replyTo: m.replyTo?.id ?? null,
      }));
    return { items, hasMore: newest.length > THREAD_MAX_MESSAGES };
  }

  /**
   * Moves the caller's own view of a message: their copy as a recipient and/or their record as the
   * sender. Nobody else's copy and no receipt changes.
   */
  async move(actor: Actor, id: string, to: 'archive' | 'trash' | 'restore'): Promise<void> {
    const em = this.em.fork();
    const message = await em.findOne(Message, id, { fields: ['sender'] });
    if (!message) throw messageError.notFound();
    const copy = await em.nativeUpdate(
      MessageRecipient,
      { message: id, user: actor.userId, deliveredAt: { $ne: null } },
      { folder: to === 'restore' ? 'inbox' : to },
    );
    const own = message.sender.id === actor.userId;
    if (own) await em.nativeUpdate(Message, { id }, { senderFolder: to === 'restore' ? 'sent' : to });
    if (!copy && !own) throw messageError.notFound();
    if (copy) await this.inboxEvents.pushUnreadCounts([actor.userId]);
  }
}
