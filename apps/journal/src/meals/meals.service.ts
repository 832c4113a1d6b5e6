import { Injectable } from '@nestjs/common';
import { AccessPolicy, Permission } from '@app/access';
import { EntityManager } from '@mikro-orm/core';
import { InstitutionRules, MealCounts, type MealCountsView, MealReport } from '@app/attendance';
import type { Actor } from '@app/auth/actor';
import { DirectoryErrorCode, directoryError } from '@app/directory/directory-errors';
import { DomainError } from '@app/platform/errors/domain-error';
import { CalendarService } from '@app/platform/time/calendar.service';
import { toEpochDay } from '@app/platform/time/riga-time';
import { requireDateRange, requireLocalDate } from '../institutions/dates';
import type { MealCountsQuery, MealReportsQuery } from './meals.dto';

/** A history query reads at most this many days (a school year and a bit). */
const MAX_REPORT_DAYS = 366;

/** The kitchen's numbers: counts only, never names, reasons or notices. */
@Injectable()
export class MealsService {
  constructor(
    private readonly access: AccessPolicy,
    private readonly rules: InstitutionRules,
    private readonly mealCounts: MealCounts,
    private readonly calendar: CalendarService,
    private readonly em: EntityManager,
  ) {}

  /** The day's counts, and the next meal day after it, so a kitchen screen can show both without a calendar of its own. */
  async counts(actor: Actor, q: MealCountsQuery): Promise<MealCountsView & { nextMealDay: string }> {
    this.access.require(actor, Permission.MealCounts, q.institutionId);
    const date = q.date === undefined ? this.calendar.today() : requireLocalDate(q.date, 'date');
    const meals = await this.rules.mealCalendar(q.institutionId);
    if (!meals) throw directoryError.notFound(DirectoryErrorCode.INSTITUTION_NOT_FOUND, 'Institution');
    const view = await this.mealCounts.forDay(q.institutionId, date, meals, this.calendar.now());
    return { ...view, nextMealDay: meals.nextMealDay(date) };
  }

  /** The reports sent for meal days `from`–`to`, by day, the order before its final correction. */
  async reports(actor: Actor, q: MealReportsQuery) {
    this.access.require(actor, Permission.MealCounts, q.institutionId);
    requireDateRange(q.from, q.to);
    if (toEpochDay(q.to) - toEpochDay(q.from) > MAX_REPORT_DAYS) {
      throw new DomainError('invalid', DirectoryErrorCode.INVALID_DATE_RANGE, `at most ${MAX_REPORT_DAYS} days`, [{ field: 'to', issue: `at most ${MAX_REPORT_DAYS} days after from` }]);
    }
    const rows = await this.em.fork().find(
      MealReport,
      { institutionId: q.institutionId, date: { $gte: q.from, $lte: q.to } },
      { orderBy: { date: 'asc', computedAt: 'asc' } },
    );
    return {
      institutionId: q.institutionId,
      from: q.from,
      to: q.to,
      reports: rows.map((r) => ({
        id: r.id,
        date: r.date,
        kind: r.kind,
        version: r.version,
        countsAsOf: r.computedAt,
        sentAt: r.sentAt,
        groups: r.counts.groups,
        totals: r.counts.totals,
        ...(r.counts.difference ? { difference: r.counts.difference } : {}),
      })),
    };
  }
}
