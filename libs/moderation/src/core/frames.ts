import coreFrames from '../../data/frames.json';
import harassmentFrames from '../../data/frames-harassment.json';
import severeFrames from '../../data/frames-severe.json';
import enFrames from '../../data/frames-en.json';
import lvFrames from '../../data/frames-lv.json';
import ruFrames from '../../data/frames-ru.json';
import genericFrames from '../../data/frames-generic.json';
import { AFFIX_CLASSES, lemmaForms, lemmaLang } from './lexicon';
import { commaBetween, followsFirstName, followsTitle, negatedWithin, oneSpaceBetween } from './context';
import { S_LATN } from './chars';
import { cyrillicReadings } from './translit';
import { CATEGORIES, type Category, type MatchLang, type Severity } from './types';
import { F_ALLCAPS, F_CAPITALIZED, MASK_CHAR, normalizeWord, type Token } from './tokenizer';

/**
 * Frames: rules over word features rather than over fixed strings. A feature is a class of words
 * (exact forms, `lemma~` for every form the dictionary generates for a lemma, `stem*` for every word starting with a stem, `stem+` for the stem with one of its
 * language's inflectional endings from data/affixes.json — ebrej+ is ebreji, ebrejus, ebrejiem but not
 * ebrejiski —, `*ending` for a grammatical ending such as
 * the Latvian first-person future `-šu`); a frame element is one or more features that must hold on
 * the same token (`violent-lv&fut1-lv`: a violent verb in the first-person future); a frame fires
 * when all its elements occur, in any order, within `window` tokens of one sentence. This captures
 * "actor/intention × act × target" whatever the word order and inflection, in time linear in the
 * text: each token touches only the frame elements its own features belong to.
 */
export interface FrameFile {
  features: Record<string, string[]>;
  frames: FrameSource[];
}

export interface FrameSource {
  lang: MatchLang;
  cat: Category;
  sev: Severity;
  term: string;
  all: string[];
  window?: number;
  /** Cancel when a negation word stands inside the match or just before it. */
  neg?: boolean;
  /**
   * Features (or `a&b` conjunctions) that cancel the frame when present within eight words before or
   * six after it, in its sentence (or the sentences a spread frame may span): a reflexive "sevi" in a
   * threat, a game in "I'll destroy you at chess", a surgeon.
   */
  none?: string[];
  /**
   * Like `none`, but only from the match's first word on: "I'll shoot you a text" is no threat, while
   * "if you text her again, I'll kill you" puts the text in the condition before it.
   */
  noneAfter?: string[];
  /**
   * Like `none`, but also in the next sentence, and up to twelve words after the match: "I know where you
   * live! Shall we walk to school together?" is an offer written as two sentences.
   */
  noneNext?: string[];
  /** Highest decision the frame may cause alone: veiled warnings reach a human but never bounce. */
  cap?: 'review';
  /** Elements must occur in the listed order (English word order carries who does what to whom). */
  order?: boolean;
  /**
   * How many consecutive sentences the elements may be spread over (1–3, default 1). Grooming is
   * written as short sentences ("You're so grown up. Don't tell your mum. Send a pic."); with more
   * than one, `window` bounds the words from the first element to the last (up to MAX_SPREAD_WINDOW).
   */
  sentences?: number;
}

export interface CompiledFrame {
  id: number;
  lang: MatchLang;
  cat: Category;
  sev: Severity;
  term: string;
  elements: number[][];
  window: number;
  neg: boolean;
  none: number[][];
  noneAfter: number[][];
  noneNext: number[][];
  order: boolean;
  cap: 'review' | null;
  sentences: number;
  /** Per element, how its matches are looked up (see the constructor). */
  entries: FeatureEntry[];
}

interface FeatureEntry {
  frame: CompiledFrame;
  el: number;
  /** The one feature the element is looked up by. */
  feature: number;
  /** The element is that feature alone (not `a&b`). */
  single: boolean;
}

export interface FrameHit {
  frame: CompiledFrame;
  first: number;
  last: number;
}

const MAX_WINDOW = 12;
/** Words a frame spread over several sentences may span: three short sentences of a chat message. */
const MAX_SPREAD_WINDOW = 40;
const MAX_SENTENCES = 3;
/** The letters a hidden one may stand for in a token key (keys are lowercased, Latvian marks folded), by the key's script. */
const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const CYRILLIC_LETTERS = [...'абвгдежзийклмнопрстуфхцчшщъыьэюя'];
function hiddenLetters(key: string): readonly string[] {
  return /[а-яё]/.test(key) ? CYRILLIC_LETTERS : /[a-z]/.test(key) ? LATIN_LETTERS : [];
}
const NO_FEATURES: number[] = [];

/**
 * The doubled-letter spellings of one key ("butt", "all"), by their letter counts, and the classes each
 * spelling's words are in.
 */
