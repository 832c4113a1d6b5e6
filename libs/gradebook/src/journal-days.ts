import type { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { gradebookError } from './mark-scales';

/**
 * Journal entries (lessons, marks) are dated on journal days only: not a Latvian public holiday or a
 * day off moved from one (seed 002 §17), not a closure of the institution, and not after today.
 * Weekends are allowed: interest education meets on Saturdays.
 */
export function requireJournalDay(calendar: CalendarService, closures: ClosureSet, date: string, field = 'date'): void {
  if (date > calendar.today()) throw gradebookError.inFuture(field);
  const holiday = calendar.holidayName(date);
  if (holiday) throw gradebookError.notJournalDay(field, date, `public holiday: ${holiday}`);
  if (closures.has(date)) throw gradebookError.notJournalDay(field, date, 'the institution is closed');
}
