export { Clock, FixedClock, SystemClock } from './clock';
export { ISO_INSTANT_EXAMPLE, isIsoInstant, parseIsoInstant } from './instant';
export {
  RIGA_TZ,
  addDays,
  dayOfWeek,
  eachDate,
  isLocalDate,
  isLocalTime,
  rigaDate,
  rigaDateTime,
  type AmbiguousTimeResolution,
} from './riga-time';
export { ClosureSet, type Closure } from './closure-set';
export {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  LATVIAN_EXTRA_DAYS_OFF,
  LATVIAN_HOLIDAY_RULE_CORRECTIONS,
  type LatvianExtraDayOff,
  type LatvianHolidayRuleCorrection,
  type PublicHoliday,
} from './latvian-holidays';
export { CalendarService } from './calendar.service';
export { TimeModule } from './time.module';
