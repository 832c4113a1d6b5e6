import type { PreferenceProblem } from '@app/notifications/preferences/preferences';
import { PreferenceProblemCode } from '@app/notifications/preferences/preferences';
import { DomainError, type ErrorDetail } from '@app/platform/errors';

const detail = (p: PreferenceProblem): ErrorDetail =>
  p.code === PreferenceProblemCode.MANDATORY_CATEGORY
    ? { field: `categories.${p.category}`, issue: `keep at least one of ${p.keepOneOf.join(', ')} on`, code: p.code, category: p.category, keepOneOf: p.keepOneOf }
    : { field: `categories.${p.category}`, issue: `${p.channels.join(', ')} not offered for ${p.category}`, code: p.code, category: p.category, channels: p.channels };

/** 422 naming every refused category; MANDATORY_CATEGORY wins when both kinds occur. */
export function preferencesRefused(problems: PreferenceProblem[]): DomainError {
  const mandatory = problems.some((p) => p.code === PreferenceProblemCode.MANDATORY_CATEGORY);
  return new DomainError(
    'unprocessable',
    mandatory ? PreferenceProblemCode.MANDATORY_CATEGORY : PreferenceProblemCode.CHANNEL_NOT_OFFERED,
    mandatory ? 'A mandatory notification cannot be switched off' : 'A category does not travel by that channel',
    problems.map(detail),
  );
}
