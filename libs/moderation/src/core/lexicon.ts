import affixesJson from '../../data/affixes.json';
import lexiconEn from '../../data/lexicon.en.json';
import lexiconLv from '../../data/lexicon.lv.json';
import lexiconRu from '../../data/lexicon.ru.json';
import lexiconRuLatn from '../../data/lexicon.ru-latn.json';
import formsLv from '../../data/forms.lv.json';
import formsRu from '../../data/forms.ru.json';
import { CATEGORIES, type Category, type MatchLang, type Severity } from './types';
import { normalizeWord } from './tokenizer';
import { S_CYRL, S_LATN } from './chars';

/** One entry as written in data/lexicon.*.json (see data/README.md). */
export interface LexiconEntrySource {
  term: string;
  roots: string[];
  /** Dictionary lemmas whose generated forms (data/forms.*.json) match as whole words. */
  lemmas?: string[];
  cat: Category;
  sev: Severity;
  pre?: '*' | string[];
  suf?: '*' | string[];
  except?: string[];
  notIn?: string[];
  onlyIn?: string[];
  directed?: boolean;
  name?: boolean | 'always';
  strict?: boolean;
  notBefore?: string[];
  notAfter?: string[];
  /**
   * Words that give the entry its literal sense anywhere in the message (puppies for "kuce", willow for
   * "pussy"): then it counts only when aimed at the reader.
   */
  literalWith?: string[];
  note?: string;
}

export interface LexiconFile {
  lang: MatchLang;
  script: 'latn' | 'cyrl';
  entries: LexiconEntrySource[];
}

/** A set of normalised words, some of which may be prefixes ("nogalin*"). */
export class WordSet {
  private readonly exact = new Set<string>();
  private readonly prefixes = new Map<number, Set<string>>();

  constructor(words: Iterable<string>) {
    for (const raw of words) {
      if (raw.endsWith('*')) {
        const { key } = normalizeWord(raw.slice(0, -1));
        let set = this.prefixes.get(key.length);
        if (!set) this.prefixes.set(key.length, (set = new Set()));
        set.add(key);
      } else {
        this.exact.add(normalizeWord(raw).key);
      }
    }
  }

  has(key: string): boolean {
    if (this.exact.has(key)) return true;
    for (const [len, set] of this.prefixes) {
      if (key.length >= len && set.has(key.slice(0, len))) return true;
    }
    return false;
  }

  get size(): number {
    let n = this.exact.size;
    for (const s of this.prefixes.values()) n += s.size;
    return n;
  }
}

export interface CompiledEntry {
  id: number;
  term: string;
  lang: MatchLang;
  cat: Category;
  sev: Severity;
  rootKey: string;
  rootCounts: number[];
  /** A dictionary form: the whole word, with its doubled letters exactly as spelt (or stretched to 3+). */
  wholeWord: boolean;
  /** Root as written, NFC lower case, repeats collapsed: one character per run of rootKey. */
  rootOrig: string;
  /** Every diacritic of rootOrig must be present in the text (žīds vs zīds). */
  strict: boolean;
  preAny: boolean;
  pre: Set<string>;
  preMax: number;
  sufAny: boolean;
  suf: Set<string>;
  /** Repeat counts of each suffix, so "assess" is not read as ass+es. */
  sufCounts: Map<string, number[]>;
  sufMax: number;
  exceptExact: Set<string>;
  exceptPrefix: string[];
  exceptSuffix: string[];
  notIn: Set<string> | null;
  onlyIn: Set<string> | null;
  directed: boolean;
  /** Capitalised words may be names: 'always' ignores any capitalised form, true only likely names. */
  name: false | 'likely' | 'always';
  notBefore: WordSet | null;
  notAfter: WordSet | null;
  literalWith: WordSet | null;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: CompiledEntry[] | null;
}

export interface CompiledLexicon {
  latn: TrieNode;
  cyrl: TrieNode;
  /** Dictionary forms by token key: whole words need one lookup per token, not a trie walk. */
  whole: Map<string, CompiledEntry[]>;
  entries: CompiledEntry[];
}

type AffixClasses = Record<string, string[]>;

/** data/forms.*.json, written by `npm run moderation:forms` from the Hunspell dictionaries. */
export interface FormsFile {
  dictionary: string;
  forms: Record<string, string[]>;
}

export const DICTIONARY_FORMS: Readonly<Partial<Record<MatchLang, FormsFile>>> = { lv: formsLv as FormsFile, ru: formsRu as FormsFile };

/** The dictionary a lemma is looked up in: Cyrillic lemmas in the Russian one, Latin in the Latvian one. */
export function lemmaLang(lemma: string): 'lv' | 'ru' {
  return /[\u0400-\u04ff]/.test(lemma) ? 'ru' : 'lv';
}

