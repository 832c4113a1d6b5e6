import { EntityManager, type EntityName } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { plainRows } from '@app/persistence/plain-rows';
import { Enrolment } from './entities/enrolment.entity';
import { Group } from './entities/group.entity';
import { Guardianship } from './entities/guardianship.entity';
import { Institution, institutionSettings, type InstitutionSettings } from './entities/institution.entity';
import { STAFF_ROLES } from '@app/access/roles';
import { RoleAssignment } from './entities/role-assignment.entity';
import { displayNameOf, User } from './entities/user.entity';

export interface ChildSummary {
  id: string;
  displayName: string;
  institutionId: string;
  groupId: string | null;
  relation: string;
}

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

  /**
   * The guardian's children as seen from `institutionIds`, the institutions where the guardian holds
   * an active guardian role: a child who is a student in none of them is not listed.
   */
  async childrenOf(guardianId: string, institutionIds: readonly string[], today: string): Promise<ChildSummary[]> {
    if (!institutionIds.length) return [];
    const em = this.em.fork();
    const links = await em.find(
      Guardianship,
      { guardian: guardianId, active: true, student: { active: true } },
      { populate: ['student'], orderBy: { student: { givenName: 'asc' } } },
    );
    if (!links.length) return [];
    const studentIds = links.map((l) => l.student.id);
    const [enrolments, roles] = await Promise.all([
      em.find(
        Enrolment,
        { student: { $in: studentIds }, group: { institution: { $in: [...institutionIds] } }, ...this.activeOn(today) },
        { populate: ['group'] },
      ),
      em.find(RoleAssignment, { user: { $in: studentIds }, role: 'student', active: true, institution: { $in: [...institutionIds] } }),
    ]);
    return links.flatMap((l) => {
      const role = roles.find((r) => r.user.id === l.student.id);
      if (!role) return [];
      const e = enrolments.find((x) => x.student.id === l.student.id);
      return [{
        id: l.student.id,
        displayName: l.student.displayName,
        institutionId: e?.group.institution.id ?? role.institution.id,
        groupId: e?.group.id ?? null,
        relation: l.relation,
      }];
    });
  }

  /** Institutions where the person holds an active student role. */
  async studentInstitutionIds(studentId: string): Promise<string[]> {
    const rows = await this.em.fork().find(RoleAssignment, { user: studentId, role: 'student', active: true });
    return rows.map((r) => r.institution.id);
  }

  // Bulk reads for the post's audience expansion: ids only, active people and links only, one plain
  // SQL statement each (portable between PostgreSQL and SQLite). They run on every message, so they
  // skip the query builder and entities: a school-wide message reads thousands of rows.

  private rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return plainRows<T>(this.em, sql, params);
  }

  /**
   * Active groups of the institution, each marked when `staffId` is actively assigned to it: the
   * groups a sender may name and the ones they teach, in one statement.
   */
  async activeGroups(institutionId: string, staffId: string): Promise<{ id: string; assigned: boolean }[]> {
    const rows = await this.rows<{ id: string; assigned: boolean | number }>(
      `select g.id, exists (
           select 1 from staff_assignment a join app_user u on u.id = a.staff_id and u.active = true
            where a.group_id = g.id and a.staff_id = ? and a.active = true) as assigned
         from school_group g
        where g.institution_id = ? and g.active = true`,
      [staffId, institutionId],
    );
    // SQLite answers booleans as 0/1.
    return rows.map((g) => ({ id: g.id, assigned: Boolean(g.assigned) }));
  }

  /** Active students enrolled on `today` in these groups (optionally only the given students). */
  async enrolments(groupIds: readonly string[], today: string, studentIds?: readonly string[]): Promise<{ studentId: string; groupId: string }[]> {
    if (!groupIds.length || studentIds?.length === 0) return [];
    const rows = await this.rows<{ student_id: string; group_id: string }>(
      `select e.student_id, e.group_id
         from enrolment e join app_user s on s.id = e.student_id and s.active = true
        where e.group_id in (${list(groupIds)}) and ${ENROLLED_ON}${studentIds ? ` and e.student_id in (${list(studentIds)})` : ''}`,
      [...groupIds, today, today, ...(studentIds ?? [])],
    );
    return rows.map((e) => ({ studentId: e.student_id, groupId: e.group_id }));
  }

  /** Active links of these guardians (while their accounts are active) to their children. */
  async guardianLinks(guardianIds: readonly string[]): Promise<{ guardianId: string; studentId: string }[]> {
    if (!guardianIds.length) return [];
    return this.links(`l.guardian_id in (${list(guardianIds)})`, guardianIds);
  }

  /** Guardian links of the active students enrolled on `today` in these groups, in one statement (no id list travels). */
  async guardiansOfGroups(groupIds: readonly string[], today: string): Promise<{ guardianId: string; studentId: string }[]> {
    if (!groupIds.length) return [];
    return this.links(
      `l.student_id in (select e.student_id from enrolment e join app_user s on s.id = e.student_id and s.active = true
                         where e.group_id in (${list(groupIds)}) and ${ENROLLED_ON})`,
      [...groupIds, today, today],
    );
  }

  /**
   * A link counts only while the guardian holds an active guardian role in an institution where the
   * child is an active student: a guardian whose role there ended gets no messages about the child.
   * Nested rather than one join of the two roles on the institution: PostgreSQL planned that join as
   * every guardian role × every student role of the institution (1.2 s for a 1,000-family school).
   */
  private async links(where: string, params: readonly unknown[]): Promise<{ guardianId: string; studentId: string }[]> {
    const rows = await this.rows<{ guardian_id: string; student_id: string }>(
      `select l.guardian_id, l.student_id
         from guardianship l join app_user g on g.id = l.guardian_id and g.active = true
        where l.active = true and ${where}
          and exists (select 1 from role_assignment rg
                       where rg.user_id = l.guardian_id and rg.role = 'guardian' and rg.active = true
                         and exists (select 1 from role_assignment rs
                                      where rs.user_id = l.student_id and rs.institution_id = rg.institution_id
                                        and rs.role = 'student' and rs.active = true))`,
      [...params],
    );
    return rows.map((l) => ({ guardianId: l.guardian_id, studentId: l.student_id }));
  }

  /** Active staff assigned to these groups (optionally only the given people). */
  async staffAssignments(groupIds: readonly string[], staffIds?: readonly string[]): Promise<{ staffId: string; groupId: string }[]> {
    if (!groupIds.length || staffIds?.length === 0) return [];
    const rows = await this.rows<{ staff_id: string; group_id: string }>(
      `select a.staff_id, a.group_id
         from staff_assignment a join app_user u on u.id = a.staff_id and u.active = true
        where a.active = true and a.group_id in (${list(groupIds)})${staffIds ? ` and a.staff_id in (${list(staffIds)})` : ''}`,
      [...groupIds, ...(staffIds ?? [])],
    );
    return rows.map((a) => ({ staffId: a.staff_id, groupId: a.group_id }));
  }

  /** Active people holding a staff role in the institution (optionally only among `userIds`). */
  async staffIds(institutionId: string, userIds?: readonly string[]): Promise<string[]> {
    if (userIds?.length === 0) return [];
    const rows = await this.rows<{ user_id: string }>(
      `select distinct r.user_id
         from role_assignment r join app_user u on u.id = r.user_id and u.active = true
        where r.institution_id = ? and r.active = true and r.role in (${list(STAFF_ROLES)})${userIds ? ` and r.user_id in (${list(userIds)})` : ''}`,
      [institutionId, ...STAFF_ROLES, ...(userIds ?? [])],
    );
    return rows.map((r) => r.user_id);
  }

  /** Display names of active or inactive people, for receipts and message views. */
  async displayNames(userIds: readonly string[]): Promise<Map<string, string>> {
    if (!userIds.length) return new Map();
    const ids = [...new Set(userIds)];
    const rows = await this.rows<{ id: string; given_name: string; family_name: string }>(
      `select id, given_name, family_name from app_user where id in (${list(ids)})`,
      ids,
    );
    return new Map(rows.map((u) => [u.id, displayNameOf({ givenName: u.given_name, familyName: u.family_name })]));
  }

  /** Which of these people have an active account and an active role in the institution. */
  async memberIds(institutionId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const ids = [...new Set(userIds)];
    const rows = await this.rows<{ user_id: string }>(
      `select distinct r.user_id from role_assignment r join app_user u on u.id = r.user_id and u.active = true
        where r.institution_id = ? and r.active = true and r.user_id in (${list(ids)})`,
      [institutionId, ...ids],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** The institution's own rules with defaults filled in; undefined for an unknown or inactive institution. */
  async institutionSettings(institutionId: string): Promise<InstitutionSettings | undefined> {
    const institution = await this.em.fork().findOne(Institution, { id: institutionId, active: true }, { fields: ['settings'] });
    return institution ? institutionSettings(institution.settings) : undefined;
  }

  /** Which of these people have an active account. */
  async activeUserIds(userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const ids = [...new Set(userIds)];
    const rows = await this.rows<{ id: string }>(`select id from app_user where active = true and id in (${list(ids)})`, ids);
    return new Set(rows.map((u) => u.id));
  }
}

/** Enrolment `e` in force on the date given twice as parameters (Riga-local `YYYY-MM-DD`, compared as text). */
const ENROLLED_ON = 'e.from_date <= ? and (e.to_date is null or e.to_date >= ?)';

/** One placeholder per value, for `in (...)`. */
const list = (values: readonly unknown[]) => values.map(() => '?').join(', ');