interface DoubledSpellings {
  spellings: number[][];
  entries: { id: number; spelling: number }[];
}
/** A word key's classes, and those it adds per set of doubled spellings its letters reach (a bit each). */
interface KnownWord {
  base: number[];
  doubled: DoubledSpellings | undefined;
  reached: Map<number, readonly number[]> | null;
}
/** Spellings of one key told apart in a bit mask (the data has at most two). */
const MAX_SPELLINGS = 30;

/** Whether a token's letter counts reach a spelling's: "butt" is not "but", "buttt" is "butt". */
function reaches(counts: readonly number[], spelling: readonly number[]): boolean {
  for (let k = 0; k < spelling.length; k++) if ((counts[k] ?? 1) < spelling[k]) return false;
  return true;
}

const DEFAULT_WINDOW = 6;
const ROLE_ANCHOR = 1;
const ROLE_GATE = 2;
/** Distinct word keys whose features are remembered (a few MB at most); the memo restarts when full. */
const MAX_KNOWN_WORDS = 50_000;
const MAX_COMBINATIONS = 64;

/**
 * Several frame files make one: a feature named in more than one file holds the words of all of
 * them (a file may widen a shared class such as `target-lv`), frames follow in file order. Kept apart
 * so that families of frames (threats and hate, harassment) are reviewed and grown on their own.
 */
export function mergeFrameFiles(files: readonly FrameFile[]): FrameFile {
  const features: Record<string, string[]> = {};
  for (const file of files) {
    for (const [name, words] of Object.entries(file.features)) features[name] = [...new Set([...(features[name] ?? []), ...words])];
  }
  return { features, frames: files.flatMap((f) => f.frames) };
}

export const BUILTIN_FRAMES = mergeFrameFiles([coreFrames, severeFrames, harassmentFrames, enFrames, lvFrames, ruFrames, genericFrames] as FrameFile[]);

export class FrameMatcher {
  readonly frames: CompiledFrame[] = [];
  private readonly featureIds = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly doubled = new Map<string, DoubledSpellings>();
  /** Per word key seen: its classes, and the classes it adds when spelled with doubled letters. */
  private readonly known = new Map<string, KnownWord>();
  /** Per class array of a word: the arrays with computed features added (see withAdded). */
  private readonly combined = new Map<readonly number[], Map<number, readonly number[]>>();
  /** Per Latin word read in Cyrillic as well: its own classes and those with its readings'. */
  private readonly readInCyrillic = new Map<string, { own: readonly number[]; all: readonly number[] }>();
  /** The classes of words with one hidden letter, by key and letter counts (a masked word repeats in hostile text). */
  private readonly hidden = new Map<string, readonly number[]>();
  private readonly prefixes = new Map<number, Map<string, number[]>>();
  private readonly suffixes = new Map<number, Map<string, number[]>>();
  private readonly inflected = new Map<number, Map<string, number[]>>();
  /** feature id → (frame, element index) pairs whose element mentions that feature. */
  private readonly byFeature: FeatureEntry[][] = [];
  /**
   * feature id → the frames gated on it: each frame under one of its elements' lookup features, the one
   * the fewest frames share (a class of rare words rather than "you" or "all"), so a message with common
   * words does not count its way through every frame that mentions them. One flat array per feature —
   * frame id, how many other lookup features, those features, rarest first — so checking that a frame
   * can hold reads memory in order: following each frame object to its own array was the matcher's
   * costliest step on ordinary text.
   */
  private readonly gateChecks: Int32Array[] = [];
  private readonly state: {
    sentenceOf: Int32Array;
    touchedAt: Int32Array;
    firedIn: Int32Array;
    last: Int32Array;
    seenIn: Uint32Array;
    featureSeenIn: Uint32Array;
    /** Per feature: 0 when no element is looked up by it, ROLE_ANCHOR when some is, ROLE_GATE when frames are also gated on it. */
    role: Uint8Array;
    /** The gate features of the message being matched (a buffer of the features' count). */
    gates: Int32Array;
  };
  /** Counts messages, so a frame's state is reset on its first touch in a message rather than all of them up front. */
  private message = 0;
  /** Where each frame's element positions start in the per-message buffer, and the buffer's length. */
  private readonly elementOffset: number[] = [];
  private elementCount = 0;