/** Every generated form of a lemma; throws when the forms file was not regenerated after a data change. */
export function lemmaForms(lang: MatchLang, lemma: string, where: string): string[] {
  const file = DICTIONARY_FORMS[lang];
  if (!file) throw new Error(`${where}: no dictionary forms for language ${lang}`);
  const forms = file.forms[lemma];
  if (!forms) throw new Error(`${where}: lemma ${lemma} is not in data/forms.${lang}.json; run npm run moderation:forms`);
  return forms;
}

export const AFFIX_CLASSES: AffixClasses = affixesJson as AffixClasses;

export const BUILTIN_LEXICONS: readonly LexiconFile[] = [
  lexiconEn as LexiconFile,
  lexiconLv as LexiconFile,
  lexiconRu as LexiconFile,
  lexiconRuLatn as LexiconFile,
];

const CONTEXT_LANGS = new Set(['lv', 'en', 'ru-latn', 'unknown']);

function expandAffixes(list: string[], where: string): string[] {
  const out: string[] = [];
  for (const item of list) {
    if (item.startsWith('@')) {
      const cls = AFFIX_CLASSES[item.slice(1)];
      if (!cls) throw new Error(`${where}: unknown affix class ${item}`);
      out.push(...cls);
    } else {
      out.push(item);
    }
  }
  return out;
}

function normalizeAffix(a: string): string {
  return a === '' ? '' : normalizeWord(a).key;
}

/** One character per run of repeats, as token keys are stored. */
export function collapseRepeats(s: string): string {
  let out = '';
  for (const ch of s) if (out[out.length - 1] !== ch) out += ch;
  return out;
}

function newNode(): TrieNode {
  return { next: new Map(), entries: null };
}

export function validateEntry(e: LexiconEntrySource, where: string): void {
  if (typeof e.term !== 'string' || e.term === '') throw new Error(`${where}: term is required`);
  if (!Array.isArray(e.roots)) throw new Error(`${where}: roots must be an array`);
  if (e.lemmas !== undefined && !Array.isArray(e.lemmas)) throw new Error(`${where}: lemmas must be an array`);
  if (e.roots.length === 0 && (e.lemmas ?? []).length === 0) throw new Error(`${where}: needs roots or lemmas`);
  if (!CATEGORIES.includes(e.cat)) throw new Error(`${where}: unknown category ${String(e.cat)}`);
  if (e.sev !== 1 && e.sev !== 2 && e.sev !== 3) throw new Error(`${where}: sev must be 1, 2 or 3`);
  for (const l of [...(e.notIn ?? []), ...(e.onlyIn ?? [])]) {
    if (!CONTEXT_LANGS.has(l)) throw new Error(`${where}: unknown context language ${l}`);
  }
}

let nextId = 0;

const WHOLE_WORD: Pick<CompiledEntry, AffixField> = { wholeWord: true, preAny: false, pre: new Set(['']), preMax: 0, sufAny: false, suf: new Set(['']), sufCounts: new Map<string, number[]>([['', []]]), sufMax: 0 };

function rootOf(root: string, where: string): { rootKey: string; rootCounts: number[]; rootOrig: string } {
  const { key, counts } = normalizeWord(root);
  const rootOrig = collapseRepeats(root.normalize('NFC').toLowerCase());
  if (rootOrig.length !== key.length) throw new Error(`${where}: root ${root} must be letters that fold one-to-one`);
  return { rootKey: key, rootCounts: counts, rootOrig };
}

type SharedFields = Omit<CompiledEntry, 'id' | 'rootKey' | 'rootCounts' | 'rootOrig' | AffixField>;
type AffixField = 'wholeWord' | 'preAny' | 'pre' | 'preMax' | 'sufAny' | 'suf' | 'sufCounts' | 'sufMax';

/** One literal with a fixed field order, so root entries and dictionary-form entries share one object shape. */
function makeEntry(s: SharedFields, a: Pick<CompiledEntry, AffixField>, r: Pick<CompiledEntry, 'rootKey' | 'rootCounts' | 'rootOrig'>): CompiledEntry {
  return {
    id: nextId++,
    term: s.term,
    lang: s.lang,
    cat: s.cat,
    sev: s.sev,
    rootKey: r.rootKey,
    rootCounts: r.rootCounts,
    wholeWord: a.wholeWord,
    rootOrig: r.rootOrig,
    strict: s.strict,
    preAny: a.preAny,
    pre: a.pre,
    preMax: a.preMax,
    sufAny: a.sufAny,
    suf: a.suf,
    sufCounts: a.sufCounts,
    sufMax: a.sufMax,
    exceptExact: s.exceptExact,
    exceptPrefix: s.exceptPrefix,
    exceptSuffix: s.exceptSuffix,
    notIn: s.notIn,
    onlyIn: s.onlyIn,
    directed: s.directed,
    name: s.name,
    notBefore: s.notBefore,
    notAfter: s.notAfter,
    literalWith: s.literalWith,
  };
}

