import { EntityManager, raw } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { AuditLog } from '@app/audit/audit-log.service';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { AccessPolicy } from '@app/access';
import { type Channel, type DeliveryStatus, NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import { Clock } from '@app/platform/time/clock';
import { Message, MessageRecipient, confirmationsByStudent, stillOwing } from '@app/post';
import { InboxEvents } from '../inbox-events/inbox-events.service';
import { MessageAccess } from '../messages/message-access';
import { messageError } from '../messages/message-errors';
import { RealtimePublisher } from '../realtime/realtime.contract';

export interface ReceiptsView {
  messageId: string;
  requiresAck: boolean;
  ackScope: string | null;
  ackDeadline: string | null;
  total: number;
  read: number;
  acknowledged: number;
  recipients: {
    userId: string;
    displayName: string;
    deliveredAt: string | null;
    readAt: string | null;
    ackedAt: string | null;
    students: { id: string; displayName: string; acknowledged: boolean }[];
    /** The message's offline alerts to this recipient, per channel, as the notifications worker left them. */
    deliveries: { channel: Channel; status: DeliveryStatus; at: string; reason: string | null }[];
  }[];
  /** Per child (one-per-student: any guardian's confirmation counts). */
  students: { id: string; displayName: string; acknowledged: boolean; acknowledgedBy: string | null }[];
  /** Who still has to confirm. */
  pending: { userId: string; displayName: string }[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Read receipts and acknowledgements: recording them, telling the sender live, and the receipts view. */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: MessageAccess,
    private readonly directory: DirectoryQueries,
    private readonly audit: AuditLog,
    private readonly realtime: RealtimePublisher,
    private readonly inboxEvents: InboxEvents,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
  ) {}

  /** Idempotent; only the first read is recorded and announced. The sender reading their own message is a no-op. */
  async markRead(actor: Actor, messageId: string): Promise<void> {
    const { message, copy } = await this.access.load(actor, messageId);
    if (copy && !copy.readAt) await this.recordRead(actor.userId, message, copy);
  }

  /**
   * Records the first read of a copy the caller already loaded and announces it; returns the read time,
   * or null when another request recorded it first.
   */
  async recordRead(userId: string, message: Message, copy: MessageRecipient): Promise<Date | null> {
    const now = this.clock.now();
    const changed = await this.em.fork().nativeUpdate(MessageRecipient, { id: copy.id, readAt: null }, { readAt: now });
    if (!changed) return null;
    this.realtime.toUsers([message.sender.id], 'message:read', { messageId: message.id, userId, readAt: now.toISOString() });
    await this.inboxEvents.pushUnreadCounts([userId]);
    return now;
  }

  /**
   * Confirms a message that asks for it (seed 000 §5.2). Idempotent: the first confirmation is kept,
   * audited and announced to the sender; it also counts as reading the message.
   */
  async acknowledge(actor: Actor, messageId: string): Promise<void> {
    const { message, copy } = await this.access.load(actor, messageId);
    if (!copy) throw messageError.ackNotRequested();
    if (!message.requiresAck) throw messageError.ackNotRequested();
    if (copy.ackedAt) return;
    const now = this.clock.now();
    // Each time is written only while still empty, by a conditional update: a concurrent read (or a
    // second confirmation) neither overwrites the first time nor gets announced twice.
    let wasUnread = false;
    const changed = await this.em.fork().transactional(async (tx) => {
      wasUnread = (await tx.nativeUpdate(MessageRecipient, { id: copy.id, readAt: null }, { readAt: now })) === 1;
      const n = await tx.nativeUpdate(MessageRecipient, { id: copy.id, ackedAt: null }, { ackedAt: now });
      if (n) {
        this.audit.record(tx, now, {
          actorId: actor.userId,
          institutionId: message.institution.id,
          action: 'message.acknowledged',
          objectType: 'message',
          objectId: messageId,
          ip: actor.ip,
          requestId: actor.requestId,
          details: { studentIds: copy.studentIds, late: Boolean(message.ackDeadline && now > message.ackDeadline) },
        });
      }
      return n;
    });
    const at = now.toISOString();
    if (wasUnread) this.realtime.toUsers([message.sender.id], 'message:read', { messageId, userId: actor.userId, readAt: at });
    if (changed) this.realtime.toUsers([message.sender.id], 'message:acknowledged', { messageId, userId: actor.userId, ackedAt: at });
    if (wasUnread) await this.inboxEvents.pushUnreadCounts([actor.userId]);
  }

  /** Read and acknowledged counts per message, for the sent folder. */
  async counts(messageIds: readonly string[]): Promise<Map<string, { read: number; acknowledged: number }>> {
    if (!messageIds.length) return new Map();
    const rows: { message_id: string; read: string | number; acked: string | number }[] = await (this.em.fork() as SqlEntityManager)
      .createQueryBuilder(MessageRecipient, 'r')
      .select(['r.message', raw('count(r.read_at) as read'), raw('count(r.acked_at) as acked')])
      .where({ message: { $in: [...messageIds] } })
      .groupBy('r.message')
      .execute('all', false);
    return new Map(rows.map((r) => [r.message_id, { read: Number(r.read), acknowledged: Number(r.acked) }]));
  }

  /** For the sender and the institution's management only; anyone else who can see the message gets 403. */
  async view(actor: Actor, messageId: string): Promise<ReceiptsView> {
    const em = this.em.fork();
    const message = await em.findOne(Message, messageId);
    if (!message) throw messageError.notFound();
    if (!this.policy.mayReadReceipts(actor, { senderId: message.sender.id, institutionId: message.institution.id })) {
      await this.access.load(actor, messageId); // 404 unless a recipient
      throw messageError.receiptsNotAllowed();
    }
    const rows = await em.find(MessageRecipient, { message: messageId }, { orderBy: { id: 'asc' } });
    const studentIds = [...new Set(rows.flatMap((r) => r.studentIds))];
    const [names, deliveries] = await Promise.all([
      this.directory.displayNames([...rows.map((r) => r.user.id), ...studentIds]),
      this.deliveries(em, messageId),
    ]);
    const perStudent = message.ackScope === 'one-per-student';

    const copies = rows.map((r) => ({ row: r, userId: r.user.id, studentIds: r.studentIds, ackedAt: r.ackedAt ?? null }));
    const confirmedBy = confirmationsByStudent(copies);
    const childDone = (s: string, r: MessageRecipient) => (perStudent ? confirmedBy.has(s) : Boolean(r.ackedAt));
    const recipients = rows
      .map((r) => ({
        userId: r.user.id,
        displayName: names.get(r.user.id) ?? '',
        deliveredAt: iso(r.deliveredAt),
        readAt: iso(r.readAt),
        ackedAt: iso(r.ackedAt),
        students: r.studentIds.map((s) => ({ id: s, displayName: names.get(s) ?? '', acknowledged: childDone(s, r) })),
        deliveries: deliveries.get(r.user.id) ?? [],
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'lv'));
    return {
      messageId,
      requiresAck: message.requiresAck,
      ackScope: message.ackScope ?? null,
      ackDeadline: iso(message.ackDeadline),
      total: rows.length,
      read: rows.filter((r) => r.readAt).length,
      acknowledged: rows.filter((r) => r.ackedAt).length,
      recipients,
      students: studentIds
        .map((s) => ({
          id: s,
          displayName: names.get(s) ?? '',
          acknowledged: confirmedBy.has(s),
          acknowledgedBy: confirmedBy.get(s)?.userId ?? null,
        }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName, 'lv')),
      pending: message.requiresAck
        ? stillOwing(message.ackScope, copies)
            .map(({ row: r }) => ({ userId: r.user.id, displayName: names.get(r.user.id) ?? '' }))
            .sort((a, b) => a.displayName.localeCompare(b.displayName, 'lv'))
        : [],
    };
  }

  /** The alerts of the message's one `message-alert` event, by recipient. */
  private async deliveries(em: EntityManager, messageId: string): Promise<Map<string, ReceiptsView['recipients'][number]['deliveries']>> {
    const event = await em.findOne(OutboxMessage, { dedupeKey: `message-alert:${messageId}` }, { fields: ['id'] });
    const out = new Map<string, ReceiptsView['recipients'][number]['deliveries']>();
    if (!event) return out;
    const rows = await em.find(NotificationDelivery, { eventId: event.id }, { orderBy: { channel: 'asc' } });
    for (const d of rows) {
      const list = out.get(d.userId) ?? [];
      list.push({ channel: d.channel, status: d.status, at: d.updatedAt.toISOString(), reason: d.reason ?? null });
      out.set(d.userId, list);
    }
    return out;
  }

  /** The receipts as CSV (RFC 4180), one row per recipient, safe to open in a spreadsheet. */
  async csv(actor: Actor, messageId: string): Promise<string> {
    const v = await this.view(actor, messageId);
    const header = ['recipient', 'user_id', 'children', 'delivered_at', 'read_at', 'acknowledged_at', 'children_confirmed'];
    const lines = v.recipients.map((r) => [
      r.displayName,
      r.userId,
      r.students.map((s) => s.displayName).join('; '),
      r.deliveredAt ?? '',
      r.readAt ?? '',
      r.ackedAt ?? '',
      r.students.filter((s) => s.acknowledged).map((s) => s.displayName).join('; '),
    ]);
    return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

/** Quotes as RFC 4180 needs, and defuses cells a spreadsheet would run as a formula (=, +, -, @). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
