import { createHash, randomUUID } from 'node:crypto';
import { type EntityDTO, EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { AuditEntry } from '@app/audit/audit-entry.entity';
import { auditRow } from '@app/audit/audit-log.service';
import { insertAll } from '@app/persistence/insert-rows';
import { institutionOptions } from '@app/moderation/core/institution';
import type { ModerationOptions, ModerationResult } from '@app/moderation/core/types';
import { ModerationService } from '@app/moderation/moderation.service';
import { AppConfig } from '@app/platform/config/app-config';
import { invalid } from '@app/platform/errors';
import { hasVisibleText } from '@app/platform/validation';
import { Clock } from '@app/platform/time/clock';
import { rigaDate } from '@app/platform/time/riga-time';
import { type AckScope, Message, type MessageAudience, type MessageModeration, type MessagePriority, MessageRecipient, type MessageStatus } from '@app/post';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { AudienceService, type Recipients } from '../audience/audience.service';
import { OutboxWake } from '@app/notifications/outbox/outbox-wake';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import { InboxEvents } from '../inbox-events/inbox-events.service';
import { MessageAccess } from './message-access';
import { messageError } from './message-errors';
import { SendRateLimit } from './send-rate-limit';
import { SUBJECT_MAX } from './message.dto';

export interface SendInput {
  institutionId?: string;
  subject?: string;
  body: string;
  to?: Omit<MessageAudience, 'replyTo'>;
  priority?: MessagePriority;
  requiresAck?: boolean;
  ackDeadline?: string;
  ackScope?: AckScope;
  replyTo?: string;
}

export interface SendResult {
  id: string;
  status: MessageStatus;
  recipientCount: number;
}

/** Sending: policy, moderation gate, idempotency and flood control, then one transaction. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: MessageAccess,
    private readonly audience: AudienceService,
    private readonly moderation: ModerationService,
    private readonly inboxEvents: InboxEvents,
    private readonly outbox: OutboxWriter,
    private readonly wake: OutboxWake,
    private readonly rateLimit: SendRateLimit,
    private readonly clock: Clock,
    private readonly directory: DirectoryQueries,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async send(actor: Actor, input: SendInput, idempotencyKey?: string): Promise<SendResult> {
    const requestHash = idempotencyKey ? hashRequest(input) : null;
    if (idempotencyKey) {
      const replay = await this.replay(actor.userId, idempotencyKey, requestHash!);
      if (replay) return replay;
    }
    if (!input.requiresAck && (input.ackDeadline || input.ackScope)) throw messageError.ackOptionsWithoutAck();
    const now = this.clock.now();
    const ackDeadline = input.ackDeadline ? new Date(input.ackDeadline) : null;
    if (ackDeadline && ackDeadline <= now) throw messageError.ackDeadlinePassed();
    await this.rateLimit.consume(actor.userId);

    // The message answered: the caller must be its sender or one of its recipients.
    const parent = input.replyTo ? (await this.access.load(actor, input.replyTo)).message : null;
    const institutionId = parent?.institution.id ?? input.institutionId;
    if (!institutionId) throw invalid('VALIDATION_FAILED', 'institutionId is required', [{ field: 'institutionId', issue: 'required' }]);
    if (parent && input.institutionId && input.institutionId !== institutionId) throw messageError.replyInstitutionMismatch();
    const subject = input.subject ?? (parent ? replySubject(parent.subject) : undefined);
    if (!subject?.trim()) throw invalid('VALIDATION_FAILED', 'subject is required', [{ field: 'subject', issue: 'required' }]);

    // The gate runs before any database write; blocked text is never stored. The institution's own
    // allow-list, blocked words and mode are read at every send, so a change applies to the next message.
    const checked = this.moderate(subject, input.body, await this.moderationOptions(institutionId));
    const recipients = await this.recipientsFor(actor, institutionId, input.to, parent, now);

    const status = checked.moderation.decision === 'review' ? 'held' : 'sent';
    const id = randomUUID();
    const message = {
      id,
      institution: institutionId,
      sender: actor.userId,
      subject: subject.trim(),
      bodyHtml: checked.html,
      bodyText: checked.text,
      priority: input.priority ?? 'normal',
      requiresAck: input.requiresAck ?? false,
      ackDeadline,
      ackScope: input.requiresAck ? (input.ackScope ?? 'each-recipient') : null,
      replyTo: parent?.id ?? null,
      threadId: parent?.threadId ?? id,
      status,
      audience: { ...input.to, ...(parent ? { replyTo: parent.id } : {}) },
      recipientCount: recipients.size,
      moderation: checked.moderation.decision === 'allow' ? null : checked.moderation,
      moderatedBy: null,
      moderatedAt: null,
      moderationReason: null,
      senderFolder: 'sent',
      createdAt: now,
      sentAt: status === 'sent' ? now : null,
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
    } satisfies Record<keyof EntityDTO<Message>, unknown>;
    const userIds = [...recipients.keys()];
    const deliveredAt = status === 'sent' ? now : null;
    const alerts = status === 'sent' ? this.outbox.messageAlerts(message, now) : null;

    try {
      // One atomic write: the message, a row per recipient, their alert intents (only once delivered) and the audit entry.
      await insertAll(this.em.fork(), [
        { entity: Message, rows: [message] },
        {
          entity: MessageRecipient,
          rows: [...recipients].map(([userId, students]) => ({ id: randomUUID(), message: id, user: userId, studentIds: [...students], deliveredAt, folder: 'inbox' })),
        },
        ...(alerts ? [alerts] : []),
        {
          entity: AuditEntry,
          rows: [
            auditRow(now, {
              actorId: actor.userId,
              institutionId,
              action: status === 'sent' ? 'message.sent' : 'message.held',
              objectType: 'message',
              objectId: id,
              ip: actor.ip,
              requestId: actor.requestId,
              details: { recipientCount: recipients.size, ...(parent ? { replyTo: parent.id } : {}) },
            }),
          ],
        },
      ]);
    } catch (e) {
      // Two retries with one key raced: the loser answers with the winner's message.
      if (idempotencyKey && e instanceof UniqueConstraintViolationException) {
        const replay = await this.replay(actor.userId, idempotencyKey, requestHash!);
        if (replay) return replay;
      }
      throw e;
    }

    if (alerts) this.wake.committed(alerts.rows, now);
    if (status === 'sent') {
      this.inboxEvents.announce(message, { id: actor.userId, displayName: actor.displayName }, now, userIds);
    }
    return { id, status, recipientCount: recipients.size };
  }

  private async replay(senderId: string, key: string, requestHash: string): Promise<SendResult | null> {
    const existing = await this.em
      .fork()
      .findOne(Message, { sender: senderId, idempotencyKey: key }, { fields: ['status', 'recipientCount', 'requestHash'] });
    if (!existing) return null;
    if (existing.requestHash !== requestHash) throw messageError.idempotencyKeyReused();
    return { id: existing.id, status: existing.status, recipientCount: existing.recipientCount };
  }


  /**
   * A reply goes to whoever the caller is answering: a recipient answers the sender; the sender
   * follows up to everyone who received the message. Extra addressees pass the policy as usual.
   */
  private async recipientsFor(
    actor: Actor,
    institutionId: string,
    to: SendInput['to'],
    parent: Message | null,
    now: Date,
  ): Promise<Recipients> {
    const addressed = Boolean(to && (to.users?.length || to.groups?.length || to.institution));
    if (!parent && !addressed) throw messageError.noRecipients();
    const recipients: Recipients = new Map();
    if (parent) {
      const following = parent.sender.id === actor.userId;
      const rows = await this.em.fork().find(
        MessageRecipient,
        { message: parent.id, deliveredAt: { $ne: null }, ...(following ? {} : { user: actor.userId }) },
        { fields: ['user', 'studentIds'] },
      );
      // The children stay named: a guardian's answer is about the same children as the message.
      for (const r of rows) recipients.set(following ? r.user.id : parent.sender.id, new Set(r.studentIds));
      // Whoever no longer belongs to the institution (a role ended there) gets nothing new from it.
      const members = await this.directory.memberIds(institutionId, [...recipients.keys()]);
      for (const id of recipients.keys()) if (!members.has(id)) recipients.delete(id);
    }
    if (addressed) {
      const rest = { ...to, users: to!.users?.filter((u) => !recipients.has(u)) };
      const expanded = await this.audience.expand(actor, institutionId, rest, rigaDate(now));
      for (const [id, students] of expanded) recipients.set(id, new Set([...(recipients.get(id) ?? []), ...students]));
    }
    recipients.delete(actor.userId);
    if (!recipients.size) throw messageError.noRecipients();
    if (recipients.size > this.config.env.MESSAGE_MAX_RECIPIENTS) {
      throw messageError.tooManyRecipients(recipients.size, this.config.env.MESSAGE_MAX_RECIPIENTS);
    }
    return recipients;
  }

  /**
   * The sending institution's moderation options; undefined (the defaults) when it has none. The lib
   * keeps the compiled moderator per options value, so reading the settings is all a send costs.
   */
  private async moderationOptions(institutionId: string): Promise<ModerationOptions | undefined> {
    const settings = await this.directory.institutionSettings(institutionId);
    return settings && institutionOptions(settings.moderation);
  }

  /** Subject and body through libs/moderation; `block` stops here with the spans to fix. */
  private moderate(subject: string, body: string, options: ModerationOptions | undefined): { html: string; text: string; moderation: MessageModeration } {
    const s = this.moderation.moderate(subject, options);
    const b = this.moderation.moderateHtml(body, options);
    // Zero-width characters inside markup (<p>\u200B</p>) leave nothing a reader could see.
    if (!hasVisibleText(b.text)) throw messageError.emptyMessage();
    const tag = (field: 'subject' | 'body', found: ModerationResult['matches']) =>
      found.map((m) => ({ field, start: m.start, end: m.end, category: m.category, severity: m.severity }));
    const matches = [...tag('subject', s.matches), ...tag('body', b.result.matches)];
    const decisions = [s.decision, b.result.decision];
    const decision = decisions.includes('block') ? 'block' : decisions.includes('review') ? 'review' : 'allow';
    if (decision === 'block') {
      throw messageError.rejected(matches.map(({ field, start, end, category }) => ({ field, start, end, category })));
    }
    return {
      html: b.html,
      text: b.text,
      moderation: { decision, categories: [...new Set([...s.categories, ...b.result.categories])], matches },
    };
  }
}

export function replySubject(subject: string): string {
  const base = subject.replace(/^(re:\s*)+/i, '');
  return `Re: ${base}`.slice(0, SUBJECT_MAX);
}

function hashRequest(input: SendInput): string {
  return createHash('sha256').update(stableJson(input)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
