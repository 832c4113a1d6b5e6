import { join } from 'node:path';
import { charInfo, K_LETTER } from '../src/core/chars';
import { BUILTIN_LEXICONS, compileEntries } from '../src/core/lexicon';
import { getModerator } from '../src/core/moderate';
import { BUILTIN_PHRASES, PhraseMatcher } from '../src/core/phrases';
import { loadDictionary } from '../tools/forms';

export type DictLang = 'lv' | 'ru';

/** Lower-cased, diacritics folded, repeats collapsed: the shape the lexicon roots are stored in. */
function fold(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const info = charInfo(word.charCodeAt(i));
    if (info.kind !== K_LETTER) continue;
    for (const f of info.fold) if (out[out.length - 1] !== f) out += f;
  }
  return out;
}

/**
 * Every dictionary word form the moderator flags, with the terms it matched. Each form is judged in
 * a sentence of its own language ("ir X" / "это X"), as it would appear in a message. A cheap
 * substring prefilter skips forms that contain no lexicon root and no phrase word.
 */
/** `forms` counts generated forms including duplicates (Hunspell rules overlap). */
export function dictionaryHits(lang: DictLang): { forms: number; hits: Map<string, string> } {
  // Prefilter: a form can only match an entry whose root starts within the allowed prefix length and
  // ends within the allowed ending length; phrase rules can only fire on their first words.
  const lex = compileEntries(BUILTIN_LEXICONS);
  type Node = Map<string, Node> & { spans?: Array<{ maxStart: number; maxTail: number }> };
  const trie: Node = new Map();
  let maxStartAll = 0;
  for (const e of lex.entries) {
    let node = trie;
    for (const ch of e.rootKey) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map() as Node));
      node = next;
    }
    const span = { maxStart: e.preAny ? Infinity : e.preMax * 2, maxTail: e.sufAny ? Infinity : e.sufMax + 1 };
    (node.spans ??= []).push(span);
    maxStartAll = Math.max(maxStartAll, span.maxStart);
  }
  const phraseExact = new Set<string>();
  const phrasePrefixes = new Map<number, Set<string>>();
  for (const p of new PhraseMatcher([BUILTIN_PHRASES]).patterns) {
    for (const w of p.slots[0].exact) phraseExact.add(w);
    for (const [len, set] of p.slots[0].prefixes) {
      let into = phrasePrefixes.get(len);
      if (!into) phrasePrefixes.set(len, (into = new Set()));
      for (const w of set) into.add(w);
    }
  }
  const prefilter = (s: string): boolean => {
    if (phraseExact.has(s)) return true;
    for (const [len, set] of phrasePrefixes) if (s.length >= len && set.has(s.slice(0, len))) return true;
    for (let i = 0; i < s.length && i <= maxStartAll; i++) {
      let node: Node | undefined = trie;
      for (let j = i; node && j < s.length; j++) {
        node = node.get(s[j]);
        if (node?.spans?.some((sp) => i <= sp.maxStart && s.length - (j + 1) <= sp.maxTail)) return true;
      }
    }
    return false;
  };
  // The lexicon's collisions with dictionary words: the rules alone, as the review file records them.
  const moderator = getModerator({ secondOpinion: false });
  const hits = new Map<string, string>();
  let forms = 0;
  let candidates = 0;
  const context = lang === 'lv' ? 'ir ' : 'это ';
  loadDictionary(lang).dict.expandAll((form) => {
    forms++;
    if (hits.has(form) || !prefilter(fold(form))) return;
    candidates++;
    const r = moderator.moderate(context + form);
    if (r.decision !== 'allow') hits.set(form, [...new Set(r.matches.map((m) => m.term))].sort().join(','));
  });
  if (process.env.DEBUG_DICT) console.error(`${lang}: ${candidates} candidates`);
  return { forms, hits };
}
