/**
 * Latvian public holidays (svētku dienas) and the days off they cause, built
 * from `date-holidays` (country `LV`) plus small, cited corrections.
 *
 * Legal basis: law "Par svētku, atceres un atzīmējamām dienām" (On Holidays,
 * Remembrance Days and Days to be Marked), section 1: 1 Jan; Good Friday,
 * Easter Sunday and Easter Monday; 1 May; 4 May; Mother's Day (2nd Sunday of
 * May); Pentecost; 23 and 24 June; the closing day of the General Latvian Song
 * and Dance Festival; 18 Nov; 24, 25, 26 Dec; 31 Dec. When 4 May, 18 Nov or the
 * Song Festival closing day falls on a Saturday or Sunday, the next working day
 * is a day off. One-off days are added by amending that law.
 *
 * What `date-holidays` 3.37.0 gets right for LV: all fixed and Easter-based
 * days off, the 4 May / 18 Nov move to Monday (flagged `substitute: true`),
 * and the one-off 2023-05-29 (hockey bronze). What it lacks or types
 * differently is corrected below:
 * - Pentecost (Vasarsvētki) is missing → added as a rule (always a Sunday, so
 *   it never changes working-day arithmetic);
 * - Mother's Day is typed `observance` → promoted to `public`, as the law lists
 *   it among the holidays (always a Sunday, same remark);
 * - Song Festival closing days and the 2018 papal visit are missing → the
 *   dated table {@link LATVIAN_EXTRA_DAYS_OFF}.
 *
 * Only type `public` counts as a holiday/day off. `bank`, `optional`, `school`
 * and `observance` do not (the LV data uses none of them after the correction).
 *
 * Not modelled here: Cabinet orders on transferred working days ("darba dienu
 * pārcelšana", e.g. Fri 2026-01-02 off, worked on Sat 2026-01-17). They bind
 * only institutions financed from the state budget; municipalities (which run
 * most schools) are only advised to follow. An institution that follows one
 * records the weekday as a closure ({@link ClosureSet}).
 *
 * The current law is applied to every year; results are reliable from 2018.
 */
import Holidays from 'date-holidays';
import { epochDayOfWeek, fromEpochDay, toEpochDay } from './riga-time';

export type PublicHoliday = { date: string; name: string };

/** A correction applied as a `date-holidays` rule in every year. */
export type LatvianHolidayRuleCorrection = {
  /** `date-holidays` rule grammar, e.g. `easter 49`. */
  rule: string;
  name: { lv: string; en: string };
  source: string;
};

/** A dated day off (or holiday) decided by the Saeima that the library lacks. */
export type LatvianExtraDayOff = {
  /** Riga-local `YYYY-MM-DD`. */
  date: string;
  /** Latvian name as shown to users. */
  name: string;
  source: string;
};

export const LATVIAN_HOLIDAY_RULE_CORRECTIONS: readonly LatvianHolidayRuleCorrection[] = Object.freeze([
  {
    rule: 'easter 49',
    name: { lv: 'Vasarsvētki', en: 'Pentecost' },
    source: 'Law "Par svētku, atceres un atzīmējamām dienām", s. 1 (Vasarsvētki); missing in date-holidays 3.37.0',
  },
  {
    rule: '2nd sunday in May',
    name: { lv: 'Mātes diena', en: "Mother's Day" },
    source:
      'Law "Par svētku, atceres un atzīmējamām dienām", s. 1 (maija otrā svētdiena — Mātes diena); date-holidays 3.37.0 types it "observance"',
  },
]);

const SONG_FESTIVAL_CLOSING = 'Vispārējo latviešu Dziesmu un deju svētku noslēguma diena';
const SONG_FESTIVAL_LAW =
  'Law "Par svētku, atceres un atzīmējamām dienām", s. 1: the Song and Dance Festival closing day is a holiday; if it falls on Sat/Sun the next working day is a day off';

/**
 * Dated days the library lacks. Add a row when the Saeima decides a one-off
 * day off, or when the next General Song and Dance Festival's closing day is
 * fixed (XXVIII festival, 2028: add the closing day and, if it is a Sat/Sun,
 * the following Monday).
 */
