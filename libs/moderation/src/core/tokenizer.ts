import {
  CYRL_TO_LATN,
  K_APOS,
  K_DIGIT,
  K_IGNORE,
  K_LEET,
  K_LETTER,
  K_MASK,
  K_SEP,
  LATN_TO_CYRL,
  LEET_CYRL,
  LEET_LATN,
  S_CYRL,
  TRANSLIT_LATN_TO_CYRL,
  S_LATN,
  S_NONE,
  S_OTHER,
  charInfo,
} from './chars';

export const F_LEET = 1;
export const F_CONFUSABLE = 2;
export const F_MASKED = 4;
export const F_SPACED = 8;
export const F_LV_MARK = 16;
export const F_CAPITALIZED = 32;
export const F_ALLCAPS = 64;
export const F_NUMERIC = 128;
export const F_REPEAT = 256;

/** Character that stands for a hidden letter in a token key. */
export const MASK_CHAR = '*';

/**
 * A word after normalisation. Repeated letters are collapsed into runs: `key[k]` is the k-th run's
 * character, `counts[k]` how many times it was repeated, `starts[k]`/`ends[k]` its UTF-16 span in the
 * original text (ends include trailing combining marks and invisible characters).
 */
export interface Token {
  index: number;
  key: string;
  counts: number[];
  starts: number[];
  ends: number[];
  start: number;
  end: number;
  script: number;
  flags: number;
  sentence: number;
  quoted: boolean;
  /** Other readings of a word that mixes Latin and Cyrillic letters (xyй, pизда). */
  alts: Token[] | null;
}

const MODE_AUTO = 0;
const MODE_CYRL_LOOKALIKE = 1;
const MODE_CYRL_TRANSLIT = 2;
const MODE_LATN = 3;
/** Latin word with a 1 that stands for l (b1@ģ, sh1t is read with 1 as i already). */
const MODE_ONE_L = 4;
/** Symbols inside the word hide letters rather than stand for one (нах@й, бл@ть). */
const MODE_HIDDEN_AT = 5;
/** Cyrillic word with a 3 that stands for е (the mirrored Э), not з (в3ны, д3ржись). */
const MODE_THREE_E = 6;
/** A symbol between every letter of a three-letter word hides a letter rather than separates (п*д*р = пидор). */
const MODE_MASK_RUN = 7;

/** Normalised characters of the word being read, in parallel arrays reused across words. */
class UnitBuffer {
  ch: string[] = [];
  kind: Uint8Array;
  script: Uint8Array;
  upper: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  len = 0;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.script = new Uint8Array(capacity);
    this.upper = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
  }

  push(ch: string, kind: number, script: number, upper: boolean, start: number, end: number): void {
    if (this.len === this.kind.length) this.grow();
    const k = this.len++;
    this.ch[k] = ch;
    this.kind[k] = kind;
    this.script[k] = script;
    this.upper[k] = upper ? 1 : 0;
    this.start[k] = start;
    this.end[k] = end;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.kind = copy(this.kind, (m) => new Uint8Array(m));
    this.script = copy(this.script, (m) => new Uint8Array(m));
    this.upper = copy(this.upper, (m) => new Uint8Array(m));
    this.start = copy(this.start, (m) => new Int32Array(m));
    this.end = copy(this.end, (m) => new Int32Array(m));
  }
}

/** A one-letter word kept aside in case it is part of "f u c k". */
interface Single {
  ch: string;
  /** K_LETTER, or K_DIGIT for a digit spelled out among letters ("d 3 b i l s"). */
  kind: number;
  script: number;
  upper: boolean;
  start: number;
  end: number;
  lvMark: boolean;
  boundaryBefore: boolean;
  joinableGapBefore: boolean;
  /** Separator characters before this letter (up to a few), to find word breaks in "s h u t   u p". */
  gapBefore: string;
  quoted: boolean;
}

/**
 * What a separator does, one bit per role, looked up by its UTF-16 code: the tokenizer reads every
 * separator of every message, and a table lookup cost a fraction of the five Set lookups it replaced.
 */
