import phrasesJson from '../../data/phrases.json';
import { CATEGORIES, type Category, type MatchLang, type Severity } from './types';
import { normalizeWord } from './tokenizer';
import type { Token } from './tokenizer';

/** data/phrases.json as written (see data/README.md for the pattern syntax). */
export interface PhraseFile {
  classes: Record<string, string[]>;
  patterns: PhrasePatternSource[];
}

export interface PhrasePatternSource {
  lang: MatchLang;
  cat: Category;
  sev: Severity;
  term: string;
  p: string;
  neg?: boolean;
  notAfter?: string[];
}

interface Slot {
  kind: 'words' | 'gap';
  optional: boolean;
  gap: number;
  exact: Set<string>;
  /** Prefixes grouped by length so a token needs one slice per distinct length. */
  prefixes: Map<number, Set<string>>;
  /** `$`: the sentence may end here (zero-width). */
  end: boolean;
}

export interface CompiledPattern {
  id: number;
  lang: MatchLang;
  cat: Category;
  sev: Severity;
  term: string;
  slots: Slot[];
  neg: boolean;
  notAfter: Set<string> | null;
}

export interface PhraseHit {
  pattern: CompiledPattern;
  first: number;
  last: number;
}

const MAX_GAP = 6;

export const BUILTIN_PHRASES = phrasesJson as PhraseFile;

function slotMatches(slot: Slot, key: string): boolean {
  if (slot.exact.has(key)) return true;
  for (const [len, set] of slot.prefixes) {
    if (key.length >= len && set.has(key.slice(0, len))) return true;
  }
  return false;
}

export class PhraseMatcher {
  private readonly byExact = new Map<string, CompiledPattern[]>();
  /** Prefix-started patterns keyed by the prefix's first two characters (prefixes are >= 2 long). */
  private readonly byPrefix = new Map<string, Array<{ prefix: string; pattern: CompiledPattern }>>();
  readonly patterns: CompiledPattern[] = [];

  constructor(files: ReadonlyArray<PhraseFile>) {
    let id = 0;
    for (const file of files) {
      file.patterns.forEach((src, idx) => {
        for (const p of this.compile(src, file.classes, id++, `phrase #${idx} (${src.term})`)) {
          this.patterns.push(p);
          const first = p.slots[0];
          for (const w of first.exact) push(this.byExact, w, p);
          for (const set of first.prefixes.values()) {
            for (const w of set) {
              if (w.length < 2) throw new Error(`phrase ${p.term}: a leading prefix must have at least 2 letters`);
              const k = w.slice(0, 2);
              let list = this.byPrefix.get(k);
              if (!list) this.byPrefix.set(k, (list = []));
              list.push({ prefix: w, pattern: p });
            }
          }
        }
      });
    }
  }

  private compile(src: PhrasePatternSource, classes: Record<string, string[]>, id: number, where: string): CompiledPattern[] {
    if (!CATEGORIES.includes(src.cat)) throw new Error(`${where}: unknown category ${String(src.cat)}`);
    if (src.sev !== 1 && src.sev !== 2 && src.sev !== 3) throw new Error(`${where}: sev must be 1..3`);
    const slots: Slot[] = [];
    for (const raw of src.p.trim().split(/\s+/)) {
      if (/^~\d+$/.test(raw)) {
        const gap = Number(raw.slice(1));
        if (gap < 1 || gap > MAX_GAP) throw new Error(`${where}: gap must be 1..${MAX_GAP}`);
        slots.push({ kind: 'gap', optional: true, gap, exact: new Set(), prefixes: new Map(), end: false });
        continue;
      }
      const optional = raw.startsWith('?');
      const slot: Slot = { kind: 'words', optional, gap: 0, exact: new Set(), prefixes: new Map(), end: false };
      const alts = (optional ? raw.slice(1) : raw).split('|');
      const expanded: string[] = [];
      for (const a of alts) {
        if (a.startsWith('@')) {
          const cls = classes[a.slice(1)];
          if (!cls) throw new Error(`${where}: unknown class ${a}`);
          expanded.push(...cls);
        } else {
          expanded.push(a);
        }
      }
      for (const a of expanded) {
        if (a === '$') {
          slot.end = true;
        } else if (a.endsWith('*')) {
          const { key } = normalizeWord(a.slice(0, -1));
          let set = slot.prefixes.get(key.length);
          if (!set) slot.prefixes.set(key.length, (set = new Set()));
          set.add(key);
        } else {
          slot.exact.add(normalizeWord(a).key);
        }
      }
      slots.push(slot);
    }
    if (slots[slots.length - 1].kind === 'gap') throw new Error(`${where}: a pattern cannot end with a gap`);
    // Patterns are indexed by their first word, so a leading optional slot becomes two patterns.
    const variants: Slot[][] = [];
    const expand = (ss: Slot[]): void => {
      if (ss.length === 0 || ss[0].kind !== 'words' || ss[0].end) {
        throw new Error(`${where}: a pattern must start with a word slot`);
      }
      if (ss[0].optional) {
        variants.push([{ ...ss[0], optional: false }, ...ss.slice(1)]);
        expand(ss.slice(1));
      } else {
        variants.push(ss);
      }
    };
    expand(slots);
    return variants.map((vs) => ({
      id,
      lang: src.lang,
      cat: src.cat,
      sev: src.sev,
      term: src.term,
      slots: vs,
      neg: src.neg === true,
      notAfter: src.notAfter ? new Set(src.notAfter.map((w) => normalizeWord(w).key)) : null,
    }));
  }