  constructor(file: FrameFile) {
    for (const [name, words] of Object.entries(file.features)) {
      const id = this.featureIds.size;
      this.featureIds.set(name, id);
      this.names.push(name);
      this.byFeature.push([]);
      for (const raw of words) {
        if (COMPUTED.has(name)) throw new Error(`feature ${name} is computed from the text; list no words`);
        if (raw.endsWith('~')) {
          // Every form the dictionary generates for the lemma (data/forms.*.json).
          const lemma = raw.slice(0, -1);
          for (const form of lemmaForms(lemmaLang(lemma), lemma, `feature ${name}`)) this.addExact(form, id);
        } else if (raw.startsWith('*')) add(this.suffixes, normalizeWord(raw.slice(1)).key, id);
        else if (raw.endsWith('+')) add(this.inflected, normalizeWord(raw.slice(0, -1)).key, id);
        else if (raw.endsWith('*')) add(this.prefixes, normalizeWord(raw.slice(0, -1)).key, id);
        else this.addExact(raw, id);
      }
    }
    file.frames.forEach((src, idx) => {
      const where = `frame #${idx} (${src.term})`;
      if (!CATEGORIES.includes(src.cat)) throw new Error(`${where}: unknown category ${String(src.cat)}`);
      if (src.sev !== 1 && src.sev !== 2 && src.sev !== 3) throw new Error(`${where}: sev must be 1..3`);
      const window = src.window ?? DEFAULT_WINDOW;
      if (src.cap !== undefined && src.cap !== 'review') throw new Error(`${where}: cap must be "review"`);
      const sentences = src.sentences ?? 1;
      if (!Number.isInteger(sentences) || sentences < 1 || sentences > MAX_SENTENCES) throw new Error(`${where}: sentences must be 1..${MAX_SENTENCES}`);
      const maxWindow = sentences > 1 ? MAX_SPREAD_WINDOW : MAX_WINDOW;
      if (window < 1 || window > maxWindow) throw new Error(`${where}: window must be 1..${maxWindow}`);
      if (src.all.length === 0) throw new Error(`${where}: needs at least one element`);
      const feature = (n: string): number => {
        const f = this.featureIds.get(n);
        if (f === undefined) throw new Error(`${where}: unknown feature ${n}`);
        return f;
      };
      const frame: CompiledFrame = {
        id: idx,
        lang: src.lang,
        cat: src.cat,
        sev: src.sev,
        term: src.term,
        elements: src.all.map((el) => el.split('&').map(feature)),
        window,
        neg: src.neg === true,
        none: (src.none ?? []).map((el) => el.split('&').map(feature)),
        noneAfter: (src.noneAfter ?? []).map((el) => el.split('&').map(feature)),
        noneNext: (src.noneNext ?? []).map((el) => el.split('&').map(feature)),
        order: src.order === true,
        cap: src.cap === 'review' ? 'review' : null,
        sentences,
        entries: [],
      };
      this.frames.push(frame);
      this.elementOffset.push(this.elementCount);
      this.elementCount += frame.elements.length;
      frame.elements.forEach((el, k) => {
        const distinct = new Set(el);
        // A conjunction holds only where all its features do, so it waits on one of them: the one
        // fewest words have (never a computed one such as $end, which half the words of a text carry).
        const anchor = [...distinct].reduce((a, b) => (breadth(file, this.names[b]) < breadth(file, this.names[a]) ? b : a));
        const entry: FeatureEntry = { frame, el: k, feature: anchor, single: distinct.size === 1 };
        frame.entries.push(entry);
        this.byFeature[anchor].push(entry);
      });
    });
    const checks: number[][] = this.names.map(() => []);
    for (const frame of this.frames) {
      const gate = frame.entries.reduce((a, b) => (this.byFeature[b.feature].length < this.byFeature[a.feature].length ? b : a));
      const others = [...new Set(frame.entries.map((e) => e.feature))].filter((f) => f !== gate.feature);
      others.sort((a, b) => breadth(file, this.names[a]) - breadth(file, this.names[b]) || a - b);
      checks[gate.feature].push(frame.id, others.length, ...others);
    }
    for (const list of checks) this.gateChecks.push(Int32Array.from(list));
    const n = this.frames.length;
    this.state = {
      sentenceOf: new Int32Array(n),
      touchedAt: new Int32Array(n),
      firedIn: new Int32Array(n),
      last: new Int32Array(this.elementCount),
      seenIn: new Uint32Array(n),
      featureSeenIn: new Uint32Array(this.names.length),
      role: new Uint8Array(this.names.length),
      gates: new Int32Array(this.names.length),
    };
    for (let f = 0; f < this.names.length; f++) {
      if (this.gateChecks[f].length > 0) this.state.role[f] = ROLE_GATE;
      else if (this.byFeature[f].length > 0) this.state.role[f] = ROLE_ANCHOR;
    }
  }

  /**
   * Keys collapse repeated letters (so "sooo stupid" is read), which makes "butt" the key of "būt" and
   * "but", and "ass" that of "as": a word spelled with a doubled letter matches only a token that
   * doubles it too.
   */
  private addExact(word: string, id: number): void {
    const { key, counts } = normalizeWord(word);
    if (counts.some((c) => c > 1)) {
      let spellings = this.doubled.get(key);
      if (spellings === undefined) this.doubled.set(key, (spellings = { spellings: [], entries: [] }));
      let spelling = spellings.spellings.findIndex((c) => c.join() === counts.join());
      if (spelling < 0) spelling = spellings.spellings.push(counts) - 1;
      if (spelling >= MAX_SPELLINGS) throw new Error(`feature words: more than ${MAX_SPELLINGS} doubled spellings of ${key}`);
      if (!spellings.entries.some((d) => d.id === id && d.spelling === spelling)) spellings.entries.push({ id, spelling });
    } else push(this.exact, key, id);
  }

