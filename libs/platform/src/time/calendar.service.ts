import { Injectable } from '@nestjs/common';
import { Clock } from './clock';
import { ClosureSet } from './closure-set';
import { isWeekendEpochDay, latvianHolidayStore, type PublicHoliday } from './latvian-holidays';
import { fromEpochDay, rigaDate, rigaDateTime, toEpochDay, type AmbiguousTimeResolution } from './riga-time';

export { ClosureSet, type Closure } from './closure-set';
export type { PublicHoliday } from './latvian-holidays';

/**
 * A search for a working day gives up after this many consecutive
 * non-working days (guards against a closure set that closes "forever").
 */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 3660;

/**
 * Latvian school calendar: "today" in Riga, public holidays and working-day
 * arithmetic.
 *
 * A working day is Monday–Friday that is neither a Latvian public holiday (nor
 * a day off moved from one, see `latvian-holidays.ts`) nor a day in the
 * optional institution {@link ClosureSet}. All dates are Riga-local
 * `YYYY-MM-DD` strings; invalid dates, and dates outside the years
 * CALENDAR_MIN_YEAR–CALENDAR_MAX_YEAR (1900–2999), throw `RangeError`.
 *
 * The service is pure apart from the injected {@link Clock}; holiday data is
 * computed once per year and shared.
 */
@Injectable()
export class CalendarService {
  constructor(private readonly clock: Clock) {}

  /** The current instant from the injected clock. */
  now(): Date {
    return this.clock.now();
  }

  /** Today's Riga-local date (`YYYY-MM-DD`). Changes at midnight Riga time, not UTC. */
  today(): string {
    return rigaDate(this.clock.now());
  }

  /**
   * The public holidays of a year in date order, with Latvian names. Includes
   * the days off moved from a weekend 4 May / 18 Nov (named "… (pārceltā
   * brīvdiena)") and one-off days decided by the Saeima. Mother's Day and
   * Pentecost are included too: they are holidays by law but always Sundays.
   * Returns a new array each call (the entries are frozen).
   */
  publicHolidays(year: number): PublicHoliday[] {
    return latvianHolidayStore.list(year).slice();
  }

  isPublicHoliday(date: string): boolean {
    return latvianHolidayStore.nameOfEpochDay(toEpochDay(date)) !== undefined;
  }

  /** The Latvian name of the holiday on `date`, or `undefined` when it is none. */
  holidayName(date: string): string | undefined {
    return latvianHolidayStore.nameOfEpochDay(toEpochDay(date));
  }

  /** Saturday or Sunday. */
  isWeekend(date: string): boolean {
    return isWeekendEpochDay(toEpochDay(date));
  }

  /** Mon–Fri, not a public holiday (or moved day off), not in `closures`. */
  isWorkingDay(date: string, closures?: ClosureSet): boolean {
    return this.isWorkingEpochDay(toEpochDay(date), closures);
  }

  /**
   * Moves by `n` working days from `date`; `date` itself is never counted.
   * - n > 0: the n-th working day after `date` ("5 working days after D" is
   *   the 5th working day strictly after D, whatever kind of day D is);
   * - n < 0: the |n|-th working day before `date`;
   * - n = 0: `date` unchanged, even if it is not a working day (use
   *   {@link workingDayOnOrAfter} to roll forward).
   *
   * Inverse of {@link workingDaysBetween}: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  addWorkingDays(date: string, n: number, closures?: ClosureSet): string {
    if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer: ${n}`);
    let day = toEpochDay(date);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let skipped = 0;
    while (remaining > 0) {
      day += step;
      if (this.isWorkingEpochDay(day, closures)) {
        remaining--;
        skipped = 0;
      } else if (++skipped > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
        throw new RangeError(`No working day within ${MAX_CONSECUTIVE_NON_WORKING_DAYS} days of ${date}`);
      }
    }
    return fromEpochDay(day);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string, closures?: ClosureSet): string {
    return this.addWorkingDays(date, 1, closures);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: string, closures?: ClosureSet): string {
    return this.addWorkingDays(date, -1, closures);
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: string, closures?: ClosureSet): string {
    return this.isWorkingDay(date, closures) ? date : this.addWorkingDays(date, 1, closures);
  }

  /**
   * Signed number of working-day steps from `from` to `to` — the inverse of
   * {@link addWorkingDays}: whenever `to` is a working day,
   * `addWorkingDays(from, workingDaysBetween(from, to)) === to`.
   * - `to` after `from`: working days in (from, to] — `from` not counted, `to`
   *   counted (e.g. a note handed in on `to` for an absence on `from` is that
   *   many working days later);
   * - `to` before `from`: minus the working days in [to, from);
   * - equal: 0.
   */
  workingDaysBetween(from: string, to: string, closures?: ClosureSet): number {
    const a = toEpochDay(from);
    const b = toEpochDay(to);
    let count = 0;
    if (b >= a) {
      for (let day = a + 1; day <= b; day++) if (this.isWorkingEpochDay(day, closures)) count++;
      return count;
    }
    for (let day = b; day < a; day++) if (this.isWorkingEpochDay(day, closures)) count++;
    return -count;
  }

  /**
   * The instant of the Riga wall time `time` (`HH:mm`) on `date`, e.g. a meal
   * order cut-off. DST gap/overlap handling: see {@link rigaDateTime}.
   */
  cutoff(date: string, time: string, ambiguous: AmbiguousTimeResolution = 'earlier'): Date {
    return rigaDateTime(date, time, ambiguous);
  }

  private isWorkingEpochDay(day: number, closures: ClosureSet | undefined): boolean {
    if (isWeekendEpochDay(day)) return false;
    if (latvianHolidayStore.nameOfEpochDay(day) !== undefined) return false;
    return closures === undefined || !closures.hasEpochDay(day);
  }
}
