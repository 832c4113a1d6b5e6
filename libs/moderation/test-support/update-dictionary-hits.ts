/**
 * Regenerates test-data/dictionary-hits.json. Review every new form by hand before committing:
 * the file is the list of dictionary words that are genuinely offensive, not a way to silence a test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryHits } from './dictionary-hits';

const out: Record<string, Record<string, string[]>> = {};
for (const lang of ['lv', 'ru'] as const) {
  const { forms, hits } = dictionaryHits(lang);
  const byTerm: Record<string, string[]> = {};
  for (const [form, terms] of [...hits].sort()) (byTerm[terms] ??= []).push(form);
  out[lang] = byTerm;
  console.error(`${lang}: ${forms} forms, ${hits.size} flagged`);
}
writeFileSync(join(__dirname, '../test-data/dictionary-hits.json'), `${JSON.stringify(out, null, 1)}\n`);
