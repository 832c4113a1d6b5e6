import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import type { Role } from '@app/directory/entities/role-assignment.entity';
import { ACCESS_RULES, Permission } from './access.table';
import { AccessRepository } from './access.repository';
import { INSTITUTION_WIDE_ROLES, MANAGEMENT_ROLES, TEACHING_ROLES } from './roles';

/** What the policy needs to know about a message (the caller loaded it already). */
export interface MessageFacts {
  senderId: string;
  institutionId: string;
  /** The caller holds a delivered copy. */
  delivered: boolean;
}

/** What the policy needs to know about a lesson (the caller loaded it already). */
export interface LessonFacts {
  institutionId: string;
  groupId: string;
  teacherId: string;
}

/**
 * The one place that answers "may this person do this to that", for HTTP, sockets and jobs alike.
 * A function per question; `ACCESS_RULES` lists them with who passes and what a refusal says.
 *
 * The caller's roles come from `Actor`, which the guard builds per request from live rows: only
 * active roles in active institutions. A role an institution ended therefore grants nothing there,
 * and nothing granted by one institution reaches another's objects.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly repo: AccessRepository) {}

  /** Institution-scoped questions, decided from the caller's roles alone. */
  can(actor: Actor, permission: Permission, institutionId: string): boolean {
    const rule = ACCESS_RULES[permission];
    if (rule.scope !== 'institution') throw new Error(`${permission} needs an object; use its own check`);
    return actor.roles.some((r) => r.institutionId === institutionId && (!rule.roles || rule.roles.includes(r.role)));
  }

  require(actor: Actor, permission: Permission, institutionId: string): void {
    if (!this.can(actor, permission, institutionId)) throw ACCESS_RULES[permission].refusal();
  }

  /** Institutions where the caller passes an institution-scoped rule. */
  institutionsWhere(actor: Actor, permission: Permission): string[] {
    return [...new Set(actor.roles.filter((r) => this.can(actor, permission, r.institutionId)).map((r) => r.institutionId))];
  }

  /** The caller's roles in one institution (for rules that weigh several, like the messaging policy). */
  rolesIn(actor: Actor, institutionId: string): Set<Role> {
    return new Set(actor.roles.filter((r) => r.institutionId === institutionId).map((r) => r.role));
  }

  /**
   * The kitchen works with counts only: told plainly (403) that it sees no personal data, where
   * anyone else refused a person's record gets 404.
   */
  seesNoPersonalData(actor: Actor, institutionIds: readonly string[]): boolean {
    return actor.roles.some((r) => r.role === 'kitchen' && institutionIds.includes(r.institutionId));
  }

  refusal(permission: Permission) {
    return ACCESS_RULES[permission].refusal();
  }

  // Object questions: bulk (a set of the ids that pass, one statement), and a `require…` for one id.

  /** Which of these students the caller may see on `today` (Riga-local date). */
  async studentsVisible(actor: Actor, studentIds: readonly string[], today: string): Promise<Set<string>> {
    const visible = new Set(studentIds.filter((id) => id === actor.userId));
    const others = studentIds.filter((id) => id !== actor.userId);
    const found = await this.repo.studentsVisible(actor.userId, others, today, {
      wide: this.where(actor, INSTITUTION_WIDE_ROLES),
      guarding: this.where(actor, ['guardian']),
      teaching: this.where(actor, TEACHING_ROLES),
    });
    for (const id of found) visible.add(id);
    return visible;
  }

  /** Which of these children the caller guards (an active link and an active guardian role where the child is a student). */
  studentsGuarded(actor: Actor, studentIds: readonly string[]): Promise<Set<string>> {
    return this.repo.studentsVisible(actor.userId, studentIds, '', { wide: [], guarding: this.where(actor, ['guardian']), teaching: [] });
  }

  /** Which of these children the caller may record absences for and correct: management and the nurse, the class teacher. */
  async studentsCorrectable(actor: Actor, studentIds: readonly string[], today: string): Promise<Set<string>> {
    const [wide, classes] = await Promise.all([
      this.repo.studentsVisible(actor.userId, studentIds, today, { wide: this.where(actor, INSTITUTION_WIDE_ROLES), guarding: [], teaching: [] }),
      this.repo.studentsOfClassTeacher(actor.userId, studentIds, today, this.where(actor, TEACHING_ROLES)),
    ]);
    return new Set([...wide, ...classes]);
  }

  async requireStudent(actor: Actor, studentId: string, today: string): Promise<void> {
    if (!(await this.studentsVisible(actor, [studentId], today)).has(studentId)) throw this.refusal(Permission.StudentRead);
  }

  /** Which of these children's marks the caller may read on `today`: the student, their guardians, their group's teachers, management (not the nurse). */
  async studentsWithMarks(actor: Actor, studentIds: readonly string[], today: string): Promise<Set<string>> {
    const found = await this.repo.studentsVisible(
      actor.userId,
      studentIds.filter((id) => id !== actor.userId),
      today,
      { wide: this.where(actor, MANAGEMENT_ROLES), guarding: this.where(actor, ['guardian']), teaching: this.where(actor, TEACHING_ROLES) },
    );
    return new Set([...studentIds.filter((id) => id === actor.userId), ...found]);
  }

  /** Which of these students the caller may mark on `date`: teachers of their group that day, management. */
  studentsMarkable(actor: Actor, studentIds: readonly string[], date: string): Promise<Set<string>> {
    return this.repo.studentsVisible(actor.userId, studentIds, date, { wide: this.where(actor, MANAGEMENT_ROLES), guarding: [], teaching: this.where(actor, TEACHING_ROLES) });
  }

  /** Which of these groups the caller records lessons in: teachers assigned to it, management. */
  groupsTaught(actor: Actor, groupIds: readonly string[]): Promise<Set<string>> {
    return this.repo.groupsWithRoster(actor.userId, groupIds, { wide: this.where(actor, MANAGEMENT_ROLES), teaching: this.where(actor, TEACHING_ROLES) });
  }

  /** Who taught the lesson (a substitute too) while still a teacher there, its group's teachers, management. */
  async mayEditLesson(actor: Actor, lesson: LessonFacts): Promise<boolean> {
    if (lesson.teacherId === actor.userId && this.can(actor, Permission.LessonSubstitute, lesson.institutionId)) return true;
    return (await this.groupsTaught(actor, [lesson.groupId])).has(lesson.groupId);
  }

  /** Which of these people teach the group (an active assignment as a teacher there): whom a substitute may stand in for. */
  teachersOfGroup(groupId: string, userIds: readonly string[]): Promise<Set<string>> {
    return this.repo.teachersOfGroup(groupId, userIds);
  }

  /** Which of these students are enrolled in the group on `date` (a substitute marks the lesson's group only). */
  studentsInGroup(groupId: string, studentIds: readonly string[], date: string): Promise<Set<string>> {
    return this.repo.studentsInGroup(groupId, studentIds, date);
  }

  /** Which of these groups' rosters the caller may read. */
  groupsWithRoster(actor: Actor, groupIds: readonly string[]): Promise<Set<string>> {
    return this.repo.groupsWithRoster(actor.userId, groupIds, {
      wide: this.where(actor, INSTITUTION_WIDE_ROLES),
      teaching: this.where(actor, TEACHING_ROLES),
    });
  }

  /**
   * Management of `institutionId` acting on a person there (holding or having held a role): 403 for
   * anyone but management, 404 for a person the institution never had.
   */
  async requirePerson(actor: Actor, institutionId: string, personId: string): Promise<void> {
    this.require(actor, Permission.InstitutionManage, institutionId);
    if (!(await this.repo.peopleOf(institutionId, [personId])).has(personId)) throw this.refusal(Permission.PersonManage);
  }

  /**
   * Whether the person also holds an active role in another institution. What belongs to the person
   * rather than to one institution (contacts, password, sign-in) then changes only through rules no
   * single institution can abuse.
   */
  async isShared(institutionId: string, personId: string): Promise<boolean> {
    return (await this.sharedWithOthers(institutionId, [personId])).has(personId);
  }

  sharedWithOthers(institutionId: string, personIds: readonly string[]): Promise<Set<string>> {
    return this.repo.sharedWithOthers(institutionId, personIds);
  }

  mayReadMessage(actor: Actor, m: MessageFacts): boolean {
    const party = m.senderId === actor.userId || m.delivered;
    return party && actor.roles.some((r) => r.institutionId === m.institutionId);
  }

  requireMessage(actor: Actor, m: MessageFacts): void {
    if (!this.mayReadMessage(actor, m)) throw this.refusal(Permission.MessageRead);
  }

  mayReadReceipts(actor: Actor, m: Omit<MessageFacts, 'delivered'>): boolean {
    return m.senderId === actor.userId
      ? actor.roles.some((r) => r.institutionId === m.institutionId)
      : this.can(actor, Permission.InstitutionManage, m.institutionId);
  }

  private where(actor: Actor, roles: readonly Role[]): string[] {
    return [...new Set(actor.roles.filter((r) => roles.includes(r.role)).map((r) => r.institutionId))];
  }
}
