import { EntityManager } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AbsenceNotice } from '@app/attendance/entities';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { displayNameOf, type Language } from '@app/directory/entities';
import { Mark } from '@app/gradebook/entities';
import { NotificationDelivery } from '@app/notifications/delivery/notification-delivery.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import { jsonColumn, plainRows } from '@app/persistence/plain-rows';
import type {
  AbsenceConfirmationPayload,
  AckOverduePayload,
  AckReminderPayload,
  MarkAlertPayload,
  MessageAlertPayload,
  PasswordSmsPayload,
  PersonLinkedPayload,
} from '@app/notifications/outbox/outbox.contract';
import { AppConfig } from '@app/platform/config/app-config';
import { SecretBox } from '@app/platform/crypto/secret-box';
import { Clock } from '@app/platform/time/clock';
import { Message, MessageRecipient, stillOwing } from '@app/post';
import { twilioStatusCallbackUrl } from '../delivery-status/twilio-status.service';
import { DigestComposer } from '../digests/digest-composer';
import { LessonReminderComposer } from '../lesson-reminders/lesson-reminder-composer';
import { MealReportComposer } from '../meal-reports/meal-report-composer';
import { OverdueSummaryComposer } from '../overdue-summaries/overdue-summary-composer';
import { GradeStatementComposer } from '../statements/grade-statement-composer';
import { TestMarkReminderComposer } from '../test-mark-reminders/test-mark-reminder-composer';
import { type RenderedEmail, Templates } from '../templates/templates';
import { Batcher, byIdBatcher, placeholders } from './batcher';
import { type Composed, DeliveryComposer } from './delivery-sender.service';

/** SMS-pumping fraud (OWASP API6): at most this many password SMS to one person per hour. */
const PASSWORD_SMS_PER_HOUR = 3;

