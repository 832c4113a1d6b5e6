export { moderate, getModerator, Moderator } from './core/moderate';
export { DEFAULT_POLICY } from './core/policy';
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
