import { invalid } from '@app/platform/errors';

/** Keyset position: newest first by time, then id. Opaque to clients. */
export interface Cursor {
  at: Date;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw invalid('INVALID_CURSOR', 'cursor is not one this service issued', [{ field: 'cursor', issue: 'invalid' }]);
  }
}

/** Rows strictly after the cursor in (time desc, id desc) order. */
export function afterCursor<K extends string>(timeField: K, c: Cursor | null) {
  if (!c) return {};
  return { $or: [{ [timeField]: { $lt: c.at } }, { [timeField]: c.at, id: { $lt: c.id } }] };
}
