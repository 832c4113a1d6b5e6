import { isSchoolYear } from './school-year';

describe('isSchoolYear', () => {
  it('accepts consecutive years', () => {
    expect(isSchoolYear('2026/2027')).toBe(true);
    expect(isSchoolYear('1999/2000')).toBe(true);
  });

  it('refuses non-consecutive, reversed or malformed years', () => {
    for (const bad of ['2026/2026', '2026/2028', '2027/2026', '2026-2027', '26/27', '2026/27', ' 2026/2027', '2026/2027 ', '', '0999/1000']) {
      expect(isSchoolYear(bad)).toBe(false);
    }
    expect(isSchoolYear(undefined)).toBe(false);
    expect(isSchoolYear(20262027)).toBe(false);
  });
});
