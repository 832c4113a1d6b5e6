import { dueDigestDay } from './digest-schedule';

describe('dueDigestDay', () => {
  it('is null before the Riga digest time (and the commits stamped before it have settled), then names the day and its cut', () => {
    // 14 October 2026: Riga is UTC+3 (summer time), so 18:00 there is 15:00Z.
    expect(dueDigestDay(new Date('2026-10-14T14:59:59Z'), '18:00')).toBeNull();
    expect(dueDigestDay(new Date('2026-10-14T15:00:29Z'), '18:00')).toBeNull();
    expect(dueDigestDay(new Date('2026-10-14T15:00:30Z'), '18:00')).toEqual({ day: '2026-10-14', cutAt: new Date('2026-10-14T15:00:00Z') });
    expect(dueDigestDay(new Date('2026-10-14T20:59:00Z'), '18:00')?.day).toBe('2026-10-14');
  });

  it('takes the Riga date, not the UTC one, and follows winter time', () => {
    // 22:30Z on 14 December is already 15 December in Riga (UTC+2).
    expect(dueDigestDay(new Date('2026-12-14T22:30:00Z'), '18:00')).toBeNull();
    expect(dueDigestDay(new Date('2026-12-15T16:00:30Z'), '18:00')).toEqual({ day: '2026-12-15', cutAt: new Date('2026-12-15T16:00:00Z') });
  });
});
