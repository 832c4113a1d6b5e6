import type { Role } from '@app/directory/entities/role-assignment.entity';
import { mayAddressGroup, mayAddressInstitution, mayAddressUser, SenderScope, TargetFacts, visibleChildGroups } from './messaging-policy';

const set = (...xs: string[]) => new Set(xs);
const sender = (roles: Role[], over: Partial<SenderScope> = {}): SenderScope => ({
  roles: new Set(roles),
  taughtGroupIds: set(),
  childGroupIds: set(),
  ownGroupIds: set(),
  ...over,
});
const target = (over: Partial<TargetFacts> = {}): TargetFacts => ({
  isStaff: false,
  studentGroupIds: set(),
  childGroupIds: set(),
  assignedGroupIds: set(),
  ...over,
});

describe('messaging policy', () => {
  const teacher = sender(['teacher'], { taughtGroupIds: set('A') });
  const guardianOfA = target({ childGroupIds: set('A') });
  const guardianOfB = target({ childGroupIds: set('B') });
  const studentOfA = target({ studentGroupIds: set('A') });
  const teacherOfA = target({ isStaff: true, assignedGroupIds: set('A') });
  const colleague = target({ isStaff: true });
  const stranger = target();

  it.each<[string, SenderScope, TargetFacts, boolean]>([
    ['head → any guardian', sender(['head']), guardianOfB, true],
    ['deputy head → a student', sender(['deputy_head']), studentOfA, true],
    ['admin → colleague', sender(['admin']), colleague, true],
    ['management → someone outside the institution', sender(['head']), stranger, false],
    ['teacher → guardian of their group', teacher, guardianOfA, true],
    ['teacher → student of their group', teacher, studentOfA, true],
    ['teacher → colleague', teacher, colleague, true],
    ['teacher → guardian of another group', teacher, guardianOfB, false],
    ['speech therapist → guardian of their group', sender(['speech_therapist'], { taughtGroupIds: set('A') }), guardianOfA, true],
    ['guardian → teacher of their child', sender(['guardian'], { childGroupIds: set('A') }), teacherOfA, true],
    ['guardian → teacher of another group', sender(['guardian'], { childGroupIds: set('B') }), teacherOfA, false],
    ['guardian → another guardian', sender(['guardian'], { childGroupIds: set('A') }), guardianOfA, false],
    ['guardian → head (not teaching their child)', sender(['guardian'], { childGroupIds: set('A') }), colleague, false],
    ['student → their teacher', sender(['student'], { ownGroupIds: set('A') }), teacherOfA, true],
    ['student → another student', sender(['student'], { ownGroupIds: set('A') }), studentOfA, false],
    ['kitchen → colleague', sender(['kitchen']), colleague, true],
    ['kitchen → guardian', sender(['kitchen']), guardianOfA, false],
    ['nurse → guardian', sender(['nurse']), guardianOfA, false],
    ['a teacher who is also a parent → their child’s other teacher', sender(['teacher', 'guardian'], { childGroupIds: set('B') }), target({ isStaff: true, assignedGroupIds: set('B') }), true],
  ])('%s', (_name, from, to, allowed) => {
    expect(mayAddressUser(from, to)).toBe(allowed);
  });

  it('groups: management any, teachers their own, other staff only a group’s staff, families none', () => {
    expect(mayAddressGroup(sender(['head']), 'B', 'guardians')).toBe(true);
    expect(mayAddressGroup(teacher, 'A', 'guardians')).toBe(true);
    expect(mayAddressGroup(teacher, 'B', 'guardians')).toBe(false);
    expect(mayAddressGroup(teacher, 'B', 'staff')).toBe(true);
    expect(mayAddressGroup(sender(['kitchen']), 'A', 'staff')).toBe(true);
    expect(mayAddressGroup(sender(['kitchen']), 'A', 'students')).toBe(false);
    expect(mayAddressGroup(sender(['guardian'], { childGroupIds: set('A') }), 'A', 'guardians')).toBe(false);
    expect(mayAddressGroup(sender(['student'], { ownGroupIds: set('A') }), 'A', 'students')).toBe(false);
  });

  it('institution audiences: management any, staff only the staff', () => {
    expect(mayAddressInstitution(sender(['admin']), 'guardians')).toBe(true);
    expect(mayAddressInstitution(teacher, 'staff')).toBe(true);
    expect(mayAddressInstitution(teacher, 'guardians')).toBe(false);
    expect(mayAddressInstitution(sender(['guardian']), 'staff')).toBe(false);
  });

  it('names only the children the sender may see in a guardian’s copy', () => {
    expect([...visibleChildGroups(teacher, set('A', 'B'))]).toEqual(['A']);
    expect([...visibleChildGroups(sender(['head']), set('A', 'B'))]).toEqual(['A', 'B']);
  });
});
