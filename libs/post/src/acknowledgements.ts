import type { AckScope } from './entities/message.entity';

/** What deciding "who still owes a confirmation" needs from one delivered copy. */
export interface AckCopy {
  userId: string;
  studentIds: readonly string[];
  ackedAt: Date | null;
}

/** For each child: the first guardian (by time) whose confirmation covers them. */
export function confirmationsByStudent(copies: readonly AckCopy[]): Map<string, { userId: string; at: Date }> {
  const out = new Map<string, { userId: string; at: Date }>();
  for (const c of copies) {
    if (!c.ackedAt) continue;
    for (const s of c.studentIds) {
      const prev = out.get(s);
      if (!prev || c.ackedAt < prev.at) out.set(s, { userId: c.userId, at: c.ackedAt });
    }
  }
  return out;
}

/**
 * The copies whose recipient still has to confirm. With `one-per-student`, a guardian whose every
 * child was confirmed by another guardian owes nothing; a copy about no child always needs its own
 * confirmation. The receipts view and the notifications worker share this, so a reminder and the
 * "pending" list can never disagree.
 */
export function stillOwing<C extends AckCopy>(scope: AckScope | null | undefined, copies: readonly C[]): C[] {
  const byStudent = scope === 'one-per-student' ? confirmationsByStudent(copies) : new Map<string, unknown>();
  return copies.filter((c) => !c.ackedAt && !(c.studentIds.length > 0 && c.studentIds.every((s) => byStudent.has(s))));
}
