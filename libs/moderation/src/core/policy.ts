import type { Category, Decision, ModerationOptions, ModerationPolicy, Severity } from './types';
import { CATEGORIES } from './types';

/**
 * Threats and hate are never left to chance; profanity, insults and sexual words escalate with
 * severity (3 = strong, 2 = moderate, 1 = mild).
 */
export const DEFAULT_POLICY: Readonly<ModerationPolicy> = Object.freeze({
  profanity: { 1: 'review', 2: 'review', 3: 'block' },
  insult: { 1: 'review', 2: 'review', 3: 'block' },
  harassment: { 1: 'review', 2: 'review', 3: 'block' },
  sexual: { 1: 'review', 2: 'review', 3: 'block' },
  threat: { 1: 'block', 2: 'block', 3: 'block' },
  hate: { 1: 'block', 2: 'block', 3: 'block' },
  'self-harm': { 1: 'review', 2: 'block', 3: 'block' },
});

const RANK: Record<Decision, number> = { allow: 0, review: 1, block: 2 };
const DECISIONS: readonly Decision[] = ['allow', 'review', 'block'];

export function maxDecision(a: Decision, b: Decision): Decision {
  return RANK[a] >= RANK[b] ? a : b;
}

export function minDecision(a: Decision, b: Decision): Decision {
  return RANK[a] <= RANK[b] ? a : b;
}

export function resolvePolicy(overrides: ModerationOptions['policy']): ModerationPolicy {
  const out = {} as ModerationPolicy;
  for (const cat of CATEGORIES) {
    const base = DEFAULT_POLICY[cat];
    const o = overrides?.[cat] ?? {};
    const row = { ...base };
    for (const sev of [1, 2, 3] as Severity[]) {
      const d = o[sev];
      if (d !== undefined) {
        if (!DECISIONS.includes(d)) throw new Error(`policy.${cat}.${sev}: unknown decision ${String(d)}`);
        row[sev] = d;
      }
    }
    out[cat] = row;
  }
  return out;
}

export function decide(policy: ModerationPolicy, cat: Category, sev: Severity): Decision {
  return policy[cat][sev];
}
