import { readFileSync } from 'node:fs';
import { getModerator } from '../src/core/moderate';

/**
 * Lists the lines of a blind/training set where the decision is wrong, grouped by kind and language:
 * missed (should be flagged, allowed), under (should block, reviewed), false (clean, flagged), and
 * reports that were blocked. Usage: node -r @swc-node/register libs/moderation/bench/blind-misses.ts <file.jsonl>...
 */
const INNOCENT = new Set(['clean', 'hard-negative']);
const moderator = getModerator();
for (const file of process.argv.slice(2)) {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; lang: string; kind: string; expected: string });
  for (const r of rows) {
    const res = moderator.moderate(r.text);
    const d = res.decision;
    let tag = '';
    if (INNOCENT.has(r.kind) && d !== 'allow') tag = 'FALSE';
    else if (r.kind === 'report' && d === 'block') tag = 'REPORT-BLOCKED';
    else if (!INNOCENT.has(r.kind) && r.kind !== 'report' && r.expected !== 'allow' && d === 'allow') tag = 'MISS';
    else if ((r.kind === 'threat' || r.kind === 'hate') && r.expected === 'block' && d !== 'block') tag = 'UNDER';
    if (tag) console.log(`${tag}\t${r.kind}\t${r.lang}\t${d}\t${r.text}\t${res.matches.map((m) => m.term).join('|')}`);
  }
}
