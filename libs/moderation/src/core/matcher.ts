import { S_CYRL, S_LATN } from './chars';
import type { CompiledEntry, CompiledLexicon, TrieNode } from './lexicon';
import { F_LV_MARK, F_NUMERIC, MASK_CHAR, type Token } from './tokenizer';

export interface LexiconHit {
  entry: CompiledEntry;
  /** First run of the root in token.key. */
  from: number;
  /** One past the last run of the root. */
  to: number;
  /** A hidden letter (f*ck) was needed to match the root. */
  masked: boolean;
}

/** Letters of a root a reader can still see; guessing more hidden than visible letters (п***ц) is noise. */
function enoughVisible(rootLength: number, hidden: number): boolean {
  return hidden <= rootLength - hidden + 1;
}

/** Doubled letters in an ending must be written as in the lexicon, or stretched on purpose (3+). */
function suffixCountsOk(e: CompiledEntry, tok: Token, to: number): boolean {
  if (e.sufAny || to >= tok.key.length) return true;
  const expected = e.sufCounts.get(tok.key.slice(to));
  if (expected === undefined) return true; // masked ending, already checked by wildEquals
  for (let k = 0; k < expected.length; k++) {
    const c = tok.counts[to + k];
    if (c > expected[k] && c < 3) return false;
  }
  return true;
}

/** A run of this many or more hidden letters is not guessed at. */
const MAX_MASK_RUN = 4;
/** Upper bound on trie steps spent guessing hidden letters in one token; keeps work linear. */
const MASK_BUDGET = 4000;
/** Barren keys remembered (a few MB at most); the memo restarts when full. */
const MAX_BARREN = 50_000;

/** `pattern` may contain MASK_CHAR standing for one or more letters; `word` is a lexicon affix. */
function wildEquals(pattern: string, counts: number[], offset: number, word: string): boolean {
  // Small DP over (pattern position, word position); both sides are a handful of characters.
  let states = new Set<number>([0]);
  for (let p = 0; p < pattern.length; p++) {
    const next = new Set<number>();
    const c = pattern[p];
    for (const w of states) {
      if (c === MASK_CHAR) {
        const k = Math.min(counts[offset + p], MAX_MASK_RUN);
        for (let m = 1; m <= k && w + m <= word.length; m++) next.add(w + m);
      } else if (w < word.length && word[w] === c) {
        next.add(w + 1);
      }
    }
    if (next.size === 0) return false;
    states = next;
  }
  return states.has(word.length);
}

function affixAllowed(set: Set<string>, max: number, key: string, from: number, to: number, counts: number[], stack: boolean): boolean {
  const len = to - from;
  if (len > (stack ? max * 2 : max)) return false;
  const s = key.slice(from, to);
  if (set.has(s)) return true;
  if (s.includes(MASK_CHAR)) {
    for (const w of set) if (wildEquals(s, counts, from, w)) return true;
    return false;
  }
  if (stack) {
    // Two stacked prefixes: по+на+хуй, не+at+pisties.
    for (let cut = 1; cut < s.length; cut++) {
      if (set.has(s.slice(0, cut)) && set.has(s.slice(cut))) return true;
    }
  }
  return false;
}

function isException(e: CompiledEntry, key: string): boolean {
  if (e.exceptExact.size > 0 && e.exceptExact.has(key)) return true;
  for (const p of e.exceptPrefix) if (key.startsWith(p)) return true;
  for (const s of e.exceptSuffix) if (key.endsWith(s)) return true;
  return false;
}

function countsOk(e: CompiledEntry, tok: Token, from: number): boolean {
  const rc = e.rootCounts;
  for (let k = 0; k < rc.length; k++) {
    const c = tok.counts[from + k];
    if (rc[k] > 1 && c < rc[k]) return false;
    // A dictionary form is a whole spelling: скотинной is скотинный, not скотиной; a run of 3+ is emphasis.
    if (e.wholeWord && c > rc[k] && c < 3) return false;
  }
  return true;
}

const LV_MARKED = new Set('āēīūšžčņļķģ');

/**
 * Latvian diacritics that are written must agree with the root: pīsies (will braid) is not pisies,
 * šūdina is not sūds, and a Latvian word with ā or ē is never read as English or transliterated
 * Russian. Missing diacritics are tolerated (people type without them) unless the entry is strict.
 */
function diacriticsOk(e: CompiledEntry, tok: Token, from: number, text: string): boolean {
  if (!e.strict && (tok.flags & F_LV_MARK) === 0) return true;
  const root = e.rootOrig;
  for (let r = 0; r < root.length; r++) {
    const k = from + r;
    if (k >= tok.key.length) return false;
    const orig = text.slice(tok.starts[k], tok.ends[k]).normalize('NFC').toLowerCase()[0] ?? '';
    if (orig === root[r]) continue;
    if (e.strict && LV_MARKED.has(root[r])) return false;
    if (LV_MARKED.has(orig)) return false;
  }
  return true;
}

