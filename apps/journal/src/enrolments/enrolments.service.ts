import { EntityManager, FilterQuery, LockMode } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { AccessPolicy, Permission } from '@app/access';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { Enrolment, Group, RoleAssignment, User } from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { auditBy, loadInstitution } from '../common/management';
import { Page, pageOf } from '../common/pagination';
import { groupError } from '../groups/group-errors';
import { activeOn, groupNotFound } from '../groups/groups.service';
import { requireDateRange, requireLocalDate } from '../institutions/dates';
import { contains } from '../common/text-search';
import { MealChanges } from '../absences/meal-changes';
import type { CreateEnrolmentDto, EnrolmentsQuery, UpdateEnrolmentDto } from './enrolments.dto';

export interface EnrolmentView {
  id: string;
  studentId: string;
  studentName: string;
  groupId: string;
  groupName: string;
  institutionId: string;
  fromDate: string;
  toDate: string | null;
  createdAt: Date;
}

/**
 * A student's place in a group over time. A student is in at most one group of an institution
 * on any day: moving them means ending the old enrolment and creating the new one.
 */
@Injectable()
export class EnrolmentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
    private readonly mealChanges: MealChanges,
  ) {}

  async create(actor: Actor, institutionId: string, dto: CreateEnrolmentDto): Promise<EnrolmentView> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    const to = dto.to ?? null;
    requireDateRange(dto.from, to);
    const created = await this.em.fork().transactional(async (em) => {
      await loadInstitution(em, institutionId);
      if (!(await this.lockStudent(em, institutionId, dto.studentId, true))) {
        throw directoryError.notFound(DirectoryErrorCode.STUDENT_NOT_FOUND, 'Student');
      }
      const group = await em.findOne(Group, { id: dto.groupId, institution: institutionId });
      if (!group) throw groupNotFound();
      if (!group.active) throw groupError.inactive();
      await this.assertNoOverlap(em, institutionId, dto.studentId, dto.from, to);
      const now = this.calendar.now();
      const student = await em.findOneOrFail(User, dto.studentId);
      const enrolment = em.create(Enrolment, { student, group, fromDate: dto.from, toDate: to, createdAt: now });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'enrolment.create',
        objectType: 'enrolment',
        objectId: enrolment.id,
        details: { studentId: student.id, groupId: group.id, fromDate: dto.from, toDate: to },
      });
      return view(enrolment);
    });
    // A child who joins a group eats there: days the kitchen has numbers for change.
    await this.mealChanges.changed(institutionId, dto.from, to);
    return created;
  }

  /**
   * Sets or clears the last day. Outsiders to the group's institution: 404 ENROLMENT_NOT_FOUND;
   * its members who are not management: 403 NOT_MANAGEMENT.
   */
  async update(actor: Actor, enrolmentId: string, dto: UpdateEnrolmentDto): Promise<EnrolmentView> {
    const to = dto.to;
    if (to !== null) requireLocalDate(to, 'to');
    let changed: { institutionId: string; from: string; to: string | null } | undefined;
    const updated = await this.em.fork().transactional(async (em) => {
      const enrolment = await em.findOne(Enrolment, enrolmentId, { populate: ['group', 'student'] });
      if (!enrolment || !this.access.can(actor, Permission.InstitutionMember, enrolment.group.institution.id)) {
        throw directoryError.notFound(DirectoryErrorCode.ENROLMENT_NOT_FOUND, 'Enrolment');
      }
      const institutionId = enrolment.group.institution.id;
      this.access.require(actor, Permission.InstitutionManage, institutionId);
      requireDateRange(enrolment.fromDate, to, { from: 'fromDate', to: 'to' });
      const before = enrolment.toDate ?? null;
      if (before === to) return view(enrolment);
      await this.lockStudent(em, institutionId, enrolment.student.id, false);
      const extends_ = to === null || (before !== null && to > before);
      if (extends_) await this.assertNoOverlap(em, institutionId, enrolment.student.id, enrolment.fromDate, to, enrolment.id);
      enrolment.toDate = to;
      this.audit.record(em, this.calendar.now(), {
        ...auditBy(actor, institutionId),
        action: 'enrolment.update',
        objectType: 'enrolment',
        objectId: enrolment.id,
        details: { studentId: enrolment.student.id, groupId: enrolment.group.id, toDate: { from: before, to } },
      });
      // The days between the old and the new last day; an open end reaches every later day.
      changed = { institutionId, from: enrolment.fromDate, to: before === null || to === null ? null : before > to ? before : to };
      return view(enrolment);
    });
    if (changed) await this.mealChanges.changed(changed.institutionId, changed.from, changed.to);
    return updated;
  }

  /** Management and the nurse; filter by group, student, a date the enrolment is in force, or name. */
  async list(actor: Actor, institutionId: string, q: EnrolmentsQuery): Promise<Page<EnrolmentView>> {
    this.access.require(actor, Permission.EnrolmentList, institutionId);
    if (q.date !== undefined) requireLocalDate(q.date, 'date');
    const em = this.em.fork();
    const where: FilterQuery<Enrolment> = { group: { institution: institutionId } };
    if (q.groupId) where.group = { id: q.groupId, institution: institutionId };
    if (q.studentId) where.student = q.studentId;
    if (q.date) Object.assign(where, activeOn(q.date));
    if (q.q) {
      where.student = { ...(q.studentId ? { id: q.studentId } : {}), $or: [contains('given_name', q.q), contains('family_name', q.q)] };
    }
    const [rows, total] = await em.findAndCount(Enrolment, where, {
      populate: ['student', 'group'],
      orderBy: { student: { familyName: 'asc', givenName: 'asc' }, fromDate: 'asc', id: 'asc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return pageOf(rows.map(view), total, q);
  }

  /**
   * Locks the student's role row here (PostgreSQL; SQLite serialises writers anyway) so two
   * enrolments of one student cannot both pass the overlap check. False when there is none.
   */
  private async lockStudent(em: EntityManager, institutionId: string, studentId: string, mustBeActive: boolean): Promise<boolean> {
    const where: FilterQuery<RoleAssignment> = { user: studentId, institution: institutionId, role: 'student' };
    if (mustBeActive) where.active = true;
    return !!(await em.findOne(RoleAssignment, where, { lockMode: LockMode.PESSIMISTIC_WRITE }));
  }

  /** 409 ENROLMENT_OVERLAPS when another enrolment of the student in this institution shares a day. */
  private async assertNoOverlap(
    em: EntityManager,
    institutionId: string,
    studentId: string,
    from: string,
    to: string | null,
    exceptId?: string,
  ): Promise<void> {
    const where: FilterQuery<Enrolment> = {
      student: studentId,
      group: { institution: institutionId },
      $or: [{ toDate: null }, { toDate: { $gte: from } }],
    };
    if (to !== null) where.fromDate = { $lte: to };
    if (exceptId) where.id = { $ne: exceptId };
    const clashes = await em.find(Enrolment, where, { orderBy: { fromDate: 'asc' } });
    if (clashes.length) {
      throw directoryError.conflict(
        DirectoryErrorCode.ENROLMENT_OVERLAPS,
        'The student is already in a group of this institution on some of these days; end that enrolment first',
        clashes.map((c) => ({ enrolmentId: c.id, groupId: c.group.id, fromDate: c.fromDate, toDate: c.toDate ?? null })),
      );
    }
  }
}

function view(e: Enrolment): EnrolmentView {
  return {
    id: e.id,
    studentId: e.student.id,
    studentName: e.student.displayName,
    groupId: e.group.id,
    groupName: e.group.name,
    institutionId: e.group.institution.id,
    fromDate: e.fromDate,
    toDate: e.toDate ?? null,
    createdAt: e.createdAt,
  };
}
