import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DEFAULT_INSTITUTION_SETTINGS, Institution, InstitutionClosure, type InstitutionSettings } from '@app/directory/entities';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { MealCalendar } from './meal-calendar';

/** The institution's settings with defaults for keys an older row may lack. */
export function settingsOf(institution: Pick<Institution, 'settings'>): InstitutionSettings {
  return { ...DEFAULT_INSTITUTION_SETTINGS, ...(institution.settings ?? {}) };
}

/** {@link settingsOf} for the column of a raw row: jsonb on PostgreSQL, text on SQLite. */
export function settingsOfColumn(column: Partial<InstitutionSettings> | string | null): InstitutionSettings {
  return settingsOf({ settings: (typeof column === 'string' ? JSON.parse(column) : column) as InstitutionSettings });
}

/**
 * Reads an institution's own rules (settings, closures) for the journal and the worker alike, and
 * builds its {@link MealCalendar}. Reads only; the journal's institution endpoints change them.
 */
@Injectable()
export class InstitutionRules {
  constructor(
    private readonly em: EntityManager,
    private readonly calendar: CalendarService,
  ) {}

  /** Undefined for an unknown or inactive institution. */
  async settings(institutionId: string): Promise<InstitutionSettings | undefined> {
    const institution = await this.em.fork().findOne(Institution, { id: institutionId, active: true }, { fields: ['settings'] });
    return institution ? settingsOf(institution) : undefined;
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