  /**
   * Feature ids of one token: one exact lookup plus one per distinct prefix and suffix length. Without
   * `counts` (a reading of the word, not the word as typed) words spelled with doubled letters count too.
   */
  featuresOf(key: string, counts?: readonly number[]): readonly number[] {
    const mask = key.indexOf(MASK_CHAR);
    if (mask >= 0 && mask === key.lastIndexOf(MASK_CHAR)) return this.featuresOfHidden(key, mask, counts);
    let word = this.known.get(key);
    if (word === undefined) {
      // Words repeat across messages: a bounded memo saves a lookup per prefix, ending and suffix length.
      if (this.known.size >= MAX_KNOWN_WORDS) this.known.clear();
      this.known.set(key, (word = { base: this.lookUp(key), doubled: this.doubled.get(key), reached: null }));
    }
    const { base, doubled } = word;
    if (doubled === undefined) return base;
    // Which spellings the token's letters reach, a bit each.
    let reached = 0;
    for (let g = 0; g < doubled.spellings.length; g++) if (counts === undefined || reaches(counts, doubled.spellings[g])) reached |= 1 << g;
    if (reached === 0) return base;
    // "lesson", "class", "school": common words, so the same array each time (see withAdded).
    word.reached ??= new Map();
    let out = word.reached.get(reached);
    if (out === undefined) {
      const ids = doubled.entries.filter((d) => (reached & (1 << d.spelling)) !== 0).map((d) => d.id);
      word.reached.set(reached, (out = [...new Set([...base, ...ids])]));
    }
    return out;
  }

  /** "уб!ю", "k*ll": one hidden letter is read as each letter of the word's script in turn. */
  private featuresOfHidden(key: string, mask: number, counts?: readonly number[]): readonly number[] {
    const memo = counts === undefined ? key : `${key} ${counts.join()}`;
    let known = this.hidden.get(memo);
    if (known === undefined) {
      if (this.hidden.size >= MAX_KNOWN_WORDS) this.hidden.clear();
      this.hidden.set(memo, (known = this.fillHidden(key, mask, counts)));
    }
    return known;
  }

  private fillHidden(key: string, mask: number, counts?: readonly number[]): readonly number[] {
    let out: number[] = this.lookUp(key);
    if (out !== NO_FEATURES) out = [...out];
    for (const letter of hiddenLetters(key)) {
      for (const f of this.featuresOf(key.slice(0, mask) + letter + key.slice(mask + 1), counts)) {
        if (out === NO_FEATURES) out = [];
        if (!out.includes(f)) out.push(f);
      }
    }
    return out;
  }

  private lookUp(key: string): number[] {
    let out: number[] = NO_FEATURES;
    const add = (ids: number[]): void => {
      if (out === NO_FEATURES) out = [];
      for (const f of ids) if (!out.includes(f)) out.push(f);
    };
    const ex = this.exact.get(key);
    if (ex) add(ex);
    for (const [len, map] of this.prefixes) {
      if (key.length < len) continue;
      const ids = map.get(key.slice(0, len));
      if (ids) add(ids);
    }
    for (const [len, map] of this.inflected) {
      if (key.length < len) continue;
      const ids = map.get(key.slice(0, len));
      // Repeats are collapsed, so евре+ев arrives as "еврев": the ending may share the stem's last letter.
      if (ids && (isEnding(key.slice(len)) || isEnding(key[len - 1] + key.slice(len)))) add(ids);
    }
    for (const [len, map] of this.suffixes) {
      // An ending must leave a stem: "šu" alone is not a future verb.
      if (key.length < len + 2) continue;
      const ids = map.get(key.slice(key.length - len));
      if (ids) add(ids);
    }
    return out;
  }

  /**
   * `readAsRussian`: the Latin words of the message are Russian typed in Latin letters; their Cyrillic
   * readings (ya tebya ubyu = я тебя убью) carry features too.
   */
  match(tokens: Token[], text: string, negation: Set<string>, out: FrameHit[], readAsRussian = false): number {
    return this.matchFeatures(tokens, this.tokenFeatures(tokens, text, negation, readAsRussian), negation, out);
  }

  /** The name a feature id stands for (the second opinion learns from word classes by name). */
  featureName(id: number): string {
    return this.names[id];
  }

  /** Every feature's name, by id. */
  featureNames(): readonly string[] {
    return this.names;
  }

