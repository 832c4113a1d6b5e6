import { Moderator } from '../src/core/moderate';
import type { Category, Decision } from '../src/core/types';

/** For specs about the rules: the statistical second opinion has its own (ngram-model.spec.ts). */
export const rulesOnly = new Moderator({ secondOpinion: false });

/** The decision and categories of a text, for specs that compare whole verdicts. */
export const verdict = (t: string): { decision: Decision; categories: Category[] } => {
  const { decision, categories } = rulesOnly.moderate(t);
  return { decision, categories };
};

/** Each text gets exactly its expected decision and names the category (the text is in the diff on failure). */
export function expectDecisions(cases: ReadonlyArray<readonly [string, Decision]>, category: Category): void {
  for (const [text, decision] of cases) {
    const r = verdict(text);
    expect({ text, decision: r.decision, has: r.categories.includes(category) }).toEqual({ text, decision, has: true });
  }
}

/** Each text is held or blocked, whichever, and names the category. */
export function expectHeld(texts: readonly string[], category: Category): void {
  for (const text of texts) {
    const r = verdict(text);
    expect({ text, flagged: r.decision !== 'allow', has: r.categories.includes(category) }).toEqual({ text, flagged: true, has: true });
  }
}

/** Each text is allowed with no category at all. */
export function expectClean(texts: readonly string[]): void {
  for (const text of texts) expect({ text, ...verdict(text) }).toEqual({ text, decision: 'allow', categories: [] });
}
