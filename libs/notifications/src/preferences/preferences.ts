import { CATEGORIES, CHANNELS, type Category, type Channel } from '../delivery/notification-delivery.entity';
import type { ChannelChoice, NotificationPreference } from './notification-preference.entity';

/** Every way a person can hear of something: the two offline channels and the app itself. */
export const CHANNEL_KEYS = ['inApp', 'email', 'sms'] as const satisfies readonly (keyof ChannelChoice)[];
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

export interface QuietHours {
  /** Riga-local `HH:mm`. */
  from: string;
  to: string;
}

/** A person's preferences with the defaults filled in: one choice for every category. */
export interface EffectivePreferences {
  categories: Record<Category, ChannelChoice>;
  /** null: the service's (or institution's) quiet hours apply. */
  quietHours: QuietHours | null;
  digest: boolean;
}

/** What a person sends: only the categories they want to differ from the defaults need be there. */
export interface PreferencesInput {
  categories: Partial<Record<Category, ChannelChoice>>;
  quietHours: QuietHours | null;
  digest: boolean;
}

export type StoredPreferences = Pick<NotificationPreference, 'categories' | 'quietHours' | 'digest'>;

interface CategoryRule {
  defaults: Readonly<ChannelChoice>;
  /** A notice people must not miss: at least one of these channels stays on. */
  keepOneOf?: readonly Channel[];
  /** Channels this category never travels by, whatever the person chooses. */
  notOffered?: readonly ChannelKey[];
}

const on = (...keys: ChannelKey[]): ChannelChoice => ({ inApp: keys.includes('inApp'), email: keys.includes('email'), sms: keys.includes('sms') });

/**
 * Defaults for Latvian schools: e-mail and the app for the everyday, SMS only where it pays for
 * itself (urgent messages, the guardian's password, account notices), since every SMS is billed
 * to the institution's budget.
 */
const RULES: Readonly<Record<Category, CategoryRule>> = {
  message: { defaults: on('inApp', 'email') },
  urgent: { defaults: on('inApp', 'email', 'sms'), keepOneOf: ['email', 'sms'] },
  'ack-reminder': { defaults: on('inApp', 'email') },
  'absence-confirmation': { defaults: on('inApp', 'email') },
  'meal-report': { defaults: on('email') },
  // The SMS is how a guardian receives their password; the clear password never goes by e-mail,
  // and the app is no use to someone who cannot sign in yet.
  password: { defaults: on('sms'), keepOneOf: ['sms'], notOffered: ['inApp', 'email'] },
  journal: { defaults: on('inApp', 'email') },
  // "An institution added you": a security notice, so it may move between e-mail and SMS but not go silent.
  account: { defaults: on('email', 'sms'), keepOneOf: ['email', 'sms'] },
};

/** Per mandatory category, the channels of which at least one must stay on (one listed: that one is fixed). */
export const MANDATORY_CHANNELS: Readonly<Partial<Record<Category, readonly Channel[]>>> = Object.fromEntries(
  CATEGORIES.flatMap((c) => (RULES[c].keepOneOf ? [[c, RULES[c].keepOneOf]] : [])),
);

/** Per category, the channels it never uses (always off). */
export const UNOFFERED_CHANNELS: Readonly<Partial<Record<Category, readonly ChannelKey[]>>> = Object.fromEntries(
  CATEGORIES.flatMap((c) => (RULES[c].notOffered ? [[c, RULES[c].notOffered]] : [])),
);

export function defaultChoice(category: Category): ChannelChoice {
  return { ...RULES[category].defaults };
}

export const PreferenceProblemCode = {
  MANDATORY_CATEGORY: 'MANDATORY_CATEGORY',
  CHANNEL_NOT_OFFERED: 'CHANNEL_NOT_OFFERED',
} as const;
export type PreferenceProblemCode = (typeof PreferenceProblemCode)[keyof typeof PreferenceProblemCode];

export type PreferenceProblem =
  | { category: Category; code: typeof PreferenceProblemCode.MANDATORY_CATEGORY; keepOneOf: Channel[] }
  | { category: Category; code: typeof PreferenceProblemCode.CHANNEL_NOT_OFFERED; channels: ChannelKey[] };

