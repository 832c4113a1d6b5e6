import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { AccessPolicy, Permission } from '@app/access';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { Enrolment, GuardianRelation, Guardianship, RoleAssignment, User } from '@app/directory/entities';
import { CalendarService } from '@app/platform/time/calendar.service';
import { groupError } from './group-errors';

export interface StudentView {
  id: string;
  displayName: string;
  givenName: string;
  familyName: string;
  institutionIds: string[];
  groups: { groupId: string; name: string; fromDate: string; toDate: string | null }[];
  guardians: { id: string; displayName: string; relation: GuardianRelation }[];
}

/** One student, for those the access policy lets see them. */
@Injectable()
export class StudentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly directory: DirectoryQueries,
    private readonly calendar: CalendarService,
    private readonly access: AccessPolicy,
  ) {}

  /**
   * The student and their guardians see everything here (other guardians by name
   * and relation only, never contacts). Staff see the student's institutions and enrolments only
   * where they work themselves. The kitchen of the student's institution: 403; anyone else who may
   * not see the student: 404 STUDENT_NOT_FOUND.
   */
  async get(actor: Actor, studentId: string): Promise<StudentView> {
    const today = this.calendar.today();
    if (!(await this.access.studentsVisible(actor, [studentId], today)).has(studentId)) {
      const institutions = await this.directory.studentInstitutionIds(studentId);
      if (this.access.seesNoPersonalData(actor, institutions)) throw groupError.forbidden('The kitchen sees no personal data');
      throw studentNotFound();
    }
    const em = this.em.fork();
    const user = await em.findOne(User, studentId);
    // Someone who never was a student anywhere is not one, even when asking about themselves.
    if (!user || !(await em.count(RoleAssignment, { user: studentId, role: 'student' }))) throw studentNotFound();
    // The student sees all of their record; everyone else (guardians included) only the part in
    // institutions where they hold an active role, so a role that ended there shows nothing of it.
    const visible = (institutionId: string) =>
      actor.userId === studentId || this.access.can(actor, Permission.InstitutionMember, institutionId);

    const [roles, enrolments, links] = await Promise.all([
      em.find(RoleAssignment, { user: studentId, role: 'student', active: true }, { orderBy: { createdAt: 'asc' } }),
      em.find(Enrolment, { student: studentId }, { populate: ['group'], orderBy: { fromDate: 'desc', id: 'asc' } }),
      em.find(
        Guardianship,
        { student: studentId, active: true, guardian: { active: true } },
        { populate: ['guardian'], orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
    ]);
    return {
      id: user.id,
      displayName: user.displayName,
      givenName: user.givenName,
      familyName: user.familyName,
      institutionIds: [...new Set(roles.map((r) => r.institution.id))].filter(visible),
      groups: enrolments
        .filter((e) => visible(e.group.institution.id))
        .map((e) => ({ groupId: e.group.id, name: e.group.name, fromDate: e.fromDate, toDate: e.toDate ?? null })),
      guardians: links.map((l) => ({ id: l.guardian.id, displayName: l.guardian.displayName, relation: l.relation })),
    };
  }
}

const studentNotFound = () => directoryError.notFound(DirectoryErrorCode.STUDENT_NOT_FOUND, 'Student');
