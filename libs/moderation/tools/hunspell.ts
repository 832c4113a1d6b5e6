import { readFileSync } from 'node:fs';

/**
 * Hunspell affix expansion, build-time only (the runtime never loads a dictionary): turns `.dic`
 * entries into every word form their flags allow. It generates rather than checks, so it implements
 * the generation side of the .aff format the Latvian and Russian dictionaries use:
 *
 * - FLAG char (default), long, num and UTF-8;
 * - PFX/SFX with strip, add, condition and cross product (a prefix on a suffixed form only when both
 *   classes say `Y`);
 * - continuation classes on suffixes: a second suffix (twofold suffixes) and prefix flags that only
 *   a suffix allows (Latvian `jā-` of the debitive is allowed by the suffix, not by the stem);
 * - NEEDAFFIX on stems and on affixes (the form is not a word until another affix is added);
 * - CIRCUMFIX: an affix carrying the flag occurs only together with another one carrying it
 *   (`jā` + `-a` is the debitive, `-a` with the circumfix flag alone is not a word).
 *
 * What the two dictionaries do not use is rejected at load rather than silently mis-expanded:
 * AF/AM flag aliases, COMPLEXPREFIXES and suffixes allowed only by a prefix's continuation class.
 */

type FlagMode = 'char' | 'long' | 'num' | 'UTF-8';

/** One position of a condition: a set of characters, or its complement; null is `.`. */
type CondPart = { chars: Set<string>; negate: boolean } | null;

export interface AffixRule {
  kind: 'PFX' | 'SFX';
  flag: string;
  cross: boolean;
  strip: string;
  add: string;
  cond: CondPart[];
  cont: Set<string>;
}

interface AffixClass {
  kind: 'PFX' | 'SFX';
  cross: boolean;
  rules: AffixRule[];
}

export interface DictionaryEntry {
  stem: string;
  flags: Set<string>;
}

function parseCondition(src: string, where: string): CondPart[] {
  if (src === '.') return [];
  const parts: CondPart[] = [];
  const chars = [...src];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '.') parts.push(null);
    else if (c === '[') {
      const close = chars.indexOf(']', i + 1);
      if (close < 0) throw new Error(`${where}: unclosed [ in condition ${src}`);
      const negate = chars[i + 1] === '^';
      parts.push({ chars: new Set(chars.slice(negate ? i + 2 : i + 1, close)), negate });
      i = close;
    } else parts.push({ chars: new Set([c]), negate: false });
  }
  return parts;
}

function partMatches(p: CondPart, ch: string): boolean {
  return p === null || p.chars.has(ch) !== p.negate;
}

/** Suffix conditions are tested on the end of the word, prefix conditions on its start. */
function conditionHolds(rule: AffixRule, word: string[]): boolean {
  const n = rule.cond.length;
  if (word.length < n) return false;
  const offset = rule.kind === 'SFX' ? word.length - n : 0;
  for (let k = 0; k < n; k++) if (!partMatches(rule.cond[k], word[offset + k])) return false;
  return true;
}

export function applyAffix(rule: AffixRule, word: string): string | null {
  const chars = [...word];
  if (!conditionHolds(rule, chars)) return null;
  if (rule.kind === 'SFX') {
    if (!word.endsWith(rule.strip)) return null;
    return word.slice(0, word.length - rule.strip.length) + rule.add;
  }
  if (!word.startsWith(rule.strip)) return null;
  return rule.add + word.slice(rule.strip.length);
}

/** A word with the suffixes applied so far and what they allow next. */
interface SuffixChain {
  form: string;
  /** Every applied suffix class allows cross products (true for the bare stem). */
  cross: boolean;
  /** Stem flags plus the continuation classes of the applied suffixes. */
  flags: Set<string>;
  /** A circumfix suffix was applied: only a circumfix prefix completes the word. */
  circumfix: boolean;
  /** The last step needs another affix before this is a word. */
  needsAffix: boolean;
  /** Continuation class of the last suffix: the flags of a possible second suffix. */
  lastCont: Set<string>;
}

