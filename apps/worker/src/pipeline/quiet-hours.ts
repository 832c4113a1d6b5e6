import { DateTime } from 'luxon';
import { addDays, RIGA_TZ, rigaDate, rigaDateTime } from '@app/platform/time/riga-time';

export interface QuietHours {
  from: string;
  to: string;
}

/** `21:00-07:00` → { from, to }; `off` → null. The config schema has validated the shape. */
export function parseQuietHours(value: string): QuietHours | null {
  if (value === 'off') return null;
  const [from, to] = value.split('-') as [string, string];
  return { from, to };
}

/**
 * The first instant at or after `at` outside the Riga-local quiet window (which may span midnight,
 * as 21:00–07:00 does). Wall times are resolved across DST by `rigaDateTime`.
 */
export function afterQuietHours(at: Date, quiet: QuietHours | null): Date {
  if (!quiet || quiet.from === quiet.to) return at;
  const day = rigaDate(at);
  const wall = DateTime.fromJSDate(at, { zone: RIGA_TZ }).toFormat('HH:mm');
  const overnight = quiet.from > quiet.to;
  if (overnight) {
    if (wall >= quiet.from) return rigaDateTime(addDays(day, 1), quiet.to);
    if (wall < quiet.to) return rigaDateTime(day, quiet.to);
    return at;
  }
  return wall >= quiet.from && wall < quiet.to ? rigaDateTime(day, quiet.to) : at;
}

/**
 * Exponential backoff with full jitter for the n-th failed attempt (1-based): up to 30 s, 60 s,
 * 120 s … capped at an hour, never less than a provider's Retry-After.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random, retryAfterMs = 0): number {
  const ceiling = Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  return Math.max(retryAfterMs, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}
