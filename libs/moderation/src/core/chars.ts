/**
 * Per-code-point classification and folding, cached. Folding = NFKD, drop combining marks,
 * lower-case, plus a few letters NFKD leaves alone (ł, ø, ß...). "й" is kept: NFKD would turn it
 * into "и", which would merge distinct Russian words.
 */

export const K_SEP = 0;
export const K_LETTER = 1;
export const K_DIGIT = 2;
/** Symbols commonly used in place of letters ($hit, @ss, sh!t). */
export const K_LEET = 3;
/** Symbols used to hide letters (f*ck, х#й). */
export const K_MASK = 4;
/** Invisible or combining code points: never break a word, never produce a character. */
export const K_IGNORE = 5;
/** Apostrophes: dropped inside words (don't -> dont), separators elsewhere. */
export const K_APOS = 6;

export const S_NONE = 0;
export const S_LATN = 1;
export const S_CYRL = 2;
export const S_OTHER = 3;

export interface CharInfo {
  kind: number;
  /** Folded form; may be several characters (ﬁ -> fi) or empty. */
  fold: string;
  script: number;
  upper: boolean;
  /** Latvian letter with a diacritic (ā, š, ņ...) or a combining macron/caron/cedilla. */
  lvMark: boolean;
}

const EXTRA_FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ƒ: 'f',
};

const GREEK_LOOKALIKE: Record<string, string> = {
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

const LV_MARKED = new Set('āēīūšžčņļķģĀĒĪŪŠŽČŅĻĶĢ');
const LV_COMBINING = new Set([0x304, 0x30c, 0x327, 0x326]);

function isIgnorableCodePoint(cp: number): boolean {
  return (
    cp === 0xad || // soft hyphen
    cp === 0x34f || // combining grapheme joiner
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM/RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings/overrides
    (cp >= 0x2060 && cp <= 0x2064) || // word joiner, invisible operators
    (cp >= 0x2066 && cp <= 0x2069) || // bidi isolates
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    (cp >= 0xe0000 && cp <= 0xe007f) || // tag characters
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    cp === 0x180e
  );
}

const RE_MARK = /\p{M}/u;
const RE_MARKS = /\p{M}/gu;
const RE_LETTER = /\p{L}/u;
const RE_ALL_LETTERS = /^\p{L}+$/u;
const RE_DIGIT = /\p{Nd}/u;

function scriptOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return S_LATN;
  if (c >= 0x400 && c <= 0x4ff) return S_CYRL;
  return S_OTHER;
}

