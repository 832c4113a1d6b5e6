import { EntityManager, LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { AbsenceNotice } from '@app/attendance/entities';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { Enrolment, User } from '@app/directory/entities';
import { attendanceError, gradebookError, Lesson, LessonAttendance, type AttendanceStatus } from '@app/gradebook';
import { CalendarService } from '@app/platform/time/calendar.service';
import { addDays } from '@app/platform/time/riga-time';
import { AbsencesService, activeOn, isExcused } from '../absences/absences.service';
import { lockStudent } from '../common/student-lock';
import { MealChanges } from '../absences/meal-changes';
import { auditBy } from '../common/management';
import { requireDateRange } from '../institutions/dates';
import type { RecordAttendanceDto, StudentAttendanceQuery } from './lesson-attendance.dto';
import { factsOf } from './lessons.service';

/** A child's absence record as the journal shows it: excused (a guardian's notice, a justified verdict) or not. */
export interface AbsenceMark {
  id: string;
  excused: boolean;
}

export interface LessonAttendanceView {
  lessonId: string;
  date: string;
  /** When attendance was last recorded; null: not taken yet. */
  takenAt: Date | null;
  items: { studentId: string; displayName: string; status: AttendanceStatus | null; absence: AbsenceMark | null }[];
}

export interface StudentAttendanceView {
  studentId: string;
  from: string;
  to: string;
  absences: (AbsenceMark & { from: string; to: string | null; recordedInLesson: boolean })[];
  lessons: { lessonId: string; date: string; subject: string; status: AttendanceStatus; absence: AbsenceMark | null }[];
}

/** How far back a child's attendance is read when no `from` is given. */
const DEFAULT_SPAN_DAYS = 30;

/**
 * Per-lesson attendance. A teacher's "absent" feeds the child's one absence record for the day in
 * the attendance model ({@link AbsencesService.recordLessonAbsence}): a guardian's notice already
 * covering the day makes it excused; otherwise the teacher's mark makes (or extends) an unexcused
 * record, valid from now, so the meal cut-offs treat it like a notice made at that moment.
 */
@Injectable()
export class LessonAttendanceService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly absences: AbsencesService,
    private readonly mealChanges: MealChanges,
  ) {}

  /**
   * Replaces the lesson's attendance: listed children as given, the rest present (absent when a
   * reported notice covers the day). An "absent" taken back gives the day back from the teacher's record, unless
   * another lesson of the day still has the child absent.
   */
  async record(actor: Actor, lessonId: string, dto: RecordAttendanceDto): Promise<LessonAttendanceView> {
    const lesson = await this.em.fork().findOne(Lesson, lessonId);
    if (!lesson || !(await this.access.mayEditLesson(actor, factsOf(lesson)))) throw gradebookError.lessonNotFound();
    const given = new Map<string, AttendanceStatus>();
    dto.entries.forEach((e, i) => {
      if (given.has(e.studentId)) throw attendanceError.listedTwice(i);
      given.set(e.studentId, e.status);
    });
    const roster = await this.roster(this.em.fork(), lesson);
    dto.entries.forEach((e, i) => {
      if (!roster.has(e.studentId)) throw attendanceError.notInGroup(i);
    });
    const date = lesson.date;
    const institutionId = lesson.institution.id;
    const mealsTouched = await this.em.fork().transactional(async (em) => {
      const now = this.calendar.now();
      const locked = await em.findOneOrFail(Lesson, lessonId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const students = [...roster.keys()].sort();
      for (const id of students) await lockStudent(em, id); // in id order: two lessons of one day never deadlock
      const covered = await coveringNotices(em, students, date);
      const rows = new Map((await em.find(LessonAttendance, { lesson: lessonId })).map((r) => [r.student.id, r]));
      const changed: Record<string, { from: AttendanceStatus | null; to: AttendanceStatus }> = {};
      let touched = false;
      for (const studentId of students) {
        const status = given.get(studentId) ?? (reported(covered.get(studentId)) ? 'absent' : 'present');
        const row = rows.get(studentId);
        const before = row?.status ?? null;
        if (before !== status) {
          changed[studentId] = { from: before, to: status };
          if (row) Object.assign(row, { status, recordedBy: em.getReference(User, actor.userId), updatedAt: now });
          else em.create(LessonAttendance, { lesson: locked, student: studentId, status, recordedBy: actor.userId, updatedAt: now });
        }
        if (status === 'absent' && !covered.has(studentId)) {
          const { changed: made } = await this.absences.recordLessonAbsence(em, actor, { studentId, institutionId, date, subject: locked.subject, lessonId }, now);
          touched ||= made;
        } else if (before === 'absent' && status !== 'absent' && !(await absentElsewhere(em, studentId, locked))) {
          touched = (await this.absences.releaseLessonAbsence(em, actor, { studentId, date, lessonId }, now)) || touched;
        }
      }
      locked.attendanceTakenAt = now;
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'lesson.attendance',
        objectType: 'lesson',
        objectId: lessonId,
        details: { groupId: locked.group.id, date, changed },
      });
      return touched;
    });
    if (mealsTouched) await this.mealChanges.changed(institutionId, date, date);
    return this.view(lessonId);
  }

  /** The lesson's attendance for those who may change the lesson, and the nurse and management. */
  async read(actor: Actor, lessonId: string): Promise<LessonAttendanceView> {
    const lesson = await this.em.fork().findOne(Lesson, lessonId);
    const allowed =
      lesson && ((await this.access.mayEditLesson(actor, factsOf(lesson))) || (await this.access.groupsWithRoster(actor, [lesson.group.id])).has(lesson.group.id));
    if (!allowed) throw gradebookError.lessonNotFound();
    return this.view(lessonId);
  }

  /** A child's absence records and lesson attendance over a span: their guardians, the student, their teachers, the nurse, management. */
  async forStudent(actor: Actor, studentId: string, q: StudentAttendanceQuery): Promise<StudentAttendanceView> {
    const to = q.to ?? this.calendar.today();
    const from = q.from ?? addDays(to, -DEFAULT_SPAN_DAYS);
    requireDateRange(from, to);
    if (!(await this.access.studentsVisible(actor, [studentId], this.calendar.today())).has(studentId)) throw this.access.refusal(Permission.StudentRead);
    const em = this.em.fork();
    const notices = await em.find(
      AbsenceNotice,
      { student: studentId, status: 'active', fromDate: { $lte: to }, $or: [{ toDate: null }, { toDate: { $gte: from } }] },
      { orderBy: { fromDate: 'asc', createdAt: 'asc' } },
    );
    const rows = await em.find(
      LessonAttendance,
      { student: studentId, lesson: { date: { $gte: from, $lte: to } } },
      { populate: ['lesson'], orderBy: { lesson: { date: 'asc', createdAt: 'asc' } } },
    );
    return {
      studentId,
      from,
      to,
      absences: notices.map((n) => ({ ...markOf(n), from: n.fromDate, to: n.toDate ?? null, recordedInLesson: n.recordedInLesson })),
      lessons: rows.map((r) => {
        const notice = notices.find((n) => covers(n, r.lesson.date));
        return { lessonId: r.lesson.id, date: r.lesson.date, subject: r.lesson.subject, status: r.status, absence: notice ? markOf(notice) : null };
      }),
    };
  }

  private async view(lessonId: string): Promise<LessonAttendanceView> {
    const em = this.em.fork();
    const lesson = await em.findOneOrFail(Lesson, lessonId);
    const roster = await this.roster(em, lesson);
    const ids = [...roster.keys()];
    const [rows, covered] = await Promise.all([em.find(LessonAttendance, { lesson: lessonId }), coveringNotices(em, ids, lesson.date)]);
    const status = new Map(rows.map((r) => [r.student.id, r.status]));
    const items = ids
      .map((studentId) => {
        const notice = covered.get(studentId);
        return { studentId, displayName: roster.get(studentId)!, status: status.get(studentId) ?? (reported(notice) ? 'absent' : null), absence: notice ? markOf(notice) : null };
      })
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'lv'));
    return { lessonId, date: lesson.date, takenAt: lesson.attendanceTakenAt ?? null, items };
  }

  /** The lesson's group on its date: student id → display name. */
  private async roster(em: EntityManager, lesson: Lesson): Promise<Map<string, string>> {
    const enrolled = await em.find(
      Enrolment,
      { group: lesson.group.id, fromDate: { $lte: lesson.date }, $or: [{ toDate: null }, { toDate: { $gte: lesson.date } }] },
      { populate: ['student'] },
    );
    return new Map(enrolled.map((e) => [e.student.id, e.student.displayName]));
  }
}

