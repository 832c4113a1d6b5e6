import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DIETS, MEALS, type Diet, type Meal } from './entities';
import type { MealCalendar } from './meal-calendar';

export type DietCounts = Record<Diet, number> & { total: number };

export interface GroupMealCounts {
  groupId: string;
  name: string;
  /** Only the meals the group is served. */
  meals: Partial<Record<Meal, DietCounts>>;
}

export interface MealCountsView {
  institutionId: string;
  date: string;
  /** Changes whenever any number changes (a content hash), so a client or report can tell "same as before". */
  version: number;
  /** False on weekends, holidays and closures: nothing is ordered, `groups` is empty. */
  mealDay: boolean;
  /** The instant the numbers are as of: now, or the same-day cut-off once it passed. */
  asOf: Date;
  cutoffs: { order: Date; sameDay: Date } | null;
  /** The same-day cut-off has passed: these are the day's numbers. */
  final: boolean;
  groups: GroupMealCounts[];
  totals: Partial<Record<Meal, DietCounts>>;
}

interface Row {
  group_id: string;
  group_name: string;
  breakfast: boolean | number;
  lunch: boolean | number;
  snack: boolean | number;
  diet: Diet;
  eating: number | string;
}

/**
 * The kitchen's numbers for one institution and day: children enrolled that day who eat, minus those
 * whose meals a notice cancelled as known at `asOf`, per group × diet, in one statement. The
 * cancellation test is `mealsCancelled` (meal-cutoffs.ts) in SQL: what the periods said at the order
 * cut-off, plus periods that came in after it but by the same-day cut-off.
 */
@Injectable()
export class MealCounts {
  constructor(private readonly em: EntityManager) {}

  async forDay(institutionId: string, date: string, calendar: MealCalendar, now: Date): Promise<MealCountsView> {
    if (!calendar.isMealDay(date)) {
      return seal({ institutionId, date, mealDay: false, asOf: now, cutoffs: null, final: true, groups: [], totals: {} });
    }
    const cutoffs = calendar.cutoffs(date);
    const asOf = now < cutoffs.sameDay ? now : cutoffs.sameDay;
    const orderKnown = asOf < cutoffs.order ? asOf : cutoffs.order;
    const platform = this.em.getPlatform();
    const at = (d: Date) => platform.processDateProperty(d);
    const rows = (await this.em.getConnection().execute(
      `select g.id as group_id, g.name as group_name, m.breakfast, m.lunch, m.snack,
              coalesce(d.diet, 'standard') as diet,
              sum(case when exists (
                    select 1 from absence_period p
                     where p.student_id = e.student_id and p.from_date <= ? and (p.to_date is null or p.to_date >= ?)
                       and ((p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?))
                            or (p.valid_from > ? and p.valid_from <= ?))
                  ) then 0 else 1 end) as eating
         from enrolment e
         join school_group g on g.id = e.group_id
         join group_meals m on m.group_id = g.id
         left join student_diet d on d.student_id = e.student_id
        where g.institution_id = ? and g.active = true
          and e.from_date <= ? and (e.to_date is null or e.to_date >= ?)
        group by g.id, g.name, m.breakfast, m.lunch, m.snack, coalesce(d.diet, 'standard')
        order by g.name, g.id`,
      [date, date, at(orderKnown), at(orderKnown), at(cutoffs.order), at(asOf), institutionId, date, date],
      'all',
    )) as Row[];
    const groups = new Map<string, GroupMealCounts>();
    const totals: Partial<Record<Meal, DietCounts>> = {};
    for (const r of rows) {
      let g = groups.get(r.group_id);
      if (!g) {
        g = { groupId: r.group_id, name: r.group_name, meals: {} };
        for (const meal of MEALS) if (truthy(r[meal])) g.meals[meal] = emptyCounts();
        groups.set(r.group_id, g);
      }
      const n = Number(r.eating);
      for (const meal of MEALS) {
        const counts = g.meals[meal];
        if (!counts) continue;
        const total = (totals[meal] ??= emptyCounts());
        counts[r.diet] += n;
        counts.total += n;
        total[r.diet] += n;
        total.total += n;
      }
    }
    return seal({ institutionId, date, mealDay: true, asOf, cutoffs, final: now >= cutoffs.sameDay, groups: [...groups.values()], totals });
  }
}

function emptyCounts(): DietCounts {
  return { ...(Object.fromEntries(DIETS.map((d) => [d, 0])) as Record<Diet, number>), total: 0 };
}

const truthy = (v: boolean | number) => v === true || v === 1;

function seal(view: Omit<MealCountsView, 'version'>): MealCountsView {
  const digest = createHash('sha256').update(JSON.stringify([view.mealDay, view.groups, view.totals])).digest();
  const { institutionId, date, ...rest } = view;
  return { institutionId, date, version: digest.readUInt32BE(0), ...rest };
}
