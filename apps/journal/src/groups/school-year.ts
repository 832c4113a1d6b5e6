/** `YYYY/YYYY` where the second year follows the first, e.g. `2026/2027`. */
export const SCHOOL_YEAR_PATTERN = /^\d{4}\/\d{4}$/;

export function isSchoolYear(value: unknown): value is string {
  if (typeof value !== 'string' || !SCHOOL_YEAR_PATTERN.test(value)) return false;
  const first = Number(value.slice(0, 4));
  const second = Number(value.slice(5, 9));
  return first >= 1900 && first <= 2998 && second === first + 1;
}

