import { fromEpochDay, toEpochDay } from './riga-time';

/**
 * A period when an institution is closed (e.g. a Cabinet "transferred working
 * day" the institution follows, a quarantine, a heating failure). Dates are
 * Riga-local `YYYY-MM-DD`; `from` and `to` are both inclusive.
 */
export type Closure = { from: string; to: string; reason?: string };

/**
 * An immutable, pre-indexed set of closure days. Build it once per institution
 * (e.g. when its closures are loaded) and pass it to the calendar methods:
 * `has()` is a binary search over merged ranges and allocates nothing.
 */
export class ClosureSet {
  static readonly EMPTY = new ClosureSet([]);

  /** Merged, sorted, non-overlapping, non-adjacent ranges: [start0, end0, start1, end1, …] in epoch days. */
  private readonly bounds: Int32Array;
  private readonly normalized: readonly Readonly<Closure>[];

  /** @throws RangeError for an invalid date or a range with `to` before `from`. */
  constructor(closures: readonly Closure[] = []) {
    const ranges = closures.map((c) => {
      const start = toEpochDay(c.from);
      const end = toEpochDay(c.to);
      if (end < start) throw new RangeError(`Closure ends before it starts: ${c.from}..${c.to}`);
      return [start, end] as const;
    });
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: number[] = [];
    for (const [start, end] of ranges) {
      const last = merged.length - 1; // index of the current range's end
      if (merged.length > 0 && start <= merged[last]! + 1) {
        merged[last] = Math.max(merged[last]!, end);
      } else {
        merged.push(start, end);
      }
    }
    this.bounds = Int32Array.from(merged);
    const norm: Readonly<Closure>[] = [];
    for (let i = 0; i < merged.length; i += 2) {
      norm.push(Object.freeze({ from: fromEpochDay(merged[i]!), to: fromEpochDay(merged[i + 1]!) }));
    }
    this.normalized = Object.freeze(norm);
    Object.freeze(this);
  }

  static of(closures: readonly Closure[]): ClosureSet {
    return closures.length === 0 ? ClosureSet.EMPTY : new ClosureSet(closures);
  }

  get isEmpty(): boolean {
    return this.bounds.length === 0;
  }

  /** The closed periods, merged and sorted (reasons are dropped). */
  get ranges(): readonly Readonly<Closure>[] {
    return this.normalized;
  }

  /** Is the institution closed on this `YYYY-MM-DD` date? */
  has(date: string): boolean {
    return this.hasEpochDay(toEpochDay(date));
  }

  /** Same as {@link has} for a day counted from 1970-01-01 (used by hot loops). */
  hasEpochDay(day: number): boolean {
    const b = this.bounds;
    let lo = 0;
    let hi = (b.length >> 1) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (day < b[mid << 1]!) hi = mid - 1;
      else if (day > b[(mid << 1) + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  }
}