function compute(cp: number): CharInfo {
  const ch = String.fromCodePoint(cp);
  if (cp < 0x80) {
    const lower = ch.toLowerCase();
    if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
      return { kind: K_LETTER, fold: lower, script: S_LATN, upper: cp <= 0x5a, lvMark: false };
    }
    if (cp >= 0x30 && cp <= 0x39) return { kind: K_DIGIT, fold: ch, script: S_NONE, upper: false, lvMark: false };
    if (ch === '@' || ch === '$' || ch === '!' || ch === '|') {
      return { kind: K_LEET, fold: ch, script: S_NONE, upper: false, lvMark: false };
    }
    if (ch === '*' || ch === '#' || ch === '%') return { kind: K_MASK, fold: '*', script: S_NONE, upper: false, lvMark: false };
    if (ch === "'" || ch === '`') return { kind: K_APOS, fold: '', script: S_NONE, upper: false, lvMark: false };
    return { kind: K_SEP, fold: '', script: S_NONE, upper: false, lvMark: false };
  }
  if (isIgnorableCodePoint(cp) || RE_MARK.test(ch)) {
    return { kind: K_IGNORE, fold: '', script: S_NONE, upper: false, lvMark: LV_COMBINING.has(cp) };
  }
  if (cp === 0x2019 || cp === 0x2bc || cp === 0x2032) {
    return { kind: K_APOS, fold: '', script: S_NONE, upper: false, lvMark: false };
  }
  // Greek capitals and small letters that look Latin (DΕBĪLS with a Greek E) are read as those letters.
  const greek = GREEK_LOOKALIKE[ch];
  if (greek !== undefined) return { kind: K_LETTER, fold: greek, script: S_LATN, upper: ch !== ch.toLowerCase(), lvMark: false };
  if (ch === 'й' || ch === 'Й') return { kind: K_LETTER, fold: 'й', script: S_CYRL, upper: ch === 'Й', lvMark: false };
  if (ch === '€' || ch === '£' || ch === '¡') return { kind: K_LEET, fold: ch, script: S_NONE, upper: false, lvMark: false };
  const lower = ch.toLowerCase();
  let fold = EXTRA_FOLD[lower] ?? lower.normalize('NFKD').replace(RE_MARKS, '').toLowerCase();
  const isLetter = RE_LETTER.test(ch);
  // Enclosed and styled letters (Ⓕ, 🅵, fullwidth) are symbols to Unicode but letters to a reader.
  if (fold !== '' && RE_ALL_LETTERS.test(fold)) {
    for (const f of fold) if (EXTRA_FOLD[f]) fold = fold.replace(f, EXTRA_FOLD[f]);
    return { kind: K_LETTER, fold, script: scriptOf(fold), upper: isLetter && lower !== ch, lvMark: LV_MARKED.has(ch) };
  }
  if (isLetter) {
    return { kind: K_LETTER, fold: lower, script: S_OTHER, upper: lower !== ch, lvMark: false };
  }
  if (RE_DIGIT.test(ch)) {
    const d = ch.normalize('NFKD');
    return { kind: K_DIGIT, fold: d.length === 1 && d >= '0' && d <= '9' ? d : ch, script: S_NONE, upper: false, lvMark: false };
  }
  return { kind: K_SEP, fold: '', script: S_NONE, upper: false, lvMark: false };
}

const bmpCache: Array<CharInfo | undefined> = new Array(0x10000);
const astralCache = new Map<number, CharInfo>();

export function charInfo(cp: number): CharInfo {
  if (cp < 0x10000) {
    let info = bmpCache[cp];
    if (info === undefined) {
      info = compute(cp);
      bmpCache[cp] = info;
    }
    return info;
  }
  let info = astralCache.get(cp);
  if (info === undefined) {
    info = compute(cp);
    // Astral space is huge; random input must not grow the cache without bound.
    if (astralCache.size < 50_000) astralCache.set(cp, info);
  }
  return info;
}

/** Latin look-alikes inside a mostly Cyrillic word, plus Latin letters used for Cyrillic ones in mixed typing. */
export const LATN_TO_CYRL: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у',
  u: 'и', n: 'п', r: 'г', i: 'и', d: 'д', z: 'з', s: 'с', l: 'л', v: 'в', f: 'ф', g: 'г', j: 'й',
};

/** Cyrillic look-alikes inside a mostly Latin word. */
export const CYRL_TO_LATN: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', с: 'c', е: 'e', н: 'h', к: 'k', м: 'm', о: 'o', р: 'p', т: 't', х: 'x', у: 'y',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ь: 'b', и: 'u', п: 'n', г: 'r', ё: 'e', л: 'l', з: 'z', д: 'd',
};

export const LEET_LATN: Readonly<Record<string, string>> = {
  '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g',
  '@': 'a', $: 's', '!': 'i', '|': 'i', '€': 'e', '£': 'l', '¡': 'i',
};

export const LEET_CYRL: Readonly<Record<string, string>> = {
  '0': 'о', '1': 'и', '3': 'з', '4': 'ч', '6': 'б', '9': 'я', '@': 'а', $: 'с', '€': 'е',
};

/** Latin letters read as a transliteration (pизда typed with a Latin p meaning п). */
export const TRANSLIT_LATN_TO_CYRL: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', j: 'й', k: 'к', l: 'л', m: 'м', n: 'н',
  o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', y: 'ы', x: 'х', w: 'в', q: 'к',
};
