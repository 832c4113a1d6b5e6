export const CATEGORIES = ['profanity', 'insult', 'harassment', 'sexual', 'threat', 'hate', 'self-harm'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Decision = 'allow' | 'review' | 'block';
export type Severity = 1 | 2 | 3;

/** Language of the lexicon entry or phrase rule that produced a match; `code` for number codes of no language. */
export type MatchLang = 'lv' | 'ru' | 'en' | 'ru-latn' | 'custom' | 'model' | 'code';

export interface ModerationMatch {
  /** UTF-16 offset into the original text (inclusive). */
  start: number;
  /** UTF-16 offset into the original text (exclusive). */
  end: number;
  category: Category;
  severity: Severity;
  /** Canonical lexicon term or phrase rule name, not the text as written. */
  term: string;
  lang: MatchLang;
}

export interface ModerationResult {
  decision: Decision;
  categories: Category[];
  matches: ModerationMatch[];
}

export type CategoryPolicy = Partial<Record<Severity, Decision>>;
export type ModerationPolicy = Record<Category, Record<Severity, Decision>>;

export interface BlockedTerm {
  term: string;
  category?: Category;
  severity?: Severity;
}

/** Per-institution settings. Everything is optional; defaults are the built-in lexicon and policy. */
export interface ModerationOptions {
  /** Extra words to flag; matched with common inflectional endings (see README). */
  blockedTerms?: ReadonlyArray<string | BlockedTerm>;
  /** Words never to flag (e.g. a pupil's surname that collides with a lexicon entry). Compared after normalisation. */
  allowedTerms?: ReadonlyArray<string>;
  /** Overrides of the decision per category and severity. */
  policy?: Partial<Record<Category, CategoryPolicy>>;
  /**
   * Ask the character n-gram model (data/ngram-model.json) about messages the rules allow; at or above
   * its threshold the message goes to `review`, never `block`. Default: SECOND_OPINION_DEFAULT.
   */
  secondOpinion?: boolean;
}