export class HunspellDictionary {
  private flagMode: FlagMode = 'char';
  private needAffix: string | null = null;
  private circumfix: string | null = null;
  private readonly classes = new Map<string, AffixClass>();
  readonly entries: DictionaryEntry[] = [];
  private byStem: Map<string, DictionaryEntry[]> | null = null;

  constructor(affText: string, dicText: string) {
    this.parseAff(affText);
    this.parseDic(dicText);
  }

  static load(affPath: string, dicPath: string): HunspellDictionary {
    return new HunspellDictionary(readFileSync(affPath, 'utf8'), readFileSync(dicPath, 'utf8'));
  }

  parseFlags(s: string): string[] {
    if (s === '') return [];
    switch (this.flagMode) {
      case 'long': {
        const out: string[] = [];
        for (let i = 0; i < s.length; i += 2) out.push(s.slice(i, i + 2));
        return out;
      }
      case 'num':
        return s.split(',').filter((x) => x !== '');
      case 'UTF-8':
        return [...s];
      default:
        // Single 8-bit characters in a UTF-8 file: one code unit each for the ASCII flags in use.
        return [...s];
    }
  }

  private parseAff(text: string): void {
    const lines = text.split(/\r?\n/);
    for (let li = 0; li < lines.length; li++) {
      const line = lines[li].trim();
      if (line === '' || line.startsWith('#')) continue;
      const f = line.split(/\s+/);
      const where = `aff line ${li + 1}`;
      switch (f[0]) {
        case 'FLAG':
          if (f[1] !== 'long' && f[1] !== 'num' && f[1] !== 'UTF-8') throw new Error(`${where}: unknown FLAG ${f[1]}`);
          this.flagMode = f[1];
          continue;
        case 'NEEDAFFIX':
          this.needAffix = f[1];
          continue;
        case 'CIRCUMFIX':
          this.circumfix = f[1];
          continue;
        case 'AF':
        case 'AM':
        case 'COMPLEXPREFIXES':
          throw new Error(`${where}: ${f[0]} is not supported by this expander`);
        case 'PFX':
        case 'SFX':
          break;
        default:
          continue;
      }
      const kind = f[0] as 'PFX' | 'SFX';
      const flag = f[1];
      const existing = this.classes.get(flag);
      if (!existing) {
        if ((f[2] !== 'Y' && f[2] !== 'N') || !/^\d+$/.test(f[3] ?? '')) throw new Error(`${where}: bad ${kind} header`);
        this.classes.set(flag, { kind, cross: f[2] === 'Y', rules: [] });
        continue;
      }
      if (existing.kind !== kind) throw new Error(`${where}: flag ${flag} is both PFX and SFX`);
      if (f.length < 4) throw new Error(`${where}: ${kind} rule needs strip and add`);
      const slash = f[3].indexOf('/');
      const addRaw = slash < 0 ? f[3] : f[3].slice(0, slash);
      const cont = slash < 0 ? [] : this.parseFlags(f[3].slice(slash + 1));
      existing.rules.push({
        kind,
        flag,
        cross: existing.cross,
        strip: f[2] === '0' ? '' : f[2],
        add: addRaw === '0' ? '' : addRaw,
        cond: parseCondition(f[4] ?? '.', where),
        cont: new Set(cont),
      });
    }
    for (const cls of this.classes.values()) {
      if (cls.kind !== 'PFX') continue;
      for (const r of cls.rules) {
        for (const c of r.cont) {
          if (this.classes.get(c)?.kind === 'SFX') throw new Error(`PFX ${r.flag}: suffixes allowed by a prefix's continuation class are not supported`);
        }
      }
    }
  }