  /**
   * Every token's features: its word classes, those of its other readings, and the computed ones
   * ($vocative, $end, …). Frames match over them and the second opinion learns from them.
   */
  tokenFeatures(tokens: Token[], text: string, negation: Set<string>, readAsRussian = false): (readonly number[])[] {
    const feats: (readonly number[])[] = tokens.map((t) => {
      const own = this.featuresOf(t.key, t.counts);
      const russian = readAsRussian && t.script === S_LATN;
      if (t.alts === null && !russian) return own;
      // A Latin word read in Cyrillic too has the same classes whenever it comes back: one array for it.
      const memo = t.alts === null ? this.readInCyrillic.get(t.key) : undefined;
      if (memo !== undefined && memo.own === own) return memo.all;
      const readings = russian ? cyrillicReadings(t.key) : [];
      if (t.alts === null && readings.length === 0) return own;
      // Another reading of a disguised word (su4ka = сучка) carries its features too.
      const all = [...own];
      const addAll = (key: string, counts?: readonly number[]): void => {
        for (const f of this.featuresOf(key, counts)) if (!all.includes(f)) all.push(f);
      };
      for (const alt of t.alts ?? []) addAll(alt.key, alt.counts);
      for (const r of readings) addAll(r);
      if (t.alts === null) {
        if (this.readInCyrillic.size >= MAX_KNOWN_WORDS) this.readInCyrillic.clear();
        this.readInCyrillic.set(t.key, { own, all });
      }
      return all;
    });
    const vocative = this.featureIds.get(VOCATIVE);
    const relative = this.featureIds.get(RELATIVE);
    const clauseEnd = this.featureIds.get(CLAUSE_END);
    const laughed = this.featureIds.get(LAUGHED_AT);
    const dashed = this.featureIds.get(AFTER_DASH);
    const menacing = this.featureIds.get(MENACING);
    const name = this.featureIds.get(NAME);
    const negatedWord = this.featureIds.get(NEGATED);
    const quoted = this.featureIds.get(QUOTED);
    const eyeroll = this.featureIds.get(EYEROLL);
    const asked = this.featureIds.get(ASKED);
    const lewd = this.featureIds.get(LEWD);
    const watching = this.featureIds.get(WATCHING);
    const [rolled, questions, leered, watched] = sentencesMarked(tokens, text, [
      eyeroll === undefined ? null : { mark: EYEROLL_EMOJI, anywhere: false },
      asked === undefined ? null : { mark: QUESTION_MARK, anywhere: false },
      lewd === undefined ? null : { mark: LEWD_EMOJI, anywhere: true },
      watching === undefined ? null : { mark: WATCHING_EMOJI, anywhere: true },
    ]);
    // Computed features are gathered per token and added in one copy: most tokens get one or two.
    // Counted rather than emptied: setting an array's length per token cost more than the features.
    const extra: number[] = [];
    let extras = 0;
    // Which computed features the token got, a bit each: names the combination (see withAdded).
    let bits = 0;
    const mark = (id: number, bit: number): void => {
      bits |= bit;
      extra[extras++] = id;
    };
    // The gap after the previous word is the gap before this one (the dash of "мама — дура").
    let gapBefore = '';
    let plainGapBefore = true;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const next = i + 1 < tokens.length ? tokens[i + 1] : null;
      const sameNext = next !== null && next.sentence === t.sentence ? next : null;
      const gapEnd = next === null ? text.length : next.start;
      // Most words are followed by one space: no comma, no emoji, nothing to slice.
      const plainGap = oneSpaceBetween(text, t.end, gapEnd);
      const gapAfter = plainGap ? ' ' : text.slice(t.end, gapEnd);
      extras = 0;
      bits = 0;
      if (vocative !== undefined && isVocative(tokens, text, i, feats, relative)) mark(vocative, 1);
      // "tu dabūsi, tici man" ends a clause; "tu dabūsi, ko gribēji" goes on into an object clause.
      const clauseGoesOn = sameNext !== null && (plainGap || !gapAfter.includes(',') || (relative !== undefined && feats[i + 1].includes(relative)));
      if (clauseEnd !== undefined && !clauseGoesOn) mark(clauseEnd, 2);
      if (laughed !== undefined && !plainGap && MOCKING_EMOJI.test(gapAfter)) mark(laughed, 4);
      if (name !== undefined && (t.flags & (F_CAPITALIZED | F_ALLCAPS)) === F_CAPITALIZED) {
        // A capitalised word right after a title is a surname ("Учительница Сучкова", "Mrs Cox"): only a name.
        if (followsTitle(tokens, i, text) || followsFirstName(tokens, i, text)) feats[i] = [];
        mark(name, 8);
      }
      if (menacing !== undefined && !plainGap && MENACING_EMOJI.test(gapAfter)) mark(menacing, 16);
      if (dashed !== undefined && i > 0 && !plainGapBefore && DASH.test(gapBefore)) mark(dashed, 32);
      if (negatedWord !== undefined && negatedWithin(tokens, i, negation)) mark(negatedWord, 64);
      if (quoted !== undefined && t.quoted) mark(quoted, 128);
      if (rolled.size > 0 && rolled.has(t.sentence)) mark(eyeroll as number, 256);
      if (leered.size > 0 && leered.has(t.sentence)) mark(lewd as number, 512);
      if (watched.size > 0 && watched.has(t.sentence)) mark(watching as number, 1024);
      if (questions.size > 0 && questions.has(t.sentence) && (i === 0 || tokens[i - 1].sentence !== t.sentence)) mark(asked as number, 2048);
      if (extras > 0) feats[i] = this.withAdded(feats[i], extra, extras, bits);
      gapBefore = gapAfter;
      plainGapBefore = plainGap;
    }
    return feats;
  }

  /**
   * A word's classes plus more (the computed ones a token carries, or the classes of its doubled-letter
   * spelling), as one array shared by every token with the same: the second opinion caches sums per
   * class array, which only pays when the arrays of common words repeat across messages. The first
   * `extras` of `extra` are added; `key` names them, a bit per computed feature.
   */
  private withAdded(own: readonly number[], extra: readonly number[], extras: number, key: number): readonly number[] {
    let byExtra = this.combined.get(own);
    if (byExtra === undefined) {
      if (this.combined.size >= MAX_KNOWN_WORDS) this.combined.clear();
      this.combined.set(own, (byExtra = new Map()));
    }
    let out = byExtra.get(key);
    if (out === undefined) {
      // Bounded: a word read with every combination of computed features is still a handful of arrays.
      if (byExtra.size >= MAX_COMBINATIONS) byExtra.clear();
      byExtra.set(key, (out = [...new Set([...own, ...extra.slice(0, extras)])]));
    }
    return out;
  }

  /**
   * The frames that can hold in this message — every element's anchor feature occurs somewhere in it —
   * as the anchor entries to follow per feature; null when there are none, as for most messages. One
   * look at each distinct feature of the message, however often its words repeat.
   */
  private candidates(feats: readonly (readonly number[])[], message: number): Map<number, FeatureEntry[]> | null {
    const { featureSeenIn, role, gates } = this.state;
    let gated = 0;
    for (const fs of feats) {
      for (let k = 0; k < fs.length; k++) {
        const f = fs[k];
        // Two in five of a message's classes anchor no element ("you", "$end"): nothing to note.
        const r = role[f];
        if (r === 0 || featureSeenIn[f] === message) continue;
        featureSeenIn[f] = message;
        if (r === ROLE_GATE) gates[gated++] = f;
      }
    }
    let found: CompiledFrame[] | null = null;
    for (let g = 0; g < gated; g++) {
      const list = this.gateChecks[gates[g]];
      for (let p = 0; p < list.length; ) {
        const id = list[p];
        const end = p + 2 + list[p + 1];
        let all = true;
        for (let k = p + 2; k < end; k++) {
          if (featureSeenIn[list[k]] !== message) {
            all = false;
            break;
          }
        }
        if (all) (found ??= []).push(this.frames[id]);
        p = end;
      }
    }
    if (found === null) return null;
    // In file order, so where two frames read the same words the same one names the match every time.
    if (found.length > 1) found.sort((a, b) => a.id - b.id);
    const active = new Map<number, FeatureEntry[]>();
    for (const frame of found) {
      for (const entry of frame.entries) {
        const list = active.get(entry.feature);
        if (list === undefined) active.set(entry.feature, [entry]);
        else list.push(entry);
      }
    }
    return active;
  }

  /**
   * Frames over features from {@link tokenFeatures} of the same tokens. Returns how many frames held
   * but were cancelled by a negation or a literal context: the rules' evidence that the words are
   * innocent here ("I would never hurt you", "I'll kill you at chess").
   */
  matchFeatures(tokens: Token[], feats: (readonly number[])[], negation: Set<string>, out: FrameHit[]): number {
    let cancelled = 0;
    // Per frame: the sentence being tracked, the last token at which each element held in it, the
    // last token that touched the frame (to visit it once per token) and the last sentence it fired in.
    // The buffers are the matcher's (matching is synchronous, so no two messages share them): allocating
    // them per message made garbage of a thousand frames' state each time, and clearing them all cost
    // as much again on a short message. A frame's state is cleared when the message first touches it.
    // `last` holds every frame's element positions (frame k at elementOffset[k]).
    const { sentenceOf, touchedAt, firedIn, last, seenIn } = this.state;
    // 0 marks "never touched"; wrapping after 2^32 - 1 messages starts again at 1.
    const message = (this.message = this.message === 0xffffffff ? 1 : this.message + 1);
    const active = this.candidates(feats, message);
    if (active === null) return 0;
    const touched: CompiledFrame[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const fs = feats[i];
      if (fs.length === 0) continue;
      const sentence = tokens[i].sentence;
      touched.length = 0;
      for (const f of fs) {
        const entries = active.get(f);
        if (entries === undefined) continue;
        for (const { frame, el, single } of entries) {
          if (!single && !frame.elements[el].every((g) => fs.includes(g))) continue;
          const off = this.elementOffset[frame.id];
          if (seenIn[frame.id] !== message) {
            seenIn[frame.id] = message;
            sentenceOf[frame.id] = -1;
            touchedAt[frame.id] = -1;
            firedIn[frame.id] = -1;
            last.fill(-1, off, off + frame.elements.length);
          }
          if (sentenceOf[frame.id] !== sentence) {
            // A frame spread over sentences keeps what earlier ones held; stale positions fail the window check.
            if (frame.sentences === 1) last.fill(-1, off, off + frame.elements.length);
            sentenceOf[frame.id] = sentence;
          }
          last[off + el] = i;
          if (touchedAt[frame.id] !== i) {
            touchedAt[frame.id] = i;
            touched.push(frame);
          }
        }
      }
      for (const frame of touched) {
        if (firedIn[frame.id] === sentence) continue;
        const arr = last.subarray(this.elementOffset[frame.id], this.elementOffset[frame.id] + frame.elements.length);
        let first = i;
        let ok = true;
        for (const p of arr) {
          if (p < 0 || i - p >= frame.window || sentence - tokens[p].sentence >= frame.sentences) ok = false;
          else if (p < first) first = p;
        }
        if (!ok) continue;
        if (frame.order && !increasing(arr)) continue;
        const from = sentence - frame.sentences + 1;
        if (
          (frame.neg && negated(tokens, first, i, negation)) ||
          (frame.none.length > 0 && anyFeature(feats, tokens, Math.max(0, first - NONE_BEFORE), i, frame.none, from, false)) ||
          (frame.noneAfter.length > 0 && anyFeature(feats, tokens, first, i, frame.noneAfter, from, false)) ||
          (frame.noneNext.length > 0 && anyFeature(feats, tokens, Math.max(0, first - NONE_BEFORE), i, frame.noneNext, from, true))
        ) {
          cancelled++;
          continue;
        }
        firedIn[frame.id] = sentence;
        out.push({ frame, first, last: i });
      }
    }
    return cancelled;
  }
}

