import type { GroupMealCounts } from '@app/attendance';
import { DIETS, MEALS } from '@app/attendance/entities';
import type { MealUpdateEvent } from '@app/notifications/realtime/realtime-bridge';

type Delta = MealUpdateEvent['deltas'][number];

/**
 * Per group × meal × diet, `now` minus `before`, only where they differ. A group or meal present on
 * one side only counts as zero on the other (a group that gained its first child, a meal dropped).
 */
export function mealDeltas(before: readonly Pick<GroupMealCounts, 'groupId' | 'meals'>[], now: readonly Pick<GroupMealCounts, 'groupId' | 'meals'>[]): Delta[] {
  const cells = new Map<string, Delta>();
  const add = (groups: typeof now, sign: 1 | -1) => {
    for (const g of groups) {
      for (const meal of MEALS) {
        const counts = g.meals[meal];
        if (!counts) continue;
        for (const diet of DIETS) {
          const key = `${g.groupId}|${meal}|${diet}`;
          const cell = cells.get(key) ?? { groupId: g.groupId, meal, diet, delta: 0 };
          cell.delta += sign * counts[diet];
          cells.set(key, cell);
        }
      }
    }
  };
  add(before, -1);
  add(now, 1);
  return [...cells.values()].filter((c) => c.delta !== 0);
}
