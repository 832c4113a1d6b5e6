import { isLetterTerm, moderate } from './moderate';
import type { Category, ModerationOptions } from './types';

/** How strict an institution's gate is: the lib's defaults, or moderate abuse blocked rather than held. */
export const MODERATION_MODES = ['default', 'strict'] as const;
export type ModerationMode = (typeof MODERATION_MODES)[number];

/** What an institution's management sets for its messages; kept in the institution's settings. */
export interface InstitutionModeration {
  /** Local names and words (a surname, a title) the word lexicon never flags; threat and hate rules still apply. */
  allowedTerms: string[];
  /** Extra words flagged as moderate profanity: held for review, blocked in strict mode. */
  blockedTerms: string[];
  mode: ModerationMode;
  /**
   * Whether the n-gram second opinion reviews messages the rules allow (more abuse reaches a human, and
   * more innocent messages too); null follows the lib's SECOND_OPINION_DEFAULT.
   */
  secondOpinion: boolean | null;
}

/** Bounds of one list: enough for a school's names and titles, small enough to compile in milliseconds. */
export const INSTITUTION_TERM_LIMITS = Object.freeze({ maxTerms: 200, maxLength: 60 });

/**
 * Strict: moderate (severity 2) profanity, insults, harassment and sexual remarks are blocked, so the
 * sender must rephrase; mild ones are still held. Every other decision stays the default's, which
 * already holds everything it flags below those (nothing flagged is ever let through as `allow`).
 */
const STRICT_POLICY: NonNullable<ModerationOptions['policy']> = Object.freeze({
  profanity: { 2: 'block' },
  insult: { 2: 'block' },
  harassment: { 2: 'block' },
  sexual: { 2: 'block' },
});

/**
 * An allow-listed word skips the word lexicon everywhere in the institution's messages, so it may not
 * be a word that the lexicon alone counts as a threat, hate or urging self-harm. Threat frames and
 * phrases never consult the allow-list: allowing "kill" leaves "I will kill you" blocked.
 */
const NEVER_ALLOWED: ReadonlySet<Category> = new Set<Category>(['threat', 'hate', 'self-harm']);

/** The options the moderator takes for these settings; undefined for the defaults (the shared moderator). */
export function institutionOptions(settings: InstitutionModeration): ModerationOptions | undefined {
  const { allowedTerms, blockedTerms, mode } = settings;
  // Rows stored before the setting existed lack it: they follow the default like an explicit null.
  const secondOpinion = settings.secondOpinion ?? null;
  if (!allowedTerms.length && !blockedTerms.length && mode === 'default' && secondOpinion === null) return undefined;
  const options: ModerationOptions = { allowedTerms, blockedTerms, policy: mode === 'strict' ? STRICT_POLICY : undefined };
  if (secondOpinion !== null) options.secondOpinion = secondOpinion;
  return options;
}

export type TermProblem = 'not-words' | 'severe';

/** Why a (trimmed) term may not stand in the list, or undefined when it may. */
export function termProblem(term: string, list: 'allowed' | 'blocked'): TermProblem | undefined {
  if (!isLetterTerm(term)) return 'not-words';
  // Word by word and in lower case: capitals would let the name heuristics excuse a slur ("Žīds Jānis").
  if (list === 'allowed' && term.split(/\s+/u).some((word) => moderate(word.toLocaleLowerCase()).matches.some((m) => NEVER_ALLOWED.has(m.category)))) {
    return 'severe';
  }
  return undefined;
}
