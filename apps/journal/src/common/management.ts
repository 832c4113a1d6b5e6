import { EntityManager } from '@mikro-orm/core';
import type { Actor } from '@app/auth/actor';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { Institution } from '@app/directory/entities/institution.entity';

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
