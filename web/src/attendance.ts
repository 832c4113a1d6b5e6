/** Absences and meals as the client uses them (API.md, "Absences and meals"), and who may use which page. */
import { call, type Me } from './api';
import type { Language } from './i18n';

export const ABSENCE_REASONS = ['illness', 'doctor_ordered_home_regime', 'family', 'adaptation', 'group_quarantine', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];
export const MEALS = ['breakfast', 'lunch', 'snack'] as const;
export type Meal = (typeof MEALS)[number];
export const DIETS = ['standard', 'vegetarian', 'lactose_free', 'gluten_free', 'other'] as const;
export type Diet = (typeof DIETS)[number];

export interface DayOutcome {
  date: string;
  absent: boolean;
  mealsCancelled: boolean;
  /** `already-ordered`: the cut-off passed, the day's meals stay ordered; `already-cancelled`: stay cancelled. */
  mealsNote?: 'already-ordered' | 'already-cancelled';
}

export interface AbsenceAnswer {
  id: string;
  days: DayOutcome[];
  mealsResumeOn?: string;
}

export interface Absence {
  id: string;
  studentId: string;
  studentName: string;
  from: string;
  to: string | null;
  reason: AbsenceReason;
  note: string | null;
  status: 'active' | 'withdrawn';
  justification: 'justified' | 'unjustified' | null;
  excused: boolean;
  recordedInLesson: boolean;
  createdBy: { id: string; displayName: string };
  createdAt: string;
}

export type DietCounts = Record<Diet, number> & { total: number };

export interface MealCounts {
  institutionId: string;
  date: string;
  version: number;
  mealDay: boolean;
  asOf: string;
  cutoffs: { order: string; sameDay: string } | null;
  final: boolean;
  groups: { groupId: string; name: string; meals: Partial<Record<Meal, DietCounts>> }[];
  totals: Partial<Record<Meal, DietCounts>>;
  nextMealDay: string;
}

export interface MealReport {
  id: string;
  date: string;
  kind: 'next-day' | 'same-day-final';
  version: number;
  countsAsOf: string;
  sentAt: string | null;
  totals: Partial<Record<Meal, DietCounts>>;
  difference?: Partial<Record<Meal, number>>;
}

/** `meals:update`: how a reported day's numbers moved since the kitchen was last told. */
export interface MealUpdate {
  institutionId: string;
  date: string;
  version: number;
  deltas: { groupId: string; meal: Meal; diet: Diet; delta: number }[];
}

export interface Institution {
  id: string;
  name: string;
}

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const id = (v: string) => encodeURIComponent(v);

export const attendanceApi = {
  report: (input: { studentId: string; from: string; to: string | null; reason: AbsenceReason; note?: string }) => call<AbsenceAnswer>('POST', '/absences', input),
  /** End early or extend; null: until further notice. */
  changeLastDay: (noticeId: string, to: string | null) => call<AbsenceAnswer>('PATCH', `/absences/${id(noticeId)}`, { to }),
  withdraw: (noticeId: string) => call<AbsenceAnswer>('DELETE', `/absences/${id(noticeId)}`),
  ofChild: (studentId: string) => call<{ items: Absence[] }>('GET', `/absences?${q({ studentId })}`),
  /** Notices covering today (the school's date) for the group's children. */
  ofGroupToday: (groupId: string) => call<{ items: Absence[] }>('GET', `/absences?${q({ groupId })}`),
  /** Without a date: today by the school's clock. */
  mealCounts: (institutionId: string, date?: string) => call<MealCounts>('GET', `/meals/counts?${q(date ? { institutionId, date } : { institutionId })}`),
  mealReports: (institutionId: string, from: string, to: string) => call<{ reports: MealReport[] }>('GET', `/meals/reports?${q({ institutionId, from, to })}`),
  institutions: () => call<Institution[]>('GET', '/institutions'),
};

/**
 * Client-side copies of the access table's role lists, used only to decide which pages to offer:
 * the server asks its access policy on every call whatever the client shows.
 */
const GROUP_LIST_ROLES = new Set(['head', 'deputy_head', 'admin', 'nurse', 'teacher', 'speech_therapist']);
const MEAL_COUNT_ROLES = new Set([...GROUP_LIST_ROLES, 'kitchen']);

const institutionsWith = (me: Me, roles: Set<string>) => [...new Set(me.roles.filter((r) => roles.has(r.role)).map((r) => r.institutionId))];
export const groupListInstitutions = (me: Me) => institutionsWith(me, GROUP_LIST_ROLES);
export const mealCountInstitutions = (me: Me) => institutionsWith(me, MEAL_COUNT_ROLES);
export const reportsAbsences = (me: Me) => me.children.length > 0;

/** A Riga date (`YYYY-MM-DD`) moved by whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in Riga by this device's clock: only a default for a form, never a decision. */
export function deviceToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A Riga date with its weekday, e.g. "Fri, 16 Oct" (formatted as the date itself, whatever the device's zone). */
export function formatDay(lang: Language, date: string): string {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return f.format(new Date(`${date}T00:00:00Z`));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** The Riga wall time of an instant (the cut-offs are Riga times). */
export function formatTime(lang: Language, iso: string): string {
  let f = timeFormats.get(lang);
  if (!f) timeFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: 'Europe/Riga' })));
  return f.format(new Date(iso));
}