  /** Patterns that can start at token `i`, then matched slot by slot within one sentence. */
  match(tokens: Token[], negation: Set<string>, out: PhraseHit[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const key = tokens[i].key;
      const ex = this.byExact.get(key);
      if (ex) for (const p of ex) this.tryAt(p, tokens, i, negation, out);
      const pl = key.length >= 2 ? this.byPrefix.get(key.slice(0, 2)) : undefined;
      if (pl) for (const { prefix, pattern } of pl) if (key.startsWith(prefix)) this.tryAt(pattern, tokens, i, negation, out);
    }
  }

  private tryAt(p: CompiledPattern, tokens: Token[], i: number, negation: Set<string>, out: PhraseHit[]): void {
    const last = this.matchFrom(p, tokens, 1, i + 1, tokens[i].sentence);
    if (last < 0) return;
    const end = Math.max(i, last);
    if (p.notAfter && i > 0 && tokens[i - 1].sentence === tokens[i].sentence && p.notAfter.has(tokens[i - 1].key)) return;
    if (p.neg && hasNegation(tokens, i, end, negation)) return;
    out.push({ pattern: p, first: i, last: end });
  }

  /** Returns the index of the last consumed token, or -1. Depth and branching are bounded by the pattern. */
  private matchFrom(p: CompiledPattern, tokens: Token[], s: number, t: number, sentence: number): number {
    if (s === p.slots.length) return t - 1;
    const slot = p.slots[s];
    const inSentence = t < tokens.length && tokens[t].sentence === sentence;
    if (slot.kind === 'gap') {
      for (let skip = 0; skip <= slot.gap; skip++) {
        if (skip > 0 && !(t + skip - 1 < tokens.length && tokens[t + skip - 1].sentence === sentence)) break;
        const r = this.matchFrom(p, tokens, s + 1, t + skip, sentence);
        if (r >= 0) return r;
      }
      return -1;
    }
    if (inSentence && slotMatches(slot, tokens[t].key)) {
      const r = this.matchFrom(p, tokens, s + 1, t + 1, sentence);
      if (r >= 0) return r;
    }
    if (slot.end && !inSentence) {
      const r = this.matchFrom(p, tokens, s + 1, t, sentence);
      if (r >= 0) return r;
    }
    if (slot.optional) return this.matchFrom(p, tokens, s + 1, t, sentence);
    return -1;
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) {
    if (!list.includes(v)) list.push(v);
  } else m.set(k, [v]);
}

function hasNegation(tokens: Token[], first: number, last: number, negation: Set<string>): boolean {
  const sentence = tokens[first].sentence;
  for (let k = Math.max(0, first - 2); k <= last; k++) {
    if (tokens[k].sentence === sentence && negation.has(tokens[k].key)) return true;
  }
  return false;
}
