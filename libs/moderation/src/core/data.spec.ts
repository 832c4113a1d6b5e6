import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_LEXICONS, compileEntries } from './lexicon';
import { BUILTIN_PHRASES, PhraseMatcher } from './phrases';
import { BUILTIN_FRAMES } from './frames';

const readme = readFileSync(join(__dirname, '../../data/README.md'), 'utf8');

describe('data files', () => {
  it('compile without errors', () => {
    const lex = compileEntries(BUILTIN_LEXICONS);
    expect(lex.entries.length).toBeGreaterThan(200);
    expect(new PhraseMatcher([BUILTIN_PHRASES]).patterns.length).toBeGreaterThan(60);
  });

  it('use only documented fields', () => {
    const fields = new Set<string>();
    for (const f of BUILTIN_LEXICONS) for (const e of f.entries) for (const k of Object.keys(e)) fields.add(k);
    for (const p of BUILTIN_PHRASES.patterns) for (const k of Object.keys(p)) fields.add(k);
    for (const f of BUILTIN_FRAMES.frames) for (const k of Object.keys(f)) fields.add(k);
    for (const k of fields) expect([k, readme.includes(`\`${k}\``)]).toEqual([k, true]);
  });

  it('cover all three languages and every category', () => {
    const langs = new Set(BUILTIN_LEXICONS.map((f) => f.lang));
    expect([...langs].sort()).toEqual(['en', 'lv', 'ru', 'ru-latn']);
    const cats = new Set([...BUILTIN_LEXICONS.flatMap((f) => f.entries.map((e) => e.cat)), ...BUILTIN_PHRASES.patterns.map((p) => p.cat)]);
    expect([...cats].sort()).toEqual(['hate', 'insult', 'profanity', 'sexual', 'threat']);
  });
});
