import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { AuditLog } from '@app/audit/audit-log.service';
import { AccessPolicy, Permission } from '@app/access';
import { insertRows } from '@app/persistence/insert-rows';
import { Clock } from '@app/platform/time/clock';
import { Message, MessageRecipient } from '@app/post';
import { OutboxWake } from '@app/notifications/outbox/outbox-wake';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import { InboxEvents, previewOf } from '../inbox-events/inbox-events.service';
import { messageError } from '../messages/message-errors';
import { RealtimePublisher } from '../realtime/realtime.contract';

/** Deputy head, head and admin moderate their institution's held messages. */

/**
 * Messages that moderation sent to review wait here; nobody receives them until a moderator approves.
 * Each decision is taken once (a compare-and-set on the status), audited, and told to the sender.
 */
@Injectable()
export class ModerationQueueService {
  constructor(
    private readonly em: EntityManager,
    private readonly inboxEvents: InboxEvents,
    private readonly outbox: OutboxWriter,
    private readonly wake: OutboxWake,
    private readonly realtime: RealtimePublisher,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly policy: AccessPolicy,
  ) {}

  async queue(actor: Actor, q: { institutionId?: string; limit: number }) {
    const mine = this.policy.institutionsWhere(actor, Permission.MessageModerate);
    if (q.institutionId ? !mine.includes(q.institutionId) : !mine.length) throw messageError.notModerator();
    const held = await this.em.fork().find(
      Message,
      { status: 'held', institution: { $in: q.institutionId ? [q.institutionId] : mine } },
      { populate: ['sender'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: q.limit },
    );
    return {
      items: held.map((m) => ({
        id: m.id,
        institutionId: m.institution.id,
        sender: { id: m.sender.id, displayName: m.sender.displayName },
        subject: m.subject,
        body: m.bodyHtml,
        bodyText: m.bodyText,
        preview: previewOf(m.bodyText),
        createdAt: m.createdAt.toISOString(),
        recipientCount: m.recipientCount,
        categories: m.moderation?.categories ?? [],
        matches: (m.moderation?.matches ?? []).map((x) => ({
          ...x,
          text: (x.field === 'subject' ? m.subject : m.bodyText).slice(x.start, x.end),
        })),
      })),
    };
  }

  async approve(actor: Actor, id: string): Promise<{ id: string; status: 'sent' }> {
    const message = await this.decidable(actor, id);
    const now = this.clock.now();
    const alerts = this.outbox.messageAlerts(message, now);
    const recipients = await this.em.fork().transactional(async (tx) => {
      const won = await tx.nativeUpdate(
        Message,
        { id, status: 'held' },
        { status: 'sent', sentAt: now, moderatedBy: actor.userId, moderatedAt: now },
      );
      if (!won) throw messageError.alreadyModerated('decided');
      await tx.nativeUpdate(MessageRecipient, { message: id }, { deliveredAt: now });
      const rows = await tx.find(MessageRecipient, { message: id }, { fields: ['user'] });
      const userIds = rows.map((r) => r.user.id);
      await insertRows(tx, alerts.entity, alerts.rows);
      this.record(tx, actor, message, 'message.approved', now);
      return userIds;
    });
    this.wake.committed(alerts.rows, now);
    this.inboxEvents.announce(message, { id: message.sender.id, displayName: message.sender.displayName }, now, recipients);
    this.realtime.toUsers([message.sender.id], 'message:updated', { id, status: 'sent' });
    return { id, status: 'sent' };
  }

  async reject(actor: Actor, id: string, reason: string): Promise<{ id: string; status: 'rejected' }> {
    const message = await this.decidable(actor, id);
    const now = this.clock.now();
    await this.em.fork().transactional(async (tx) => {
      const won = await tx.nativeUpdate(
        Message,
        { id, status: 'held' },
        { status: 'rejected', moderatedBy: actor.userId, moderatedAt: now, moderationReason: reason },
      );
      if (!won) throw messageError.alreadyModerated('decided');
      this.record(tx, actor, message, 'message.rejected', now, { reason });
    });
    this.realtime.toUsers([message.sender.id], 'message:updated', { id, status: 'rejected', reason });
    return { id, status: 'rejected' };
  }

  /** Moderators of the message's institution only (404 for anyone else); never their own message. */
  private async decidable(actor: Actor, id: string): Promise<Message> {
    const message = await this.em.fork().findOne(Message, id, { populate: ['sender'] });
    if (!message || !this.policy.can(actor, Permission.MessageModerate, message.institution.id)) throw messageError.notFound();
    if (message.sender.id === actor.userId) throw messageError.ownMessage();
    if (message.status !== 'held') throw messageError.alreadyModerated(message.status);
    return message;
  }

  private record(tx: EntityManager, actor: Actor, message: Message, action: string, at: Date, details?: Record<string, unknown>) {
    this.audit.record(tx, at, {
      actorId: actor.userId,
      institutionId: message.institution.id,
      action,
      objectType: 'message',
      objectId: message.id,
      ip: actor.ip,
      requestId: actor.requestId,
      details,
    });
  }
}
