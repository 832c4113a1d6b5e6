import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { hasRole } from '@app/auth/actor';
import { Enrolment } from './entities/enrolment.entity';
import { Guardianship } from './entities/guardianship.entity';
import { MANAGEMENT_ROLES, Role, RoleAssignment } from './entities/role-assignment.entity';
import { StaffAssignment } from './entities/staff-assignment.entity';

export interface ChildSummary {
  id: string;
  displayName: string;
  institutionId: string;
  groupId: string | null;
  relation: string;
}

/** Roles that see every student of their institution (attendance, registration). */
const INSTITUTION_WIDE_STUDENT_ROLES: readonly Role[] = [...MANAGEMENT_ROLES, 'nurse'];

/**
 * Read-only questions about who is where and who guards whom. Other apps (the post, meals)
 * read the directory only through here.
 */
@Injectable()
export class DirectoryQueries {
  constructor(private readonly em: EntityManager) {}

  /** Enrolments in force on `date` (Riga-local). */
  private activeOn(date: string) {
    return { fromDate: { $lte: date }, $or: [{ toDate: null }, { toDate: { $gte: date } }] };
  }

  async childrenOf(guardianId: string, today: string): Promise<ChildSummary[]> {
    const em = this.em.fork();
    const links = await em.find(
      Guardianship,
      { guardian: guardianId, active: true, student: { active: true } },
      { populate: ['student'], orderBy: { student: { givenName: 'asc' } } },
    );
    if (!links.length) return [];
    const studentIds = links.map((l) => l.student.id);
    const [enrolments, roles] = await Promise.all([
      em.find(Enrolment, { student: { $in: studentIds }, ...this.activeOn(today) }, { populate: ['group'] }),
      em.find(RoleAssignment, { user: { $in: studentIds }, role: 'student', active: true }),
    ]);
    return links.map((l) => {
      const e = enrolments.find((x) => x.student.id === l.student.id);
      const institutionId = e?.group.institution.id ?? roles.find((r) => r.user.id === l.student.id)?.institution.id ?? '';
      return {
        id: l.student.id,
        displayName: l.student.displayName,
        institutionId,
        groupId: e?.group.id ?? null,
        relation: l.relation,
      };
    });
  }

  async groupIdsTaughtBy(staffId: string): Promise<string[]> {
    const rows = await this.em.fork().find(StaffAssignment, { staff: staffId, active: true, group: { active: true } });
    return [...new Set(rows.map((r) => r.group.id))];
  }

  async currentGroupIdsOf(studentId: string, today: string): Promise<string[]> {
    const rows = await this.em.fork().find(Enrolment, { student: studentId, ...this.activeOn(today) });
    return rows.map((r) => r.group.id);
  }

  async isGuardianOf(guardianId: string, studentId: string): Promise<boolean> {
    return (await this.em.fork().count(Guardianship, { guardian: guardianId, student: studentId, active: true })) > 0;
  }

  /** Institutions where the person holds an active student role. */
  async studentInstitutionIds(studentId: string): Promise<string[]> {
    const rows = await this.em.fork().find(RoleAssignment, { user: studentId, role: 'student', active: true });
    return rows.map((r) => r.institution.id);
  }

  /**
   * Who may see a student: the student, their guardians, management and the nurse of the
   * student's institution, and staff who teach or care for the student's current group.
   * The kitchen never does. Everyone else gets "not found", not "forbidden": existence is private.
   */
  async canViewStudent(actor: Actor, studentId: string, today: string): Promise<boolean> {
    if (actor.userId === studentId) return true;
    const institutions = await this.studentInstitutionIds(studentId);
    if (institutions.some((i) => hasRole(actor, i, INSTITUTION_WIDE_STUDENT_ROLES))) return true;
    if (await this.isGuardianOf(actor.userId, studentId)) return true;
    if (!institutions.some((i) => hasRole(actor, i, ['teacher', 'speech_therapist']))) return false;
    const [taught, current] = await Promise.all([this.groupIdsTaughtBy(actor.userId), this.currentGroupIdsOf(studentId, today)]);
    return current.some((g) => taught.includes(g));
  }

  /** May the actor read this group's roster (students and their guardians' contacts)? */
  async canViewGroupRoster(actor: Actor, group: { id: string; institutionId: string }): Promise<boolean> {
    if (hasRole(actor, group.institutionId, INSTITUTION_WIDE_STUDENT_ROLES)) return true;
    if (!hasRole(actor, group.institutionId, ['teacher', 'speech_therapist'])) return false;
    return (await this.groupIdsTaughtBy(actor.userId)).includes(group.id);
  }
}