const SEP_SENTENCE_END = 1;
const SEP_JOINABLE = 2;
const SEP_QUOTE_OPEN = 4;
const SEP_QUOTE_CLOSE = 8;
const SEP_QUOTE_TOGGLE = 16;
const SEP_SPACE = 32;
const SEP_ROLES = new Uint8Array(0x10000);
const SEPARATOR_ROLES: [string, number][] = [
  ['.!?\n;…。\r\u2029\u2028', SEP_SENTENCE_END],
  [' .-_*/\\·•+~|\u00a0\t', SEP_JOINABLE],
  ['«„‚‹', SEP_QUOTE_OPEN],
  ['»›', SEP_QUOTE_CLOSE],
  ['"“”‘\'’`＂', SEP_QUOTE_TOGGLE],
  [' \u00a0\t', SEP_SPACE],
];
for (const [chars, role] of SEPARATOR_ROLES) for (const ch of chars) SEP_ROLES[ch.charCodeAt(0)] |= role;
const MAX_JOIN_GAP = 3;
const MIN_JOINED = 3;

/**
 * "9. klases puiši", "3. b klase": a dot after a number followed by a lower-case word is an ordinal,
 * not the end of a sentence. Looks at most two characters ahead, so tokenising stays linear.
 */
function ordinalDot(text: string, i: number): boolean {
  if (text[i] !== '.' || i === 0 || !/[0-9]/.test(text[i - 1])) return false;
  const next = text[i + 1] === ' ' ? text[i + 2] : text[i + 1];
  return next !== undefined && next !== next.toUpperCase() && next === next.toLowerCase();
}

/** Titles written with a dot before a name ("Mr. Dick", "Dr. Hui"): the name is mid-sentence, not a new one. */
const TITLE_ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof']);
const MAX_TITLE = 4;

/** Whether the dot at i closes a title abbreviation; looks back at most five characters. */
function titleDot(text: string, i: number): boolean {
  if (text[i] !== '.') return false;
  let a = i;
  while (a > 0 && i - a <= MAX_TITLE && /\p{L}/u.test(text[a - 1])) a--;
  if (a === i || i - a > MAX_TITLE || (a > 0 && /\p{L}/u.test(text[a - 1]))) return false;
  return TITLE_ABBREVIATIONS.has(text.slice(a, i).toLowerCase());
}

