import { EntityManager } from '@mikro-orm/core';
import { GuardianRelation, Guardianship, Role, RoleAssignment, User } from '@app/directory/entities';

/** An active account holding an active `role` in one of the institutions. */
export async function holdsRole(em: EntityManager, userId: string, institutionIds: string[], role: Role): Promise<boolean> {
  return (await em.count(RoleAssignment, { user: { id: userId, active: true }, institution: { $in: institutionIds }, role, active: true })) > 0;
}

/**
 * The one way a guardian gets linked to a student: an existing link (even an ended one) is
 * reactivated with the given relation instead of being duplicated. `before` is set when the
 * link existed, so callers can tell what changed.
 */
export async function upsertGuardianship(
  em: EntityManager,
  guardianId: string,
  studentId: string,
  relation: GuardianRelation,
  now: Date,
): Promise<{ link: Guardianship; before?: { relation: GuardianRelation; active: boolean } }> {
  const existing = await em.findOne(Guardianship, { guardian: guardianId, student: studentId }, { populate: ['guardian', 'student'] });
  if (existing) {
    const before = { relation: existing.relation, active: existing.active };
    existing.relation = relation;
    existing.active = true;
    return { link: existing, before };
  }
  const [guardian, student] = await Promise.all([em.findOneOrFail(User, guardianId), em.findOneOrFail(User, studentId)]);
  return { link: em.create(Guardianship, { guardian, student, relation, createdAt: now }) };
}
