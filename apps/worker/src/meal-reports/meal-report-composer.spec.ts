import type { MealReportCounts } from '@app/attendance';
import { mealLabels } from './meal-labels';
import { changeLine, reportTable, toCsv, totalsLine } from './meal-report-composer';

const en = mealLabels('en');

const c = (standard: number, vegetarian = 0) => ({ standard, vegetarian, lactose_free: 0, gluten_free: 0, other: 0, total: standard + vegetarian });
const counts: MealReportCounts = {
  groups: [{ groupId: 'g', name: '=SUM("A1")', meals: { lunch: c(3, 1) } }],
  totals: { lunch: c(3, 1) },
  difference: { lunch: -1 },
};

describe('meal report text and CSV', () => {
  it('one row per group and meal, then totals; a formula-looking group name is defused and quotes doubled', () => {
    expect(toCsv(reportTable(counts, en)).split('\r\n')).toEqual([
      '"group","meal","standard","vegetarian","lactose-free","gluten-free","other","total"',
      `"'=SUM(""A1"")","lunch","3","1","0","0","0","4"`,
      '"total","lunch","3","1","0","0","0","4"',
      '',
    ]);
  });

  it('totals and the change since the order, signed; no change line without an order or a change', () => {
    expect(totalsLine(counts, en)).toBe('lunch 4');
    expect(changeLine(counts, en)).toBe('lunch -1');
    expect(changeLine({ ...counts, difference: { lunch: 2 } }, en)).toBe('lunch +2');
    expect(changeLine({ ...counts, difference: { lunch: 0 } }, en)).toBeNull();
    expect(changeLine({ ...counts, difference: undefined }, en)).toBeNull();
  });

  it('speaks the reader’s language: a Latvian kitchen reads Latvian meal and diet names', () => {
    const lv = mealLabels('lv');
    expect(reportTable(counts, lv).head).toEqual(['grupa', 'ēdienreize', 'parastā', 'veģetārā', 'bez laktozes', 'bez glutēna', 'cita', 'kopā']);
    expect(totalsLine(counts, lv)).toBe('pusdienas 4');
    expect(changeLine(counts, mealLabels('ru'))).toBe('обед -1');
  });
});
