import { DEFAULT_INSTITUTION_SETTINGS } from '@app/directory/entities/institution.entity';
import { CalendarService, ClosureSet } from '@app/platform/time/calendar.service';
import { FixedClock } from '@app/platform/time/clock';
import { MealCalendar } from './meal-calendar';
import { mealsCancelled, noticeOutcome, type CoverageVersion } from './meal-cutoffs';

const calendar = new CalendarService(new FixedClock('2026-10-14T07:00:00Z'));
const meals = (closures: ClosureSet = ClosureSet.EMPTY, settings = DEFAULT_INSTITUTION_SETTINGS) => new MealCalendar(calendar, settings, closures);
const at = (iso: string) => new Date(iso);
/** A notice made at `made` and never changed. */
const notice = (from: string, to: string | null, made: string): CoverageVersion[] => [{ from, to, validFrom: at(made), validTo: null }];

describe('MealCalendar: meal days', () => {
  it('goes from Friday to Monday', () => {
    expect(meals().nextMealDay('2026-10-16')).toBe('2026-10-19');
    expect(meals().previousMealDay('2026-10-19')).toBe('2026-10-16');
  });

  it('skips Easter: Thursday before Good Friday → Tuesday after Easter Monday', () => {
    expect(meals().nextMealDay('2027-03-25')).toBe('2027-03-30');
    expect(meals().isMealDay('2027-03-26')).toBe(false);
    expect(meals().isMealDay('2027-03-29')).toBe(false);
  });

  it('skips Līgo and Jāņi (23–24 June)', () => {
    expect(meals().nextMealDay('2027-06-22')).toBe('2027-06-25');
  });

  it('skips the Monday after 18 November on a weekend (moved day off)', () => {
    // 18 Nov 2028 is a Saturday: Monday 20 Nov is the day off
    expect(meals().isMealDay('2028-11-20')).toBe(false);
    expect(meals().nextMealDay('2028-11-17')).toBe('2028-11-21');
    expect(meals().previousMealDay('2028-11-21')).toBe('2028-11-17');
  });

  it('skips institution closures', () => {
    const closed = meals(ClosureSet.of([{ from: '2026-10-19', to: '2026-10-20' }]));
    expect(closed.nextMealDay('2026-10-16')).toBe('2026-10-21');
    expect(closed.mealDays('2026-10-15', '2026-10-21')).toEqual(['2026-10-15', '2026-10-16', '2026-10-21']);
  });
});

describe('MealCalendar: cut-offs in Riga time', () => {
  it('orders a Monday at 09:30 on the Friday before, and corrects it until 08:50 on the Monday', () => {
    expect(meals().cutoffs('2026-10-19')).toEqual({ order: at('2026-10-16T06:30:00Z'), sameDay: at('2026-10-19T05:50:00Z') });
  });

  it('orders the day after Easter Monday on the Thursday before Good Friday', () => {
    expect(meals().cutoffs('2027-03-30').order).toEqual(at('2027-03-25T07:30:00Z')); // EET, UTC+2
  });

  it('orders the day after Jāņi on 22 June', () => {
    expect(meals().cutoffs('2027-06-25').order).toEqual(at('2027-06-22T06:30:00Z'));
  });

  it('keeps Riga wall time across the spring DST switch (last Sunday of March)', () => {
    // switch on Sunday 29 March 2026: Monday 30 March is ordered on Friday 27 March (EET, UTC+2), corrected in EEST
    expect(meals().cutoffs('2026-03-30')).toEqual({ order: at('2026-03-27T07:30:00Z'), sameDay: at('2026-03-30T05:50:00Z') });
  });

  it('keeps Riga wall time across the autumn DST switch (last Sunday of October)', () => {
    // switch on Sunday 25 October 2026: Friday is EEST (UTC+3), Monday EET (UTC+2)
    expect(meals().cutoffs('2026-10-26')).toEqual({ order: at('2026-10-23T06:30:00Z'), sameDay: at('2026-10-26T06:50:00Z') });
  });

  it('reads the institution’s own times', () => {
    const early = meals(ClosureSet.EMPTY, { ...DEFAULT_INSTITUTION_SETTINGS, absenceCutoffPreviousDay: '21:00', absenceCutoffSameDay: '07:00', mealReportTime: '21:00' });
    expect(early.cutoffs('2026-10-15')).toEqual({ order: at('2026-10-14T18:00:00Z'), sameDay: at('2026-10-15T04:00:00Z') });
  });

  it('finds the first day still open for ordering', () => {
    expect(meals().firstOpenMealDay(at('2026-10-14T06:29:00Z'))).toBe('2026-10-15'); // Wed 09:29
    expect(meals().firstOpenMealDay(at('2026-10-14T06:31:00Z'))).toBe('2026-10-16'); // Wed 09:31
    expect(meals().firstOpenMealDay(at('2026-10-16T06:31:00Z'))).toBe('2026-10-20'); // Fri 09:31 → Tuesday
    expect(meals().firstOpenMealDay(at('2026-10-17T10:00:00Z'))).toBe('2026-10-20'); // Saturday
  });
});