/** Splits text into normalised tokens in one pass; work per character is bounded, so time is linear. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Tokenising is synchronous and never re-entered, so the buffers are shared between calls.
  const buf = WORD_BUFFER;
  const side = SIDE_BUFFER;
  buf.len = 0;
  const singles: Single[] = [];
  let sentence = 0;
  let lvMark = false;
  let boundary = false;
  let gapLen = 0;
  let gapJoinable = true;
  let gapHasSpace = false;
  let gluedToWord = false;
  let inQuote = false;
  let tokenQuoted = false;
  let pendingBoundary = false;
  let pendingJoinable = false;
  let gapText = '';
  let pendingGap = '';

  const emit = (b: UnitBuffer, a: number, z: number, lv: boolean, spaced: boolean, boundaryBefore: boolean, quoted: boolean): void => {
    if (boundaryBefore && tokens.length > 0) sentence++;
    const tok = finalize(b, a, z, lv, spaced, tokens.length, sentence, quoted, MODE_AUTO);
    const modes = altModes(b, a, z, tok);
    if (modes !== null) {
      const alts: Token[] = [];
      for (const mode of modes) {
        const alt = finalize(b, a, z, lv, spaced, tok.index, sentence, quoted, mode);
        if (alt.key !== tok.key && !alts.some((x) => x.key === alt.key)) alts.push(alt);
      }
      if (alts.length > 0) tok.alts = alts;
    }
    tokens.push(tok);
  };

  const emitSingle = (u: Single): void => {
    side.len = 0;
    side.push(u.ch, u.kind, u.script, u.upper, u.start, u.end);
    emit(side, 0, 1, u.lvMark, false, u.boundaryBefore, u.quoted);
  };

  const emitSpelled = (from: number, to: number): void => {
    side.len = 0;
    let lv = false;
    for (let k = from; k < to; k++) {
      const u = singles[k];
      side.push(u.ch, u.kind, u.script, u.upper, u.start, u.end);
      lv = lv || u.lvMark;
    }
    emit(side, 0, side.len, lv, true, singles[from].boundaryBefore, singles[from].quoted);
  };

  /**
   * Singles [a, k) as one spelled-out word when `spelled`, else one by one. A spelled-out word starts and
   * ends with a letter: "f u c k 5.b" leaves the 5 to the class name.
   */
  const emitPiece = (a: number, k: number, spelled: boolean): void => {
    let z = k;
    while (z > a && singles[z - 1].kind !== K_LETTER) z--;
    while (a < z && singles[a].kind !== K_LETTER) emitSingle(singles[a++]);
    if (spelled && z - a >= 2) emitSpelled(a, z);
    else for (let m = a; m < z; m++) emitSingle(singles[m]);
    for (let m = z; m < k; m++) emitSingle(singles[m]);
  };

  const flushSingles = (): void => {
    if (singles.length === 0) return;
    let i = 0;
    while (i < singles.length) {
      let j = i + 1;
      // Letters of one script only: "5.b п.и.з.д.а" must not swallow the Latin b.
      while (j < singles.length && singles[j].joinableGapBefore && singles[j].script === singles[i].script) j++;
      if (j - i >= MIN_JOINED) {
        // "s h u t   u p", "b.u.d.e.t p.i.z.d.e.c": the separator used between letters is the usual one;
        // a different (wider or other) separator marks where one spelled-out word ends.
        const usual = usualGap(singles, i + 1, j);
        let a = i;
        for (let k = i + 1; k <= j; k++) {
          if (k < j && singles[k].gapBefore === usual) continue;
          emitPiece(a, k, k - a >= 2 || (a === i && k === j));
          a = k;
        }
      } else {
        for (let k = i; k < j; k++) emitSingle(singles[k]);
      }
      i = j;
    }
    singles.length = 0;
  };

  const flush = (): void => {
    // Symbols at the edges of a word are punctuation ("fuck!", "*note*"), not letters.
    let a = 0;
    let b = buf.len;
    while (a < b && (buf.kind[a] === K_MASK || (buf.kind[a] === K_LEET && buf.ch[a] !== '$' && buf.ch[a] !== '@'))) a++;
    while (b > a && (buf.kind[b - 1] === K_MASK || buf.kind[b - 1] === K_LEET)) {
      // "mauk@", "су4к@": an at sign closing a word of letters is its last vowel, not punctuation.
      if (buf.ch[b - 1] === '@' && b - 1 > a + 1 && buf.kind[b - 2] === K_LETTER && buf.kind[b - 3] !== K_MASK) break;
      if (buf.ch[b - 1] === '!') boundary = true;
      b--;
    }
    if (b > a) {
      // "5.b", "e.g": a letter glued to the previous word by punctuation is not spelling anything out.
      const single = b - a === 1 && buf.kind[a] === K_LETTER && buf.script[a] !== S_OTHER && !gluedToWord;
      // "t u e s i d 3 b i l s": a lone digit between spelled-out letters stands for a letter; it takes
      // the script of the letters before it, so the run goes on.
      const lastSingle = singles.length > 0 ? singles[singles.length - 1] : null;
      const spelledDigit = b - a === 1 && buf.kind[a] === K_DIGIT && pendingJoinable && lastSingle !== null && lastSingle.kind === K_LETTER;
      if (single || spelledDigit) {
        if (singles.length > 0 && !pendingJoinable) flushSingles();
        singles.push({
          ch: buf.ch[a],
          kind: buf.kind[a],
          script: spelledDigit && lastSingle !== null ? lastSingle.script : buf.script[a],
          upper: buf.upper[a] === 1,
          start: buf.start[a],
          end: buf.end[a],
          lvMark,
          boundaryBefore: pendingBoundary,
          joinableGapBefore: pendingJoinable,
          gapBefore: pendingGap,
          quoted: tokenQuoted,
        });
      } else {
        flushSingles();
        emit(buf, a, b, lvMark, false, pendingBoundary, tokenQuoted);
      }
    }
    buf.len = 0;
    lvMark = false;
    gapLen = 0;
    gapJoinable = true;
    gapHasSpace = false;
    gapText = '';
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const info = charInfo(cp);
    let kind = info.kind;
    const inWord = buf.len > 0;

    if (kind === K_APOS) {
      // Inside a word (don't, bl'at) the apostrophe disappears; elsewhere it is a quote mark.
      const next = i + width < n ? charInfo(text.codePointAt(i + width) ?? 0).kind : K_SEP;
      if (inWord && buf.kind[buf.len - 1] === K_LETTER && next === K_LETTER) {
        i += width;
        continue;
      }
      kind = K_SEP;
    } else if (kind === K_LEET || kind === K_MASK) {
      if (!inWord) {
        const next = i + width < n ? charInfo(text.codePointAt(i + width) ?? 0).kind : K_SEP;
        const startsWord = (text[i] === '$' || text[i] === '@') && (next === K_LETTER || next === K_DIGIT);
        if (!startsWord) kind = K_SEP;
      }
    }

    if (kind === K_IGNORE) {
      if (inWord) {
        buf.end[buf.len - 1] = i + width;
        if (info.lvMark) lvMark = true;
      }
      i += width;
      continue;
    }

    if (kind === K_SEP) {
      if (inWord) flush();
      const ch = text[i];
      // An astral separator (an emoji) has no role: its high surrogate's code is never in the table.
      const role = SEP_ROLES[c];
      if ((role & SEP_SENTENCE_END) !== 0 && !ordinalDot(text, i) && !titleDot(text, i)) boundary = true;
      if (c === 10) inQuote = false;
      if ((role & SEP_QUOTE_OPEN) !== 0) inQuote = true;
      else if ((role & SEP_QUOTE_CLOSE) !== 0) inQuote = false;
      else if ((role & SEP_QUOTE_TOGGLE) !== 0) {
        // A straight apostrophe right after a word is a possessive or a contraction (students', 1'm with a
        // leet I), not an opening quote.
        const before = i > 0 ? charInfo(text.charCodeAt(i - 1)).kind : K_SEP;
        const possessive = (ch === "'" || ch === '’') && !inQuote && (before === K_LETTER || before === K_DIGIT);
        if (!possessive) inQuote = !inQuote;
      }
      gapLen += width;
      if (gapText.length < 8) gapText += ch;
      if ((role & SEP_JOINABLE) === 0) gapJoinable = false;
      if ((role & SEP_SPACE) !== 0) gapHasSpace = true;
      i += width;
      continue;
    }

    if (!inWord) {
      pendingBoundary = boundary;
      pendingJoinable = gapJoinable && gapLen > 0 && gapLen <= MAX_JOIN_GAP;
      pendingGap = gapText;
      gapText = '';
      gluedToWord = !gapHasSpace && gapLen > 0 && singles.length === 0 && tokens.length > 0;
      boundary = false;
      tokenQuoted = inQuote;
    }
    if (info.lvMark) lvMark = true;
    const fold = info.fold;
    for (let k = 0; k < fold.length; k++) buf.push(fold[k], kind, info.script, info.upper, i, i + width);
    i += width;
  }
  if (buf.len > 0) flush();
  flushSingles();
  return tokens;
}

