import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, OneToMany, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { InstitutionModeration } from '@app/moderation/core/institution';
import type { Group } from './group.entity';

export const INSTITUTION_KINDS = ['preschool', 'school', 'interest'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Rules an institution sets for itself; defaults follow seed 000 §4.1–4.2. Kept as data, per institution. */
export interface InstitutionSettings {
  /** Planned absence or a return must be reported by this time on the working day before (HH:mm, Riga). */
  absenceCutoffPreviousDay: string;
  /** Last moment on the day itself that still cancels that day's meals (HH:mm, Riga). */
  absenceCutoffSameDay: string;
  /** Hour at which the kitchen's report for the next working day is sent (HH:mm, Riga). */
  mealReportTime: string;
  /** Seconds a normal message alert waits for the message to be read in the app; null: the service's ALERT_DELAY_SECONDS. */
  alertDelaySeconds: number | null;
  /** No non-urgent alerts in this Riga-local window (`21:00-07:00`), or `off`; null: the service's QUIET_HOURS. */
  quietHours: string | null;
  /** SMS texts drop Latvian diacritics when that saves segments (never a password SMS). */
  smsTransliterate: boolean;
  /** SMS segments the institution may send per Riga calendar month; null: unlimited. */
  smsMonthlySegmentBudget: number | null;
  /** Message moderation: allow-listed local names, extra blocked words, `default` or `strict` mode, the n-gram second opinion. */
  moderation: InstitutionModeration;
}

export const DEFAULT_INSTITUTION_SETTINGS: InstitutionSettings = {
  absenceCutoffPreviousDay: '09:30',
  absenceCutoffSameDay: '08:50',
  mealReportTime: '09:30',
  alertDelaySeconds: null,
  quietHours: null,
  smsTransliterate: false,
  smsMonthlySegmentBudget: null,
  moderation: { allowedTerms: [], blockedTerms: [], mode: 'default', secondOpinion: null },
};

/**
 * An institution's stored settings with the defaults filled in for keys an older row lacks: the one
 * merge every reader uses. Takes the entity's value or a raw column (JSON text from SQLite).
 */
export function institutionSettings(stored: Partial<InstitutionSettings> | string | null | undefined): InstitutionSettings {
  const own = typeof stored === 'string' ? (JSON.parse(stored) as Partial<InstitutionSettings>) : (stored ?? {});
  const moderation = { ...DEFAULT_INSTITUTION_SETTINGS.moderation, ...own.moderation };
  // Fresh lists: a caller changing its copy must not change the defaults or another reader's settings.
  return { ...DEFAULT_INSTITUTION_SETTINGS, ...own, moderation: { ...moderation, allowedTerms: [...moderation.allowedTerms], blockedTerms: [...moderation.blockedTerms] } };
}

@Entity({ tableName: 'institution' })
export class Institution {
  [OptionalProps]?: 'timeZone' | 'settings' | 'active' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Enum({ items: () => INSTITUTION_KINDS })
  kind!: InstitutionKind;

  @Property({ type: 'string', length: 64 })
  timeZone: string = 'Europe/Riga';

  @Property({ type: 'json' })
  settings: InstitutionSettings = institutionSettings(null);

  @Property({ type: 'boolean' })
  active: boolean = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @OneToMany('Group', 'institution')
  groups = new Collection<Group>(this);
}
