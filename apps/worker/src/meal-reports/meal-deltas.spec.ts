import { mealDeltas } from './meal-deltas';

const counts = (standard: number, vegetarian = 0) => ({ standard, vegetarian, lactose_free: 0, gluten_free: 0, other: 0, total: standard + vegetarian });

describe('mealDeltas', () => {
  it('lists only the cells that changed, with their sign', () => {
    const before = [{ groupId: 'a', meals: { breakfast: counts(3, 1), lunch: counts(3, 1) } }];
    const now = [{ groupId: 'a', meals: { breakfast: counts(2, 1), lunch: counts(3, 0) } }];
    expect(mealDeltas(before, now)).toEqual([
      { groupId: 'a', meal: 'breakfast', diet: 'standard', delta: -1 },
      { groupId: 'a', meal: 'lunch', diet: 'vegetarian', delta: -1 },
    ]);
  });

  it('counts a group on one side only as zero on the other', () => {
    expect(mealDeltas([], [{ groupId: 'b', meals: { snack: counts(1) } }])).toEqual([{ groupId: 'b', meal: 'snack', diet: 'standard', delta: 1 }]);
    expect(mealDeltas([{ groupId: 'b', meals: { snack: counts(1) } }], [])).toEqual([{ groupId: 'b', meal: 'snack', diet: 'standard', delta: -1 }]);
  });

  it('is empty when nothing changed', () => {
    const same = [{ groupId: 'a', meals: { lunch: counts(2, 2) } }];
    expect(mealDeltas(same, same)).toEqual([]);
  });
});