describe('mealsCancelled', () => {
  const thursday = '2026-10-15';
  const c = meals().cutoffs(thursday); // order Wed 14 Oct 09:30 (06:30Z), same day Thu 08:50 (05:50Z)

  it('cancels a planned absence reported at 09:29 the day before, also before the morning cut-off', () => {
    expect(mealsCancelled(notice(thursday, thursday, '2026-10-14T06:29:00Z'), thursday, c)).toBe(true);
  });

  it('still cancels at 09:31 the day before, through the morning correction', () => {
    const v = notice(thursday, thursday, '2026-10-14T06:31:00Z');
    expect(mealsCancelled(v, thursday, c)).toBe(true);
    // but the kitchen's order at 09:30 did not know it yet
    expect(mealsCancelled(v, thursday, c, c.order)).toBe(false);
  });

  it('cancels at 08:49 on the day, not at 08:51', () => {
    expect(mealsCancelled(notice(thursday, null, '2026-10-15T05:49:00Z'), thursday, c)).toBe(true);
    expect(mealsCancelled(notice(thursday, null, '2026-10-15T05:51:00Z'), thursday, c)).toBe(false);
  });

  it('takes the cut-off instant itself as on time', () => {
    expect(mealsCancelled(notice(thursday, thursday, '2026-10-15T05:50:00Z'), thursday, c)).toBe(true);
    expect(mealsCancelled(notice(thursday, thursday, '2026-10-15T05:50:00.001Z'), thursday, c)).toBe(false);
  });

  it('orders meals again after a return reported by 09:30 the day before, not after', () => {
    const ended = (changed: string): CoverageVersion[] => [
      { from: '2026-10-12', to: null, validFrom: at('2026-10-09T05:00:00Z'), validTo: at(changed) },
      { from: '2026-10-12', to: '2026-10-14', validFrom: at(changed), validTo: null },
    ];
    expect(mealsCancelled(ended('2026-10-14T06:29:00Z'), thursday, c)).toBe(false);
    expect(mealsCancelled(ended('2026-10-14T06:31:00Z'), thursday, c)).toBe(true);
  });

  it('cancels on the DST switch days at Riga wall time', () => {
    const monday = '2026-03-30'; // after the spring switch: 08:50 EEST = 05:50Z
    const cm = meals().cutoffs(monday);
    expect(mealsCancelled(notice(monday, monday, '2026-03-30T05:49:00Z'), monday, cm)).toBe(true);
    expect(mealsCancelled(notice(monday, monday, '2026-03-30T05:51:00Z'), monday, cm)).toBe(false);
    const autumn = '2026-10-26'; // after the autumn switch: 08:50 EET = 06:50Z
    const ca = meals().cutoffs(autumn);
    expect(mealsCancelled(notice(autumn, autumn, '2026-10-26T06:49:00Z'), autumn, ca)).toBe(true);
    expect(mealsCancelled(notice(autumn, autumn, '2026-10-26T06:51:00Z'), autumn, ca)).toBe(false);
  });
});

