import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { InstitutionRules, MealCounts, type MealCountsView } from '@app/attendance';
import type { Actor } from '@app/auth/actor';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { CalendarService } from '@app/platform/time/calendar.service';
import { requireLocalDate } from '../institutions/dates';
import type { MealCountsQuery } from './meals.dto';

/** The kitchen's numbers: counts only, never names, reasons or notices. */
@Injectable()
export class MealsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly rules: InstitutionRules,
    private readonly mealCounts: MealCounts,
    private readonly calendar: CalendarService,
  ) {}

  async counts(actor: Actor, q: MealCountsQuery): Promise<MealCountsView> {
    this.access.require(actor, Permission.MealCounts, q.institutionId);
    requireLocalDate(q.date, 'date');
    const meals = await this.rules.mealCalendar(q.institutionId);
    if (!meals) throw directoryError.notFound(DirectoryErrorCode.INSTITUTION_NOT_FOUND, 'Institution');
    return this.mealCounts.forDay(q.institutionId, q.date, meals, this.calendar.now());
  }
}
