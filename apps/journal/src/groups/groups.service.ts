import { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@app/audit/audit-log.service';
import type { Actor } from '@app/auth/actor';
import { ASSIGNABLE_STAFF_ROLES, AccessPolicy, Permission } from '@app/access';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import {
  Enrolment,
  Group,
  GroupKind,
  GuardianRelation,
  Guardianship,
  Role,
  RoleAssignment,
  StaffAssignment,
  StaffAssignmentKind,
  User,
} from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { auditBy, loadInstitution } from '../common/management';
import { Page, pageOf } from '../common/pagination';
import { requireLocalDate } from '../institutions/dates';
import { contains } from '../common/text-search';
import { groupError } from './group-errors';
import type { AssignStaffDto, CreateGroupDto, GroupsQuery, RosterQuery, UpdateGroupDto } from './groups.dto';
import { isSchoolYear } from './school-year';

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface GroupView {
  id: string;
  institutionId: string;
  name: string;
  kind: GroupKind;
  schoolYear: string;
  active: boolean;
  createdAt: Date;
  classTeachers: PersonRef[];
}

export interface StaffAssignmentView {
  id: string;
  groupId: string;
  userId: string;
  displayName: string;
  kind: StaffAssignmentKind;
  active: boolean;
}

/** Staff (roster viewers) also see every assignment, with the id needed to end it. */
export type GroupDetail = GroupView & { staff?: StaffAssignmentView[] };

export interface RosterGuardian {
  id: string;
  displayName: string;
  relation: GuardianRelation;
  phone: string | null;
  email: string | null;
}

export interface RosterStudent {
  id: string;
  displayName: string;
  givenName: string;
  familyName: string;
  enrolmentId: string;
  fromDate: string;
  toDate: string | null;
  guardians: RosterGuardian[];
}

export interface Roster {
  groupId: string;
  date: string;
  students: RosterStudent[];
}

/** Enrolments in force on `date` (Riga-local, both ends inclusive). */
export const activeOn = (date: string) => ({ fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] });

/** Groups (classes, pre-school groups, programmes), their staff and their rosters. */
@Injectable()
export class GroupsService {
  constructor(
    private readonly em: EntityManager,
    private readonly audit: AuditLog,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
  ) {}

  async create(actor: Actor, institutionId: string, dto: CreateGroupDto): Promise<GroupView> {
    this.access.require(actor, Permission.InstitutionManage, institutionId);
    if (!isSchoolYear(dto.schoolYear)) throw groupError.invalidSchoolYear();
    const name = dto.name.trim();
    return this.em.fork().transactional(async (em) => {
      const institution = await loadInstitution(em, institutionId);
      await this.assertNameFree(em, institutionId, name, dto.schoolYear);
      const now = this.calendar.now();
      const group = em.create(Group, { institution, name, kind: dto.kind, schoolYear: dto.schoolYear, createdAt: now });
      this.audit.record(em, now, {
        ...auditBy(actor, institutionId),
        action: 'group.create',
        objectType: 'group',
        objectId: group.id,
        details: { name, kind: dto.kind, schoolYear: dto.schoolYear },
      });
      return groupView(group, []);
    });
  }

