import { afterQuietHours, parseQuietHours, retryDelayMs } from './quiet-hours';

const q = parseQuietHours('21:00-07:00');

describe('quiet hours (Riga local time)', () => {
  it.each([
    ['2026-10-14T17:59:00Z', '2026-10-14T17:59:00.000Z'], // 20:59 EEST: still allowed
    ['2026-10-14T18:00:00Z', '2026-10-15T04:00:00.000Z'], // 21:00 EEST → 07:00 next morning
    ['2026-10-14T23:30:00Z', '2026-10-15T04:00:00.000Z'], // 02:30 EEST → 07:00 the same morning
    ['2026-10-15T04:00:00Z', '2026-10-15T04:00:00.000Z'], // 07:00 sharp: allowed
    ['2026-12-02T19:30:00Z', '2026-12-03T05:00:00.000Z'], // 21:30 EET → 07:00 EET
  ])('%s → %s', (at, expected) => {
    expect(afterQuietHours(new Date(at), q).toISOString()).toBe(expected);
  });

  it('crosses the autumn DST switch: 22:00 EEST on Saturday 24 Oct waits until 07:00 EET on Sunday', () => {
    expect(afterQuietHours(new Date('2026-10-24T19:00:00Z'), q).toISOString()).toBe('2026-10-25T05:00:00.000Z');
  });

  it('crosses the spring DST switch: 23:00 EET on Saturday 28 Mar waits until 07:00 EEST', () => {
    expect(afterQuietHours(new Date('2026-03-28T21:00:00Z'), q).toISOString()).toBe('2026-03-29T04:00:00.000Z');
  });

  it('off, and a daytime window', () => {
    expect(parseQuietHours('off')).toBeNull();
    const at = new Date('2026-10-14T20:00:00Z');
    expect(afterQuietHours(at, null)).toBe(at);
    expect(afterQuietHours(new Date('2026-10-14T10:00:00Z'), { from: '12:00', to: '14:00' }).toISOString()).toBe('2026-10-14T11:00:00.000Z');
  });
});

describe('retry delays', () => {
  it('grow exponentially with jitter, are capped, and honour Retry-After', () => {
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(20, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0, 90_000)).toBe(90_000);
  });
});
