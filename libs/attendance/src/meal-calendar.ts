import type { InstitutionSettings } from '@app/directory/entities/institution.entity';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { eachDate, rigaDate } from '@app/platform/time/riga-time';

/** The two instants that decide a meal day's order (seed 000 §4.1; DOMAIN.md "Absences and meals"). */
export interface MealCutoffs {
  /** The kitchen orders the day's meals from what is known now: the cut-off time on the meal day before. */
  order: Date;
  /** The morning correction: an absence known by now still cancels the day's meals. */
  sameDay: Date;
}

/**
 * One institution's meal days and cut-offs. Meal days are its working days: Monday–Friday, not a
 * Latvian public holiday (or a day off moved from one), not a closure. Everything is Riga-local
 * (`YYYY-MM-DD` dates, `HH:mm` times, DST handled by the calendar). Pure: build one per question.
 */
export class MealCalendar {
  constructor(
    private readonly calendar: CalendarService,
    readonly settings: InstitutionSettings,
    readonly closures: ClosureSet = ClosureSet.EMPTY,
  ) {}

  isMealDay(date: string): boolean {
    return this.calendar.isWorkingDay(date, this.closures);
  }

  /** The first meal day strictly after `date` (Friday → Monday, over holidays and closures). */
  nextMealDay(date: string): string {
    return this.calendar.nextWorkingDay(date, this.closures);
  }

  previousMealDay(date: string): string {
    return this.calendar.previousWorkingDay(date, this.closures);
  }

  mealDayOnOrAfter(date: string): string {
    return this.calendar.workingDayOnOrAfter(date, this.closures);
  }

  /** The meal days from `from` to `to`, both inclusive. */
  mealDays(from: string, to: string): string[] {
    return eachDate(from, to).filter((d) => this.isMealDay(d));
  }

  /**
   * When meal day `date` is ordered (the previous-day cut-off on the meal day before it, which is
   * also when the kitchen's report for it goes out) and when its morning correction closes.
   */
  cutoffs(date: string): MealCutoffs {
    return {
      order: this.calendar.cutoff(this.previousMealDay(date), this.settings.absenceCutoffPreviousDay),
      sameDay: this.calendar.cutoff(date, this.settings.absenceCutoffSameDay),
    };
  }

  /** The earliest meal day whose order is still open at `at` (a return reported now gets meals from it). */
  firstOpenMealDay(at: Date): string {
    let day = this.mealDayOnOrAfter(rigaDate(at));
    while (at > this.cutoffs(day).order) day = this.nextMealDay(day);
    return day;
  }
}
