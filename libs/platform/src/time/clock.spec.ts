import { FixedClock, SystemClock } from './clock';

describe('FixedClock', () => {
  it('starts at the given instant (Date or ISO string with offset)', () => {
    expect(new FixedClock('2026-03-28T21:30:00Z').now().toISOString()).toBe('2026-03-28T21:30:00.000Z');
    expect(new FixedClock('2026-03-29T09:30:00+03:00').now().toISOString()).toBe('2026-03-29T06:30:00.000Z');
    expect(new FixedClock(new Date(Date.UTC(2026, 0, 1))).now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('rejects strings without an explicit offset and invalid instants', () => {
    expect(() => new FixedClock('2026-03-29T09:30')).toThrow(RangeError);
    expect(() => new FixedClock('2026-03-29')).toThrow(RangeError);
    expect(() => new FixedClock('tomorrow')).toThrow(RangeError);
    expect(() => new FixedClock(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => new FixedClock('2026-02-30T10:00:00Z')).toThrow(RangeError);
    expect(() => new FixedClock('2026-03-29T24:30:00Z')).toThrow(RangeError);
  });

  it('hands out independent Date objects', () => {
    const clock = new FixedClock('2026-01-01T00:00:00Z');
    const a = clock.now();
    a.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('moves only when told to', () => {
    const clock = new FixedClock('2026-03-28T21:59:00Z');
    clock.advance(500).advanceSeconds(30).advanceMinutes(1).advanceHours(2).advanceDays(1);
    expect(clock.now().toISOString()).toBe('2026-03-30T00:00:30.500Z');
    clock.advanceMinutes(-30);
    expect(clock.now().toISOString()).toBe('2026-03-29T23:30:30.500Z');
    clock.set('2025-12-31T22:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-12-31T22:00:00.000Z');
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
    expect(() => clock.advanceMinutes(Infinity)).toThrow(RangeError);
  });
});

describe('SystemClock', () => {
  afterEach(() => jest.useRealTimers());

  it('reads the host clock', () => {
    jest.useFakeTimers({ now: new Date('2026-05-04T06:00:00Z') });
    expect(new SystemClock().now().toISOString()).toBe('2026-05-04T06:00:00.000Z');
  });
});
