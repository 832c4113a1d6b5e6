import { CalendarService } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { GradeStatementBuilder } from './grade-statement-builder.service';
import { monthBefore, monthBounds } from './statement-month';

describe('statement months', () => {
  const clock = new FixedClock('2026-12-01T06:00:00Z');
  // The schedule needs only the calendar: no database, preferences or configuration.
  const builder = new GradeStatementBuilder(null as never, clock, new CalendarService(clock), null as never, null as never);
  const sendDay = (month: string) => builder.sendDay(`${month}-15`);

  it.each([
    ['2026-12', '2026-12-01'], // Tuesday
    ['2026-08', '2026-08-03'], // the 1st a Saturday: Monday
    ['2026-11', '2026-11-02'], // the 1st a Sunday: Monday
    ['2027-01', '2027-01-04'], // New Year's Day a Friday, then the weekend
    ['2026-05', '2026-05-05'], // 1 May a Friday (Labour Day), 4 May a Monday (Restoration of Independence)
  ])('statements of the month before %s go on %s', (month, day) => {
    expect(sendDay(month)).toBe(day);
  });

  it('the month before, across a year end, and a month’s bounds in leap and common years', () => {
    expect(monthBefore('2027-01-04')).toBe('2026-12');
    expect(monthBefore('2026-12-01')).toBe('2026-11');
    expect(monthBounds('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
});
