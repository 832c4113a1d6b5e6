import { isUUID } from 'class-validator';
import { invalid } from '@app/platform/errors';
import { parseIsoInstant } from '@app/platform/time/instant';

/** Keyset position: newest first by time, then id. Opaque to clients. */
export interface Cursor {
  at: Date;
  id: string;
}

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString('base64url');

/**
 * The position a client sent back, or 400 INVALID_CURSOR. Both parts are checked before they reach
 * a query: a time that is not one of our instants or an id that is not a UUID is not one we issued.
 */
export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const parsed = readJson(Buffer.from(raw, 'base64url').toString('utf8'));
  const [at, id] = Array.isArray(parsed) && parsed.length === 2 ? parsed : [];
  const date = parseIsoInstant(at);
  if (!date || typeof id !== 'string' || !isUUID(id)) {
    throw invalid('INVALID_CURSOR', 'cursor is not one this service issued', [{ field: 'cursor', issue: 'invalid' }]);
  }
  return { at: date, id };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Rows strictly after the cursor in (time desc, id desc) order. */
export function afterCursor<K extends string>(timeField: K, c: Cursor | null) {
  if (!c) return {};
  return { $or: [{ [timeField]: { $lt: c.at } }, { [timeField]: c.at, id: { $lt: c.id } }] };
}
