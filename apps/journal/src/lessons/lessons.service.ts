import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { InstitutionRules } from '@app/attendance';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { Group, User } from '@app/directory/entities';
import { gradebookError, Lesson, requireJournalDay } from '@app/gradebook';
import { CalendarService } from '@app/platform/time/calendar.service';
import { auditBy } from '../common/management';
import { groupNotFound } from '../groups/groups.service';
import { requireDateRange, requireLocalDate } from '../institutions/dates';
import type { CreateLessonDto, LessonsQuery, UpdateLessonDto } from './lessons.dto';

export interface LessonView {
  id: string;
  groupId: string;
  subject: string;
  date: string;
  topic: string | null;
  homework: string | null;
  isTest: boolean;
  teacher: { id: string; displayName: string };
  substituteFor: { id: string; displayName: string } | null;
}

/**
 * Lessons of a group: the group's teachers and management record them; a teacher of the institution
 * records a lesson they taught as a substitute, naming the group's teacher (seeds 000 §4.11, 002 §15),
 * and may then change that lesson and mark through it. Every change is audited.
 */
@Injectable()
export class LessonsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly rules: InstitutionRules,
  ) {}

  async create(actor: Actor, groupId: string, dto: CreateLessonDto): Promise<{ id: string }> {
    const date = requireLocalDate(dto.date, 'date');
    const group = await this.em.fork().findOne(Group, { id: groupId, active: true });
    if (!group) throw groupNotFound();
    const institutionId = group.institution.id;
    const ownGroup = (await this.access.groupsTaught(actor, [groupId])).has(groupId);
    if (dto.substituteFor !== undefined) {
      if (!this.access.can(actor, Permission.LessonSubstitute, institutionId)) throw ownGroup ? gradebookError.substituteForInvalid() : groupNotFound();
      const stoodInFor = dto.substituteFor;
      if (stoodInFor === actor.userId || !(await this.access.teachersOfGroup(groupId, [stoodInFor])).has(stoodInFor)) throw gradebookError.substituteForInvalid();
    } else if (!ownGroup) {
      throw groupNotFound();
    }
    requireJournalDay(this.calendar, await this.rules.closureSet(institutionId), date);
    return this.em.fork().transactional(async (em) => {
      const now = this.calendar.now();
      const lesson = em.create(Lesson, {
        institution: institutionId,
        group: groupId,
        subject: dto.subject.trim(),
        date,
        topic: dto.topic?.trim() || null,
        homework: dto.homework?.trim() || null,
        isTest: dto.isTest ?? false,
        teacher: actor.userId,
        substituteFor: dto.substituteFor ?? null,
        createdAt: now,
        updatedAt: now,
      });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'lesson.create',
        objectType: 'lesson',
        objectId: lesson.id,
        details: { groupId, subject: lesson.subject, date, isTest: lesson.isTest, substituteFor: dto.substituteFor ?? null },
      });
      return { id: lesson.id };
    });
  }

  async update(actor: Actor, lessonId: string, dto: UpdateLessonDto): Promise<LessonView> {
    return this.em.fork().transactional(async (em) => {
      const lesson = await this.requireEditable(em, actor, lessonId);
      const changed: Record<string, { from: string | boolean | null; to: string | boolean | null }> = {};
      for (const key of ['topic', 'homework'] as const) {
        const value = dto[key] === undefined ? undefined : dto[key]?.trim() || null;
        if (value === undefined || value === lesson[key]) continue;
        changed[key] = { from: lesson[key], to: value };
        lesson[key] = value;
      }
      if (dto.isTest !== undefined && dto.isTest !== lesson.isTest) {
        changed.isTest = { from: lesson.isTest, to: dto.isTest };
        lesson.isTest = dto.isTest;
      }
      if (Object.keys(changed).length) {
        const now = this.calendar.now();
        lesson.updatedAt = now;
        this.audit.record(em, now, {
          ...auditBy(actor, lesson.institution.id),
          action: 'lesson.update',
          objectType: 'lesson',
          objectId: lesson.id,
          details: { groupId: lesson.group.id, changed },
        });
      }
      await em.populate(lesson, ['teacher', 'substituteFor']);
      return viewOf(lesson);
    });
  }

  /** A group's lessons over a span (its teachers and management; a substitute sees the group's lessons they taught). */
  async list(actor: Actor, groupId: string, q: LessonsQuery): Promise<{ items: LessonView[] }> {
    const from = q.from ?? this.calendar.today();
    const to = q.to ?? from;
    requireDateRange(from, to);
    const em = this.em.fork();
    const group = await em.findOne(Group, { id: groupId, active: true });
    if (!group) throw groupNotFound();
    const own = (await this.access.groupsTaught(actor, [groupId])).has(groupId);
    const lessons = await em.find(
      Lesson,
      { group: groupId, date: { $gte: from, $lte: to }, ...(own ? {} : { teacher: actor.userId }) },
      { populate: ['teacher', 'substituteFor'], orderBy: { date: 'asc', createdAt: 'asc' } },
    );
    if (!own && !lessons.length && !this.access.can(actor, Permission.LessonSubstitute, group.institution.id)) throw groupNotFound();
    return { items: lessons.map(viewOf) };
  }

  /** The lesson locked for a change, if the caller may change it; 404 otherwise. */
  async requireEditable(em: EntityManager, actor: Actor, lessonId: string): Promise<Lesson> {
    const lesson = await em.findOne(Lesson, lessonId);
    if (!lesson || !(await this.access.mayEditLesson(actor, factsOf(lesson)))) throw gradebookError.lessonNotFound();
    return lesson;
  }
}

export const factsOf = (l: Lesson) => ({ institutionId: l.institution.id, groupId: l.group.id, teacherId: l.teacher.id });

function person(u: User | null): { id: string; displayName: string } | null {
  return u ? { id: u.id, displayName: u.displayName } : null;
}

function viewOf(l: Lesson): LessonView {
  return {
    id: l.id,
    groupId: l.group.id,
    subject: l.subject,
    date: l.date,
    topic: l.topic,
    homework: l.homework,
    isTest: l.isTest,
    teacher: person(l.teacher)!,
    substituteFor: person(l.substituteFor),
  };
}
