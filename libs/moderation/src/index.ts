export { moderate, getModerator, Moderator } from './core/moderate';
export { DEFAULT_POLICY } from './core/policy';
export { INSTITUTION_TERM_LIMITS, MODERATION_MODES, institutionOptions, termProblem } from './core/institution';
export type { InstitutionModeration, ModerationMode, TermProblem } from './core/institution';
export { CATEGORIES } from './core/types';
export type {
  BlockedTerm,
  Category,
  CategoryPolicy,
  Decision,
  MatchLang,
  ModerationMatch,
  ModerationOptions,
  ModerationPolicy,
  ModerationResult,
  Severity,
} from './core/types';
export { sanitizeMessageHtml, htmlToText } from './html/sanitize';
export { ModerationModule, MODERATION_OPTIONS } from './moderation.module';
export { ModerationService } from './moderation.service';