/**
 * `$vocative`: a word set off by commas from the rest of its sentence, or standing at its edge after
 * or before a comma ("Заика, скажи...", "Ej prom, mēsls.") — how a name or an insult addresses the
 * reader. A relative pronoun after the comma ("Cūka, kas guļ kūtī") makes it a subject instead.
 */
const VOCATIVE = '$vocative';
const RELATIVE = 'relative';
/** `$end`: the last word of a sentence or of a clause before a comma ("tu dabūsi, tici man"). */
const CLAUSE_END = '$end';
/** `$laughed`: a word followed by a laughing or mocking emoji before the next word (kropļa gaita 😂). */
const LAUGHED_AT = '$laughed';
/** `$dash`: a word right after a dash standing between words, the Russian copula ("мама — дура"). */
const AFTER_DASH = '$dash';
/** `$menacing`: a word followed by a menacing emoji (😈 🔪 🔫 💀 ⚰️ 🩸). */
const MENACING = '$menacing';
/** `$name`: a capitalised word (Kārlis, Mrs Ozola), the likely subject of a remark about a person. */
const NAME = '$name';
/** `$negated`: a word with a negation one or two words before it in its sentence ("don't tell", "не говори"). */
const NEGATED = '$negated';
/** `$quoted`: a word inside quotation marks (the scare quotes of «отличник», „ātrā“ atbilde). */
const QUOTED = '$quoted';
/** `$eyeroll`: a word in a sentence that ends with an eye-roll or unamused emoji (🙄 😒): sarcasm. */
const EYEROLL = '$eyeroll';
/** `$asked`: the first word of a sentence that ends with a question mark ("Are you going to the hospital tomorrow?"). */
const ASKED = '$asked';
/** `$lewd`: a word in a sentence with a leering emoji after any of its words (🥵 🤤 🍑 🍆 💦 👅): a remark about a body. */
const LEWD = '$lewd';
/** `$watching`: a word in a sentence with 👀 after any of its words: "I see you" said to someone followed. */
const WATCHING = '$watching';
const COMPUTED = new Set([VOCATIVE, CLAUSE_END, LAUGHED_AT, AFTER_DASH, MENACING, NAME, NEGATED, QUOTED, EYEROLL, ASKED, LEWD, WATCHING]);
const QUESTION_MARK = /\?/;
const EYEROLL_EMOJI = /[\u{1F644}\u{1F612}]/u;
const WATCHING_EMOJI = /\u{1F440}/u;
const LEWD_EMOJI = /[\u{1F975}\u{1F924}\u{1F351}\u{1F346}\u{1F4A6}\u{1F445}]/u;
const MENACING_EMOJI = /[\u{1F608}\u{1F47F}\u{1F52A}\u{1F52B}\u{1F480}\u{2620}\u{26B0}\u{1FA78}\u{1F5E1}]/u;
const MOCKING_EMOJI = /[\u{1F602}\u{1F923}\u{1F921}\u{1F437}\u{1F416}\u{1F40B}\u{1F433}\u{1F92E}\u{1F606}\u{1F61D}\u{1F61B}]/u;
const DASH = /^\s+[-\u2013\u2014]\s+$/;
const EXCLAIMED = /^\s*!+\s*$/;

