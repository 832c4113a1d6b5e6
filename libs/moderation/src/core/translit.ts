import { collapseRepeats } from './lexicon';

/**
 * Russian typed in Latin letters ("ya tebya ubyu"), read back into Cyrillic so that the Russian frames
 * apply. Input is a token key (lower case, repeats collapsed). Latin spelling drops the soft sign
 * before an iotated vowel (ubyu = убью, but tebya = тебя), so the first such place gives two readings.
 */
const MULTI: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['ts', 'ц'],
];
// ё is folded to е in token keys, as everywhere in the lexicon.
const IOTATED: Readonly<Record<string, string>> = { a: 'я', u: 'ю', o: 'е', e: 'е' };
/** Word-final consonants after which Latin spelling drops a soft sign (poluchish, vygnat). */
const SOFT_END = new Set(['т', 'ш', 'ч', 'л', 'н', 'с', 'з', 'д']);
const SINGLE: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы', w: 'в', q: 'к', x: 'х',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Longer keys are not words anyone types by hand; reading them back is wasted work. */
const MAX_LEN = 24;

export function cyrillicReadings(key: string): string[] {
  if (key.length < 2 || key.length > MAX_LEN || !/^[a-z]+$/.test(key)) return [];
  let plain = '';
  let soft: string | null = null;
  let i = 0;
  while (i < key.length) {
    const multi = MULTI.find(([lat]) => key.startsWith(lat, i));
    if (multi) {
      plain += multi[1];
      if (soft !== null) soft += multi[1];
      i += multi[0].length;
      continue;
    }
    const c = key[i];
    const next = key[i + 1];
    if ((c === 'y' || c === 'j') && next !== undefined && IOTATED[next] !== undefined) {
      const prev = key[i - 1];
      // After a consonant the soft sign may have been dropped: offer both readings, once.
      if (prev !== undefined && !VOWELS.has(prev) && soft === null) soft = plain + 'ь';
      plain += IOTATED[next];
      if (soft !== null) soft += IOTATED[next];
      i += 2;
      continue;
    }
    // "moy", "tvoj": y or j after a vowel closing a syllable is й.
    const ch = c === 'y' && i > 0 && VOWELS.has(key[i - 1]) && (next === undefined || !VOWELS.has(next)) ? 'й' : (SINGLE[c] ?? c);
    plain += ch;
    if (soft !== null) soft += ch;
    i++;
  }
  const out: string[] = [];
  for (const r of soft === null ? [plain] : [plain, soft]) {
    // Token keys hold one letter per run of repeats (сожжём is "сожем"); readings must too.
    out.push(collapseRepeats(r));
    if (SOFT_END.has(r[r.length - 1])) out.push(collapseRepeats(r + 'ь'));
  }
  return out;
}