describe('noticeOutcome', () => {
  it('lists meal days only, across a holiday, and says when meals resume', () => {
    // Thu 30 Apr .. Tue 5 May 2026: 1 May (Fri) and 4 May (Mon) are holidays
    const v = notice('2026-04-30', '2026-05-05', '2026-04-20T06:00:00Z');
    const out = noticeOutcome(meals(), v, at('2026-04-20T06:00:00Z'));
    expect(out.days.map((d) => d.date)).toEqual(['2026-04-30', '2026-05-05']);
    expect(out.days.every((d) => d.absent && d.mealsCancelled)).toBe(true);
    expect(out.mealsResumeOn).toBe('2026-05-06');
  });

  it('says plainly that today’s meals were already ordered after 08:50', () => {
    const out = noticeOutcome(meals(), notice('2026-10-15', '2026-10-16', '2026-10-15T06:00:00Z'), at('2026-10-15T06:00:00Z'));
    expect(out.days).toEqual([
      { date: '2026-10-15', absent: true, mealsCancelled: false, mealsNote: 'already-ordered' },
      { date: '2026-10-16', absent: true, mealsCancelled: true },
    ]);
    expect(out.mealsResumeOn).toBe('2026-10-19');
  });

  it('ending a notice too late for the next day keeps that day cancelled and resumes the day after', () => {
    // open since Monday; on Thursday 09:31 the parent says the child is back on Friday: Friday is already ordered without them
    const changed = at('2026-10-15T06:31:00Z');
    const v: CoverageVersion[] = [
      { from: '2026-10-12', to: null, validFrom: at('2026-10-09T05:00:00Z'), validTo: changed },
      { from: '2026-10-12', to: '2026-10-15', validFrom: changed, validTo: null },
    ];
    const out = noticeOutcome(meals(), v, changed);
    expect(out.days.at(-1)).toEqual({ date: '2026-10-16', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' });
    expect(out.mealsResumeOn).toBe('2026-10-19');
  });

  it('a notice withdrawn on Wednesday at 10:00 keeps the days already ordered without the child cancelled', () => {
    const withdrawn = at('2026-10-14T07:00:00Z');
    const v: CoverageVersion[] = [{ from: '2026-10-12', to: '2026-10-23', validFrom: at('2026-10-09T05:00:00Z'), validTo: withdrawn }];
    const out = noticeOutcome(meals(), v, withdrawn);
    expect(out.days.map((d) => [d.date, d.absent, d.mealsCancelled])).toEqual([
      ['2026-10-12', false, true],
      ['2026-10-13', false, true],
      ['2026-10-14', false, true],
      ['2026-10-15', false, true],
    ]);
    expect(out.mealsResumeOn).toBe('2026-10-16');
    // withdrawn before it started: nothing was cancelled
    const early = noticeOutcome(meals(), [{ ...v[0], validTo: at('2026-10-09T05:10:00Z') }], withdrawn);
    expect(out.days.length && early.days).toEqual([]);
    expect(early.mealsResumeOn).toBe('2026-10-12');
  });

  it('a notice reported late for its first day and withdrawn after the cut-offs: the days it did cancel stay cancelled', () => {
    // made Friday 08:00 for Thursday (already served) to Tuesday; withdrawn Friday 09:30:30, after Friday's
    // correction and Monday's order
    const withdrawn = at('2026-10-16T06:30:30Z');
    const v: CoverageVersion[] = [{ from: '2026-10-15', to: '2026-10-20', validFrom: at('2026-10-16T05:00:00Z'), validTo: withdrawn }];
    const out = noticeOutcome(meals(), v, withdrawn);
    expect(out.days).toEqual([
      { date: '2026-10-16', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' },
      { date: '2026-10-19', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' },
    ]);
    expect(out.mealsResumeOn).toBe('2026-10-20');
    // withdrawn at 08:10, before Monday's order: Friday stays cancelled (a meal comes back only by the
    // order cut-off), Monday is ordered again
    const early = noticeOutcome(meals(), [{ ...v[0], validTo: at('2026-10-16T05:10:00Z') }], at('2026-10-16T05:10:00Z'));
    expect(early).toEqual({ days: [{ date: '2026-10-16', absent: false, mealsCancelled: true, mealsNote: 'already-cancelled' }], mealsResumeOn: '2026-10-19' });
  });

  it('lists an open-ended notice up to the first day still open for ordering, without a resume day', () => {
    const out = noticeOutcome(meals(), notice('2026-10-14', null, '2026-10-14T07:00:00Z'), at('2026-10-14T07:00:00Z'));
    expect(out.days.map((d) => [d.date, d.mealsCancelled])).toEqual([
      ['2026-10-14', false],
      ['2026-10-15', true],
      ['2026-10-16', true],
    ]);
    expect(out.mealsResumeOn).toBeUndefined();
  });
});
