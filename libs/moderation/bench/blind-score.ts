import { readFileSync } from 'node:fs';
import { getModerator } from '../src/core/moderate';

/**
 * Scores the moderator on a blind set (JSON lines: text, lang, kind, category, expected), written by
 * someone who never saw the lexicon or the code. Prints one JSON object: the targets overall,
 * then per language and per kind. Usage: npm run --silent moderation:blind -- <file.jsonl> [--second-opinion | --rules]
 */
interface Line {
  text: string;
  lang: string;
  kind: string;
  category: string;
  expected: 'allow' | 'review' | 'block';
  /** Set by writers who mark severity themselves (blind-3 on); otherwise threats and hate are severe. */
  severe?: boolean;
}

const SEVERE = new Set(['threat', 'hate']);
const INNOCENT = new Set(['clean', 'hard-negative']);

function score(lines: readonly (Line & { decision: string })[]) {
  const abusive = lines.filter((l) => !INNOCENT.has(l.kind) && l.kind !== 'report' && l.expected !== 'allow');
  const severe = lines.filter((l) => (l.severe ?? SEVERE.has(l.kind)) && l.expected === 'block');
  const clean = lines.filter((l) => INNOCENT.has(l.kind));
  const reports = lines.filter((l) => l.kind === 'report');
  const ratio = (n: number, d: number) => (d ? Number((n / d).toFixed(3)) : null);
  return {
    n: lines.length,
    recall: ratio(abusive.filter((l) => l.decision !== 'allow').length, abusive.length),
    severeBlocked: ratio(severe.filter((l) => l.decision === 'block').length, severe.length),
    cleanFlagged: ratio(clean.filter((l) => l.decision !== 'allow').length, clean.length),
    reportsBlocked: reports.filter((l) => l.decision === 'block').length,
    exact: ratio(lines.filter((l) => l.decision === l.expected).length, lines.length),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}

const file = process.argv[2];
if (!file) throw new Error('usage: moderation:blind <file.jsonl> [--second-opinion | --rules]');
// As the lib's default moderator; --second-opinion or --rules (none) override whether the model is asked.
const moderator = getModerator(process.argv.includes('--second-opinion') ? { secondOpinion: true } : process.argv.includes('--rules') ? { secondOpinion: false } : undefined);
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line)
  .map((l) => ({ ...l, decision: moderator.moderate(l.text).decision as string }));
const per = (key: (l: Line) => string) => Object.fromEntries(Object.entries(groupBy(lines, key)).map(([k, v]) => [k, score(v)]));
console.log(JSON.stringify({ file, overall: score(lines), byLang: per((l) => l.lang), byKind: per((l) => l.kind) }, null, 1));
