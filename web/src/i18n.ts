import { en } from './messages/en';
import { lv } from './messages/lv';
import { ru } from './messages/ru';

export type Language = 'lv' | 'ru' | 'en';
export const LANGUAGES: { code: Language; name: string }[] = [
  { code: 'lv', name: 'Latviešu' },
  { code: 'ru', name: 'Русский' },
  { code: 'en', name: 'English' },
];

/** A plain string, or plural forms chosen by Intl.PluralRules (lv: zero/one/other, ru: one/few/many/other). */
export type Entry = string | Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Catalogue = Record<keyof typeof lv, Entry>;
export type Key = keyof typeof lv;

const catalogues: Record<Language, Catalogue> = { lv, ru, en };
const STORED = 'sp.lang';

/** Keys built at run time (a moderation category) may name no entry. */
export const isKey = (k: string): k is Key => Object.hasOwn(lv, k);

export const isLanguage = (v: unknown): v is Language => v === 'lv' || v === 'ru' || v === 'en';

export function storedLanguage(): Language | null {
  const v = localStorage.getItem(STORED);
  return isLanguage(v) ? v : null;
}

export const storeLanguage = (lang: Language) => localStorage.setItem(STORED, lang);

export type Translate = (key: Key, params?: Record<string, string | number>) => string;

export function translator(lang: Language): Translate {
  const rules = new Intl.PluralRules(lang);
  return (key, params = {}) => {
    const entry = catalogues[lang][key] ?? lv[key];
    const text = typeof entry === 'string' ? entry : (entry[rules.select(Number(params.count ?? 0))] ?? entry.other);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Riga wall time: the school's clock, whatever the phone is set to. */
export function formatInstant(lang: Language, iso: string): string {
  let f = dateFormats.get(lang);
  if (!f) dateFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Riga' })));
  return f.format(new Date(iso));
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A Riga-local `YYYY-MM-DD` as a date (no time zone shift: it is read and shown as that day). */
export function formatDate(lang: Language, day: string): string {
  let f = dayFormats.get(lang);
  if (!f) dayFormats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f.format(new Date(`${day}T00:00:00Z`));
}