/** The outbox event a delivery belongs to, as read at send time. */
interface EventRow {
  id: string;
  kind: OutboxMessage['kind'];
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** What a text says of a person or needs to reach them. */
interface UserRow {
  id: string;
  username: string;
  givenName: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  language: Language;
  active: boolean;
}

/** A recipient's copy of a message with what an alert about it names. */
interface AlertCopy {
  messageId: string;
  subject: string;
  sender: string;
  institution: string;
  studentIds: string[];
  delivered: boolean;
  read: boolean;
}

/**
 * What a delivery says, read from the rows it refers to at send time (so a message read meanwhile,
 * a contact removed or a password superseded is noticed), in the recipient's language. Texts name
 * only what the recipient may see: the sender, the subject, their own children.
 */
@Injectable()
export class TemplateComposer extends DeliveryComposer {
  constructor(
    private readonly em: EntityManager,
    private readonly templates: Templates,
    private readonly directory: DirectoryQueries,
    private readonly secrets: SecretBox,
    private readonly clock: Clock,
    private readonly digests: DigestComposer,
    private readonly mealReports: MealReportComposer,
    private readonly lessonReminders: LessonReminderComposer,
    private readonly statements: GradeStatementComposer,
    private readonly testReminders: TestMarkReminderComposer,
    private readonly overdueSummaries: OverdueSummaryComposer,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {
    super();
  }

  /**
   * Concurrent compositions share their reads: one query per kind of row per batch, not six round
   * trips per delivery. Nothing is cached beyond a batch, so each delivery sees the rows as they are
   * when it goes out. The rows every delivery needs are read as plain rows: hydrating entities into
   * a unit of work nobody flushes was a quarter of the worker's CPU.
   */
  private readonly events = byIdBatcher((ids) => this.loadEvents(ids));
  private readonly users = byIdBatcher((ids) => this.loadUsers(ids));
  private readonly institutions = byIdBatcher(async (ids) => {
    const rows = await this.rows<{ id: string; name: string }>(`select id, name from institution where id in (${placeholders(ids)})`, ids);
    return new Map(rows.map((r) => [r.id, r.name]));
  });
  private readonly copies = new Batcher<{ messageId: string; userId: string }, AlertCopy | null>((keys) => this.loadCopies(keys));
  private readonly names = new Batcher<readonly string[], Map<string, string>>(async (lists) => {
    const names = await this.directory.displayNames(lists.flat());
    return lists.map(() => names);
  });
  private readonly acks = byIdBatcher(async (ids) => new Map(await Promise.all(ids.map(async (id) => [id, await this.ackState(id)] as const))));

  async compose(d: NotificationDelivery): Promise<Composed> {
    const [event, user] = await Promise.all([this.events.call(d.eventId), this.users.call(d.userId)]);
    // A digest's, meal report's, reminder's or statement's delivery has no outbox event: its event is that row.
    if (!event) {
      for (const composer of [this.digests, this.mealReports, this.lessonReminders, this.statements, this.testReminders, this.overdueSummaries]) {
        const composed = await composer.compose(d);
        if (composed) return composed;
      }
      return { suppress: 'inactive' };
    }
    if (!user?.active) return { suppress: 'inactive' };
    const to = d.channel === 'email' ? user.email : user.phone;
    if (!to) return { suppress: 'no-contact' };
    const language = user.language;
    const institution = async (id: string | null | undefined) => (id ? ((await this.institutions.call(id)) ?? '') : '');

    switch (event.kind) {
      case 'password-sms': {
        const payload = event.payload as unknown as PasswordSmsPayload;
        const em = this.em.fork();
        const refusal = await this.passwordRefusal(em, event, d);
        if (refusal) return { suppress: refusal };
        const body = this.templates.render('password-sms', language, {
          name: user.givenName,
          institution: await institution(payload.institutionId),
          username: user.username,
          password: this.secrets.open(payload.sealedPassword),
        }).sms;
        // The clear password lives only inside the SMS: the sealed copy goes once the SMS is accepted.
        return { sms: { to, body, statusCallback: twilioStatusCallbackUrl(this.config, d.id) }, after: (tx) => eraseSealedPassword(tx, event) };
      }
      case 'message-alert': {
        const payload = event.payload as unknown as MessageAlertPayload;
        // The copy is read with its message: a message without this person's copy is withdrawn for them either way.
        const copy = await this.copies.call({ messageId: payload.messageId, userId: d.userId });
        if (!copy?.delivered) return { suppress: 'withdrawn' };
        if (copy.read) return { suppress: 'read' };
        const children = await this.names.call(copy.studentIds);
        const rendered = this.templates.render(payload.priority === 'urgent' ? 'urgent-alert' : 'message-alert', language, {
          sender: copy.sender,
          subject: copy.subject,
          messageId: copy.messageId,
          institution: copy.institution,
          children: copy.studentIds.map((id) => children.get(id) ?? '').filter(Boolean),
        });
        return this.onChannel(d, to, rendered);
      }
      case 'person-linked': {
        const payload = event.payload as unknown as PersonLinkedPayload;
        const rendered = this.templates.render('person-linked', language, { name: user.givenName, institution: await institution(payload.institutionId) });
        return this.onChannel(d, to, rendered);
      }
      case 'absence-confirmation': {
        const payload = event.payload as unknown as AbsenceConfirmationPayload;
        const notice = await this.em.fork().findOne(AbsenceNotice, payload.noticeId, { populate: ['student'] });
        if (!notice || notice.status !== 'active') return { suppress: 'withdrawn' };
        const rendered = this.templates.render('absence-confirmation', language, {
          name: user.givenName,
          child: notice.student.displayName,
          institution: await institution(payload.institutionId),
          from: notice.fromDate,
          to: notice.toDate ?? null,
        });
        return this.onChannel(d, to, rendered);
      }
      case 'mark-alert': {
        const payload = event.payload as unknown as MarkAlertPayload;
        // The marks as they stand now (a correction within the alert delay shows its new value), this student's only.
        const [student, marks] = await Promise.all([
          this.users.call(payload.studentId),
          this.em.fork().find(Mark, { id: { $in: payload.markIds }, student: payload.studentId }, { orderBy: { date: 'asc', createdAt: 'asc' } }),
        ]);
        if (!student || !marks.length) return { suppress: 'withdrawn' };
        const rendered = this.templates.render('mark-alert', language, {
          child: student.displayName,
          institution: await institution(payload.institutionId),
          subject: marks[0].subject,
          self: d.userId === payload.studentId,
          studentId: payload.studentId,
          marks: marks.map((m) => ({ date: m.date, kind: m.kind, value: m.value })),
        });
        return this.onChannel(d, to, rendered);
      }
      case 'ack-reminder': {
        const ack = await this.acks.call((event.payload as unknown as AckReminderPayload).messageId);
        if (!ack?.delivered.some((c) => c.userId === d.userId)) return { suppress: 'withdrawn' };
        if (!ack.owing.some((c) => c.userId === d.userId)) return { suppress: 'confirmed' };
        if (ack.deadline <= this.clock.now()) return { suppress: 'deadline-passed' };
        const rendered = this.templates.render('ack-reminder', language, {
          subject: ack.message.subject,
          messageId: ack.message.id,
          institution: await institution(ack.message.institution.id),
          deadline: ack.deadline,
        });
        return this.onChannel(d, to, rendered);
      }
      case 'ack-overdue': {
        const ack = await this.acks.call((event.payload as unknown as AckOverduePayload).messageId);
        if (!ack || ack.message.sender.id !== d.userId) return { suppress: 'withdrawn' };
        if (!ack.owing.length) return { suppress: 'confirmed' };
        // Display names of the sender's own recipients only: no contacts, no children.
        const names = await this.names.call(ack.owing.map((c) => c.userId));
        const unconfirmed = ack.owing.map((c) => names.get(c.userId) ?? '').sort((a, b) => a.localeCompare(b, 'lv'));
        const rendered = this.templates.render('ack-overdue', language, {
          subject: ack.message.subject,
          messageId: ack.message.id,
          institution: await institution(ack.message.institution.id),
          unconfirmed,
        });
        return { mail: { to, ...rendered.email } };
      }
    }
  }

  private rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return plainRows<T>(this.em, sql, params);
  }