function insert(lex: CompiledLexicon, entry: CompiledEntry): void {
  const first = entry.rootKey[0];
  const script = /[a-z]/.test(first) ? S_LATN : /[\u0400-\u04ff]/.test(first) ? S_CYRL : 0;
  if (script === 0) throw new Error(`lexicon ${entry.lang} (${entry.term}): root ${entry.rootOrig} is neither Latin nor Cyrillic`);
  lex.entries.push(entry);
  if (entry.wholeWord) {
    const list = lex.whole.get(entry.rootKey);
    if (list) list.push(entry);
    else lex.whole.set(entry.rootKey, [entry]);
    return;
  }
  let node = script === S_LATN ? lex.latn : lex.cyrl;
  for (const ch of entry.rootKey) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = newNode()));
    node = child;
  }
  (node.entries ??= []).push(entry);
}

export function compileEntries(files: readonly LexiconFile[]): CompiledLexicon {
  const lex: CompiledLexicon = { latn: newNode(), cyrl: newNode(), whole: new Map(), entries: [] };
  for (const file of files) {
    file.entries.forEach((src, idx) => {
      const where = `lexicon ${file.lang} #${idx} (${src.term})`;
      validateEntry(src, where);
      const preAny = src.pre === '*';
      const sufAny = src.suf === '*';
      const preList = src.pre === '*' ? [] : expandAffixes(src.pre ?? [''], where);
      const sufList = src.suf === '*' ? [] : expandAffixes(src.suf ?? [''], where);
      const pre = new Set(preList.map(normalizeAffix));
      const sufCounts = new Map<string, number[]>();
      for (const a of sufList) {
        if (a === '') sufCounts.set('', []);
        else {
          const w = normalizeWord(a);
          const prev = sufCounts.get(w.key);
          // Same letters, different doubling (-ый/-ный vs -нный): accept the larger count.
          sufCounts.set(w.key, prev ? prev.map((c, k) => Math.max(c, w.counts[k])) : w.counts);
        }
      }
      const suf = new Set(sufCounts.keys());
      const exceptExact = new Set<string>();
      const exceptPrefix: string[] = [];
      const exceptSuffix: string[] = [];
      for (const x of src.except ?? []) {
        if (x.startsWith('*') && x.endsWith('*') && x.length > 2) {
          throw new Error(`${where}: "contains" exceptions are not supported (${x}); they would make long words quadratic`);
        }
        if (x.endsWith('*')) exceptPrefix.push(normalizeWord(x.slice(0, -1)).key);
        else if (x.startsWith('*')) exceptSuffix.push(normalizeWord(x.slice(1)).key);
        else exceptExact.add(normalizeWord(x).key);
      }
      const shared: SharedFields = {
        term: src.term,
        lang: file.lang,
        cat: src.cat,
        sev: src.sev,
        strict: src.strict === true,
        exceptExact,
        exceptPrefix,
        exceptSuffix,
        notIn: src.notIn ? new Set(src.notIn) : null,
        onlyIn: src.onlyIn ? new Set(src.onlyIn) : null,
        directed: src.directed === true,
        name: src.name === 'always' ? 'always' : src.name === true ? 'likely' : false,
        notBefore: src.notBefore ? new WordSet(src.notBefore) : null,
        notAfter: src.notAfter ? new WordSet(src.notAfter) : null,
        literalWith: src.literalWith ? new WordSet(src.literalWith) : null,
      };
      const affixes: Pick<CompiledEntry, AffixField> = {
        wholeWord: false,
        preAny,
        pre,
        preMax: Math.max(0, ...[...pre].map((p) => p.length)),
        sufAny,
        suf,
        sufCounts,
        sufMax: Math.max(0, ...[...suf].map((p) => p.length)),
      };
      for (const root of src.roots) insert(lex, makeEntry(shared, affixes, rootOf(root, where)));
      // A dictionary form is a whole word: no prefix, no ending.
      const forms = new Set((src.lemmas ?? []).flatMap((lemma) => lemmaForms(file.lang, lemma, where)));
      for (const form of forms) insert(lex, makeEntry(shared, WHOLE_WORD, rootOf(form, where)));
    });
  }
  return lex;
}
