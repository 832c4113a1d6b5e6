import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DirectoryQueries } from '@app/directory/directory.queries';
import { InstitutionClosure, type InstitutionSettings } from '@app/directory/entities';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { MealCalendar } from './meal-calendar';

/**
 * Reads an institution's own rules (settings, closures) for the journal and the worker alike, and
 * builds its {@link MealCalendar}. Reads only; the journal's institution endpoints change them.
 */
@Injectable()
export class InstitutionRules {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
    private readonly directory: DirectoryQueries,
  ) {}

  /** Undefined for an unknown or inactive institution. */
  settings(institutionId: string): Promise<InstitutionSettings | undefined> {
    return this.directory.institutionSettings(institutionId);
  }

  /** All closures of the institution, ready for the calendar's working-day arithmetic. */
  async closureSet(institutionId: string): Promise<ClosureSet> {
    const rows = await this.em.fork().find(InstitutionClosure, { institution: institutionId }, { fields: ['fromDate', 'toDate', 'reason'] });
    return ClosureSet.of(rows.map((r) => ({ from: r.fromDate, to: r.toDate, reason: r.reason })));
  }

  /** Undefined for an unknown or inactive institution. */
  async mealCalendar(institutionId: string): Promise<MealCalendar | undefined> {
    const [settings, closures] = await Promise.all([this.settings(institutionId), this.closureSet(institutionId)]);
    return settings ? new MealCalendar(this.calendar, settings, closures) : undefined;
  }
}
