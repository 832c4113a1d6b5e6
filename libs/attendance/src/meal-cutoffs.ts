import type { MealCalendar, MealCutoffs } from './meal-calendar';

/**
 * One state of an absence notice's period, valid from an instant until the next change
 * (`validTo` null while current). A notice's history of versions is what the cut-offs are read
 * against: the same rule runs here for a notice's answer and in SQL for the kitchen's counts.
 */
export interface CoverageVersion {
  from: string;
  /** Last day, inclusive; null while open-ended. */
  to: string | null;
  validFrom: Date;
  validTo: Date | null;
}

const covers = (v: CoverageVersion, date: string) => v.from <= date && (v.to === null || date <= v.to);

function coveredAt(versions: readonly CoverageVersion[], date: string, at: Date): boolean {
  return versions.some((v) => covers(v, date) && v.validFrom <= at && (v.validTo === null || v.validTo > at));
}

/**
 * Are `date`'s meals cancelled, as known at `asOf` (by default: once every change so far counts)?
 * - Whatever the notices said at the order cut-off holds: absences known then cancel, returns known
 *   then order meals again.
 * - After it, only a cancellation still counts, through the morning correction, if the day came
 *   under a notice by the same-day cut-off. A return reported after the order cut-off does not bring
 *   the meal back (DOMAIN.md: "a meal is added back only if reported by 09:30 the working day before").
 * Cut-offs are inclusive: a change at 09:30:00.000 is on time, one a millisecond later is not.
 */
export function mealsCancelled(
  versions: readonly CoverageVersion[],
  date: string,
  cutoffs: MealCutoffs,
  asOf: Date = new Date(8.64e15),
): boolean {
  const orderKnown = asOf < cutoffs.order ? asOf : cutoffs.order;
  if (coveredAt(versions, date, orderKnown)) return true;
  const correctionKnown = asOf < cutoffs.sameDay ? asOf : cutoffs.sameDay;
  return versions.some((v) => covers(v, date) && v.validFrom > cutoffs.order && v.validFrom <= correctionKnown);
}

export interface DayOutcome {
  date: string;
  /** The child counts as absent that day (the notice's current period covers it). */
  absent: boolean;
  mealsCancelled: boolean;
  /** Said plainly when a cut-off decided otherwise than the notice asks. */
  mealsNote?: 'already-ordered' | 'already-cancelled';
}

export interface NoticeOutcome {
  days: DayOutcome[];
  /** The first meal day the child eats again, for a notice with a last day. */
  mealsResumeOn?: string;
}

/** A notice can stretch at most this far back into days already served. */
const MAX_RESUME_SEARCH = 400;

/**
 * What a notice means day by day, after its latest change at `now`: each meal day it covers (an
 * open-ended one up to the first day still open for ordering), plus the days it no longer covers
 * whose meals stay cancelled because the change came after their order cut-off. A withdrawn notice
 * (no current period) lists only those.
 */
export function noticeOutcome(calendar: MealCalendar, versions: readonly CoverageVersion[], now: Date): NoticeOutcome {
  const current = versions.find((v) => v.validTo === null);
  if (!current) return withdrawnOutcome(calendar, versions);
  const lastListed = current.to ?? maxDate(calendar.mealDayOnOrAfter(current.from), calendar.firstOpenMealDay(now));
  const days: DayOutcome[] = calendar.mealDays(current.from, lastListed).map((date) => {
    const cancelled = mealsCancelled(versions, date, calendar.cutoffs(date));
    return cancelled ? { date, absent: true, mealsCancelled: true } : { date, absent: true, mealsCancelled: false, mealsNote: 'already-ordered' };
  });
  if (current.to === null) return { days };
  let day = calendar.nextMealDay(current.to);
  for (let i = 0; i < MAX_RESUME_SEARCH && mealsCancelled(versions, day, calendar.cutoffs(day)); i++) {
    days.push({ date: day, absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' });
    day = calendar.nextMealDay(day);
  }
  return { days, mealsResumeOn: day };
}

/**
 * A withdrawn notice covers nothing any more: the days whose meals a cut-off had already cancelled
 * stay cancelled (they come first: later days' cut-offs are later), and meals resume after them.
 */
function withdrawnOutcome(calendar: MealCalendar, versions: readonly CoverageVersion[]): NoticeOutcome {
  if (!versions.length) throw new Error('a notice has at least one period');
  const days: DayOutcome[] = [];
  let day = calendar.mealDayOnOrAfter(versions[0].from);
  // A notice reported late covers first days whose morning correction had already closed: they were
  // served as ordered, so they neither count as cancelled nor end the run of days that stay cancelled.
  const made = versions.reduce((first, v) => (v.validFrom < first ? v.validFrom : first), versions[0].validFrom);
  for (let i = 0; i < MAX_RESUME_SEARCH && calendar.cutoffs(day).sameDay < made; i++) day = calendar.nextMealDay(day);
  for (let i = 0; i < MAX_RESUME_SEARCH && mealsCancelled(versions, day, calendar.cutoffs(day)); i++) {
    days.push({ date: day, absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' });
    day = calendar.nextMealDay(day);
  }
  return { days, mealsResumeOn: day };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