  private parseDic(text: string): void {
    const lines = text.split(/\r?\n/);
    // The first line is the entry count.
    for (let li = 1; li < lines.length; li++) {
      const raw = lines[li];
      if (raw === '' || raw.startsWith('\t')) continue;
      // The word ends at the first blank; morphological fields (po:darbv31t) follow it.
      const token = raw.split(/[\t ]/)[0];
      let slash = -1;
      for (let k = 0; k < token.length; k++) {
        if (token[k] === '\\') k++;
        else if (token[k] === '/') {
          slash = k;
          break;
        }
      }
      const stem = (slash < 0 ? token : token.slice(0, slash)).replace(/\\\//g, '/');
      if (stem === '') continue;
      this.entries.push({ stem, flags: new Set(slash < 0 ? [] : this.parseFlags(token.slice(slash + 1))) });
    }
  }

  /** Entries spelt exactly `stem` (homonyms each have their own line and flags). */
  lookup(stem: string): DictionaryEntry[] {
    if (this.byStem === null) {
      this.byStem = new Map();
      for (const e of this.entries) {
        const list = this.byStem.get(e.stem);
        if (list) list.push(e);
        else this.byStem.set(e.stem, [e]);
      }
    }
    return this.byStem.get(stem) ?? [];
  }

  /**
   * Calls `emit` for every word form of one entry (duplicates possible: rules overlap). `exclude`
   * leaves rules out, e.g. a negating prefix.
   */
  expandEntry(entry: DictionaryEntry, emit: (form: string) => void, exclude?: (rule: AffixRule) => boolean): void {
    const { needAffix, circumfix } = this;
    const chains: SuffixChain[] = [
      { form: entry.stem, cross: true, flags: entry.flags, circumfix: false, needsAffix: needAffix !== null && entry.flags.has(needAffix), lastCont: new Set() },
    ];
    // One or two suffixes: the first from the stem's flags, the second from its continuation class.
    for (let depth = 0, from = 0; depth < 2; depth++) {
      const to = chains.length;
      for (let k = from; k < to; k++) {
        const base = chains[k];
        for (const flag of depth === 0 ? entry.flags : base.lastCont) {
          const cls = this.classes.get(flag);
          if (!cls || cls.kind !== 'SFX') continue;
          for (const r of cls.rules) {
            if (exclude?.(r)) continue;
            const form = applyAffix(r, base.form);
            if (form === null) continue;
            chains.push({
              form,
              cross: base.cross && cls.cross,
              flags: new Set([...base.flags, ...r.cont]),
              circumfix: base.circumfix || (circumfix !== null && r.cont.has(circumfix)),
              needsAffix: needAffix !== null && r.cont.has(needAffix),
              lastCont: r.cont,
            });
          }
        }
      }
      from = to;
    }
    for (const chain of chains) {
      if (!chain.needsAffix && !chain.circumfix) emit(chain.form);
      const suffixed = chain !== chains[0];
      if (suffixed && !chain.cross) continue;
      // A prefix flag may come from the stem or from an applied suffix's continuation class.
      for (const flag of chain.flags) {
        const cls = this.classes.get(flag);
        if (!cls || cls.kind !== 'PFX' || (suffixed && !cls.cross)) continue;
        for (const r of cls.rules) {
          if (exclude?.(r)) continue;
          const prefixCircumfix = circumfix !== null && r.cont.has(circumfix);
          if (prefixCircumfix !== chain.circumfix) continue;
          if (needAffix !== null && r.cont.has(needAffix)) continue;
          const form = applyAffix(r, chain.form);
          if (form !== null) emit(form);
        }
      }
    }
  }

  /** Every form of every entry spelt `lemma`, deduplicated. */
  formsOf(lemma: string): Set<string> {
    const out = new Set<string>();
    for (const e of this.lookup(lemma)) this.expandEntry(e, (f) => out.add(f));
    return out;
  }

  /** Calls `emit` for every word form the whole dictionary generates (duplicates possible). */
  expandAll(emit: (form: string) => void): void {
    for (const e of this.entries) this.expandEntry(e, emit);
  }
}
