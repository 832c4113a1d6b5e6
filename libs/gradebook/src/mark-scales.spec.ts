import { DomainError } from '@app/platform/errors';
import { GradebookErrorCode, MARK_SCALES, requireMarkValue, SCALE_VALUES } from './mark-scales';

const refused = (scale: (typeof MARK_SCALES)[number], value: unknown) => {
  try {
    requireMarkValue(scale, value);
  } catch (err) {
    return err instanceof DomainError && err.code === GradebookErrorCode.MARK_OUT_OF_SCALE && err.kind === 'unprocessable';
  }
  return false;
};

describe('mark scales', () => {
  it.each(MARK_SCALES)('%s accepts its own values and null (a justified non-assessment)', (scale) => {
    for (const v of SCALE_VALUES[scale]) expect(requireMarkValue(scale, v)).toBe(v);
    expect(requireMarkValue(scale, null)).toBeNull();
  });

  it('1-10 refuses 0, 11, other spellings and numbers', () => {
    for (const v of ['0', '11', '07', ' 7', '7.5', '', 'pass', 'A', 7, undefined, true]) expect(refused('1-10', v)).toBe(true);
  });

  it('pass-fail refuses marks of the other scales and Latvian words', () => {
    for (const v of ['10', 'S', 'ieskaitīts', 'PASS', 'Pass', 1]) expect(refused('pass-fail', v)).toBe(true);
  });

  it('S-T-A-P refuses lower case, numbers and other letters', () => {
    for (const v of ['s', 'a', 'X', '1', 'pass', 'SS']) expect(refused('S-T-A-P', v)).toBe(true);
  });
});