const ALT_MODES = [MODE_CYRL_LOOKALIKE, MODE_CYRL_TRANSLIT, MODE_LATN];
const LEET_LATN_MODES = [MODE_CYRL_TRANSLIT, MODE_ONE_L, MODE_HIDDEN_AT];
const LEET_CYRL_AT_MODES = [MODE_HIDDEN_AT];
const LEET_CYRL_THREE_MODES = [MODE_THREE_E];
const LEET_CYRL_BOTH_MODES = [MODE_HIDDEN_AT, MODE_THREE_E];
const MASK_RUN_MODES = [MODE_MASK_RUN];

/**
 * Other readings worth trying: mixed scripts (xyй), and words written with digits and symbols, which
 * may be transliterated Russian (su4ka = сучка), use 1 for l (b1@ģ), or use @ to hide any vowel (нах@й).
 */
function altModes(b: UnitBuffer, a: number, z: number, tok: Token): readonly number[] | null {
  if ((tok.flags & F_CONFUSABLE) !== 0) return ALT_MODES;
  if (z - a === 5 && (tok.flags & F_SPACED) !== 0 && tok.key.length === 3 && b.kind[a + 1] !== K_LETTER && b.kind[a + 3] !== K_LETTER) return MASK_RUN_MODES;
  if ((tok.flags & F_LEET) === 0) return null;
  let digit = false;
  let at = false;
  let three = false;
  let zero = false;
  for (let k = a; k < z; k++) {
    if (b.kind[k] === K_DIGIT) {
      digit = true;
      if (b.ch[k] === '3') three = true;
      else if (b.ch[k] === '0') zero = true;
    } else if (b.ch[k] === '@') at = true;
  }
  if (tok.script === S_LATN) return digit || at ? LEET_LATN_MODES : null;
  // A Cyrillic 0 also stands for a letter it does not look like (уб0ю = убью), so it hides one, as @ does.
  if (tok.script === S_CYRL) return at || zero ? (three ? LEET_CYRL_BOTH_MODES : LEET_CYRL_AT_MODES) : three ? LEET_CYRL_THREE_MODES : null;
  return null;
}

