import { CalendarService, ClosureSet } from './calendar.service';
import { FixedClock } from './clock';
import { LATVIAN_EXTRA_DAYS_OFF } from './latvian-holidays';
import { dayOfWeek, eachDate } from './riga-time';

const NEW_YEAR = 'Jaunais Gads';
const GOOD_FRIDAY = 'Lielā Piektdiena';
const EASTER = 'Lieldienas';
const EASTER_MONDAY = 'Otrās Lieldienas';
const LABOUR_DAY = 'Darba svētki';
const INDEPENDENCE = 'Latvijas Republikas Neatkarības atjaunošanas diena';
const MOTHERS_DAY = 'Mātes diena';
const PENTECOST = 'Vasarsvētki';
const LIGO = 'Līgo Diena';
const JANI = 'Jāņi';
const PROCLAMATION = 'Latvijas Republikas proklamēšanas diena';
const CHRISTMAS_EVE = 'Ziemassvētku vakars';
const CHRISTMAS = 'Ziemassvētki';
const CHRISTMAS_2 = 'Otrie Ziemassvētki';
const NEW_YEARS_EVE = 'Vecgada vakars';
const MOVED = ' (pārceltā brīvdiena)';

describe('CalendarService', () => {
  let clock: FixedClock;
  let calendar: CalendarService;

  beforeEach(() => {
    clock = new FixedClock('2026-03-28T21:30:00Z');
    calendar = new CalendarService(clock);
  });

  describe('today / now', () => {
    it('returns the injected clock instant', () => {
      expect(calendar.now().toISOString()).toBe('2026-03-28T21:30:00.000Z');
    });

    it('switches at Riga midnight in winter (22:00Z)', () => {
      clock.set('2025-12-31T21:59:59.999Z');
      expect(calendar.today()).toBe('2025-12-31');
      clock.advance(1);
      expect(calendar.today()).toBe('2026-01-01');
    });

    it('switches at Riga midnight in summer (21:00Z)', () => {
      clock.set('2026-08-31T20:59:59Z');
      expect(calendar.today()).toBe('2026-08-31');
      clock.advanceSeconds(1);
      expect(calendar.today()).toBe('2026-09-01');
    });

    it('around the spring-forward Sunday 2026-03-29', () => {
      clock.set('2026-03-28T21:30:00Z');
      expect(calendar.today()).toBe('2026-03-28');
      clock.set('2026-03-28T22:30:00Z');
      expect(calendar.today()).toBe('2026-03-29');
    });

    it('around the fall-back Sunday 2026-10-25', () => {
      clock.set('2026-10-24T20:30:00Z');
      expect(calendar.today()).toBe('2026-10-24');
      clock.set('2026-10-24T21:30:00Z');
      expect(calendar.today()).toBe('2026-10-25');
      clock.set('2026-10-24T22:30:00Z');
      expect(calendar.today()).toBe('2026-10-25');
    });
  });

  describe('publicHolidays', () => {
    it('2025 (4 May is a Sunday → Monday 5 May off)', () => {
      expect(calendar.publicHolidays(2025)).toEqual([
        { date: '2025-01-01', name: NEW_YEAR },
        { date: '2025-04-18', name: GOOD_FRIDAY },
        { date: '2025-04-20', name: EASTER },
        { date: '2025-04-21', name: EASTER_MONDAY },
        { date: '2025-05-01', name: LABOUR_DAY },
        { date: '2025-05-04', name: INDEPENDENCE },
        { date: '2025-05-05', name: INDEPENDENCE + MOVED },
        { date: '2025-05-11', name: MOTHERS_DAY },
        { date: '2025-06-08', name: PENTECOST },
        { date: '2025-06-23', name: LIGO },
        { date: '2025-06-24', name: JANI },
        { date: '2025-11-18', name: PROCLAMATION },
        { date: '2025-12-24', name: CHRISTMAS_EVE },
        { date: '2025-12-25', name: CHRISTMAS },
        { date: '2025-12-26', name: CHRISTMAS_2 },
        { date: '2025-12-31', name: NEW_YEARS_EVE },
      ]);
    });

    it('2026 (4 May is a Monday, 18 Nov a Wednesday: nothing moves)', () => {
      expect(calendar.publicHolidays(2026)).toEqual([
        { date: '2026-01-01', name: NEW_YEAR },
        { date: '2026-04-03', name: GOOD_FRIDAY },
        { date: '2026-04-05', name: EASTER },
        { date: '2026-04-06', name: EASTER_MONDAY },
        { date: '2026-05-01', name: LABOUR_DAY },
        { date: '2026-05-04', name: INDEPENDENCE },
        { date: '2026-05-10', name: MOTHERS_DAY },
        { date: '2026-05-24', name: PENTECOST },
        { date: '2026-06-23', name: LIGO },
        { date: '2026-06-24', name: JANI },
        { date: '2026-11-18', name: PROCLAMATION },
        { date: '2026-12-24', name: CHRISTMAS_EVE },
        { date: '2026-12-25', name: CHRISTMAS },
        { date: '2026-12-26', name: CHRISTMAS_2 },
        { date: '2026-12-31', name: NEW_YEARS_EVE },
      ]);
    });

    it('2027 (Easter 28 March; 4 May Tuesday, 18 Nov Thursday)', () => {
      expect(calendar.publicHolidays(2027)).toEqual([
        { date: '2027-01-01', name: NEW_YEAR },
        { date: '2027-03-26', name: GOOD_FRIDAY },
        { date: '2027-03-28', name: EASTER },
        { date: '2027-03-29', name: EASTER_MONDAY },
        { date: '2027-05-01', name: LABOUR_DAY },
        { date: '2027-05-04', name: INDEPENDENCE },
        { date: '2027-05-09', name: MOTHERS_DAY },
        { date: '2027-05-16', name: PENTECOST },
        { date: '2027-06-23', name: LIGO },
        { date: '2027-06-24', name: JANI },
        { date: '2027-11-18', name: PROCLAMATION },
        { date: '2027-12-24', name: CHRISTMAS_EVE },
        { date: '2027-12-25', name: CHRISTMAS },
        { date: '2027-12-26', name: CHRISTMAS_2 },
        { date: '2027-12-31', name: NEW_YEARS_EVE },
      ]);
    });

    it('moves 4 May / 18 Nov on a weekend to the next Monday', () => {
      const moved = (year: number) =>
        calendar
          .publicHolidays(year)
          .filter((h) => h.name.endsWith(MOVED))
          .map((h) => h.date);
      expect(moved(2018)).toEqual(['2018-07-09', '2018-11-19']);
      expect(moved(2023)).toEqual(['2023-07-10', '2023-11-20']);
      expect(moved(2024)).toEqual(['2024-05-06']); // 4 May 2024 Saturday
      expect(moved(2025)).toEqual(['2025-05-05']); // 4 May 2025 Sunday
      expect(moved(2026)).toEqual([]);
      expect(moved(2027)).toEqual([]);
      expect(moved(2028)).toEqual(['2028-11-20']); // 18 Nov 2028 Saturday
      expect(calendar.isWorkingDay('2028-11-20')).toBe(false);
      expect(calendar.isWorkingDay('2024-05-06')).toBe(false);
      expect(calendar.isWorkingDay('2025-05-05')).toBe(false);
    });

    it('includes one-off days decided by the Saeima', () => {
      expect(calendar.holidayName('2023-05-29')).toMatch(/hokeja/); // from date-holidays
      expect(calendar.holidayName('2018-09-24')).toBe('Pāvesta Franciska pastorālās vizītes diena');
      expect(calendar.holidayName('2023-07-09')).toBe('Vispārējo latviešu Dziesmu un deju svētku noslēguma diena');
      expect(calendar.isWorkingDay('2023-07-10')).toBe(false);
      expect(calendar.isWorkingDay('2018-07-09')).toBe(false);
      for (const extra of LATVIAN_EXTRA_DAYS_OFF) {
        expect(calendar.isPublicHoliday(extra.date)).toBe(true);
        expect(extra.source.length).toBeGreaterThan(20);
      }
    });

    it('is sorted, unique, and Mother’s Day / Pentecost are always Sundays', () => {
      for (let year = 2018; year <= 2035; year++) {
        const dates = calendar.publicHolidays(year).map((h) => h.date);
        expect([...new Set(dates)].sort()).toEqual(dates);
        for (const h of calendar.publicHolidays(year)) {
          if (h.name === MOTHERS_DAY || h.name === PENTECOST || h.name === EASTER) {
            expect(dayOfWeek(h.date)).toBe(7);
          }
        }
      }
    });

    it('cannot be corrupted by the caller', () => {
      const list = calendar.publicHolidays(2026);
      list.pop();
      expect(() => {
        (list[0] as { name: string }).name = 'x';
      }).toThrow(TypeError);
      expect(calendar.publicHolidays(2026)).toHaveLength(15);
      expect(calendar.publicHolidays(2026)[0]!.name).toBe(NEW_YEAR);
    });

    it('rejects unsupported years', () => {
      expect(() => calendar.publicHolidays(2026.5)).toThrow(RangeError);
      expect(() => calendar.publicHolidays(1800)).toThrow(RangeError);
    });
  });

  describe('day classification', () => {
    it('isPublicHoliday / isWeekend / isWorkingDay', () => {
      expect(calendar.isPublicHoliday('2026-04-03')).toBe(true);
      expect(calendar.isPublicHoliday('2026-04-02')).toBe(false);
      expect(calendar.isPublicHoliday('2026-12-31')).toBe(true);
      expect(calendar.isWeekend('2026-03-28')).toBe(true);
      expect(calendar.isWeekend('2026-03-29')).toBe(true);
      expect(calendar.isWeekend('2026-03-30')).toBe(false);
      expect(calendar.isWorkingDay('2026-03-30')).toBe(true);
      expect(calendar.isWorkingDay('2026-03-28')).toBe(false);
      expect(calendar.isWorkingDay('2026-06-23')).toBe(false);
      expect(calendar.isWorkingDay('2026-06-22')).toBe(true); // Cabinet transfer not applied nationally
      expect(calendar.holidayName('2026-06-22')).toBeUndefined();
      expect(() => calendar.isWorkingDay('2026-02-29')).toThrow(RangeError);
    });

    it('counts 250 working days in 2026 and 252 in 2027', () => {
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
      expect(eachDate('2026-01-01', '2026-12-31').filter((d) => calendar.isWorkingDay(d))).toHaveLength(250);
      // 2027: 261 weekdays minus 1 Jan, 26 Mar, 29 Mar, 4 May, 23 Jun, 24 Jun, 18 Nov, 24 Dec, 31 Dec.
      expect(calendar.workingDaysBetween('2026-12-31', '2027-12-31')).toBe(252);
    });
  });

  describe('working-day arithmetic', () => {
    it('5 working days after 2026-04-30 skips 1 May, the weekend and 4 May', () => {
      expect(calendar.addWorkingDays('2026-04-30', 5)).toBe('2026-05-11');
      expect(calendar.addWorkingDays('2026-04-30', 1)).toBe('2026-05-05');
      expect(calendar.workingDaysBetween('2026-04-30', '2026-05-11')).toBe(5);
    });

    it('skips the moved 4 May in 2025', () => {
      expect(calendar.addWorkingDays('2025-04-30', 1)).toBe('2025-05-02');
      expect(calendar.addWorkingDays('2025-04-30', 2)).toBe('2025-05-06');
    });

    it('across Easter', () => {
      expect(calendar.nextWorkingDay('2026-04-02')).toBe('2026-04-07');
      expect(calendar.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
      expect(calendar.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
      expect(calendar.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    });

    it('across Christmas and New Year', () => {
      expect(calendar.addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
      expect(calendar.addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
      expect(calendar.addWorkingDays('2026-12-23', 4)).toBe('2027-01-04');
      expect(calendar.addWorkingDays('2027-01-04', -4)).toBe('2026-12-23');
      expect(calendar.previousWorkingDay('2026-01-02')).toBe('2025-12-30');
      expect(calendar.nextWorkingDay('2025-12-30')).toBe('2026-01-02');
    });

    it('across Līgo and Jāņi', () => {
      expect(calendar.nextWorkingDay('2026-06-22')).toBe('2026-06-25');
      expect(calendar.addWorkingDays('2025-06-20', 1)).toBe('2025-06-25');
    });

    it('n = 0 returns the date unchanged; workingDayOnOrAfter rolls forward', () => {
      expect(calendar.addWorkingDays('2026-05-01', 0)).toBe('2026-05-01');
      expect(calendar.workingDayOnOrAfter('2026-05-01')).toBe('2026-05-05');
      expect(calendar.workingDayOnOrAfter('2026-05-05')).toBe('2026-05-05');
      expect(() => calendar.addWorkingDays('2026-05-01', 1.5)).toThrow(RangeError);
    });

    it('counts from a non-working start day without counting it', () => {
      expect(calendar.addWorkingDays('2026-03-28', 1)).toBe('2026-03-30'); // Saturday → Monday
      expect(calendar.addWorkingDays('2026-03-29', -1)).toBe('2026-03-27'); // Sunday → Friday
    });

    it('workingDaysBetween counts steps: (from, to] forwards, [to, from) backwards', () => {
      expect(calendar.workingDaysBetween('2026-03-30', '2026-03-30')).toBe(0);
      expect(calendar.workingDaysBetween('2026-03-27', '2026-03-30')).toBe(1); // Fri → Mon
      expect(calendar.workingDaysBetween('2026-03-30', '2026-03-27')).toBe(-1); // Mon → Fri
      expect(calendar.workingDaysBetween('2026-03-28', '2026-03-30')).toBe(1); // Sat → Mon
      expect(calendar.workingDaysBetween('2026-03-28', '2026-03-27')).toBe(-1); // Sat → Fri
      expect(calendar.workingDaysBetween('2026-03-28', '2026-03-29')).toBe(0); // Sat → Sun
      expect(calendar.workingDaysBetween('2026-05-11', '2026-04-30')).toBe(-5);
    });

    it('workingDaysBetween is the inverse of addWorkingDays', () => {
      const starts = ['2025-12-20', '2025-12-24', '2026-03-28', '2026-04-01', '2026-04-06', '2026-06-20', '2026-06-22'];
      for (const start of starts) {
        for (const n of [-30, -12, -5, -1, 0, 1, 2, 7, 30]) {
          const end = calendar.addWorkingDays(start, n);
          expect(calendar.workingDaysBetween(start, end)).toBe(n);
          if (n !== 0) expect(calendar.isWorkingDay(end)).toBe(true);
        }
      }
    });
  });

  describe('closures', () => {
    const transfer = ClosureSet.of([{ from: '2026-01-02', to: '2026-01-02', reason: 'MK transferred working day' }]);
    const autumnBreak = ClosureSet.of([{ from: '2026-10-26', to: '2026-10-30', reason: 'rudens brīvdienas' }]);

    it('are not working days', () => {
      expect(calendar.isWorkingDay('2026-01-02')).toBe(true);
      expect(calendar.isWorkingDay('2026-01-02', transfer)).toBe(false);
      expect(calendar.nextWorkingDay('2025-12-30', transfer)).toBe('2026-01-05');
      expect(calendar.previousWorkingDay('2026-01-05', transfer)).toBe('2025-12-30');
    });

    it('combine with weekends and holidays', () => {
      expect(calendar.addWorkingDays('2026-10-23', 1, autumnBreak)).toBe('2026-11-02');
      expect(calendar.workingDaysBetween('2026-10-23', '2026-11-02', autumnBreak)).toBe(1);
      expect(calendar.workingDaysBetween('2026-10-23', '2026-11-02')).toBe(6);
      const both = ClosureSet.of([...transfer.ranges, ...autumnBreak.ranges]);
      expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31', both)).toBe(250 - 6);
    });

    it('gives up on a closure that never ends', () => {
      const forever = ClosureSet.of([{ from: '2026-01-01', to: '2099-12-31' }]);
      expect(() => calendar.nextWorkingDay('2026-01-01', forever)).toThrow(RangeError);
    });
  });
});

describe('ClosureSet', () => {
  it('merges overlapping and adjacent ranges and answers has()', () => {
    const set = new ClosureSet([
      { from: '2026-02-16', to: '2026-02-20' },
      { from: '2026-02-10', to: '2026-02-12' },
      { from: '2026-02-13', to: '2026-02-13' },
      { from: '2026-02-18', to: '2026-02-23' },
      { from: '2026-03-01', to: '2026-03-01' },
    ]);
    expect(set.ranges).toEqual([
      { from: '2026-02-10', to: '2026-02-13' },
      { from: '2026-02-16', to: '2026-02-23' },
      { from: '2026-03-01', to: '2026-03-01' },
    ]);
    const closed = eachDate('2026-02-01', '2026-03-10').filter((d) => set.has(d));
    expect(closed).toEqual([
      ...eachDate('2026-02-10', '2026-02-13'),
      ...eachDate('2026-02-16', '2026-02-23'),
      '2026-03-01',
    ]);
  });

  it('is immutable and validates input', () => {
    const set = ClosureSet.of([{ from: '2026-02-10', to: '2026-02-12' }]);
    expect(Object.isFrozen(set)).toBe(true);
    expect(Object.isFrozen(set.ranges)).toBe(true);
    expect(ClosureSet.of([])).toBe(ClosureSet.EMPTY);
    expect(ClosureSet.EMPTY.isEmpty).toBe(true);
    expect(ClosureSet.EMPTY.has('2026-01-01')).toBe(false);
    expect(() => ClosureSet.of([{ from: '2026-02-12', to: '2026-02-10' }])).toThrow(RangeError);
    expect(() => ClosureSet.of([{ from: '2026-02-30', to: '2026-03-01' }])).toThrow(RangeError);
    expect(() => set.has('2026-2-10')).toThrow(RangeError);
  });
});
