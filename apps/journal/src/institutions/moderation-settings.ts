import { INSTITUTION_TERM_LIMITS, type InstitutionModeration, termProblem } from '@app/moderation/core/institution';
import { hasVisibleText, lineIssue } from '@app/platform/validation';
import { institutionError } from './institution-errors';
import type { ModerationSettingsDto } from './institutions.dto';

const LISTS = ['allowedTerms', 'blockedTerms'] as const;
type TermList = (typeof LISTS)[number];

/** Terms compare as the moderator reads them: capitals and Unicode composition do not make a new term. */
const termKey = (term: string): string => term.toLocaleLowerCase();

/**
 * One list as it is stored: each term NFC, trimmed, inner whitespace one space. The first bad term
 * refuses the whole request (400 with a stable code and the term's index), so nothing is half-saved.
 */
export function normalizeTerms(list: TermList, raw: readonly string[]): string[] {
  const field = `moderation.${list}`;
  const { maxTerms, maxLength } = INSTITUTION_TERM_LIMITS;
  if (raw.length > maxTerms) throw institutionError.tooManyTerms(field, maxTerms);
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const at = `${field}.${i}`;
    const term = value.normalize('NFC').trim().replace(/\s+/gu, ' ');
    if (!hasVisibleText(term)) throw institutionError.termEmpty(at);
    if ([...term].length > maxLength) throw institutionError.termTooLong(at, maxLength);
    const issue = lineIssue(term);
    if (issue) throw institutionError.termInvalid(at, issue);
    const problem = termProblem(term, list === 'allowedTerms' ? 'allowed' : 'blocked');
    if (problem === 'not-words') throw institutionError.termInvalid(at, 'must consist of words made of letters');
    if (problem === 'severe') throw institutionError.termNotAllowable(at);
    const first = seen.get(termKey(term));
    if (first !== undefined) throw institutionError.termDuplicate(at, `${field}.${first}`);
    seen.set(termKey(term), i);
    return term;
  });
}

/** What one list change looks like in the audit log: the terms added and removed, not both lists whole. */
interface ListChange {
  added: string[];
  removed: string[];
}

/** A single value's change (mode, second opinion) in the audit log. */
interface ValueChange {
  from: string | boolean | null;
  to: string | boolean | null;
}

/** The lists of a PATCH as they would be stored; checked before any transaction is opened. */
export function normalizeModeration(dto: ModerationSettingsDto): Partial<InstitutionModeration> {
  const out: Partial<InstitutionModeration> = dto.mode === undefined ? {} : { mode: dto.mode };
  if (dto.secondOpinion !== undefined) out.secondOpinion = dto.secondOpinion;
  for (const list of LISTS) if (dto[list] !== undefined) out[list] = normalizeTerms(list, dto[list]);
  return out;
}

/**
 * The moderation settings after a PATCH (lists from {@link normalizeModeration}): each list given
 * replaces the stored one, `mode` and `secondOpinion` replace theirs. Returns the audit entries of what actually
 * changed (a list given in another order is unchanged).
 */
export function patchModeration(
  before: InstitutionModeration,
  patch: Partial<InstitutionModeration>,
): { after: InstitutionModeration; changed: Record<string, ListChange | ValueChange> } {
  // Rows stored before the second opinion was a setting lack it; they follow the default (null).
  const after: InstitutionModeration = { ...before, secondOpinion: before.secondOpinion ?? null };
  const changed: Record<string, ListChange | ValueChange> = {};
  for (const list of LISTS) {
    const terms = patch[list];
    if (terms === undefined) continue;
    const added = terms.filter((t) => !before[list].includes(t));
    const removed = before[list].filter((t) => !terms.includes(t));
    if (added.length || removed.length) {
      after[list] = terms;
      changed[`moderation.${list}`] = { added, removed };
    }
  }
  // An allowed word is skipped before any blocked word is looked for: being in both lists would mean neither.
  const allowed = new Set(after.allowedTerms.map(termKey));
  const both = after.blockedTerms.findIndex((t) => allowed.has(termKey(t)));
  if (both >= 0) throw institutionError.termInBothLists(`moderation.blockedTerms.${both}`);
  if (patch.mode !== undefined && patch.mode !== before.mode) {
    after.mode = patch.mode;
    changed['moderation.mode'] = { from: before.mode, to: patch.mode };
  }
  if (patch.secondOpinion !== undefined && patch.secondOpinion !== after.secondOpinion) {
    changed['moderation.secondOpinion'] = { from: after.secondOpinion, to: patch.secondOpinion };
    after.secondOpinion = patch.secondOpinion;
  }
  return { after, changed };
}
