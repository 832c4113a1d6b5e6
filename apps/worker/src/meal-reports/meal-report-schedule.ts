import type { MealCalendar, MealReportKind } from '@app/attendance';
import type { InstitutionSettings } from '@app/directory/entities';
import { rigaDateTime } from '@app/platform/time/riga-time';

/** A report whose time has come: for which meal day, and the cut-off instant its counts are as of. */
export interface DueReport {
  kind: MealReportKind;
  date: string;
  countsAt: Date;
}

/**
 * The institution's reports due on Riga day `today` at `now`, on its meal calendar:
 * - `next-day`: on a meal day, at the later of `mealReportTime` and the previous-day cut-off, the
 *   order for the next meal day (Friday → Monday, over holidays and closures), as of that day's
 *   order cut-off;
 * - `same-day-final`: on a meal day, at the same-day cut-off, today's final numbers.
 * Only today's: a report for a day already served is of no use to the kitchen, so a worker down for
 * days catches up on today's reports only. `settleMs` lets a change stamped just before a cut-off,
 * whose transaction commits just after it, be counted.
 */
export function dueReports(calendar: MealCalendar, today: string, now: Date, settleMs: number): DueReport[] {
  if (!calendar.isMealDay(today)) return [];
  const due: DueReport[] = [];
  const reportAt = rigaDateTime(today, reportTimes(calendar.settings)['next-day']);
  const next = calendar.nextMealDay(today);
  if (now.getTime() >= reportAt.getTime() + settleMs) due.push({ kind: 'next-day', date: next, countsAt: calendar.cutoffs(next).order });
  const sameDay = calendar.cutoffs(today).sameDay;
  if (now.getTime() >= sameDay.getTime() + settleMs) due.push({ kind: 'same-day-final', date: today, countsAt: sameDay });
  return due;
}

/**
 * The Riga time of day ("HH:MM") at which each report falls due: the order at the later of
 * `mealReportTime` and the previous-day cut-off (its counts must not change after it is sent), the
 * final correction at the same-day cut-off.
 */
export function reportTimes(settings: Pick<InstitutionSettings, 'absenceCutoffPreviousDay' | 'absenceCutoffSameDay' | 'mealReportTime'>): Record<MealReportKind, string> {
  const { absenceCutoffPreviousDay, absenceCutoffSameDay, mealReportTime } = settings;
  return { 'next-day': mealReportTime > absenceCutoffPreviousDay ? mealReportTime : absenceCutoffPreviousDay, 'same-day-final': absenceCutoffSameDay };
}
