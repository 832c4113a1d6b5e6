import { ISO_INSTANT_EXAMPLE, parseIsoInstant } from './instant';

/**
 * The one source of "now" for the whole application.
 *
 * Inject `Clock` (an abstract class, so Nest can use the class itself as the
 * injection token) instead of calling `new Date()` / `Date.now()`; tests then
 * swap in a {@link FixedClock} and never depend on real time.
 */
export abstract class Clock {
  /** The current instant. Callers receive their own `Date` and may mutate it. */
  abstract now(): Date;
}

/** Real wall-clock time of the host. The default in production. */
export class SystemClock extends Clock {
  override now(): Date {
    return new Date();
  }
}

const MS_PER_SECOND = 1_000;
const MS_PER_MINUTE = 60 * MS_PER_SECOND;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
const MS_PER_DAY = 24 * MS_PER_HOUR;

function toInstantMs(instant: Date | string): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError('FixedClock: invalid Date');
    return ms;
  }
  const parsed = parseIsoInstant(instant);
  if (!parsed) {
    throw new RangeError(
      `FixedClock: "${instant}" is not an ISO 8601 instant with an explicit offset (e.g. ${ISO_INSTANT_EXAMPLE})`,
    );
  }
  return parsed.getTime();
}

function assertFiniteAmount(n: number, what: string): void {
  if (!Number.isFinite(n)) throw new RangeError(`FixedClock: ${what} must be a finite number`);
}

/**
 * A clock that only moves when told to. For tests (and for replaying jobs at a
 * chosen instant). Time never moves backwards unless `set()` is called with an
 * earlier instant or a negative amount is passed to `advance*()`.
 *
 * `advanceDays(n)` adds exactly n × 24 h; across a DST switch that is not the
 * same Riga wall-clock time on the next day — use `set()` with an explicit
 * instant (or `rigaDateTime()`) when wall time matters.
 */
export class FixedClock extends Clock {
  private ms: number;

  constructor(start: Date | string) {
    super();
    this.ms = toInstantMs(start);
  }

  override now(): Date {
    return new Date(this.ms);
  }

  /** Jump to the given instant (Date or ISO 8601 string with offset). Returns `this` for chaining. */
  set(instant: Date | string): this {
    this.ms = toInstantMs(instant);
    return this;
  }

  advance(ms: number): this {
    assertFiniteAmount(ms, 'ms');
    this.ms += ms;
    return this;
  }

  advanceSeconds(n: number): this {
    assertFiniteAmount(n, 'seconds');
    return this.advance(n * MS_PER_SECOND);
  }

  advanceMinutes(n: number): this {
    assertFiniteAmount(n, 'minutes');
    return this.advance(n * MS_PER_MINUTE);
  }

  advanceHours(n: number): this {
    assertFiniteAmount(n, 'hours');
    return this.advance(n * MS_PER_HOUR);
  }

  /** Adds n × 24 hours (elapsed time, not calendar days — see class doc). */
  advanceDays(n: number): this {
    assertFiniteAmount(n, 'days');
    return this.advance(n * MS_PER_DAY);
  }
}
