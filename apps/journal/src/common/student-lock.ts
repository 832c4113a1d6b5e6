import { type EntityManager, LockMode } from '@mikro-orm/core';
import { User } from '@app/directory/entities';

/**
 * Serialises changes about one child in a transaction (a row lock on the student): a guardian's
 * notice and a teacher's lesson mark meet on the same absence record, and two teachers marking at
 * once must not both miss the other's pending mark alert.
 */
export async function lockStudent(em: EntityManager, studentId: string): Promise<void> {
  await em.findOneOrFail(User, studentId, { lockMode: LockMode.PESSIMISTIC_WRITE, fields: ['id'] });
}