  /**
   * Management and the nurse see every group; teachers and speech therapists the groups they are
   * assigned to. Anyone else (guardians, students, the kitchen, outsiders): 403 FORBIDDEN.
   */
  async list(actor: Actor, institutionId: string, q: GroupsQuery): Promise<Page<GroupView>> {
    this.access.require(actor, Permission.GroupList, institutionId);
    const wide = this.access.can(actor, Permission.EnrolmentList, institutionId);
    if (q.schoolYear !== undefined && !isSchoolYear(q.schoolYear)) throw groupError.invalidSchoolYear();
    const em = this.em.fork();
    const where: FilterQuery<Group> = { institution: institutionId };
    if (!wide) {
      const assigned = await em.find(StaffAssignment, { staff: actor.userId, active: true, group: { institution: institutionId } });
      if (!assigned.length) return pageOf([], 0, q);
      where.id = { $in: [...new Set(assigned.map((a) => a.group.id))] };
    }
    if (q.includeInactive !== 'true') where.active = true;
    if (q.schoolYear) where.schoolYear = q.schoolYear;
    if (q.q) Object.assign(where, contains('name', q.q));
    const [groups, total] = await em.findAndCount(Group, where, {
      orderBy: { schoolYear: 'desc', name: 'asc', id: 'asc' },
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    const staff = await this.staffOf(em, groups.map((g) => g.id));
    return pageOf(groups.map((g) => groupView(g, staff)), total, q);
  }

  /**
   * Whoever may read the roster, a guardian of a child enrolled today, or a student enrolled
   * today. The kitchen of the group's institution: 403; anyone else: 404 GROUP_NOT_FOUND.
   */
  async get(actor: Actor, groupId: string): Promise<GroupDetail> {
    const em = this.em.fork();
    const group = await em.findOne(Group, groupId);
    if (!group) throw groupNotFound();
    const institutionId = group.institution.id;
    const staff = await this.staffOf(em, [group.id]);
    if ((await this.access.groupsWithRoster(actor, [group.id])).has(group.id)) {
      return { ...groupView(group, staff), staff: staff.map(assignmentView) };
    }
    if (await this.isFamilyOfGroup(em, actor, group)) return groupView(group, staff);
    throw this.deniedPersonalData(actor, institutionId, groupNotFound());
  }

  async update(actor: Actor, groupId: string, dto: UpdateGroupDto): Promise<GroupView> {
    if (dto.schoolYear !== undefined && !isSchoolYear(dto.schoolYear)) throw groupError.invalidSchoolYear();
    const name = dto.name?.trim();
    return this.em.fork().transactional(async (em) => {
      const group = await this.managedGroup(em, actor, groupId);
      const changed: Record<string, { from: string; to: string }> = {};
      if (name !== undefined && name !== group.name) changed.name = { from: group.name, to: name };
      if (dto.schoolYear !== undefined && dto.schoolYear !== group.schoolYear) {
        changed.schoolYear = { from: group.schoolYear, to: dto.schoolYear };
      }
      if (Object.keys(changed).length) {
        const nextName = name ?? group.name;
        const nextYear = dto.schoolYear ?? group.schoolYear;
        if (group.active) await this.assertNameFree(em, group.institution.id, nextName, nextYear, group.id);
        group.name = nextName;
        group.schoolYear = nextYear;
        this.audit.record(em, this.calendar.now(), {
          ...auditBy(actor, group.institution.id),
          action: 'group.update',
          objectType: 'group',
          objectId: group.id,
          details: { changed },
        });
      }
      return groupView(group, await this.staffOf(em, [group.id]));
    });
  }

  /**
   * Closes the group: enrolments running past today end today, enrolments that had not started
   * yet are cancelled (listed in the audit entry). Staff assignments stay as history.
   * Deactivating an inactive group changes nothing.
   */
  async deactivate(actor: Actor, groupId: string): Promise<GroupView> {
    return this.em.fork().transactional(async (em) => {
      const group = await this.managedGroup(em, actor, groupId);
      if (group.active) {
        const today = this.calendar.today();
        const ended = await em.nativeUpdate(
          Enrolment,
          { group, fromDate: { $lte: today }, $or: [{ toDate: null }, { toDate: { $gt: today } }] },
          { toDate: today },
        );
        const future = await em.find(Enrolment, { group, fromDate: { $gt: today } });
        const cancelled = future.map((e) => ({ id: e.id, studentId: e.student.id, fromDate: e.fromDate, toDate: e.toDate ?? null }));
        if (future.length) await em.nativeDelete(Enrolment, { id: { $in: future.map((e) => e.id) } });
        group.active = false;
        this.audit.record(em, this.calendar.now(), {
          ...auditBy(actor, group.institution.id),
          action: 'group.deactivate',
          objectType: 'group',
          objectId: group.id,
          details: { endedEnrolments: ended, endedOn: today, cancelledEnrolments: cancelled },
        });
      }
      return groupView(group, await this.staffOf(em, [group.id]));
    });
  }

  /**
   * Students enrolled on `date` (default today) with their active guardians' contacts. Only for
   * those the access policy lets read it; the kitchen: 403; others: 404.
   */
  async roster(actor: Actor, groupId: string, q: RosterQuery = {}): Promise<Roster> {
    const date = q.date !== undefined ? requireLocalDate(q.date, 'date') : this.calendar.today();
    const em = this.em.fork();
    const group = await em.findOne(Group, groupId);
    if (!group) throw groupNotFound();
    if (!(await this.access.groupsWithRoster(actor, [group.id])).has(group.id)) {
      throw this.deniedPersonalData(actor, group.institution.id, groupNotFound());
    }
    const enrolments = await em.find(
      Enrolment,
      { group, ...activeOn(date) },
      { populate: ['student'], orderBy: { student: { familyName: 'asc', givenName: 'asc' }, fromDate: 'asc', id: 'asc' } },
    );
    const studentIds = [...new Set(enrolments.map((e) => e.student.id))];
    const links = studentIds.length
      ? await em.find(
          Guardianship,
          { student: { $in: studentIds }, active: true, guardian: { active: true } },
          { populate: ['guardian'], orderBy: { createdAt: 'asc', id: 'asc' } },
        )
      : [];
    const seen = new Set<string>();
    const students: RosterStudent[] = [];
    for (const e of enrolments) {
      if (seen.has(e.student.id)) continue;
      seen.add(e.student.id);
      students.push({
        id: e.student.id,
        displayName: e.student.displayName,
        givenName: e.student.givenName,
        familyName: e.student.familyName,
        enrolmentId: e.id,
        fromDate: e.fromDate,
        toDate: e.toDate ?? null,
        guardians: links
          .filter((l) => l.student.id === e.student.id)
          .map((l) => ({
            id: l.guardian.id,
            displayName: l.guardian.displayName,
            relation: l.relation,
            phone: l.guardian.phone ?? null,
            email: l.guardian.email ?? null,
          })),
      });
    }
    return { groupId: group.id, date, students };
  }

  /** The person must hold an active staff role (not kitchen) in the group's institution: else 400 NOT_STAFF. */
  async assignStaff(actor: Actor, groupId: string, dto: AssignStaffDto): Promise<StaffAssignmentView> {
    return this.em.fork().transactional(async (em) => {
      const group = await this.managedGroup(em, actor, groupId);
      if (!group.active) throw groupError.inactive();
      const isStaff = await em.count(RoleAssignment, {
        user: { id: dto.userId, active: true },
        institution: group.institution,
        role: { $in: [...ASSIGNABLE_STAFF_ROLES] },
        active: true,
      });
      if (!isStaff) {
        throw directoryError.invalid(DirectoryErrorCode.NOT_STAFF, 'The person holds no staff role in this institution', [
          { field: 'userId', issue: 'not staff here' },
        ]);
      }
      const now = this.calendar.now();
      let assignment = await em.findOne(StaffAssignment, { staff: dto.userId, group, kind: dto.kind }, { populate: ['staff'] });
      const reactivated = !!assignment;
      if (assignment?.active) throw groupError.alreadyAssigned();
      if (assignment) assignment.active = true;
      else {
        const staff = await em.findOneOrFail(User, dto.userId);
        assignment = em.create(StaffAssignment, { staff, group, kind: dto.kind, createdAt: now });
      }
      this.audit.record(em, now, {
        ...auditBy(actor, group.institution.id),
        action: 'staff_assignment.create',
        objectType: 'staff_assignment',
        objectId: assignment.id,
        details: { groupId: group.id, userId: dto.userId, kind: dto.kind, reactivated },
      });
      return assignmentView(assignment);
    });
  }

  /** Ends an assignment (kept as history, active=false); ending an ended one changes nothing. */
  async endStaff(actor: Actor, groupId: string, assignmentId: string): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const group = await this.managedGroup(em, actor, groupId);
      const assignment = await em.findOne(StaffAssignment, { id: assignmentId, group });
      if (!assignment) throw groupError.assignmentNotFound();
      if (!assignment.active) return;
      assignment.active = false;
      this.audit.record(em, this.calendar.now(), {
        ...auditBy(actor, group.institution.id),
        action: 'staff_assignment.end',
        objectType: 'staff_assignment',
        objectId: assignment.id,
        details: { groupId: group.id, userId: assignment.staff.id, kind: assignment.kind },
      });
    });
  }

  /**
   * A group someone manages: outsiders to its institution get 404 GROUP_NOT_FOUND (existence
   * is not revealed), members who are not management 403 NOT_MANAGEMENT.
   */
  private async managedGroup(em: EntityManager, actor: Actor, groupId: string): Promise<Group> {
    const group = await em.findOne(Group, groupId);
    if (!group || !this.access.can(actor, Permission.InstitutionMember, group.institution.id)) throw groupNotFound();
    this.access.require(actor, Permission.InstitutionManage, group.institution.id);
    return group;
  }

  /** A guardian of a child enrolled in the group today, or a student enrolled in it today. */
  private async isFamilyOfGroup(em: EntityManager, actor: Actor, group: Group): Promise<boolean> {
    // A guardian or student whose role there ended is family of nothing in that institution.
    if (!this.access.can(actor, Permission.InstitutionMember, group.institution.id)) return false;
    const today = this.calendar.today();
    const children = await em.find(Guardianship, { guardian: actor.userId, active: true }, { fields: ['student'] });
    const ids = [actor.userId, ...children.map((c) => c.student.id)];
    return (await em.count(Enrolment, { group, student: { $in: ids }, ...activeOn(today) })) > 0;
  }

  /** The kitchen is told plainly that it sees no personal data; everyone else gets `notFound`. */
  private deniedPersonalData(actor: Actor, institutionId: string, notFound: Error): Error {
    return this.access.seesNoPersonalData(actor, [institutionId]) ? groupError.forbidden('The kitchen sees no personal data') : notFound;
  }

  private async assertNameFree(em: EntityManager, institutionId: string, name: string, schoolYear: string, exceptId?: string) {
    const where: FilterQuery<Group> = { institution: institutionId, name, schoolYear, active: true };
    if (exceptId) where.id = { $ne: exceptId };
    if (await em.count(Group, where)) throw groupError.nameTaken();
  }

  /** Active assignments of these groups, staff populated, oldest first. */
  private async staffOf(em: EntityManager, groupIds: string[]): Promise<StaffAssignment[]> {
    if (!groupIds.length) return [];
    return em.find(
      StaffAssignment,
      { group: { $in: groupIds }, active: true },
      { populate: ['staff'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}

export const groupNotFound = () => directoryError.notFound(DirectoryErrorCode.GROUP_NOT_FOUND, 'Group');

function groupView(g: Group, staff: StaffAssignment[]): GroupView {
  return {
    id: g.id,
    institutionId: g.institution.id,
    name: g.name,
    kind: g.kind,
    schoolYear: g.schoolYear,
    active: g.active,
    createdAt: g.createdAt,
    classTeachers: staff
      .filter((s) => s.group.id === g.id && s.kind === 'class_teacher')
      .map((s) => ({ id: s.staff.id, displayName: s.staff.displayName })),
  };
}

function assignmentView(a: StaffAssignment): StaffAssignmentView {
  return { id: a.id, groupId: a.group.id, userId: a.staff.id, displayName: a.staff.displayName, kind: a.kind, active: a.active };
}