  private async loadEvents(ids: string[]): Promise<Map<string, EventRow>> {
    const rows = await this.rows<{ id: string; kind: EventRow['kind']; payload: Record<string, unknown> | string; created_at: string | number }>(
      `select id, kind, payload, created_at from outbox_message where id in (${placeholders(ids)})`,
      ids,
    );
    // Parsed as MikroORM parses it (PostgreSQL's text, SQLite's epoch milliseconds): a newer password is found by this instant.
    const platform = this.em.getPlatform();
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, payload: jsonColumn(r.payload), createdAt: platform.parseDate(r.created_at) }]));
  }

  private async loadUsers(ids: string[]): Promise<Map<string, UserRow>> {
    const rows = await this.rows<{
      id: string;
      username: string;
      given_name: string;
      family_name: string;
      email: string | null;
      phone: string | null;
      language: Language;
      active: boolean | number;
    }>(`select id, username, given_name, family_name, email, phone, language, active from app_user where id in (${placeholders(ids)})`, ids);
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          username: r.username,
          givenName: r.given_name,
          displayName: displayNameOf({ givenName: r.given_name, familyName: r.family_name }),
          email: r.email,
          phone: r.phone,
          language: r.language,
          // SQLite keeps booleans as 0/1.
          active: Boolean(r.active),
        },
      ]),
    );
  }

  /** Recipients' copies of messages with their message's subject, sender and institution, one query for the batch. */
  private async loadCopies(keys: { messageId: string; userId: string }[]): Promise<(AlertCopy | null)[]> {
    const usersByMessage = new Map<string, Set<string>>();
    for (const { messageId, userId } of keys) usersByMessage.set(messageId, (usersByMessage.get(messageId) ?? new Set()).add(userId));
    const groups = [...usersByMessage].map(([messageId, users]) => [messageId, [...users]] as const);
    const rows = await this.rows<{
      message_id: string;
      user_id: string;
      student_ids: string[] | string;
      delivered_at: unknown;
      read_at: unknown;
      subject: string;
      given_name: string;
      family_name: string;
      institution: string;
    }>(
      `select r.message_id, r.user_id, r.student_ids, r.delivered_at, r.read_at, m.subject, s.given_name, s.family_name, i.name as institution
         from message_recipient r
         join message m on m.id = r.message_id
         join app_user s on s.id = m.sender_id
         join institution i on i.id = m.institution_id
        where ${groups.map(([, users]) => `(r.message_id = ? and r.user_id in (${placeholders(users)}))`).join(' or ')}`,
      groups.flatMap(([messageId, users]) => [messageId, ...users]),
    );
    const byKey = new Map(
      rows.map((r): [string, AlertCopy] => [
        `${r.message_id}|${r.user_id}`,
        {
          messageId: r.message_id,
          subject: r.subject,
          sender: displayNameOf({ givenName: r.given_name, familyName: r.family_name }),
          institution: r.institution,
          studentIds: jsonColumn(r.student_ids),
          delivered: r.delivered_at != null,
          read: r.read_at != null,
        },
      ]),
    );
    return keys.map((k) => byKey.get(`${k.messageId}|${k.userId}`) ?? null);
  }

  private onChannel(d: NotificationDelivery, to: string, rendered: { email: RenderedEmail; sms: string }): Composed {
    return d.channel === 'email' ? { mail: { to, ...rendered.email } } : { sms: { to, body: rendered.sms, statusCallback: twilioStatusCallbackUrl(this.config, d.id) } };
  }

  /** A message asking for confirmation as it stands now: its delivered copies and who of them still owes one. */
  private async ackState(messageId: string) {
    const em = this.em.fork();
    const message = await em.findOne(Message, messageId);
    if (!message?.requiresAck || !message.ackDeadline) return null;
    const copies = await em.find(MessageRecipient, { message: messageId, deliveredAt: { $ne: null } });
    const delivered = copies.map((c) => ({ userId: c.user.id, studentIds: c.studentIds, ackedAt: c.ackedAt ?? null }));
    return { message, deadline: message.ackDeadline, delivered, owing: stillOwing(message.ackScope, delivered) };
  }

  /** Why a password SMS must not go: already sent, superseded by a newer password, or too many lately. */
  private async passwordRefusal(em: EntityManager, event: EventRow, d: NotificationDelivery): Promise<string | null> {
    if (!(event.payload as Partial<PasswordSmsPayload>).sealedPassword) return 'already-sent';
    const newer = await em.count(OutboxMessage, {
      kind: 'password-sms',
      payload: { userId: d.userId },
      createdAt: { $gt: event.createdAt },
    } as never);
    if (newer) {
      await eraseSealedPassword(em, event);
      return 'superseded';
    }
    const hourAgo = new Date(this.clock.now().getTime() - 3_600_000);
    const recent = await em.count(NotificationDelivery, {
      userId: d.userId,
      category: 'password',
      channel: 'sms',
      id: { $ne: d.id },
      status: { $in: ['sent', 'delivered', 'unknown', 'sending'] },
      updatedAt: { $gt: hourAgo },
    });
    return recent >= PASSWORD_SMS_PER_HOUR ? 'rate-limit' : null;
  }
}

async function eraseSealedPassword(em: EntityManager, event: EventRow): Promise<void> {
  const { sealedPassword: _erased, ...rest } = event.payload as unknown as PasswordSmsPayload;
  await em.nativeUpdate(OutboxMessage, { id: event.id }, { payload: rest as unknown as Record<string, unknown> });
}