/**
 * A run of six or more hexadecimal digits with a digit among them (a commit, a colour, an order or
 * message code: e6a1fa8d, eb31ab2d) is a code, not a word in disguise: read through leet it turned
 * about one random tag in a hundred into «еб…» or «до…».
 */
function hexCode(b: UnitBuffer, a: number, z: number): boolean {
  if (z - a < 6) return false;
  let digit = false;
  for (let k = a; k < z; k++) {
    const ch = b.ch[k];
    if (b.kind[k] === K_DIGIT) digit = true;
    else if (b.kind[k] !== K_LETTER || ch < 'a' || ch > 'f') return false;
  }
  return digit;
}

/** The separator that most often stands between the spelled-out letters singles[from..to). */
function usualGap(singles: readonly Single[], from: number, to: number): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (let k = from; k < to; k++) {
    const g = singles[k].gapBefore;
    const c = (counts.get(g) ?? 0) + 1;
    counts.set(g, c);
    // Ties go to the shorter separator: "a b  c d" breaks at the double space.
    if (c > bestCount || (c === bestCount && g.length < best.length)) {
      best = g;
      bestCount = c;
    }
  }
  return best;
}
const WORD_BUFFER = new UnitBuffer(256);
const SIDE_BUFFER = new UnitBuffer(64);
const FINAL_CHARS: string[] = [];
const FINAL_CHARS_MAX = 256;