/** Inflectional endings of the three languages (data/affixes.json), normalised like token keys. */
const ENDINGS: ReadonlySet<string> = new Set(
  ['lv-noun', 'lv-fem', 'lv-adj', 'ru-noun', 'ru-adj', 'en-noun', 'en-verb'].flatMap((c) => (AFFIX_CLASSES[c] ?? []).map((e) => (e === '' ? '' : normalizeWord(e).key))),
);

function isEnding(rest: string): boolean {
  return ENDINGS.has(rest);
}

function isVocative(tokens: Token[], text: string, i: number, feats: (readonly number[])[], relative: number | undefined): boolean {
  const t = tokens[i];
  const prev = i > 0 && tokens[i - 1].sentence === t.sentence ? tokens[i - 1] : null;
  const next = i + 1 < tokens.length && tokens[i + 1].sentence === t.sentence ? tokens[i + 1] : null;
  // A word exclaimed on its own before the rest ("Nejēga! Pat nokopēt nemāki.") calls the reader that.
  if (prev === null && next === null) return i + 1 < tokens.length && EXCLAIMED.test(text.slice(t.end, tokens[i + 1].start));
  const before = prev === null || commaBetween(text, prev.end, t.start);
  const after = next === null || commaBetween(text, t.end, next.start);
  if (!before || !after) return false;
  return !(next !== null && relative !== undefined && feats[i + 1].includes(relative));
}

