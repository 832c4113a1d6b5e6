/**
 * Riga local time and Riga-local calendar dates, as plain functions (no Nest).
 *
 * Conventions used across the platform:
 * - instants are JavaScript `Date`s (stored in UTC);
 * - a "date" is a Riga-local calendar date written `YYYY-MM-DD` (e.g. a journal
 *   day, a meal day, a deadline day) and carries no time zone of its own;
 * - a "time" is a Riga wall-clock time written `HH:mm` (00:00–23:59).
 *
 * Time-zone arithmetic is done by Luxon with the IANA zone `Europe/Riga`
 * (EET, UTC+2 / EEST, UTC+3; DST from 03:00 EET on the last Sunday of March
 * to 04:00 EEST on the last Sunday of October). Pure date arithmetic is done on
 * whole days counted from 1970-01-01 ("epoch days"), which is exact because
 * calendar dates have no time zone.
 */
import { DateTime } from 'luxon';

export const RIGA_TZ = 'Europe/Riga';

/** `YYYY-MM-DD`, four-digit year. */
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `HH:mm`, 00:00–23:59. */
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

/** How to resolve a wall time that occurs twice (the repeated hour in October). */
export type AmbiguousTimeResolution = 'earlier' | 'later';

function utcMidnightMs(year: number, month: number, day: number): number {
  // Date.UTC maps years 0–99 to 1900–1999, setUTCFullYear does not.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/**
 * Parses a `YYYY-MM-DD` string into its epoch day, or returns `undefined` when
 * the string is not a real calendar date (e.g. `2026-02-29`, `2026-13-01`).
 */
function parseEpochDay(s: string): number | undefined {
  const m = LOCAL_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const ms = utcMidnightMs(year, month, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return ms / MS_PER_DAY;
}

/** True for a real calendar date written exactly `YYYY-MM-DD` (years 0001–9999). */
export function isLocalDate(s: unknown): s is string {
  return typeof s === 'string' && parseEpochDay(s) !== undefined;
}

/** True for a wall-clock time written exactly `HH:mm` (00:00–23:59). */
export function isLocalTime(s: unknown): s is string {
  return typeof s === 'string' && LOCAL_TIME.test(s);
}

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` date.
 * @throws RangeError when `date` is not a real `YYYY-MM-DD` date.
 */
export function toEpochDay(date: string): number {
  const day = typeof date === 'string' ? parseEpochDay(date) : undefined;
  if (day === undefined) throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return day;
}

/**
 * The `YYYY-MM-DD` date of an epoch day.
 * @throws RangeError outside years 0001–9999.
 */
export function fromEpochDay(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`Epoch day must be an integer: ${day}`);
  const d = new Date(day * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (Number.isNaN(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Date out of supported range (years ${MIN_YEAR}–${MAX_YEAR})`);
  }
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of an epoch day: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function epochDayOfWeek(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Riga-local calendar date (`YYYY-MM-DD`) of an instant. */
export function rigaDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('rigaDate: invalid Date');
  const date = DateTime.fromMillis(ms, { zone: RIGA_TZ }).toISODate();
  if (date === null) throw new RangeError('rigaDate: instant out of range');
  return date;
}

/**
 * The instant at which Riga wall clocks show `time` on `date`.
 *
 * DST behaviour (same as `Temporal`'s "compatible" disambiguation and
 * `java.time`):
 * - Spring-forward gap (last Sunday of March, 03:00–03:59 does not exist,
 *   clocks jump from 03:00 EET to 04:00 EEST): the wall time is moved forward
 *   by the length of the gap, i.e. `03:30` resolves to `04:30` EEST
 *   (= 01:30Z), which is the same instant as "03:30 EET".
 * - Fall-back overlap (last Sunday of October, 03:00–03:59 happens twice,
 *   first in EEST then in EET): the earlier occurrence (EEST) is used by
 *   default, e.g. `03:30` → 00:30Z; pass `'later'` for the EET one (01:30Z).
 *
 * @throws RangeError when `date` is not `YYYY-MM-DD` or `time` is not `HH:mm`.
 */
export function rigaDateTime(
  date: string,
  time: string,
  ambiguous: AmbiguousTimeResolution = 'earlier',
): Date {
  toEpochDay(date); // validates
  const t = typeof time === 'string' ? LOCAL_TIME.exec(time) : null;
  if (!t) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone: RIGA_TZ });
  if (!local.isValid) throw new RangeError(`Cannot resolve ${date} ${time} in ${RIGA_TZ}`);
  if (local.hour !== hour || local.minute !== minute) {
    // Wall time falls into the spring-forward gap; Luxon already shifted it
    // forward by the gap length.
    return local.toJSDate();
  }
  const candidates = local.getPossibleOffsets().map((c) => c.toMillis());
  const ms = ambiguous === 'later' ? Math.max(...candidates) : Math.min(...candidates);
  return new Date(ms);
}

/**
 * `date` plus `n` calendar days (n may be negative).
 * @throws RangeError for an invalid date or non-integer n.
 */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: n must be an integer: ${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  return epochDayOfWeek(toEpochDay(date));
}

/**
 * Every date from `from` to `to`, both inclusive, in order.
 * Returns `[]` when `to` is before `from`.
 */
export function eachDate(from: string, to: string): string[] {
  const start = toEpochDay(from);
  const end = toEpochDay(to);
  const out: string[] = [];
  for (let d = start; d <= end; d++) out.push(fromEpochDay(d));
  return out;
}
