import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';

/**
 * The database half of the access policy: one plain statement per check, whatever the number of ids
 * (Immich's access repository does the same). Plain SQL keeps it portable between PostgreSQL and
 * SQLite and cheap on hot paths. Institutions come in already narrowed to the caller's roles, so
 * each statement only asks about links (guardianship, assignment, enrolment).
 */
@Injectable()
export class AccessRepository {
  constructor(private readonly em: EntityManager) {}

  private async ids(sql: string, params: unknown[]): Promise<Set<string>> {
    const rows = (await this.em.getConnection().execute(sql, params, 'all')) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Of `studentIds`: those who are active students of an institution in `wide`; those the caller
   * guards with an active link while being a guardian in an institution (`guarding`) where the child
   * is a student; those enrolled on `today` in an active group of `teaching` the caller is assigned to.
   */
  studentsVisible(
    callerId: string,
    studentIds: readonly string[],
    today: string,
    by: { wide: readonly string[]; guarding: readonly string[]; teaching: readonly string[] },
  ): Promise<Set<string>> {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (by.wide.length) {
      parts.push(`select r.user_id as id from role_assignment r
                   where r.role = 'student' and r.active = true and r.user_id in (${list(studentIds)}) and r.institution_id in (${list(by.wide)})`);
      params.push(...studentIds, ...by.wide);
    }
    if (by.guarding.length) {
      parts.push(`select l.student_id as id from guardianship l
                    join role_assignment r on r.user_id = l.student_id and r.role = 'student' and r.active = true
                   where l.guardian_id = ? and l.active = true and l.student_id in (${list(studentIds)}) and r.institution_id in (${list(by.guarding)})`);
      params.push(callerId, ...studentIds, ...by.guarding);
    }
    if (by.teaching.length) {
      parts.push(`select e.student_id as id from enrolment e
                    join school_group g on g.id = e.group_id and g.active = true
                    join staff_assignment a on a.group_id = e.group_id and a.staff_id = ? and a.active = true
                   where e.student_id in (${list(studentIds)}) and g.institution_id in (${list(by.teaching)})
                     and e.from_date <= ? and (e.to_date is null or e.to_date >= ?)`);
      params.push(callerId, ...studentIds, ...by.teaching, today, today);
    }
    if (!parts.length || !studentIds.length) return Promise.resolve(new Set());
    return this.ids(parts.join(' union '), params);
  }

  /** Of `studentIds`: those enrolled on `today` in an active group of `institutions` whose class teacher the caller is. */
  studentsOfClassTeacher(callerId: string, studentIds: readonly string[], today: string, institutions: readonly string[]): Promise<Set<string>> {
    if (!studentIds.length || !institutions.length) return Promise.resolve(new Set());
    return this.ids(
      `select e.student_id as id from enrolment e
         join school_group g on g.id = e.group_id and g.active = true
         join staff_assignment a on a.group_id = e.group_id and a.staff_id = ? and a.active = true and a.kind = 'class_teacher'
        where e.student_id in (${list(studentIds)}) and g.institution_id in (${list(institutions)})
          and e.from_date <= ? and (e.to_date is null or e.to_date >= ?)`,
      [callerId, ...studentIds, ...institutions, today, today],
    );
  }

  /** Of `groupIds`: groups of `wide`, and groups of `teaching` the caller is actively assigned to. */
  groupsWithRoster(callerId: string, groupIds: readonly string[], by: { wide: readonly string[]; teaching: readonly string[] }): Promise<Set<string>> {
    if (!groupIds.length || (!by.wide.length && !by.teaching.length)) return Promise.resolve(new Set());
    return this.ids(
      `select g.id from school_group g
        where g.id in (${list(groupIds)})
          and (g.institution_id in (${list(by.wide)})
               or (g.institution_id in (${list(by.teaching)})
                   and exists (select 1 from staff_assignment a where a.group_id = g.id and a.staff_id = ? and a.active = true)))`,
      [...groupIds, ...orNone(by.wide), ...orNone(by.teaching), callerId],
    );
  }

  /** Of `userIds`: teachers and speech therapists actively assigned to the group (not assistants). */
  teachersOfGroup(groupId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return Promise.resolve(new Set());
    return this.ids(
      `select distinct a.staff_id as id from staff_assignment a
        where a.group_id = ? and a.active = true and a.kind in ('class_teacher', 'teacher', 'speech_therapist') and a.staff_id in (${list(userIds)})`,
      [groupId, ...userIds],
    );
  }

  /** Of `studentIds`: those enrolled in the (active) group on `date`. */
  studentsInGroup(groupId: string, studentIds: readonly string[], date: string): Promise<Set<string>> {
    if (!studentIds.length) return Promise.resolve(new Set());
    return this.ids(
      `select e.student_id as id from enrolment e join school_group g on g.id = e.group_id and g.active = true
        where e.group_id = ? and e.student_id in (${list(studentIds)}) and e.from_date <= ? and (e.to_date is null or e.to_date >= ?)`,
      [groupId, ...studentIds, date, date],
    );
  }

  /** Of `personIds`: people holding or having held any role in the institution. */
  peopleOf(institutionId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (!personIds.length) return Promise.resolve(new Set());
    return this.ids(
      `select distinct r.user_id as id from role_assignment r where r.institution_id = ? and r.user_id in (${list(personIds)})`,
      [institutionId, ...personIds],
    );
  }

  /** Of `personIds`: people with an active role in an active institution other than `institutionId`. */
  sharedWithOthers(institutionId: string, personIds: readonly string[]): Promise<Set<string>> {
    if (!personIds.length) return Promise.resolve(new Set());
    return this.ids(
      `select distinct r.user_id as id from role_assignment r join institution i on i.id = r.institution_id and i.active = true
        where r.active = true and r.institution_id <> ? and r.user_id in (${list(personIds)})`,
      [institutionId, ...personIds],
    );
  }
}

/** One placeholder per value, for `in (...)`; an empty list becomes `in (null)`, which matches nothing. */
const list = (values: readonly unknown[]) => (values.length ? values.map(() => '?').join(', ') : '?');
const orNone = (values: readonly string[]) => (values.length ? values : [null]);
