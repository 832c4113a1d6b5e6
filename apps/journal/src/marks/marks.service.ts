import { createHash } from 'node:crypto';
import { EntityManager, LockMode } from '@mikro-orm/core';
import { Inject, Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { InstitutionRules } from '@app/attendance';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { Enrolment, User } from '@app/directory/entities';
import { lockStudent } from '../common/student-lock';
import { gradebookError, Lesson, Mark, type MarkKind, type MarkScale, requireJournalDay, requireMarkValue } from '@app/gradebook';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import type { MarkAlertPayload } from '@app/notifications/outbox/outbox.contract';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import { AppConfig } from '@app/platform/config/app-config';
import { CalendarService } from '@app/platform/time/calendar.service';
import { auditBy } from '../common/management';
import { requireDateRange, requireLocalDate } from '../institutions/dates';
import { factsOf } from '../lessons/lessons.service';
import type { CreateMarkDto, MarksQuery, UpdateMarkDto } from './marks.dto';

export interface MarkView {
  id: string;
  studentId: string;
  subject: string;
  date: string;
  scale: MarkScale;
  value: string | null;
  kind: MarkKind;
  lessonId: string | null;
  teacher: { displayName: string };
}

/**
 * Marks: teachers of the student's group (on the mark's date), the substitute who taught the mark's
 * lesson, and management enter and correct them; the student, their guardians, their teachers and
 * management read them. Each change is audited and, in the same transaction, feeds the student's
 * pending `mark-alert` for the subject (see {@link MarksService.alert}).
 */
@Injectable()
export class MarksService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly rules: InstitutionRules,
    private readonly outbox: OutboxWriter,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateMarkDto): Promise<{ id: string }> {
    const date = requireLocalDate(dto.date, 'date');
    const value = requireMarkValue(dto.scale, dto.value);
    const subject = dto.subject.trim();
    const enrolment = await this.em
      .fork()
      .findOne(Enrolment, { student: dto.studentId, group: { active: true }, fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] }, { populate: ['group'] });
    const lesson = dto.lessonId ? await this.em.fork().findOne(Lesson, dto.lessonId) : null;
    if (dto.lessonId && (!lesson || !(await this.access.mayEditLesson(actor, factsOf(lesson))))) throw gradebookError.lessonNotFound();
    await this.requireWriter(actor, dto.studentId, date, lesson, () => this.access.refusal(Permission.MarkWrite));
    if (!enrolment) throw gradebookError.notEnrolled();
    const group = enrolment.group;
    if (lesson && (lesson.group.id !== group.id || lesson.date !== date || !sameSubject(lesson.subject, subject))) throw gradebookError.lessonMismatch();
    const institutionId = group.institution.id;
    requireJournalDay(this.calendar, await this.rules.closureSet(institutionId), date);
    const delayMs = await this.alertDelayMs(institutionId);
    return this.em.fork().transactional(async (em) => {
      const now = this.calendar.now();
      await lockStudent(em, dto.studentId);
      const mark = em.create(Mark, {
        student: dto.studentId,
        institution: institutionId,
        group: group.id,
        subject,
        date,
        scale: dto.scale,
        value,
        kind: dto.kind ?? 'lesson',
        lesson: lesson?.id ?? null,
        teacher: actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'mark.create',
        objectType: 'mark',
        objectId: mark.id,
        details: { studentId: dto.studentId, subject, date, scale: dto.scale, value, kind: mark.kind, lessonId: lesson?.id ?? null },
      });
      await this.alert(em, mark, now, delayMs);
      return { id: mark.id };
    });
  }

  /** A correction of the value (on the mark's own scale); the pending alert is replaced, not doubled. */
  async update(actor: Actor, markId: string, dto: UpdateMarkDto): Promise<MarkView> {
    const found = await this.em.fork().findOne(Mark, markId, { populate: ['lesson'] });
    if (!found) throw gradebookError.markNotFound();
    await this.requireWriter(actor, found.student.id, found.date, found.lesson, gradebookError.markNotFound);
    const value = requireMarkValue(found.scale, dto.value);
    const delayMs = await this.alertDelayMs(found.institution.id);
    return this.em.fork().transactional(async (em) => {
      await lockStudent(em, found.student.id);
      const mark = await em.findOneOrFail(Mark, markId, { populate: ['teacher'] });
      if (mark.value !== value) {
        const now = this.calendar.now();
        this.audit.record(em, now, {
          ...auditBy(actor, mark.institution.id),
          action: 'mark.update',
          objectType: 'mark',
          objectId: mark.id,
          details: { studentId: mark.student.id, subject: mark.subject, date: mark.date, value: { from: mark.value, to: value } },
        });
        mark.value = value;
        mark.teacher = await em.findOneOrFail(User, actor.userId);
        mark.updatedAt = now;
        await this.alert(em, mark, now, delayMs);
      }
      return viewOf(mark);
    });
  }

  /** A student's marks (`?from&to`, Riga dates), newest first; 404 for anyone who may not see them. */
  async list(actor: Actor, studentId: string, q: MarksQuery): Promise<{ items: MarkView[] }> {
    if (!(await this.access.studentsWithMarks(actor, [studentId], this.calendar.today())).has(studentId)) throw this.access.refusal(Permission.MarkRead);
    if (q.from) requireDateRange(q.from, q.to ?? null);
    else if (q.to) requireLocalDate(q.to, 'to');
    const range = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
    const marks = await this.em
      .fork()
      .find(Mark, { student: studentId, ...(q.from || q.to ? { date: range } : {}) }, { populate: ['teacher'], orderBy: { date: 'desc', createdAt: 'desc' } });
    return { items: marks.map(viewOf) };
  }

  /**
   * Teachers of the student's group on the date and management write marks; so does the substitute
   * who taught the mark's lesson, for the lesson's group. Someone who sees the student's marks but may
   * not write them (a guardian, the student) is told 403; anyone else `refusal()` (404).
   */
  private async requireWriter(actor: Actor, studentId: string, date: string, lesson: Lesson | null, refusal: () => Error): Promise<void> {
    if ((await this.access.studentsMarkable(actor, [studentId], date)).has(studentId)) return;
    const substitute = lesson && lesson.teacher.id === actor.userId && this.access.can(actor, Permission.LessonSubstitute, lesson.institution.id);
    if (substitute && (await this.access.studentsInGroup(lesson.group.id, [studentId], lesson.date)).has(studentId)) return;
    throw (await this.access.studentsWithMarks(actor, [studentId], this.calendar.today())).has(studentId) ? gradebookError.markNotAllowed() : refusal();
  }

  private async alertDelayMs(institutionId: string): Promise<number> {
    const settings = await this.rules.settings(institutionId);
    return (settings?.alertDelaySeconds ?? this.config.env.ALERT_DELAY_SECONDS) * 1000;
  }

  /**
   * The guardians (and the student) hear of a new or corrected mark once the alert delay has passed
   * since the last change. One outbox row per student × subject while it waits: a change finds that
   * row (not yet relayed: the relay skips a row locked here, and a row the relay holds is seen relayed
   * once it commits), adds the mark and moves the row's due time on — a debounce — so a correction
   * within the delay replaces the alert instead of sending a second. The worker reads the marks when
   * it sends, so the text shows the values as corrected. A relayed row whose deliveries all still wait
   * (quiet hours) takes the change too; once any of them has gone, a change starts a new row (a
   * correction of a mark already announced is news of its own).
   */
  private async alert(em: EntityManager, mark: Mark, now: Date, delayMs: number): Promise<void> {
    const prefix = `mark-alert:${mark.student.id}:${subjectKey(mark.subject)}:`;
    const due = new Date(now.getTime() + delayMs);
    const waiting = await em.findOne(
      OutboxMessage,
      { kind: 'mark-alert', relayedAt: null, dedupeKey: { $like: `${prefix}%` } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const pending = waiting ?? (await this.heldAlert(em, prefix));
    if (pending) {
      const payload = pending.payload as unknown as MarkAlertPayload;
      if (!payload.markIds.includes(mark.id)) pending.payload = { ...payload, markIds: [...payload.markIds, mark.id] };
      if (waiting) pending.availableAt = due;
      return;
    }
    this.outbox.add(
      em,
      'mark-alert',
      { studentId: mark.student.id, institutionId: mark.institution.id, subject: mark.subject, markIds: [mark.id] },
      { at: now, availableAt: due, dedupeKey: `${prefix}${mark.id}:${now.getTime()}` },
    );
  }

  /**
   * The latest relayed alert of this student × subject whose deliveries all still wait (quiet hours):
   * it is composed when it goes, so it can carry the change instead of a second alert. Its delivery
   * rows are locked, so a sender's claim (pending → sending) waits for this transaction and then
   * composes the new values; once one of them has gone, a change is news of its own.
   */
  private async heldAlert(em: EntityManager, prefix: string): Promise<OutboxMessage | null> {
    const exec = <T>(sql: string, params: unknown[]) => em.getConnection().execute(sql, params, 'all', em.getTransactionContext()) as Promise<T[]>;
    const [latest] = await exec<{ id: string }>(
      `select id from outbox_message where kind = 'mark-alert' and dedupe_key like ? and relayed_at is not null order by created_at desc limit 1`,
      [`${prefix}%`],
    );
    if (!latest) return null;
    const lock = this.config.databaseKind === 'postgresql' ? ' for update' : '';
    const deliveries = await exec<{ status: string }>(`select status from notification_delivery where event_id = ?${lock}`, [latest.id]);
    if (!deliveries.length || deliveries.some((d) => d.status !== 'pending')) return null;
    return em.findOne(OutboxMessage, latest.id);
  }
}

/** Subjects compare without case and surrounding spaces ("matemātika" is "Matemātika"). */
const normalSubject = (s: string) => s.trim().toLocaleLowerCase('lv');
const sameSubject = (a: string, b: string) => normalSubject(a) === normalSubject(b);
/** A fixed-length key for the subject, safe inside a LIKE pattern. */
const subjectKey = (s: string) => createHash('sha256').update(normalSubject(s)).digest('hex').slice(0, 16);

function viewOf(m: Mark): MarkView {
  return {
    id: m.id,
    studentId: m.student.id,
    subject: m.subject,
    date: m.date,
    scale: m.scale,
    value: m.value,
    kind: m.kind,
    lessonId: m.lesson?.id ?? null,
    teacher: { displayName: m.teacher.displayName },
  };
}
