import { isLocalDate } from './riga-time';

/**
 * The one reading of an instant sent to us (DTOs, query strings, cursors, FixedClock): ISO 8601
 * extended format, a real calendar date, and an explicit `Z` or `±HH:mm` offset. Without an offset
 * (`2026-12-03T10:00`) `new Date()` reads the host's time zone, and week dates (`2026-W49-4`) or
 * basic format are other spellings nobody needs; both are refused so a moment never depends on the
 * machine that parsed it.
 */
const ISO_INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Example shown in validation messages and API docs. */
export const ISO_INSTANT_EXAMPLE = '2026-09-01T08:00:00Z';

/** The instant `value` names, or `undefined` when it is not an ISO 8601 instant with an offset. */
export function parseIsoInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_INSTANT.exec(value);
  if (!m || !isLocalDate(m[1])) return undefined;
  // Date parses this exact shape the same on every host (the offset is explicit); digits beyond
  // milliseconds are dropped.
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

export const isIsoInstant = (value: unknown): value is string => parseIsoInstant(value) !== undefined;
