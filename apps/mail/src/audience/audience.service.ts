import { Injectable } from '@nestjs/common';
import type { Actor } from '@app/auth/actor';
import { AccessPolicy, Permission } from '@app/access';
import { DirectoryQueries } from '@app/directory/directory.queries';
import type { Role } from '@app/directory/entities/role-assignment.entity';
import type { ErrorDetail } from '@app/platform/errors';
import { Clock } from '@app/platform/time/clock';
import { rigaDate } from '@app/platform/time/riga-time';
import type { MessageAudience } from '@app/post';
import { messageError } from '../messages/message-errors';
import {
  Audience,
  isManagement,
  mayAddressGroup,
  mayAddressInstitution,
  mayAddressUser,
  SenderScope,
  TargetFacts,
  visibleChildGroups,
} from '@app/access/messaging-policy';

/** userId → the children that person's copy is about. */
export type Recipients = Map<string, Set<string>>;

const groupBy = <T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string) => {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const k = key(r);
    let set = out.get(k);
    if (!set) out.set(k, (set = new Set()));
    set.add(value(r));
  }
  return out;
};
const EMPTY: ReadonlySet<string> = new Set();

/** One person the caller may write to one by one, with what makes them addressable. */
export interface Addressable {
  id: string;
  displayName: string;
  /** How the person belongs to the institution, as far as the caller's view goes. */
  kinds: ('staff' | 'guardian' | 'student')[];
  /** Groups the person is in (as a student), assigned to (as staff) or has children in, that the caller may see. */
  groupIds: string[];
  /** For a guardian: the children a message to them would name (as a send would). */
  children: { id: string; displayName: string }[];
}

/**
 * Checks an addressed audience against the messaging policy and expands it, at send time, into one
 * entry per person (a guardian of two children in the audience appears once, naming both).
 */
