import { DomainError } from '@app/platform/errors';
import { parseInstant, requireDateRange, requireLocalDate, requireLocalTime } from './dates';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return `${e.kind}:${e.code}`;
    throw e;
  }
  return undefined;
};

describe('requireLocalDate', () => {
  it('accepts real calendar dates', () => {
    expect(requireLocalDate('2028-02-29', 'from')).toBe('2028-02-29');
    expect(codeOf(() => requireLocalDate('2026-12-31', 'from'))).toBeUndefined();
  });

  it('refuses impossible dates and years outside the calendar with 400 INVALID_DATE', () => {
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-01', '0999-01-01', '3000-01-01', '']) {
      expect(codeOf(() => requireLocalDate(bad, 'from'))).toBe('invalid:INVALID_DATE');
    }
  });
});

describe('requireDateRange', () => {
  it('allows one-day and open ranges', () => {
    expect(codeOf(() => requireDateRange('2026-09-01', '2026-09-01'))).toBeUndefined();
    expect(codeOf(() => requireDateRange('2026-09-01', null))).toBeUndefined();
    expect(codeOf(() => requireDateRange('2026-09-01', undefined))).toBeUndefined();
  });

  it('refuses to before from with INVALID_DATE_RANGE, bad ends with INVALID_DATE', () => {
    expect(codeOf(() => requireDateRange('2026-09-02', '2026-09-01'))).toBe('invalid:INVALID_DATE_RANGE');
    expect(codeOf(() => requireDateRange('2026-09-01', '2026-09-31'))).toBe('invalid:INVALID_DATE');
    expect(codeOf(() => requireDateRange('2026-02-30', '2026-03-01'))).toBe('invalid:INVALID_DATE');
  });
});

describe('requireLocalTime', () => {
  it('accepts HH:mm 00:00–23:59 only', () => {
    expect(requireLocalTime('00:00', 't')).toBe('00:00');
    expect(requireLocalTime('23:59', 't')).toBe('23:59');
    for (const bad of ['24:00', '9:30', '09:60', '09:30:00', '']) expect(codeOf(() => requireLocalTime(bad, 't'))).toBe('invalid:INVALID_TIME');
  });
});

describe('parseInstant', () => {
  it('parses instants with an offset', () => {
    expect(parseInstant('2026-09-01T08:00:00Z', 'from').toISOString()).toBe('2026-09-01T08:00:00.000Z');
    expect(parseInstant('2026-09-01T08:00+03:00', 'from').toISOString()).toBe('2026-09-01T05:00:00.000Z');
    expect(parseInstant('2026-09-01T08:00:00.123Z', 'from').toISOString()).toBe('2026-09-01T08:00:00.123Z');
  });

  it('refuses missing offsets, impossible dates and junk with INVALID_INSTANT', () => {
    for (const bad of ['2026-09-01T08:00:00', '2026-09-01', '2026-02-30T00:00:00Z', '2026-09-01T24:00:00Z', 'yesterday', '1700000000']) {
      expect(codeOf(() => parseInstant(bad, 'from'))).toBe('invalid:INVALID_INSTANT');
    }
  });
});
