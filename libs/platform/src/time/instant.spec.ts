import { isIsoInstant, parseIsoInstant } from './instant';

describe('parseIsoInstant', () => {
  it('reads extended-format instants with Z or an offset, to the millisecond', () => {
    expect(parseIsoInstant('2026-09-01T08:00:00Z')?.toISOString()).toBe('2026-09-01T08:00:00.000Z');
    expect(parseIsoInstant('2026-09-01T08:00+03:00')?.toISOString()).toBe('2026-09-01T05:00:00.000Z');
    expect(parseIsoInstant('2026-12-03T10:00:00-02:30')?.toISOString()).toBe('2026-12-03T12:30:00.000Z');
    expect(parseIsoInstant('2026-09-01T08:00:00.123Z')?.toISOString()).toBe('2026-09-01T08:00:00.123Z');
    expect(parseIsoInstant('2026-09-01T08:00:00.123456789Z')?.toISOString()).toBe('2026-09-01T08:00:00.123Z');
    expect(parseIsoInstant('2028-02-29T23:59:59+02:00')?.toISOString()).toBe('2028-02-29T21:59:59.000Z');
  });

  it.each([
    ['no offset', '2026-12-03T10:00'],
    ['no offset, with seconds', '2026-12-03T10:00:00.000'],
    ['a date alone', '2026-12-03'],
    ['an ISO week date', '2026-W49-4'],
    ['a week date with time', '2026-W49-4T10:00:00Z'],
    ['an ordinal date', '2026-337T10:00:00Z'],
    ['basic format', '20261203T100000Z'],
    ['a space instead of T', '2026-12-03 10:00:00Z'],
    ['lower-case z', '2026-12-03T10:00:00z'],
    ['an impossible date', '2026-02-30T00:00:00Z'],
    ['hour 24', '2026-09-01T24:00:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['an offset of 24 hours', '2026-09-01T08:00:00+24:00'],
    ['an offset without colon', '2026-09-01T08:00:00+0300'],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['a trailing newline', '2026-09-01T08:00:00Z\n'],
    ['words', 'yesterday'],
    ['epoch seconds', '1700000000'],
    ['an empty string', ''],
  ])('refuses %s', (_, value) => {
    expect(parseIsoInstant(value)).toBeUndefined();
    expect(isIsoInstant(value)).toBe(false);
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 1700000000, new Date(0), ['2026-09-01T08:00:00Z']]) expect(parseIsoInstant(value)).toBeUndefined();
  });
});
