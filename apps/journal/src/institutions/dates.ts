import { DirectoryErrorCode } from '@app/directory/directory-errors';
import { DomainError } from '@app/platform/errors';
import { ISO_INSTANT_EXAMPLE, parseIsoInstant } from '@app/platform/time/instant';
import { isLocalDate, isLocalTime } from '@app/platform/time/riga-time';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from '@app/platform/time/latvian-holidays';

/**
 * Shape checks for DTOs. The DTO regex only says "looks like a date"; the service then asks
 * {@link requireLocalDate} whether it is a real calendar date (2026-02-30 is not).
 */
export const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_TIME_PATTERN = /^\d{2}:\d{2}$/;

/** Codes for malformed dates and times; shared by the journal's directory endpoints. */
export enum DateErrorCode {
  INVALID_DATE = 'INVALID_DATE',
  INVALID_TIME = 'INVALID_TIME',
  INVALID_INSTANT = 'INVALID_INSTANT',
}

/** A real Riga-local `YYYY-MM-DD` within the years the calendar knows, or 400 INVALID_DATE. */
export function requireLocalDate(value: string, field: string): string {
  const year = Number(value?.slice(0, 4));
  if (!isLocalDate(value) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw new DomainError('invalid', DateErrorCode.INVALID_DATE, `${field} is not a valid date`, [
      { field, issue: 'not a calendar date (YYYY-MM-DD)' },
    ]);
  }
  return value;
}

/** Both ends valid and `to` not before `from` (an open end is allowed when `to` is null). */
export function requireDateRange(
  from: string,
  to: string | null | undefined,
  fields: { from: string; to: string } = { from: 'from', to: 'to' },
): void {
  requireLocalDate(from, fields.from);
  if (to === null || to === undefined) return;
  requireLocalDate(to, fields.to);
  if (to < from) {
    throw new DomainError('invalid', DirectoryErrorCode.INVALID_DATE_RANGE, `${fields.to} is before ${fields.from}`, [
      { field: fields.to, issue: `must not be before ${fields.from}` },
    ]);
  }
}

/** A wall-clock `HH:mm` (00:00–23:59), or 400 INVALID_TIME. */
export function requireLocalTime(value: string, field: string): string {
  if (!isLocalTime(value)) {
    throw new DomainError('invalid', DateErrorCode.INVALID_TIME, `${field} is not a valid time`, [
      { field, issue: 'not a time of day (HH:mm, 00:00–23:59)' },
    ]);
  }
  return value;
}

/**
 * An ISO 8601 instant with an explicit offset (`2026-09-01T08:00:00Z`, `…+03:00`), or 400
 * INVALID_INSTANT. The reading is the platform's one instant parser; this only adds the domain error.
 */
export function parseInstant(value: string, field: string): Date {
  const at = parseIsoInstant(value);
  if (!at) {
    throw new DomainError('invalid', DateErrorCode.INVALID_INSTANT, `${field} is not a valid instant`, [
      { field, issue: `not an ISO 8601 instant with offset, e.g. ${ISO_INSTANT_EXAMPLE}` },
    ]);
  }
  return at;
}
