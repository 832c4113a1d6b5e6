/**
 * `npm run moderation:forms`: writes data/forms.lv.json and data/forms.ru.json, every word form the
 * Latvian and Russian Hunspell dictionaries generate for the lemmas the data names (`lemmas` of
 * lexicon entries, `lemma~` words of frame features). The runtime reads only those files; the
 * dictionaries are dev dependencies. `-- --check` writes nothing and exits 1 when a file is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HunspellDictionary, type AffixRule } from './hunspell';
import { normalizeWord } from '../src/core/tokenizer';
import { lemmaLang, type FormsFile } from '../src/core/lexicon';

export type FormsLang = 'lv' | 'ru';
export type { FormsFile };

const DATA = join(__dirname, '../data');
const NODE_MODULES = join(__dirname, '../../../node_modules');

/**
 * Prefix rules left out of generation: a negated verb or adjective means the opposite
 * (nenogalināšu "I won't kill", nejauks "not nasty"), and negation is judged by the rules' own
 * negation handling, not by treating the negated word as the word.
 */
const SKIPPED_PREFIXES: Record<FormsLang, ReadonlySet<string>> = { lv: new Set(['ne']), ru: new Set() };

export function formsPath(lang: FormsLang): string {
  return join(DATA, `forms.${lang}.json`);
}

export function loadDictionary(lang: FormsLang): { dict: HunspellDictionary; name: string } {
  const dir = join(NODE_MODULES, `dictionary-${lang}`);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  return { dict: HunspellDictionary.load(join(dir, 'index.aff'), join(dir, 'index.dic')), name: `${pkg.name} ${pkg.version}` };
}

/** Lemmas named by the data files, per dictionary language. A frame word `x~` is Cyrillic → ru, Latin → lv. */
export function lemmasInData(): Record<FormsLang, Set<string>> {
  const out: Record<FormsLang, Set<string>> = { lv: new Set(), ru: new Set() };
  for (const lang of ['lv', 'ru'] as const) {
    const lex = JSON.parse(readFileSync(join(DATA, `lexicon.${lang}.json`), 'utf8')) as { entries: Array<{ lemmas?: string[] }> };
    for (const e of lex.entries) for (const l of e.lemmas ?? []) out[lang].add(l);
  }
  for (const file of readdirSync(DATA).filter((f) => /^frames(-[a-z]+)?\.json$/.test(f))) {
    const frames = JSON.parse(readFileSync(join(DATA, file), 'utf8')) as { features: Record<string, string[]> };
    for (const words of Object.values(frames.features)) {
      for (const w of words) if (w.endsWith('~')) out[lemmaLang(w.slice(0, -1))].add(w.slice(0, -1));
    }
  }
  return out;
}

/** A form the matcher can compile: one word of letters that the tokenizer folds without change of length. */
function usable(form: string): boolean {
  try {
    normalizeWord(form);
    return /^[\p{L}]+$/u.test(form);
  } catch {
    return false;
  }
}

export function generateForms(lang: FormsLang, lemmas: Iterable<string>, loaded = loadDictionary(lang)): FormsFile {
  const skip = SKIPPED_PREFIXES[lang];
  const exclude = (r: AffixRule): boolean => r.kind === 'PFX' && skip.has(r.add);
  const forms: Record<string, string[]> = {};
  const missing: string[] = [];
  for (const lemma of [...lemmas].sort()) {
    const set = new Set<string>();
    for (const entry of loaded.dict.lookup(lemma)) {
      loaded.dict.expandEntry(entry, (f) => {
        const lower = f.normalize('NFC').toLowerCase();
        if (usable(lower)) set.add(lower);
      }, exclude);
    }
    if (set.size === 0) missing.push(lemma);
    forms[lemma] = [...set].sort();
  }
  if (missing.length > 0) throw new Error(`not in ${loaded.name}: ${missing.join(', ')} (a lemma is written as the dictionary lists it)`);
  return { dictionary: loaded.name, forms };
}

/** One lemma per line, so a diff shows which lemma changed. */
export function serialise(file: FormsFile): string {
  const lines = Object.entries(file.forms).map(([lemma, forms]) => `  ${JSON.stringify(lemma)}: ${JSON.stringify(forms)}`);
  return `{\n "dictionary": ${JSON.stringify(file.dictionary)},\n "forms": {\n${lines.join(',\n')}\n }\n}\n`;
}

function main(): void {
  const check = process.argv.includes('--check');
  const lemmas = lemmasInData();
  let stale = false;
  for (const lang of ['lv', 'ru'] as const) {
    const file = generateForms(lang, lemmas[lang]);
    const text = serialise(file);
    const path = formsPath(lang);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // not generated yet
    }
    const count = Object.values(file.forms).reduce((n, f) => n + f.length, 0);
    if (current === text) {
      console.error(`${lang}: ${lemmas[lang].size} lemmas, ${count} forms, up to date`);
    } else if (check) {
      stale = true;
      console.error(`${lang}: data/forms.${lang}.json is stale; run npm run moderation:forms`);
    } else {
      writeFileSync(path, text);
      console.error(`${lang}: ${lemmas[lang].size} lemmas, ${count} forms written to data/forms.${lang}.json`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (require.main === module) main();
