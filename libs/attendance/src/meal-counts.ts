import { createHash } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { DIETS, MEALS, type Diet, type Meal } from './entities';
import type { MealCalendar, MealCutoffs } from './meal-calendar';

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
  institution_id: string;
  group_id: string;
  group_name: string;
  breakfast: boolean | number;
  lunch: boolean | number;
  snack: boolean | number;
  diet: Diet;
  eating: number | string;
}

/** Institutions per statement (SQLite's bound-parameter limit is far above; this keeps the SQL short). */
const BATCH = 500;

/**
 * The kitchen's numbers for a day: children enrolled that day who eat, minus those whose meals a
 * notice cancelled as known at `asOf`, per group × diet, set-based: one statement for every
 * institution that shares the day's cut-off instants (all of them, with the default settings). The
 * cancellation test is `mealsCancelled` (meal-cutoffs.ts) in SQL: what the periods said at the order
 * cut-off, plus periods that came in after it but by the same-day cut-off.
 */
@Injectable()
export class MealCounts {
  constructor(private readonly em: EntityManager) {}

  async forDay(institutionId: string, date: string, calendar: MealCalendar, now: Date): Promise<MealCountsView> {
    const [view] = await this.forInstitutions(date, [{ institutionId, calendar }], now);
    return view;
  }

  /** Counts for many institutions, in the order given; institutions with the same cut-offs share a statement. */
  async forInstitutions(date: string, institutions: readonly { institutionId: string; calendar: MealCalendar }[], now: Date): Promise<MealCountsView[]> {
    const views = new Map<string, MealCountsView>();
    const batches = new Map<string, { cutoffs: MealCutoffs; ids: string[] }>();
    for (const { institutionId, calendar } of institutions) {
      if (!calendar.isMealDay(date)) {
        views.set(institutionId, seal({ institutionId, date, mealDay: false, asOf: now, cutoffs: null, final: true, groups: [], totals: {} }));
        continue;
      }
      const cutoffs = calendar.cutoffs(date);
      const key = `${cutoffs.order.getTime()}|${cutoffs.sameDay.getTime()}`;
      const batch = batches.get(key) ?? { cutoffs, ids: [] };
      batch.ids.push(institutionId);
      batches.set(key, batch);
    }
    for (const { cutoffs, ids } of batches.values()) {
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const rows = await this.rows(chunk, date, cutoffs, now);
        for (const id of chunk) views.set(id, toView(id, date, cutoffs, now, rows.filter((r) => r.institution_id === id)));
      }
    }
    return institutions.map((i) => views.get(i.institutionId)!);
  }

  private rows(institutionIds: readonly string[], date: string, cutoffs: MealCutoffs, now: Date): Promise<Row[]> {
    const asOf = now < cutoffs.sameDay ? now : cutoffs.sameDay;
    const orderKnown = asOf < cutoffs.order ? asOf : cutoffs.order;
    const at = (d: Date) => this.em.getPlatform().processDateProperty(d);
    return this.em.getConnection().execute(
      `with kids as (
         select g.institution_id, e.student_id, e.group_id
           from enrolment e join school_group g on g.id = e.group_id
          where g.institution_id in (${institutionIds.map(() => '?').join(', ')}) and g.active = true
            and e.from_date <= ? and (e.to_date is null or e.to_date >= ?)
       ),
       cancelled as (
         select distinct p.student_id
           from absence_period p join kids k on k.student_id = p.student_id
          where p.from_date <= ? and (p.to_date is null or p.to_date >= ?)
            and ((p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?))
                 or (p.valid_from > ? and p.valid_from <= ?))
       )
       select k.institution_id, g.id as group_id, g.name as group_name, m.breakfast, m.lunch, m.snack,
              coalesce(d.diet, 'standard') as diet,
              sum(case when c.student_id is null then 1 else 0 end) as eating
         from kids k
         join school_group g on g.id = k.group_id
         join group_meals m on m.group_id = k.group_id
         left join student_diet d on d.student_id = k.student_id
         left join cancelled c on c.student_id = k.student_id
        group by k.institution_id, g.id, g.name, m.breakfast, m.lunch, m.snack, coalesce(d.diet, 'standard')
        order by g.name, g.id`,
      [...institutionIds, date, date, date, date, at(orderKnown), at(orderKnown), at(cutoffs.order), at(asOf)],
      'all',
    ) as Promise<Row[]>;
  }
}

function toView(institutionId: string, date: string, cutoffs: MealCutoffs, now: Date, rows: readonly Row[]): MealCountsView {
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
  const asOf = now < cutoffs.sameDay ? now : cutoffs.sameDay;
  return seal({ institutionId, date, mealDay: true, asOf, cutoffs, final: now >= cutoffs.sameDay, groups: [...groups.values()], totals });
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