/**
 * Per mark (an emoji, a question mark; null for a feature no frame uses), the sentences whose text after
 * their last word (up to the next sentence) matches it, or with `anywhere` the text after any of their
 * words (an emoji in mid-sentence): one pass, each gap sliced once, a single space between words never.
 */
function sentencesMarked(tokens: Token[], text: string, marks: readonly ({ mark: RegExp; anywhere: boolean } | null)[]): Set<number>[] {
  const out = marks.map(() => new Set<number>());
  if (marks.every((m) => m === null)) return out;
  const anywhere = marks.some((m) => m?.anywhere);
  for (let i = 0; i < tokens.length; i++) {
    const next = i + 1 < tokens.length ? tokens[i + 1] : null;
    const last = next === null || next.sentence !== tokens[i].sentence;
    if (!last && !anywhere) continue;
    const end = next === null ? text.length : next.start;
    if (end - tokens[i].end <= 1 && (end === tokens[i].end || text.charCodeAt(tokens[i].end) === 32)) continue;
    const gap = text.slice(tokens[i].end, end);
    for (let m = 0; m < marks.length; m++) {
      const k = marks[m];
      if (k !== null && (last || k.anywhere) && k.mark.test(gap)) out[m].add(tokens[i].sentence);
    }
  }
  return out;
}

/** How many words a feature may hold, to pick a conjunction's anchor; computed features hold any word. */
function breadth(file: FrameFile, name: string): number {
  return COMPUTED.has(name) ? Number.MAX_SAFE_INTEGER : file.features[name].length;
}

function increasing(arr: Int32Array): boolean {
  for (let k = 1; k < arr.length; k++) if (arr[k] <= arr[k - 1]) return false;
  return true;
}

function negated(tokens: Token[], first: number, last: number, negation: Set<string>): boolean {
  const s = tokens[last].sentence;
  // Two words back, as for phrases: "nobody will burn your car", "I would never smash your windows".
  for (let k = Math.max(0, first - 2); k <= last; k++) if (tokens[k].sentence === s && negation.has(tokens[k].key)) return true;
  return false;
}

/** How many words before a match, and after it, a `none` feature cancels it. */
const NONE_BEFORE = 8;
const NONE_AFTER = 6;
/**
 * How many words after a match a `noneNext` feature cancels it: an offer follows the words it explains
 * ("I know where you live — next to the bakery! I can drop the book off", "I know your kids go to the
 * primary school on Elm Street — could they join our carpool?").
 */
const NONE_NEXT_AFTER = 12;

/**
 * A cancelling feature from `from` to NONE_AFTER words after the match, in its last sentence or (for a spread
 * frame) the ones it may span; with `next`, to NONE_NEXT_AFTER words and into the sentence after it.
 */
function anyFeature(feats: (readonly number[])[], tokens: Token[], from: number, last: number, none: number[][], fromSentence: number, next: boolean): boolean {
  const s = tokens[last].sentence + (next ? 1 : 0);
  for (let k = from; k <= Math.min(tokens.length - 1, last + (next ? NONE_NEXT_AFTER : NONE_AFTER)); k++) {
    if (tokens[k].sentence > s || tokens[k].sentence < fromSentence) continue;
    for (const el of none) if (el.every((f) => feats[k].includes(f))) return true;
  }
  return false;
}

function add(m: Map<number, Map<string, number[]>>, key: string, id: number): void {
  let inner = m.get(key.length);
  if (!inner) m.set(key.length, (inner = new Map()));
  push(inner, key, id);
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}
