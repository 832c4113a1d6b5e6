import { MealCalendar } from '@app/attendance';
import { DEFAULT_INSTITUTION_SETTINGS } from '@app/directory/entities/institution.entity';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { dueReports } from './meal-report-schedule';

const calendar = new CalendarService(new FixedClock('2026-10-14T07:00:00Z'));
const meals = (settings = DEFAULT_INSTITUTION_SETTINGS, closures = ClosureSet.EMPTY) => new MealCalendar(calendar, settings, closures);
const due = (cal: MealCalendar, today: string, now: string, settleMs = 0) =>
  dueReports(cal, today, new Date(now), settleMs).map((d) => [d.kind, d.date, d.countsAt.toISOString()]);

describe('dueReports', () => {
  it('Friday: the final at 08:50 Riga, Monday’s order at 09:30 (October: UTC+3), not a millisecond before', () => {
    expect(due(meals(), '2026-10-16', '2026-10-16T05:49:59.999Z')).toEqual([]);
    expect(due(meals(), '2026-10-16', '2026-10-16T05:50:00Z')).toEqual([['same-day-final', '2026-10-16', '2026-10-16T05:50:00.000Z']]);
    expect(due(meals(), '2026-10-16', '2026-10-16T06:30:00Z')).toEqual([
      ['next-day', '2026-10-19', '2026-10-16T06:30:00.000Z'],
      ['same-day-final', '2026-10-16', '2026-10-16T05:50:00.000Z'],
    ]);
  });

  it('waits for the settle margin', () => {
    expect(due(meals(), '2026-10-16', '2026-10-16T06:30:10Z', 30_000).map(([kind]) => kind)).toEqual(['same-day-final']);
  });

  it('nothing on a weekend, a holiday or a closure; the order before one reaches over it', () => {
    expect(due(meals(), '2026-10-17', '2026-10-17T12:00:00Z')).toEqual([]);
    expect(due(meals(), '2026-11-18', '2026-11-18T12:00:00Z')).toEqual([]); // Wednesday, a public holiday
    expect(due(meals(), '2027-03-25', '2027-03-25T12:00:00Z')[0]).toEqual(['next-day', '2027-03-30', '2027-03-25T07:30:00.000Z']); // Easter, UTC+2
    const closed = meals(DEFAULT_INSTITUTION_SETTINGS, ClosureSet.of([{ from: '2026-10-19', to: '2026-10-20', reason: 'repairs' }]));
    expect(due(closed, '2026-10-16', '2026-10-16T12:00:00Z')[0]).toEqual(['next-day', '2026-10-21', '2026-10-16T06:30:00.000Z']);
    expect(due(closed, '2026-10-19', '2026-10-19T12:00:00Z')).toEqual([]);
  });

  it('the order goes at the later of the report time and the previous-day cut-off, counted as of the cut-off', () => {
    const late = meals({ ...DEFAULT_INSTITUTION_SETTINGS, mealReportTime: '10:00' });
    expect(due(late, '2026-10-14', '2026-10-14T06:59:00Z').map(([kind]) => kind)).toEqual(['same-day-final']);
    expect(due(late, '2026-10-14', '2026-10-14T07:00:00Z')[0]).toEqual(['next-day', '2026-10-15', '2026-10-14T06:30:00.000Z']);
    const evening = meals({ ...DEFAULT_INSTITUTION_SETTINGS, absenceCutoffPreviousDay: '21:00', absenceCutoffSameDay: '07:00', mealReportTime: '18:00' });
    expect(due(evening, '2026-10-14', '2026-10-14T17:59:00Z')).toEqual([['same-day-final', '2026-10-14', '2026-10-14T04:00:00.000Z']]);
    expect(due(evening, '2026-10-14', '2026-10-14T18:00:00Z')[0]).toEqual(['next-day', '2026-10-15', '2026-10-14T18:00:00.000Z']);
  });
});
