import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { DietCounts } from '../meal-counts';
import type { Meal } from './group-meals.entity';

export const MEAL_REPORT_KINDS = ['next-day', 'same-day-final'] as const;
export type MealReportKind = (typeof MEAL_REPORT_KINDS)[number];

/** What the kitchen was told: per group the meals served and their diet counts, and the totals. */
export interface MealReportCounts {
  groups: { groupId: string; name: string; meals: Partial<Record<Meal, DietCounts>> }[];
  totals: Partial<Record<Meal, DietCounts>>;
  /** Only on a `same-day-final`: per meal, this report's total minus the next-day report's (absent: no earlier report). */
  difference?: Partial<Record<Meal, number>>;
}

/**
 * One report sent to an institution's kitchen for one meal day: the order (`next-day`, at the
 * next-day report time) or the morning's final correction (`same-day-final`, at the same-day
 * cut-off). Created by one conditional insert, unique on (institution, date, kind): a second sweep,
 * a second worker or a restart finds it and builds nothing. Its id is the `eventId` of the
 * kitchen's delivery rows, which the ordinary sender claims and sends once. Never changed after.
 */
@Entity({ tableName: 'meal_report' })
@Unique({ properties: ['institutionId', 'date', 'kind'] })
export class MealReport {
  [OptionalProps]?: 'sentAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  institutionId!: string;

  /** The meal day, Riga-local `YYYY-MM-DD`. */
  @Property({ type: 'string', length: 10 })
  date!: string;

  @Enum({ items: () => MEAL_REPORT_KINDS })
  kind!: MealReportKind;

  /** The counts' content hash (`MealCountsView.version`): equal versions, equal numbers. */
  @Property({ type: new BigIntType('number') })
  version!: number;

  @Property({ type: 'json' })
  counts!: MealReportCounts;

  /** The cut-off instant the counts are as of. */
  @Property({ type: 'datetime' })
  computedAt!: Date;

  /** When the report was built and handed to the senders. */
  @Property({ type: 'datetime' })
  sentAt: Date = new Date();
}