export const LATVIAN_EXTRA_DAYS_OFF: readonly LatvianExtraDayOff[] = Object.freeze([
  {
    date: '2018-07-08',
    name: SONG_FESTIVAL_CLOSING,
    source: `${SONG_FESTIVAL_LAW}. XXVI festival 2018-06-30..2018-07-08, closing concert Sun 8 July 2018`,
  },
  {
    date: '2018-07-09',
    name: `${SONG_FESTIVAL_CLOSING} (pārceltā brīvdiena)`,
    source: `${SONG_FESTIVAL_LAW}. Closing day 2018-07-08 was a Sunday`,
  },
  {
    date: '2018-09-24',
    name: 'Pāvesta Franciska pastorālās vizītes diena',
    source:
      'Amendment to the law "Par svētku, atceres un atzīmējamām dienām" adopted by the Saeima on 2018-06-21: the day of Pope Francis\'s visit, 24 September 2018, is a holiday',
  },
  {
    date: '2023-07-09',
    name: SONG_FESTIVAL_CLOSING,
    source: `${SONG_FESTIVAL_LAW}. XXVII festival 2023-06-30..2023-07-09, closing concert Sun 9 July 2023`,
  },
  {
    date: '2023-07-10',
    name: `${SONG_FESTIVAL_CLOSING} (pārceltā brīvdiena)`,
    source: `${SONG_FESTIVAL_LAW}. Closing day 2023-07-09 was a Sunday`,
  },
]);

/** Years the calendar will compute (holidays outside are a caller error). */
export const CALENDAR_MIN_YEAR = 1900;
export const CALENDAR_MAX_YEAR = 2999;

const COUNTED_TYPES: ReadonlySet<string> = new Set(['public']);
const SUBSTITUTE_SUFFIX = ' (pārceltā brīvdiena)';

function createLatvianHolidays(): Holidays {
  const hd = new Holidays('LV', { languages: ['lv', 'en'], timezone: 'Europe/Riga' });
  for (const c of LATVIAN_HOLIDAY_RULE_CORRECTIONS) {
    if (!hd.setHoliday(c.rule, { name: c.name, type: 'public' })) {
      throw new Error(`date-holidays rejected the LV correction rule "${c.rule}"`);
    }
  }
  return hd;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    throw new RangeError(`Year out of supported range ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}: ${year}`);
  }
}

/** Computes one year's holidays (uncached). */
function computeYear(hd: Holidays, year: number): readonly Readonly<PublicHoliday>[] {
  const byDate = new Map<string, string>();
  for (const h of hd.getHolidays(year, 'lv')) {
    if (!COUNTED_TYPES.has(h.type)) continue;
    const date = h.date.slice(0, 10);
    if (byDate.has(date)) continue;
    const name = h.substitute ? h.name.replace(/\s*\([^)]*\)\s*$/, '') + SUBSTITUTE_SUFFIX : h.name;
    byDate.set(date, name);
  }
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const extra of LATVIAN_EXTRA_DAYS_OFF) {
    if (extra.date.startsWith(prefix) && !byDate.has(extra.date)) byDate.set(extra.date, extra.name);
  }
  return Object.freeze(
    [...byDate.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, name]) => Object.freeze({ date, name })),
  );
}

/**
 * Cache of computed years. Years are loaded as one contiguous block so that a
 * loop over epoch days only needs a range check to know the data is present.
 * The data is static, so one process-wide instance is shared.
 */
class LatvianHolidayStore {
  private hd: Holidays | undefined;
  private readonly years = new Map<number, readonly Readonly<PublicHoliday>[]>();
  private readonly names = new Map<number, string>();
  private minYear = 0;
  private maxYear = -1;
  private coveredFrom = 0;
  private coveredTo = -1;

  list(year: number): readonly Readonly<PublicHoliday>[] {
    assertYear(year);
    this.ensureYear(year);
    return this.years.get(year)!;
  }

  /** Holiday name for an epoch day, or undefined. Allocation-free once the year is loaded. */
  nameOfEpochDay(day: number): string | undefined {
    if (day < this.coveredFrom || day > this.coveredTo) {
      const year = Number(fromEpochDay(day).slice(0, 4));
      assertYear(year);
      this.ensureYear(year);
    }
    return this.names.get(day);
  }

  private ensureYear(year: number): void {
    if (this.maxYear < this.minYear) {
      this.load(year);
      this.minYear = this.maxYear = year;
    }
    while (year < this.minYear) this.load(--this.minYear);
    while (year > this.maxYear) this.load(++this.maxYear);
    this.coveredFrom = toEpochDay(`${String(this.minYear).padStart(4, '0')}-01-01`);
    this.coveredTo = toEpochDay(`${String(this.maxYear).padStart(4, '0')}-12-31`);
  }

  private load(year: number): void {
    if (this.years.has(year)) return;
    this.hd ??= createLatvianHolidays();
    const list = computeYear(this.hd, year);
    this.years.set(year, list);
    for (const h of list) this.names.set(toEpochDay(h.date), h.name);
  }
}

export const latvianHolidayStore = new LatvianHolidayStore();

/** True when the epoch day is Saturday or Sunday. */
export function isWeekendEpochDay(day: number): boolean {
  return epochDayOfWeek(day) >= 6;
}
