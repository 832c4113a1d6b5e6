import { MANAGEMENT_ROLES, STAFF_ROLES, TEACHING_ROLES } from './roles';
import type { Role } from '@app/directory/entities/role-assignment.entity';

/**
 * Who may message whom, in one place (issue 4). Plain data in, a yes/no out; the audience service
 * gathers the facts from the directory and this file decides.
 *
 * - head, deputy head, admin: anyone in their institution, any audience;
 * - teachers and speech therapists: guardians and students of the groups they are assigned to,
 *   and the staff of their institution;
 * - other staff (nurse, kitchen): staff of their institution;
 * - guardians: the staff who teach or care for their children (assigned to a child's group), one by one;
 * - students: the staff assigned to their own groups, one by one;
 * - anyone: a reply to the sender of a message they received (handled by the reply path).
 */
export type Audience = 'guardians' | 'students' | 'staff';

export interface SenderScope {
  roles: ReadonlySet<Role>;
  /** Groups the sender is assigned to as staff (teacher, class teacher, speech therapist, assistant). */
  taughtGroupIds: ReadonlySet<string>;
  /** Current groups of the sender's children (for guardians). */
  childGroupIds: ReadonlySet<string>;
  /** The sender's own current groups (for students). */
  ownGroupIds: ReadonlySet<string>;
}

/** What the directory says about one addressed person, within the sender's institution. */
export interface TargetFacts {
  isStaff: boolean;
  /** Groups where the person is an enrolled student. */
  studentGroupIds: ReadonlySet<string>;
  /** Current groups of the person's children (they are a guardian there). */
  childGroupIds: ReadonlySet<string>;
  /** Groups the person is assigned to as staff. */
  assignedGroupIds: ReadonlySet<string>;
}

const any = (roles: ReadonlySet<Role>, of: readonly Role[]) => of.some((r) => roles.has(r));
const meets = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((x) => b.has(x));

export const isManagement = (s: SenderScope) => any(s.roles, MANAGEMENT_ROLES);
const isTeaching = (s: SenderScope) => any(s.roles, TEACHING_ROLES);
const isStaff = (s: SenderScope) => any(s.roles, STAFF_ROLES);

export function mayAddressGroup(sender: SenderScope, groupId: string, audience: Audience): boolean {
  if (isManagement(sender)) return true;
  if (isTeaching(sender) && sender.taughtGroupIds.has(groupId)) return true;
  return audience === 'staff' && isStaff(sender);
}

export function mayAddressInstitution(sender: SenderScope, audience: Audience): boolean {
  if (isManagement(sender)) return true;
  return audience === 'staff' && isStaff(sender);
}

export function mayAddressUser(sender: SenderScope, target: TargetFacts): boolean {
  const belongs = target.isStaff || target.studentGroupIds.size > 0 || target.childGroupIds.size > 0;
  if (isManagement(sender) && belongs) return true;
  if (isStaff(sender) && target.isStaff) return true;
  if (
    isTeaching(sender) &&
    (meets(target.studentGroupIds, sender.taughtGroupIds) || meets(target.childGroupIds, sender.taughtGroupIds))
  ) {
    return true;
  }
  if (sender.roles.has('guardian') && meets(target.assignedGroupIds, sender.childGroupIds)) return true;
  return sender.roles.has('student') && meets(target.assignedGroupIds, sender.ownGroupIds);
}

/**
 * The children a guardian's copy names when the guardian is addressed one by one: management sees
 * every child in the institution, a teacher only the children in their groups.
 */
export function visibleChildGroups(sender: SenderScope, childGroupIds: ReadonlySet<string>): ReadonlySet<string> {
  if (isManagement(sender)) return childGroupIds;
  return new Set([...childGroupIds].filter((g) => sender.taughtGroupIds.has(g)));
}
