import { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@app/auth/actor';
import { hasRole } from '@app/auth/actor';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { Institution } from '@app/directory/entities/institution.entity';
import { MANAGEMENT_ROLES } from '@app/directory/entities/role-assignment.entity';

/** Head, deputy head or admin of this institution, or 403 NOT_MANAGEMENT. */
export function assertManagement(actor: Actor, institutionId: string): void {
  if (!hasRole(actor, institutionId, MANAGEMENT_ROLES)) throw directoryError.forbidden();
}

export async function loadInstitution(em: EntityManager, institutionId: string): Promise<Institution> {
  const inst = await em.findOne(Institution, { id: institutionId, active: true });
  if (!inst) throw directoryError.notFound(DirectoryErrorCode.INSTITUTION_NOT_FOUND, 'Institution');
  return inst;
}

/** Audit fields common to every write an actor makes in an institution. */
export const auditBy = (actor: Actor, institutionId: string) => ({
  actorId: actor.userId,
  institutionId,
  ip: actor.ip,
  requestId: actor.requestId,
});