/** Whether another lesson of the child's day still has them absent (then the day's record stays). */
async function absentElsewhere(em: EntityManager, studentId: string, lesson: Lesson): Promise<boolean> {
  return (await em.count(LessonAttendance, { student: studentId, status: 'absent', lesson: { date: lesson.date, id: { $ne: lesson.id } } })) > 0;
}

/** A notice someone reported (a guardian, the nurse), not a record another lesson's mark made: the child is expected away. */
function reported(n: AbsenceNotice | undefined): boolean {
  return !!n && !n.recordedInLesson;
}

function covers(n: AbsenceNotice, date: string): boolean {
  return n.fromDate <= date && (n.toDate == null || n.toDate >= date);
}

function markOf(n: AbsenceNotice): AbsenceMark {
  return { id: n.id, excused: isExcused(n) };
}

/** Each child's active notice covering the date (a guardian's before a teacher's record). */
async function coveringNotices(em: EntityManager, studentIds: string[], date: string): Promise<Map<string, AbsenceNotice>> {
  if (!studentIds.length) return new Map();
  const notices = await em.find(
    AbsenceNotice,
    { student: { $in: studentIds }, ...activeOn(date) },
    { orderBy: { recordedInLesson: 'desc', createdAt: 'desc' } },
  );
  // Later entries win: ordered so a guardian's (not recordedInLesson), then the oldest, is kept.
  return new Map(notices.map((n) => [n.student.id, n]));
}