/**
 * Collapsing repeats merges a root's last letter with an ending that starts with the same letter
 * (shit+ty -> "shity"); when the run is longer than the root needs, offer that letter to the ending.
 */
function mergedSuffixOk(e: CompiledEntry, tok: Token, to: number): boolean {
  const last = e.rootCounts.length - 1;
  if (to === 0 || tok.counts[to - 1] <= e.rootCounts[last]) return false;
  const s = tok.key[to - 1] + tok.key.slice(to);
  if (s.length > e.sufMax || !e.suf.has(s)) return false;
  return true;
}

export class LexiconMatcher {
  /**
   * Keys of unmasked words in which the walk reached no entry at all (nine words in ten), per script:
   * what it reaches depends on the key alone, so a word seen before skips it.
   */
  private readonly barren = { latn: new Set<string>(), cyrl: new Set<string>() };

  constructor(private readonly lex: CompiledLexicon) {}

  /** All entries whose root, prefix and ending fit the token. Context rules are applied by the caller. */
  match(tok: Token, text: string, out: LexiconHit[]): void {
    if ((tok.flags & F_NUMERIC) !== 0) return;
    const root = tok.script === S_LATN ? this.lex.latn : tok.script === S_CYRL ? this.lex.cyrl : null;
    if (root === null) return;
    const key = tok.key;
    // Apart per script: the walk starts from that script's trie.
    const barren = tok.script === S_LATN ? this.barren.latn : this.barren.cyrl;
    if (barren.has(key)) return;
    const n = key.length;
    const whole = this.lex.whole.get(key);
    let found = whole !== undefined;
    if (whole !== undefined) this.check(whole, tok, text, 0, n, 0, out);
    const budget = { left: MASK_BUDGET };
    let masked = false;
    for (let i = 0; i < n; i++) {
      if (key.charCodeAt(i) === 42 /* MASK_CHAR */) {
        masked = true;
        continue;
      }
      let node: TrieNode | undefined = root;
      let j = i;
      while (node !== undefined) {
        if (node.entries !== null && j > i) {
          found = true;
          this.check(node.entries, tok, text, i, j, 0, out);
        }
        if (j >= n) break;
        const ch = key[j];
        if (ch === MASK_CHAR) {
          masked = true;
          this.walkMask(tok, text, i, j, node, Math.min(tok.counts[j], MAX_MASK_RUN + 1), 0, budget, out);
          break;
        }
        node = node.next.get(ch);
        j++;
      }
    }
    if (!found && !masked) {
      if (barren.size >= MAX_BARREN) barren.clear();
      barren.add(key);
    }
  }

  /** Hidden letters: the mask run at `j` stands for 1..count trie steps. */
  private walkMask(tok: Token, text: string, i: number, j: number, node: TrieNode, remaining: number, hidden: number, budget: { left: number }, out: LexiconHit[]): void {
    if (remaining > MAX_MASK_RUN) return;
    for (const child of node.next.values()) {
      if (--budget.left < 0) return;
      if (remaining > 1) this.walkMask(tok, text, i, j, child, remaining - 1, hidden + 1, budget, out);
      this.walkFrom(tok, text, i, j + 1, child, hidden + 1, budget, out);
    }
  }

  private walkFrom(tok: Token, text: string, i: number, j: number, start: TrieNode, hidden: number, budget: { left: number }, out: LexiconHit[]): void {
    const key = tok.key;
    let node: TrieNode | undefined = start;
    while (node !== undefined) {
      if (node.entries !== null) this.check(node.entries, tok, text, i, j, hidden, out);
      if (j >= key.length) return;
      const ch = key[j];
      if (ch === MASK_CHAR) {
        this.walkMask(tok, text, i, j, node, Math.min(tok.counts[j], MAX_MASK_RUN + 1), hidden, budget, out);
        return;
      }
      if (--budget.left < 0) return;
      node = node.next.get(ch);
      j++;
    }
  }

  private check(entries: CompiledEntry[], tok: Token, text: string, from: number, to: number, hidden: number, out: LexiconHit[]): void {
    const key = tok.key;
    const masked = hidden > 0;
    for (const e of entries) {
      if (masked && !enoughVisible(e.rootKey.length, hidden)) continue;
      if (!e.preAny && !affixAllowed(e.pre, e.preMax, key, 0, from, tok.counts, true)) continue;
      if (!e.sufAny) {
        // A doubled last letter (скотинной, shitty) may belong to the ending rather than the root.
        const lastDoubled = tok.counts[to - 1] === 2 && e.rootCounts[e.rootCounts.length - 1] === 1;
        const ok = lastDoubled
          ? mergedSuffixOk(e, tok, to)
          : affixAllowed(e.suf, e.sufMax, key, to, key.length, tok.counts, false);
        if (!ok) continue;
      }
      if (!masked && !countsOk(e, tok, from)) continue;
      if (!suffixCountsOk(e, tok, to)) continue;
      if (isException(e, key)) continue;
      if (!masked && !diacriticsOk(e, tok, from, text)) continue;
      out.push({ entry: e, from, to, masked });
    }
  }
}
