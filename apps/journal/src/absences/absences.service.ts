import { EntityManager, LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { InstitutionRules, MealCalendar, noticeOutcome, type CoverageVersion, type NoticeOutcome } from '@app/attendance';
import { AbsenceNotice, AbsencePeriod, type AbsenceJustification, type AbsenceReason, type AbsenceStatus } from '@app/attendance/entities';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { Enrolment, Group, User } from '@app/directory/entities';
import { lockStudent } from '../common/student-lock';
import { OutboxWriter } from '@app/notifications/outbox/outbox.writer';
import { CalendarService } from '@app/platform/time/calendar.service';
import { addDays } from '@app/platform/time/riga-time';
import { auditBy } from '../common/management';
import { groupNotFound } from '../groups/groups.service';
import { requireDateRange, requireLocalDate } from '../institutions/dates';
import { absenceError } from './absence-errors';
import type { AbsencesQuery, CreateAbsenceDto, ReviewAbsenceDto, UpdateAbsenceDto } from './absences.dto';
import { MealChanges } from './meal-changes';

/** How far back a notice may start (illness is reported "as soon as possible", sometimes days late). */
export const MAX_DAYS_BACK = 31;
/** How far ahead a notice may end (a planned absence; longer ones are enrolment matters). */
export const MAX_DAYS_AHEAD = 366;

export type AbsenceAnswer = { id: string } & NoticeOutcome;

export interface AbsenceView {
  id: string;
  studentId: string;
  studentName: string;
  institutionId: string;
  from: string;
  to: string | null;
  reason: AbsenceReason;
  note: string | null;
  status: AbsenceStatus;
  justification: AbsenceJustification | null;
  excused: boolean;
  recordedInLesson: boolean;
  createdBy: { id: string; displayName: string };
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Absence notices: a guardian reports a period and a reason, and may end it early or extend it; the
 * nurse, management and the class teacher record absences too, and review reasons (justified or not).
 * Every change closes the current {@link AbsencePeriod} and opens a new one, so the kitchen's counts
 * can tell what was known at each cut-off. The answer says per day what the cut-offs made of it.
 */
@Injectable()
export class AbsencesService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly rules: InstitutionRules,
    private readonly outbox: OutboxWriter,
    private readonly mealChanges: MealChanges,
  ) {}

  async create(actor: Actor, dto: CreateAbsenceDto): Promise<AbsenceAnswer> {
    const to = dto.to ?? null;
    requireDateRange(dto.from, to);
    const note = dto.note?.trim() || null;
    if (dto.reason === 'other' && !note) throw absenceError.noteRequired();
    this.assertWithinReach(dto.from, to);
    const by = await this.requireReporter(actor, dto.studentId);
    const enrolment = await this.enrolmentFor(dto.studentId, dto.from, to);
    if (!enrolment) throw absenceError.notEnrolled();
    const institutionId = enrolment.group.institution.id;
    const meals = await this.mealCalendar(institutionId);
    let touched = { from: dto.from, to };
    const answer = await this.em.fork().transactional(async (em) => {
      const now = this.calendar.now();
      await lockStudent(em, dto.studentId);
      if (by === 'guardian') {
        const adopted = await this.adoptLessonRecords(em, actor, dto, note, now);
        if (adopted) {
          touched = { from: adopted.notice.fromDate, to: adopted.notice.toDate ?? null };
          this.confirm(em, actor, adopted.notice, adopted.period, now);
          return { id: adopted.notice.id, ...noticeOutcome(meals, adopted.periods.map(versionOf), now) };
        }
      }
      const { notice, period } = this.open(em, actor, { studentId: dto.studentId, institutionId, from: dto.from, to, reason: dto.reason, note }, now);
      if (by === 'guardian') this.confirm(em, actor, notice, period, now);
      return { id: notice.id, ...noticeOutcome(meals, [versionOf(period)], now) };
    });
    await this.mealChanges.changed(institutionId, touched.from, touched.to);
    return answer;
  }

  /** A new notice with its first period, audited (the guardian's confirmation is the caller's). */
  private open(
    em: EntityManager,
    actor: Actor,
    n: { studentId: string; institutionId: string; from: string; to: string | null; reason: AbsenceReason; note: string | null; justification?: AbsenceJustification; recordedInLesson?: boolean },
    now: Date,
    details: Record<string, unknown> = {},
  ): { notice: AbsenceNotice; period: AbsencePeriod } {
    const student = em.getReference(User, n.studentId);
    const notice = em.create(AbsenceNotice, {
      student,
      institution: n.institutionId,
      fromDate: n.from,
      toDate: n.to,
      reason: n.reason,
      note: n.note,
      justification: n.justification ?? null,
      recordedInLesson: n.recordedInLesson ?? false,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const period = em.create(AbsencePeriod, { notice, student, fromDate: n.from, toDate: n.to, validFrom: now });
    this.audit.record(em, now, {
      ...auditBy(actor, n.institutionId),
      action: 'absence.create',
      objectType: 'absence_notice',
      objectId: notice.id,
      details: { studentId: n.studentId, from: n.from, to: n.to, reason: n.reason, ...details },
    });
    return { notice, period };
  }

  /** Closes the notice's current period and opens one for the new span (the cut-offs read both). */
  private reperiod(em: EntityManager, notice: AbsenceNotice, periods: AbsencePeriod[], from: string, to: string | null, now: Date): AbsencePeriod {
    const current = periods.find((p) => p.validTo === null);
    if (current) current.validTo = now;
    const next = em.create(AbsencePeriod, { notice, student: notice.student, fromDate: from, toDate: to, validFrom: now });
    periods.push(next);
    notice.fromDate = from;
    notice.toDate = to;
    notice.updatedAt = now;
    return next;
  }

  /**
   * The day's absence record for a child a teacher marked absent in a lesson, inside the caller's
   * transaction (which holds the child's row lock): the notice already covering the day (a guardian's
   * notice: excused), else the teacher's record of the day before extended, else a new unexcused
   * record — made as the nurse's and the class teacher's are, without a guardian's confirmation. Its
   * period is valid from now, so days whose meals the cut-offs already settled stay as ordered.
   */
  async recordLessonAbsence(
    em: EntityManager,
    actor: Actor,
    a: { studentId: string; institutionId: string; date: string; subject: string; lessonId: string },
    now: Date,
  ): Promise<{ notice: AbsenceNotice; changed: boolean }> {
    const covering = await em.find(
      AbsenceNotice,
      { student: a.studentId, ...activeOn(a.date) },
      { orderBy: { recordedInLesson: 'asc', createdAt: 'asc' } },
    );
    if (covering.length) return { notice: covering[0], changed: false };
    const yesterday = await em.findOne(AbsenceNotice, { student: a.studentId, status: 'active', recordedInLesson: true, toDate: addDays(a.date, -1) });
    if (yesterday) {
      const periods = await em.find(AbsencePeriod, { notice: yesterday.id }, { orderBy: { validFrom: 'asc', id: 'asc' } });
      const before = yesterday.toDate;
      this.reperiod(em, yesterday, periods, yesterday.fromDate, a.date, now);
      this.audit.record(em, now, {
        ...auditBy(actor, yesterday.institution.id),
        action: 'absence.update',
        objectType: 'absence_notice',
        objectId: yesterday.id,
        details: { studentId: a.studentId, to: { from: before, to: a.date }, lessonId: a.lessonId },
      });
      return { notice: yesterday, changed: true };
    }
    const { notice } = this.open(
      em,
      actor,
      { ...a, from: a.date, to: a.date, reason: 'other', note: `Absent from a lesson: ${a.subject}`, justification: 'unjustified', recordedInLesson: true },
      now,
      { lessonId: a.lessonId },
    );
    return { notice, changed: true };
  }

  /**
   * A teacher's correction of "absent" (the child was there after all) when no other lesson of the day
   * still has them absent: the teacher's own record for the day gives the day up — withdrawn when it
   * was that day only, shortened when the day is its first or last; a day inside a longer record stays
   * (the nurse or class teacher settles it). A guardian's notice is never changed by a lesson mark.
   */
  async releaseLessonAbsence(em: EntityManager, actor: Actor, a: { studentId: string; date: string; lessonId: string }, now: Date): Promise<boolean> {
    const notice = await em.findOne(AbsenceNotice, {
      student: a.studentId,
      status: 'active',
      recordedInLesson: true,
      fromDate: { $lte: a.date },
      toDate: { $gte: a.date },
    });
    if (!notice || (notice.fromDate < a.date && notice.toDate! > a.date)) return false;
    const periods = await em.find(AbsencePeriod, { notice: notice.id }, { orderBy: { validFrom: 'asc', id: 'asc' } });
    const was = { from: notice.fromDate, to: notice.toDate };
    if (notice.fromDate === notice.toDate) {
      for (const p of periods) if (p.validTo === null) p.validTo = now;
      notice.status = 'withdrawn';
      notice.updatedAt = now;
    } else if (notice.toDate === a.date) {
      this.reperiod(em, notice, periods, notice.fromDate, addDays(a.date, -1), now);
    } else {
      this.reperiod(em, notice, periods, addDays(a.date, 1), notice.toDate ?? null, now);
    }
    this.audit.record(em, now, {
      ...auditBy(actor, notice.institution.id),
      action: notice.status === 'withdrawn' ? 'absence.withdraw' : 'absence.update',
      objectType: 'absence_notice',
      objectId: notice.id,
      details: { studentId: a.studentId, from: was.from, to: was.to, released: a.date, lessonId: a.lessonId },
    });
    return true;
  }

  /**
   * A guardian's notice over days a teacher already recorded as absences takes those records over
   * (one record per child and day): the first becomes the guardian's notice over both spans, with
   * their reason and no verdict yet (excused); any further one is closed, its days now covered.
   * Undefined when no such record overlaps.
   */
  private async adoptLessonRecords(
    em: EntityManager,
    actor: Actor,
    dto: CreateAbsenceDto,
    note: string | null,
    now: Date,
  ): Promise<{ notice: AbsenceNotice; period: AbsencePeriod; periods: AbsencePeriod[] } | undefined> {
    const to = dto.to ?? null;
    const records = await em.find(
      AbsenceNotice,
      { student: dto.studentId, status: 'active', recordedInLesson: true, fromDate: { $lte: to ?? '9999-12-31' }, toDate: { $gte: dto.from } },
      { orderBy: { fromDate: 'asc' } },
    );
    if (!records.length) return undefined;
    const [notice, ...absorbed] = records;
    const from = records.reduce((min, r) => (r.fromDate < min ? r.fromDate : min), dto.from);
    const until = to === null ? null : records.reduce((max, r) => (r.toDate! > max ? r.toDate! : max), to);
    for (const other of absorbed) {
      await em.nativeUpdate(AbsencePeriod, { notice: other.id, validTo: null }, { validTo: now });
      other.status = 'withdrawn';
      other.updatedAt = now;
    }
    const periods = await em.find(AbsencePeriod, { notice: notice.id }, { orderBy: { validFrom: 'asc', id: 'asc' } });
    const period = this.reperiod(em, notice, periods, from, until, now);
    const was = { reason: notice.reason, justification: notice.justification ?? null };
    Object.assign(notice, { reason: dto.reason, note, justification: null, recordedInLesson: false });
    this.audit.record(em, now, {
      ...auditBy(actor, notice.institution.id),
      action: 'absence.adopt',
      objectType: 'absence_notice',
      objectId: notice.id,
      details: { studentId: dto.studentId, from, to: until, reason: { from: was.reason, to: dto.reason }, justification: { from: was.justification, to: null }, absorbed: absorbed.map((r) => r.id) },
    });
    return { notice, period, periods };
  }

  /** End early or extend (`to`), or make open-ended (`null`). The same cut-offs decide from when meals are ordered again. */
  async update(actor: Actor, noticeId: string, dto: UpdateAbsenceDto): Promise<AbsenceAnswer> {
    const notice = await this.em.fork().findOne(AbsenceNotice, noticeId);
    if (!notice) throw absenceError.notFound();
    const by = await this.requireReporter(actor, notice.student.id, absenceError.notFound);
    const to = dto.to;
    requireDateRange(notice.fromDate, to, { from: 'from', to: 'to' });
    this.assertWithinReach(null, to);
    const meals = await this.mealCalendar(notice.institution.id);
    let before: string | null = to;
    const answer = await this.em.fork().transactional(async (em) => {
      const { locked, periods, now } = await this.lockActive(em, noticeId);
      before = locked.toDate ?? null;
      if (locked.toDate !== to) {
        this.audit.record(em, now, {
          ...auditBy(actor, locked.institution.id),
          action: 'absence.update',
          objectType: 'absence_notice',
          objectId: locked.id,
          details: { studentId: locked.student.id, to: { from: locked.toDate, to } },
        });
        const next = this.reperiod(em, locked, periods, locked.fromDate, to, now);
        if (by === 'guardian') this.confirm(em, actor, locked, next, now);
      }
      return { id: locked.id, ...noticeOutcome(meals, periods.map(versionOf), now) };
    });
    // The days between the old and the new last day changed; an open end reaches every later day.
    if (before !== to) await this.mealChanges.changed(notice.institution.id, notice.fromDate, before === null || to === null ? null : before > to ? before : to);
    return answer;
  }

  /**
   * Withdraw a notice made by mistake: it covers nothing from now on, and the cut-offs decide as for
   * a return (days already ordered without the child stay cancelled; the answer lists them).
   */
  async withdraw(actor: Actor, noticeId: string): Promise<AbsenceAnswer> {
    const notice = await this.em.fork().findOne(AbsenceNotice, noticeId);
    if (!notice) throw absenceError.notFound();
    await this.requireReporter(actor, notice.student.id, absenceError.notFound);
    const meals = await this.mealCalendar(notice.institution.id);
    const answer = await this.em.fork().transactional(async (em) => {
      const { locked, periods, now } = await this.lockActive(em, noticeId);
      for (const p of periods) if (p.validTo === null) p.validTo = now;
      locked.status = 'withdrawn';
      locked.updatedAt = now;
      this.audit.record(em, now, {
        ...auditBy(actor, locked.institution.id),
        action: 'absence.withdraw',
        objectType: 'absence_notice',
        objectId: locked.id,
        details: { studentId: locked.student.id, from: locked.fromDate, to: locked.toDate ?? null },
      });
      return { id: locked.id, ...noticeOutcome(meals, periods.map(versionOf), now) };
    });
    await this.mealChanges.changed(notice.institution.id, notice.fromDate, notice.toDate ?? null);
    return answer;
  }

  /** The notice locked for a change, with its period history; a withdrawn notice changes no more. */
  private async lockActive(em: EntityManager, noticeId: string): Promise<{ locked: AbsenceNotice; periods: AbsencePeriod[]; now: Date }> {
    const locked = await em.findOneOrFail(AbsenceNotice, noticeId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (locked.status !== 'active') throw absenceError.withdrawn();
    const periods = await em.find(AbsencePeriod, { notice: noticeId }, { orderBy: { validFrom: 'asc', id: 'asc' } });
    return { locked, periods, now: this.calendar.now() };
  }

  /** `?studentId`: that child's notices. `?groupId[&date]`: notices covering the date for the group's children that day. */
  async list(actor: Actor, q: AbsencesQuery): Promise<{ items: AbsenceView[] }> {
    const em = this.em.fork();
    if (q.studentId) {
      if (!(await this.access.studentsVisible(actor, [q.studentId], this.calendar.today())).has(q.studentId)) {
        throw this.access.seesNoPersonalData(actor, actor.roles.map((r) => r.institutionId)) ? absenceError.noPersonalData() : this.access.refusal(Permission.AbsenceRead);
      }
      const notices = await em.find(AbsenceNotice, { student: q.studentId }, { populate: ['student', 'createdBy'], orderBy: { fromDate: 'desc', createdAt: 'desc' } });
      return { items: notices.map(viewOf) };
    }
    if (!q.groupId) throw absenceError.queryRequired();
    const date = q.date === undefined ? this.calendar.today() : requireLocalDate(q.date, 'date');
    const group = await em.findOne(Group, { id: q.groupId, active: true });
    if (!group || !(await this.access.groupsWithRoster(actor, [group.id])).has(group.id)) {
      throw group && this.access.seesNoPersonalData(actor, [group.institution.id]) ? absenceError.noPersonalData() : groupNotFound();
    }
    const enrolled = await em.find(Enrolment, { group: group.id, fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] }, { fields: ['student'] });
    if (!enrolled.length) return { items: [] };
    const notices = await em.find(
      AbsenceNotice,
      {
        ...activeOn(date),
        student: { $in: enrolled.map((e) => e.student.id) },
      },
      { populate: ['student', 'createdBy'], orderBy: { student: { familyName: 'asc', givenName: 'asc' }, fromDate: 'asc' } },
    );
    return { items: notices.map(viewOf) };
  }

  /**
   * The nurse's (or class teacher's) check of a notice: the reason as it turned out, justified or
   * not. Guardians, who see the notice, are told 403; anyone else 404.
   */
  async review(actor: Actor, noticeId: string, dto: ReviewAbsenceDto): Promise<AbsenceView> {
    const note = dto.note === undefined ? undefined : dto.note.trim() || null;
    return this.em.fork().transactional(async (em) => {
      const notice = await em.findOne(AbsenceNotice, noticeId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!notice) throw absenceError.notFound();
      const studentId = notice.student.id;
      if (!(await this.access.studentsCorrectable(actor, [studentId], this.calendar.today())).has(studentId)) {
        throw (await this.access.studentsGuarded(actor, [studentId])).has(studentId) ? absenceError.reviewForbidden() : absenceError.notFound();
      }
      const changed: Record<string, { from: unknown; to: unknown }> = {};
      const set = <K extends 'reason' | 'note' | 'justification'>(key: K, value: AbsenceNotice[K] | undefined) => {
        if (value === undefined || value === notice[key]) return;
        changed[key] = { from: notice[key] ?? null, to: value };
        notice[key] = value;
      };
      set('reason', dto.reason);
      set('note', note);
      set('justification', dto.justification);
      if (notice.reason === 'other' && !notice.note) throw absenceError.noteRequired();
      if (Object.keys(changed).length) {
        const now = this.calendar.now();
        notice.updatedAt = now;
        this.audit.record(em, now, {
          ...auditBy(actor, notice.institution.id),
          action: 'absence.review',
          objectType: 'absence_notice',
          objectId: notice.id,
          details: { studentId, changed },
        });
      }
      await em.populate(notice, ['student', 'createdBy']);
      return viewOf(notice);
    });
  }

  /** Guardians report for their own children; management, the nurse and the class teacher record for theirs. Anyone else: 404. */
  private async requireReporter(actor: Actor, studentId: string, refusal = () => this.access.refusal(Permission.AbsenceReport)): Promise<'guardian' | 'staff'> {
    if ((await this.access.studentsGuarded(actor, [studentId])).has(studentId)) return 'guardian';
    if ((await this.access.studentsCorrectable(actor, [studentId], this.calendar.today())).has(studentId)) return 'staff';
    throw refusal();
  }

  /** The enrolment whose institution's rules apply: the one in force on `from`, else the first in the period. */
  private async enrolmentFor(studentId: string, from: string, to: string | null): Promise<Enrolment | undefined> {
    const rows = await this.em.fork().find(
      Enrolment,
      { student: studentId, group: { active: true }, fromDate: { $lte: to ?? '9999-12-31' }, $or: [{ toDate: null }, { toDate: { $gte: from } }] },
      { populate: ['group'], orderBy: { fromDate: 'asc', id: 'asc' } },
    );
    return rows.find((e) => e.fromDate <= from) ?? rows[0];
  }

  private async mealCalendar(institutionId: string): Promise<MealCalendar> {
    const meals = await this.rules.mealCalendar(institutionId);
    if (!meals) throw absenceError.notEnrolled(); // the child's institution was closed down meanwhile
    return meals;
  }

  private assertWithinReach(from: string | null, to: string | null): void {
    const today = this.calendar.today();
    if (from !== null && from < addDays(today, -MAX_DAYS_BACK)) throw absenceError.tooFar('from', `at most ${MAX_DAYS_BACK} days before today`);
    if (to !== null && to > addDays(today, MAX_DAYS_AHEAD)) throw absenceError.tooFar('to', `at most ${MAX_DAYS_AHEAD} days after today`);
  }

  /** The guardian's confirmation, sent by the worker (category `absence-confirmation`); one per change they make. */
  private confirm(em: EntityManager, actor: Actor, notice: AbsenceNotice, period: AbsencePeriod, at: Date): void {
    this.outbox.add(
      em,
      'absence-confirmation',
      { noticeId: notice.id, periodId: period.id, userId: actor.userId, institutionId: notice.institution.id },
      { at, dedupeKey: `absence-confirmation:${period.id}` },
    );
  }
}

/** Notices in force (not withdrawn) whose period covers the date. */
export function activeOn(date: string) {
  return { status: 'active' as const, fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] };
}

/** Excused: a verdict of justified, or a notice (a guardian's, the nurse's) not yet judged; a teacher's lesson record is not. */
export function isExcused(n: Pick<AbsenceNotice, 'justification' | 'recordedInLesson'>): boolean {
  return n.justification === 'justified' || (n.justification == null && !n.recordedInLesson);
}

function versionOf(p: AbsencePeriod): CoverageVersion {
  return { from: p.fromDate, to: p.toDate ?? null, validFrom: p.validFrom, validTo: p.validTo ?? null };
}

function viewOf(n: AbsenceNotice): AbsenceView {
  return {
    id: n.id,
    studentId: n.student.id,
    studentName: n.student.displayName,
    institutionId: n.institution.id,
    from: n.fromDate,
    to: n.toDate ?? null,
    reason: n.reason,
    note: n.note ?? null,
    status: n.status,
    justification: n.justification ?? null,
    excused: isExcused(n),
    recordedInLesson: n.recordedInLesson,
    createdBy: { id: n.createdBy.id, displayName: n.createdBy.displayName },
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}