function problemsOf(category: Category, choice: ChannelChoice): PreferenceProblem[] {
  const { keepOneOf, notOffered } = RULES[category];
  const problems: PreferenceProblem[] = [];
  if (keepOneOf && !keepOneOf.some((ch) => choice[ch] === true)) {
    problems.push({ category, code: PreferenceProblemCode.MANDATORY_CATEGORY, keepOneOf: [...keepOneOf] });
  }
  const unwanted = CHANNEL_KEYS.filter((ch) => notOffered?.includes(ch) && choice[ch] === true);
  if (unwanted.length) problems.push({ category, code: PreferenceProblemCode.CHANNEL_NOT_OFFERED, channels: unwanted });
  return problems;
}

/** What is wrong with a person's choices, category by category (empty: they may be stored). */
export function validatePreferences(input: Pick<PreferencesInput, 'categories'>): PreferenceProblem[] {
  return CATEGORIES.flatMap((c) => {
    const choice = input.categories[c];
    return choice ? problemsOf(c, choice) : [];
  });
}

const isChoice = (value: unknown): value is ChannelChoice =>
  typeof value === 'object' && value !== null && CHANNEL_KEYS.every((k) => typeof (value as Record<string, unknown>)[k] === 'boolean');

const sameChoice = (a: ChannelChoice, b: ChannelChoice) => CHANNEL_KEYS.every((k) => a[k] === b[k]);

/**
 * The stored row with the defaults filled in. A stored choice that is malformed or breaks today's
 * rules (written before a rule existed, or by hand) yields to the default rather than silencing a
 * mandatory notice; categories the code no longer knows are ignored.
 */
export function mergePreferences(row: StoredPreferences | null): EffectivePreferences {
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => {
      const chosen: unknown = row?.categories?.[c];
      const valid = isChoice(chosen) && problemsOf(c, chosen).length === 0;
      return [c, valid ? { inApp: chosen.inApp, email: chosen.email, sms: chosen.sms } : defaultChoice(c)];
    }),
  ) as Record<Category, ChannelChoice>;
  return { categories, quietHours: row?.quietHours ?? null, digest: row?.digest ?? false };
}

/**
 * The choices worth storing: only categories that differ from the defaults, so a client that sends
 * back everything it read does not freeze today's defaults for that person.
 */
export function ownChoices(categories: PreferencesInput['categories']): Partial<Record<Category, ChannelChoice>> {
  return Object.fromEntries(
    CATEGORIES.flatMap((c) => {
      const choice = categories[c];
      return choice && !sameChoice(choice, RULES[c].defaults) ? [[c, { inApp: choice.inApp, email: choice.email, sms: choice.sms }]] : [];
    }),
  );
}

export interface Contacts {
  email?: string | null;
  phone?: string | null;
}

/**
 * Which offline channels to use for one notification to one person: what they chose, limited to
 * the contacts they have. With a daily digest, single message alerts leave e-mail to the digest.
 * A mandatory notice whose chosen channels cannot reach the person goes by whichever of its
 * mandatory channels can; when none can, the answer is empty and the caller records the delivery
 * as suppressed for want of a contact.
 */
export function channelsFor(category: Category, effective: EffectivePreferences, contacts: Contacts): Channel[] {
  const { keepOneOf, notOffered = [] } = RULES[category];
  const reachable = (ch: Channel) => !notOffered.includes(ch) && Boolean(ch === 'email' ? contacts.email : contacts.phone);
  const choice = effective.categories[category];
  const digested = (ch: Channel) => category === 'message' && effective.digest && ch === 'email';
  const chosen = CHANNELS.filter((ch) => choice[ch] && !digested(ch) && reachable(ch));
  if (!keepOneOf || chosen.some((ch) => keepOneOf.includes(ch))) return chosen;
  return CHANNELS.filter((ch) => chosen.includes(ch) || (keepOneOf.includes(ch) && reachable(ch)));
}