@Injectable()
export class AudienceService {
  constructor(
    private readonly directory: DirectoryQueries,
    private readonly policy: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  private async senderScope(actor: Actor, roles: Set<Role>, today: string, groups: string[], taughtGroupIds: Set<string>): Promise<SenderScope> {
    const [childLinks, own] = await Promise.all([
      roles.has('guardian') ? this.directory.guardianLinks([actor.userId]) : [],
      roles.has('student') ? this.directory.enrolments(groups, today, [actor.userId]) : [],
    ]);
    const children = childLinks.map((l) => l.studentId);
    const childEnrolments = children.length ? await this.directory.enrolments(groups, today, children) : [];
    return {
      roles,
      taughtGroupIds,
      childGroupIds: new Set(childEnrolments.map((e) => e.groupId)),
      ownGroupIds: new Set(own.map((e) => e.groupId)),
    };
  }

  /** Throws RECIPIENT_NOT_ALLOWED (listing every refused part) or GROUP_NOT_FOUND; never partially sends. */
  async expand(actor: Actor, institutionId: string, to: MessageAudience, today: string): Promise<Recipients> {
    if (!this.policy.can(actor, Permission.InstitutionMember, institutionId)) throw messageError.notInInstitution();
    const roles = this.policy.rolesIn(actor, institutionId);
    const groups = await this.directory.activeGroups(institutionId, actor.userId);
    const allGroups = groups.map((g) => g.id);
    const taught = new Set(groups.filter((g) => g.assigned).map((g) => g.id));
    const scope = await this.senderScope(actor, roles, today, allGroups, taught);
    const known = new Set(allGroups);
    const refused: ErrorDetail[] = [];

    for (const g of to.groups ?? []) {
      if (!known.has(g.groupId)) throw messageError.groupNotFound(g.groupId);
      if (!mayAddressGroup(scope, g.groupId, g.audience)) refused.push({ groupId: g.groupId, audience: g.audience });
    }
    if (to.institution && !mayAddressInstitution(scope, to.institution.audience)) {
      refused.push({ institution: institutionId, audience: to.institution.audience });
    }
    const userIds = [...new Set(to.users ?? [])];
    const facts = await this.targetFacts(institutionId, allGroups, userIds, today);
    for (const id of userIds) {
      const f = facts.get(id);
      if (!f || !mayAddressUser(scope, f)) refused.push({ userId: id });
    }
    if (refused.length) throw messageError.recipientNotAllowed(refused);

    const recipients: Recipients = new Map();
    const add = (userId: string, students: Iterable<string> = []) => {
      let set = recipients.get(userId);
      if (!set) recipients.set(userId, (set = new Set()));
      for (const s of students) set.add(s);
    };

    const byAudience = new Map<Audience, string[]>();
    for (const g of to.groups ?? []) byAudience.set(g.audience, [...(byAudience.get(g.audience) ?? []), g.groupId]);
    if (to.institution) byAudience.set(to.institution.audience, allGroups);
    const instStaff = to.institution?.audience === 'staff';

    const [guardianLinks, studentRows, staffRows, staffOfInst] = await Promise.all([
      this.directory.guardiansOfGroups(byAudience.get('guardians') ?? [], today),
      this.directory.enrolments(byAudience.get('students') ?? [], today),
      instStaff ? [] : this.directory.staffAssignments(byAudience.get('staff') ?? []),
      instStaff ? this.directory.staffIds(institutionId) : [],
    ]);
    for (const l of guardianLinks) add(l.guardianId, [l.studentId]);
    for (const e of studentRows) add(e.studentId);
    for (const a of staffRows) add(a.staffId);
    for (const id of staffOfInst) add(id);

    for (const id of userIds) {
      const f = facts.get(id)!;
      const groups = visibleChildGroups(scope, f.childGroupIds);
      add(id, [...groups].flatMap((g) => [...(f.childrenByGroup.get(g) ?? [])]));
    }
    recipients.delete(actor.userId);
    return recipients;
  }

  /**
   * Everyone in the institution the caller may address one by one (`to.users`), so a client offers
   * only names a send would accept: candidates are gathered from the caller's reach and each is
   * then checked with the same policy call `expand` makes.
   */
  async addressable(actor: Actor, institutionId: string): Promise<Addressable[]> {
    if (!this.policy.can(actor, Permission.InstitutionMember, institutionId)) throw messageError.notInInstitution();
    const today = rigaDate(this.clock.now());
    const roles = this.policy.rolesIn(actor, institutionId);
    const groups = await this.directory.activeGroups(institutionId, actor.userId);
    const allGroups = groups.map((g) => g.id);
    const taught = new Set(groups.filter((g) => g.assigned).map((g) => g.id));
    const scope = await this.senderScope(actor, roles, today, allGroups, taught);

    const management = isManagement(scope);
    const staffing = [...roles].some((r) => r !== 'guardian' && r !== 'student');
    const familyGroups = management ? allGroups : [...taught];
    const teachersOf = [...new Set([...scope.childGroupIds, ...scope.ownGroupIds])];
    const [staff, guardians, students, teachers] = await Promise.all([
      staffing ? this.directory.staffIds(institutionId) : [],
      this.directory.guardiansOfGroups(familyGroups, today),
      this.directory.enrolments(familyGroups, today),
      this.directory.staffAssignments(teachersOf),
    ]);
    const candidates = new Set([...staff, ...guardians.map((l) => l.guardianId), ...students.map((e) => e.studentId), ...teachers.map((a) => a.staffId)]);
    candidates.delete(actor.userId);

    const facts = await this.targetFacts(institutionId, allGroups, [...candidates], today);
    const allowed = [...facts].filter(([, f]) => mayAddressUser(scope, f));
    const visible = (f: TargetFacts & { childrenByGroup: Map<string, Set<string>> }) => {
      const childGroups = visibleChildGroups(scope, f.childGroupIds);
      return { childGroups, children: [...new Set([...childGroups].flatMap((g) => [...(f.childrenByGroup.get(g) ?? [])]))] };
    };
    const childIds = allowed.flatMap(([, f]) => visible(f).children);
    const names = await this.directory.displayNames([...new Set([...allowed.map(([id]) => id), ...childIds])]);
    const collator = new Intl.Collator('lv');
    return allowed
      .map(([id, f]): Addressable => {
        const { childGroups, children } = visible(f);
        const kinds: Addressable['kinds'] = [];
        if (f.isStaff) kinds.push('staff');
        if (children.length) kinds.push('guardian');
        if (f.studentGroupIds.size) kinds.push('student');
        return {
          id,
          displayName: names.get(id) ?? '',
          kinds,
          groupIds: [...new Set([...f.studentGroupIds, ...f.assignedGroupIds, ...childGroups])].sort(),
          children: children.map((c) => ({ id: c, displayName: names.get(c) ?? '' })).sort((a, b) => collator.compare(a.displayName, b.displayName)),
        };
      })
      .sort((a, b) => collator.compare(a.displayName, b.displayName) || a.id.localeCompare(b.id));
  }

  /** The directory facts the policy needs about each addressed person, in a handful of queries. */
  private async targetFacts(
    institutionId: string,
    groups: string[],
    userIds: string[],
    today: string,
  ): Promise<Map<string, TargetFacts & { childrenByGroup: Map<string, Set<string>> }>> {
    if (!userIds.length) return new Map();
    const [active, staff, asStudent, assigned, links] = await Promise.all([
      this.directory.activeUserIds(userIds),
      this.directory.staffIds(institutionId, userIds),
      this.directory.enrolments(groups, today, userIds),
      this.directory.staffAssignments(groups, userIds),
      this.directory.guardianLinks(userIds),
    ]);
    const children = [...new Set(links.map((l) => l.studentId))];
    const childEnrolments = await this.directory.enrolments(groups, today, children);
    const groupsOfChild = groupBy(childEnrolments, (e) => e.studentId, (e) => e.groupId);
    const staffSet = new Set(staff);
    const studentGroups = groupBy(asStudent, (e) => e.studentId, (e) => e.groupId);
    const assignedGroups = groupBy(assigned, (a) => a.staffId, (a) => a.groupId);
    const out = new Map<string, TargetFacts & { childrenByGroup: Map<string, Set<string>> }>();
    for (const id of userIds) {
      if (!active.has(id)) continue;
      const childrenByGroup = new Map<string, Set<string>>();
      for (const l of links.filter((x) => x.guardianId === id)) {
        for (const g of groupsOfChild.get(l.studentId) ?? []) {
          childrenByGroup.set(g, new Set([...(childrenByGroup.get(g) ?? []), l.studentId]));
        }
      }
      out.set(id, {
        isStaff: staffSet.has(id),
        studentGroupIds: studentGroups.get(id) ?? EMPTY,
        childGroupIds: new Set(childrenByGroup.keys()),
        assignedGroupIds: assignedGroups.get(id) ?? EMPTY,
        childrenByGroup,
      });
    }
    return out;
  }
}