function finalize(b: UnitBuffer, a: number, z: number, lvMark: boolean, spaced: boolean, index: number, sentence: number, quoted: boolean, mode: number): Token {
  let latn = 0;
  let cyrl = 0;
  let other = 0;
  let letters = 0;
  let uppers = 0;
  for (let k = a; k < z; k++) {
    if (b.kind[k] === K_LETTER) {
      letters++;
      if (b.upper[k] === 1) uppers++;
      const sc = b.script[k];
      if (sc === S_LATN) latn++;
      else if (sc === S_CYRL) cyrl++;
      else other++;
    }
  }
  let flags = 0;
  if (lvMark) flags |= F_LV_MARK;
  if (spaced) flags |= F_SPACED;
  if (letters > 0 && b.kind[a] === K_LETTER && b.upper[a] === 1 && uppers === 1) flags |= F_CAPITALIZED;
  if (letters >= 2 && uppers === letters) flags |= F_ALLCAPS;

  let script: number;
  if (letters === 0) script = S_NONE;
  else if (other > latn + cyrl) script = S_OTHER;
  else script = cyrl > latn ? S_CYRL : S_LATN;
  if (mode === MODE_LATN && script !== S_OTHER && letters > 0) script = S_LATN;
  else if ((mode === MODE_CYRL_LOOKALIKE || mode === MODE_CYRL_TRANSLIT) && script !== S_OTHER && letters > 0) script = S_CYRL;
  const latnToCyrl = mode === MODE_CYRL_TRANSLIT ? TRANSLIT_LATN_TO_CYRL : LATN_TO_CYRL;

  const leetAllowed = letters >= 2 && script !== S_OTHER && !hexCode(b, a, z);
  const len = z - a;
  // Finalising is synchronous and never re-entered, so a word's characters go to a buffer shared between
  // calls (not kept for a hostile megabyte-long word).
  const chars: string[] = len <= FINAL_CHARS_MAX ? FINAL_CHARS : new Array(len);
  let masks = 0;
  for (let k = 0; k < len; k++) {
    const kind = b.kind[a + k];
    const sc = b.script[a + k];
    let ch = b.ch[a + k];
    if (kind === K_LETTER) {
      if (script === S_CYRL && sc === S_LATN) {
        ch = latnToCyrl[ch] ?? ch;
        flags |= F_CONFUSABLE;
      } else if (script === S_LATN && sc === S_CYRL) {
        ch = CYRL_TO_LATN[ch] ?? ch;
        flags |= F_CONFUSABLE;
      }
    } else if (kind === K_DIGIT || kind === K_LEET) {
      let mapped = leetAllowed ? (script === S_CYRL ? LEET_CYRL[ch] : LEET_LATN[ch]) : undefined;
      // @ hides a letter in any word, a Cyrillic 0 too (уб0ю = убью).
      const hides = mode === MODE_HIDDEN_AT && (ch === '@' || (ch === '0' && script === S_CYRL));
      if (mode === MODE_ONE_L && ch === '1' && leetAllowed) mapped = 'l';
      else if (hides) mapped = undefined;
      else if (mode === MODE_THREE_E && ch === '3' && leetAllowed && script === S_CYRL) mapped = 'е';
      if (mapped !== undefined) {
        ch = mapped;
        flags |= F_LEET;
      } else if (kind === K_LEET || hides) {
        ch = MASK_CHAR;
      }
    }
    // A letter is never the mask character, whatever it was read as.
    if (kind !== K_LETTER && ch === MASK_CHAR) masks++;
    chars[k] = ch;
  }
  if (letters === 0) flags |= F_NUMERIC;

  // "f*u*c*k": a symbol between every single letter is a separator, not a hidden letter.
  let keep: boolean[] | null = null;
  if (masks > 0) {
    let interleaved = len >= 5 && len % 2 === 1 && mode !== MODE_MASK_RUN;
    for (let k = 0; interleaved && k < len; k++) {
      const isMask = chars[k] === MASK_CHAR;
      if (k % 2 === 1 ? !isMask : isMask) interleaved = false;
    }
    if (interleaved) {
      keep = [];
      for (let k = 0; k < len; k++) keep.push(chars[k] !== MASK_CHAR);
      flags |= F_SPACED;
    } else {
      flags |= F_MASKED;
    }
  }

  let key = '';
  let lastCh = '';
  const counts: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < len; k++) {
    if (keep !== null && !keep[k]) continue;
    const ch = chars[k];
    if (ch === lastCh) {
      counts[counts.length - 1]++;
      ends[ends.length - 1] = b.end[a + k];
      flags |= F_REPEAT;
    } else {
      key += ch;
      lastCh = ch;
      counts.push(1);
      starts.push(b.start[a + k]);
      ends.push(b.end[a + k]);
    }
  }
  return {
    index,
    key,
    counts,
    starts,
    ends,
    start: b.start[a],
    end: b.end[z - 1],
    script,
    flags,
    sentence,
    quoted,
    alts: null,
  };
}

/**
 * Normalises a lexicon word the same way text is normalised, so data files can be written naturally
 * (with diacritics, ё, capitals) and still compare equal to tokens.
 */
export function normalizeWord(word: string): { key: string; counts: number[] } {
  const tokens = tokenize(word);
  if (tokens.length !== 1 || (tokens[0].flags & (F_MASKED | F_NUMERIC)) !== 0) {
    throw new Error(`lexicon word must be a single word of letters: ${JSON.stringify(word)}`);
  }
  return { key: tokens[0].key, counts: tokens[0].counts };
}
