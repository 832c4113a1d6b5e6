import type { Actor } from '@app/auth/actor';
import type { Role } from '@app/directory/entities/role-assignment.entity';
import { ACCESS_RULES, Permission } from './access.table';
import { AccessPolicy } from './access.policy';
import type { AccessRepository } from './access.repository';

const actor = (...roles: [string, Role][]): Actor => ({
  userId: 'me',
  displayName: 'Es',
  sessionId: 's',
  mustChangePassword: false,
  roles: roles.map(([institutionId, role]) => ({ institutionId, role })),
});

/** Records what the policy asks the database, and answers from a fixed set. */
class FakeRepo {
  asked: { method: string; args: unknown[] }[] = [];
  constructor(private readonly answer: string[] = []) {}
  private reply(method: string, args: unknown[]) {
    this.asked.push({ method, args });
    return Promise.resolve(new Set(this.answer));
  }
  studentsVisible(...args: unknown[]) {
    return this.reply('studentsVisible', args);
  }
  groupsWithRoster(...args: unknown[]) {
    return this.reply('groupsWithRoster', args);
  }
  peopleOf(...args: unknown[]) {
    return this.reply('peopleOf', args);
  }
  sharedWithOthers(...args: unknown[]) {
    return this.reply('sharedWithOthers', args);
  }
}

const policy = (repo = new FakeRepo()) => new AccessPolicy(repo as unknown as AccessRepository);

describe('AccessPolicy', () => {
  it('every rule has a description and a refusal with a stable code; institution rules are decided without the database', () => {
    for (const [permission, rule] of Object.entries(ACCESS_RULES)) {
      const refusal = rule.refusal();
      expect({ permission, who: rule.who.length > 10, kind: refusal.kind, code: refusal.code }).toEqual({
        permission,
        who: true,
        kind: expect.stringMatching(/^(forbidden|not_found)$/),
        code: expect.stringMatching(/^[A-Z_]+$/),
      });
    }
  });

  it('decides institution-scoped questions from the caller’s roles in that institution only', () => {
    const p = policy();
    const a = actor(['A', 'admin'], ['B', 'guardian']);
    expect(p.can(a, Permission.InstitutionManage, 'A')).toBe(true);
    expect(p.can(a, Permission.InstitutionManage, 'B')).toBe(false);
    expect(p.can(a, Permission.InstitutionMember, 'B')).toBe(true);
    expect(p.can(a, Permission.InstitutionMember, 'C')).toBe(false);
    expect(p.institutionsWhere(a, Permission.MessageModerate)).toEqual(['A']);
    expect(() => p.require(a, Permission.EnrolmentList, 'B')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => p.can(a, Permission.StudentRead, 'A')).toThrow(/needs an object/);
  });

  it('a student check asks the database once, with the institutions narrowed per kind of role', async () => {
    const repo = new FakeRepo(['kid']);
    const a = actor(['A', 'nurse'], ['B', 'guardian'], ['C', 'teacher'], ['D', 'kitchen']);
    const visible = await policy(repo).studentsVisible(a, ['kid', 'other', 'me'], '2026-10-14');
    expect(visible).toEqual(new Set(['kid', 'me']));
    expect(repo.asked).toEqual([
      { method: 'studentsVisible', args: ['me', ['kid', 'other'], '2026-10-14', { wide: ['A'], guarding: ['B'], teaching: ['C'] }] },
    ]);
  });

  it('message parties read a message only while they hold a role in its institution', () => {
    const p = policy();
    const guardian = actor(['A', 'guardian']);
    expect(p.mayReadMessage(guardian, { senderId: 'x', institutionId: 'A', delivered: true })).toBe(true);
    expect(p.mayReadMessage(guardian, { senderId: 'x', institutionId: 'A', delivered: false })).toBe(false);
    expect(p.mayReadMessage(actor(['B', 'guardian']), { senderId: 'x', institutionId: 'A', delivered: true })).toBe(false);
    expect(p.mayReadMessage(actor(['A', 'teacher']), { senderId: 'me', institutionId: 'A', delivered: false })).toBe(true);
    expect(p.mayReadMessage(actor(), { senderId: 'me', institutionId: 'A', delivered: false })).toBe(false);
  });

  it('receipts: the sender while still a member, and the institution’s management', () => {
    const p = policy();
    expect(p.mayReadReceipts(actor(['A', 'teacher']), { senderId: 'me', institutionId: 'A' })).toBe(true);
    expect(p.mayReadReceipts(actor(['B', 'teacher']), { senderId: 'me', institutionId: 'A' })).toBe(false);
    expect(p.mayReadReceipts(actor(['A', 'head']), { senderId: 'x', institutionId: 'A' })).toBe(true);
    expect(p.mayReadReceipts(actor(['A', 'nurse']), { senderId: 'x', institutionId: 'A' })).toBe(false);
  });

  it('a person is managed only by management of an institution that had them (403, then 404)', async () => {
    await expect(policy(new FakeRepo(['p'])).requirePerson(actor(['A', 'teacher']), 'A', 'p')).rejects.toMatchObject({ code: 'NOT_MANAGEMENT' });
    await expect(policy(new FakeRepo([])).requirePerson(actor(['A', 'admin']), 'A', 'p')).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
    await expect(policy(new FakeRepo(['p'])).requirePerson(actor(['A', 'admin']), 'A', 'p')).resolves.toBeUndefined();
  });

  it('the kitchen is told it sees no personal data only where it is the kitchen', () => {
    const p = policy();
    expect(p.seesNoPersonalData(actor(['A', 'kitchen']), ['A'])).toBe(true);
    expect(p.seesNoPersonalData(actor(['A', 'kitchen']), ['B'])).toBe(false);
    expect(p.seesNoPersonalData(actor(['A', 'nurse']), ['A'])).toBe(false);
  });
});
