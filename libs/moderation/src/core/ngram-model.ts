import { F_NUMERIC, type Token } from './tokenizer';
import { CATEGORIES, type Category } from './types';

/**
 * A character n-gram logistic model used as a second opinion: it may raise `allow` to `review`, and a
 * `review` (its own or the rules') to `block` when its block head is sure the text is abuse, not a
 * report or an innocent line (see Moderator.moderate). It reads the tokenizer's keys (lowercased, NFC,
 * diacritics folded, repeats collapsed, leet and look-alikes resolved), so it sees text the way the
 * rules do and costs no second tokenisation.
 * Trained by `npm run moderation:train` (libs/moderation/model/train.ts).
 */
export interface NgramFeatureConfig {
  /** Character n-grams of each token key wrapped in `<`…`>`, lengths minN..maxN. */
  minN: number;
  maxN: number;
  /** Plus one hashed feature per token key and one per pair of adjacent keys in a sentence. */
  words: boolean;
  bigrams: boolean;
  /** Hashed into this many buckets (a power of two) with 32-bit FNV-1a. */
  buckets: number;
  /**
   * Plus the frames' word classes of each token (a violent verb, a first-person future, a family
   * member, a group noun, `$vocative`…) and every ordered pair of classes on tokens at most
   * `classWindow` words apart in a sentence: the model learns which combinations of meaning are abuse,
   * beyond the combinations the frames spell out, and reads an unseen word through its class. 0: none.
   */
  classWindow: number;
}

/**
 * Class pairs within three words, not five (session 14): as much recall for as few innocent lines on
 * the sets left out, and class pairs, most of a message's features, 40 % fewer.
 */
export const NGRAM_FEATURES: Readonly<NgramFeatureConfig> = Object.freeze({ minN: 2, maxN: 5, words: true, bigrams: true, buckets: 1 << 18, classWindow: 3 });

/** The word classes of a message's tokens (aligned with them) and a hash per class id. */
export interface TokenClasses {
  feats: readonly (readonly number[])[];
  hashOf: (classId: number) => number;
}

/** Sparse weights over hashed buckets, as stored in the data file. */
export interface SparseHead {
  bias: number;
  index: number[];
  value: number[];
}

export interface NgramModelFile {
  version: 1;
  features: NgramFeatureConfig;
  /** Probability at or above which an `allow` becomes `review`; chosen on training folds only. */
  threshold: number;
  /** Abusive (anything the rules should flag, reports included) vs innocent. */
  flag: SparseHead;
  /**
   * Abuse its writer would block vs everything else (innocent lines, reports, milder abuse), and the
   * probabilities at or above which a `review` becomes `block`, chosen on leave-one-set-out
   * probabilities: `threshold` for a review the model raised itself, `ruledThreshold` for one the rules
   * held on their own matches (their words already read as abuse; only how bad was left open).
   */
  block: { head: SparseHead; threshold: number; ruledThreshold: number };
  /** One-vs-rest heads over abusive lines; the best one names the match's category. */
  categories: Partial<Record<Category, SparseHead>>;
  trainedOn: string[];
  /**
   * The word classes the model was trained with. A class added to the frames later would only hash
   * into buckets that hold other features' weights (noise: a fifth of the buckets carry one), so the
   * moderator hands the model only these until it is retrained. Absent: every class.
   */
  classes?: string[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SALT_WORD = 0x9e3779b1;
const SALT_BIGRAM = 0x85ebca77;
const SALT_PAIR = 0xc2b2ae3d;
const SALT_CLASS = 0x27d4eb2f;
const CH_OPEN = 0x3c; // '<'
const CH_CLOSE = 0x3e; // '>'

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Walks every feature of the text's tokens (repeats included) once, in one of two ways: scoring adds
 * its weight to `acc.sum` (`weights` with the model's `scoring` cache), listing appends its bucket to
 * `sink`; returns how many there were. One loop for scoring and for training, without a closure per
 * feature, since it runs on every allowed message. Numbers carry no meaning for the model and are skipped.
 */
const acc = { sum: 0 };
const WORD_CACHE_MAX = 50_000;

/** Per word: the summed weight and the number of its character n-grams and word feature (scoring only). */
type WordCache = Map<string, { sum: number; n: number; wh: number }>;

/**
 * Per class array (a word's classes, shared by its tokens: FrameMatcher.tokenFeatures): its classes'
 * hashes on either side of a pair, their summed weight, and per class array met before it within the
 * window the summed weight of all their pairs (scoring only). Common words carry dozens of classes
 * ("you" 35), so their pairs are most of a message's features; summed once, they cost a lookup.
 */
interface ClassSums {
  own: Int32Array;
  pair: Int32Array;
  sum: number;
  after: Map<readonly number[], number>;
}

/**
 * What a model remembers between messages to score faster: sums of its own weights, over class hashes
 * that depend only on the class ids (the shared frames' names, see tokenClasses in moderate.ts).
 */
interface ScoringCache {
  words: WordCache;
  classes: Map<readonly number[], ClassSums>;
  /** Pair sums held in all of `classes`' `after` maps. */
  pairs: number;
}

/** Below this many pairs two class arrays are summed directly: a lookup would cost as much. */
const PAIRS_WORTH_CACHING = 8;
/** Words of a raised message the category heads read (see bestCategory). */
const CATEGORY_WORDS_READ = 1000;
/**
 * Bounds of the class caches (plain maps: weak ones cost more in garbage collection than they save),
 * restarted when full: a few MB however varied the text. Session 21's frames gave common words more
 * classes, and at 200,000 pairs the bench corpus restarted the pair cache over and over (2.4 MB/s
 * instead of 4.1); 400,000 holds it, for about 3 MB of heap.
 */
const CLASS_CACHE_MAX = 20_000;
const PAIR_CACHE_MAX = 400_000;

const part = { sum: 0 };
/** Reused per message: class hashes, their pair-side hashes and where each token's start. */
const scratch = { own: new Int32Array(256), pair: new Int32Array(256), start: new Int32Array(256) };

/** The character n-grams of one word key wrapped in `<`…`>` and its word feature: sum in `part.sum`, count returned. */
function keyFeatures(key: string, wh: number, cfg: NgramFeatureConfig, weights: Float32Array | null, sink: number[] | null): number {
  const mask = cfg.buckets - 1;
  const { minN, maxN } = cfg;
  let sum = 0;
  let n = 0;
  const len = key.length + 2;
  for (let i = 0; i + minN <= len; i++) {
    let h = FNV_OFFSET;
    const last = Math.min(len, i + maxN);
    for (let j = i; j < last; j++) {
      h = Math.imul(h ^ (j === 0 ? CH_OPEN : j === len - 1 ? CH_CLOSE : key.charCodeAt(j - 1)), FNV_PRIME);
      if (j - i + 1 >= minN) {
        const b = (h >>> 0) & mask;
        if (weights !== null) sum += weights[b];
        if (sink !== null) sink.push(b);
        n++;
      }
    }
  }
  if (cfg.words) {
    const b = (wh >>> 0) & mask;
    if (weights !== null) sum += weights[b];
    if (sink !== null) sink.push(b);
    n++;
  }
  part.sum = sum;
  return n;
}

function classSums(list: readonly number[], hashOf: (classId: number) => number, weights: Float32Array, mask: number, cache: ScoringCache): ClassSums {
  let s = cache.classes.get(list);
  if (s === undefined) {
    const own = new Int32Array(list.length);
    const pair = new Int32Array(list.length);
    let sum = 0;
    for (let k = 0; k < list.length; k++) {
      const h = hashOf(list[k]);
      own[k] = h;
      pair[k] = Math.imul(h ^ SALT_PAIR, FNV_PRIME);
      sum += weights[(h >>> 0) & mask];
    }
    if (cache.classes.size >= CLASS_CACHE_MAX) restart(cache);
    cache.classes.set(list, (s = { own, pair, sum, after: new Map() }));
  }
  return s;
}

function restart(cache: ScoringCache): void {
  cache.classes.clear();
  cache.pairs = 0;
}

/** The summed weight of every pair (a class of `before`, a class of `after`), as the training features spell them. */
function pairSum(before: ClassSums, after: ClassSums, weights: Float32Array, mask: number): number {
  let sum = 0;
  for (let a = 0; a < before.pair.length; a++) {
    const ha = before.pair[a];
    for (let k = 0; k < after.own.length; k++) sum += weights[((ha ^ after.own[k]) >>> 0) & mask];
  }
  return sum;
}

/** The class features of a message from cached sums: the same total as the loop in walkFeatures. */
function cachedClassFeatures(tokens: readonly Token[], classes: TokenClasses, window: number, weights: Float32Array, mask: number, cache: ScoringCache): number {
  const { feats, hashOf } = classes;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const fi = feats[i];
    if (fi.length === 0) continue;
    const si = classSums(fi, hashOf, weights, mask, cache);
    sum += si.sum;
    n += fi.length;
    for (let j = i - 1; j >= 0 && i - j <= window && tokens[j].sentence === tokens[i].sentence; j--) {
      const fj = feats[j];
      if (fj.length === 0) continue;
      const sj = classSums(fj, hashOf, weights, mask, cache);
      n += fi.length * fj.length;
      if (fi.length * fj.length < PAIRS_WORTH_CACHING) {
        sum += pairSum(sj, si, weights, mask);
        continue;
      }
      let v = si.after.get(fj);
      if (v === undefined) {
        v = pairSum(sj, si, weights, mask);
        // Restarting drops si and sj from the cache; they stay valid for this message.
        if (++cache.pairs > PAIR_CACHE_MAX) restart(cache);
        else si.after.set(fj, v);
      }
      sum += v;
    }
  }
  part.sum = sum;
  return n;
}

/** The class features of a message as buckets, appended to `sink` (training and tests). */
function classBuckets(tokens: readonly Token[], classes: TokenClasses, window: number, mask: number, sink: number[]): number {
  const { feats, hashOf } = classes;
  // Each class's hash and its pair-side hash once per message, not once per pair.
  let total = 0;
  for (const f of feats) total += f.length;
  if (scratch.own.length < total) {
    scratch.own = new Int32Array(total * 2);
    scratch.pair = new Int32Array(total * 2);
  }
  if (scratch.start.length <= tokens.length) scratch.start = new Int32Array((tokens.length + 1) * 2);
  const { own, pair, start } = scratch;
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    start[i] = at;
    for (const c of feats[i]) {
      const h = hashOf(c);
      own[at] = h;
      pair[at++] = Math.imul(h ^ SALT_PAIR, FNV_PRIME);
    }
  }
  start[tokens.length] = at;
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const from = start[i];
    const to = start[i + 1];
    if (from === to) continue;
    for (let k = from; k < to; k++) sink.push((own[k] >>> 0) & mask);
    n += to - from;
    for (let j = i - 1; j >= 0 && i - j <= window && tokens[j].sentence === tokens[i].sentence; j--) {
      for (let a = start[j]; a < start[j + 1]; a++) {
        const ha = pair[a];
        for (let k = from; k < to; k++) sink.push(((ha ^ own[k]) >>> 0) & mask);
        n += to - from;
      }
    }
  }
  return n;
}

function walkFeatures(tokens: readonly Token[], cfg: NgramFeatureConfig, weights: Float32Array | null, sink: number[] | null, classes: TokenClasses | null, scoring: ScoringCache | null = null): number {
  const cache = scoring?.words ?? null;
  const mask = cfg.buckets - 1;
  let sum = 0;
  let n = 0;
  let prevHash = 0;
  let prevSentence = -1;
  for (const tok of tokens) {
    if ((tok.flags & F_NUMERIC) !== 0) {
      prevSentence = -1;
      continue;
    }
    const key = tok.key;
    const known = cache?.get(key);
    let wh: number;
    if (known !== undefined) {
      sum += known.sum;
      n += known.n;
      wh = known.wh;
    } else {
      wh = fnvString(FNV_OFFSET ^ SALT_WORD, key);
      const k = keyFeatures(key, wh, cfg, weights, sink);
      sum += part.sum;
      n += k;
      if (cache !== null) {
        // Words repeat across messages: a bounded cache skips their hash and n-grams on the next message.
        if (cache.size >= WORD_CACHE_MAX) cache.clear();
        cache.set(key, { sum: part.sum, n: k, wh });
      }
    }
    if (cfg.bigrams && prevSentence === tok.sentence) {
      const b = ((Math.imul(prevHash ^ SALT_BIGRAM, FNV_PRIME) ^ wh) >>> 0) & mask;
      if (weights !== null) sum += weights[b];
      if (sink !== null) sink.push(b);
      n++;
    }
    prevHash = wh;
    prevSentence = tok.sentence;
  }
  if (classes !== null && cfg.classWindow > 0) {
    if (sink !== null) n += classBuckets(tokens, classes, cfg.classWindow, mask, sink);
    else if (weights !== null && scoring !== null) {
      n += cachedClassFeatures(tokens, classes, cfg.classWindow, weights, mask, scoring);
      sum += part.sum;
    }
  }
  acc.sum = sum;
  return n;
}

/** The hash a word class name contributes, so that a model file does not depend on class order. */
export function classHash(name: string): number {
  return fnvString(FNV_OFFSET ^ SALT_CLASS, name);
}

/** The buckets of a text's features as one array (training and tests; scoring streams them). */
export function featureBuckets(tokens: readonly Token[], classes: TokenClasses | null, cfg: NgramFeatureConfig = NGRAM_FEATURES): Int32Array {
  const out: number[] = [];
  walkFeatures(tokens, cfg, null, out, classes);
  return Int32Array.from(out);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Features are binary counts scaled by 1/sqrt(count), so long messages do not score higher for length. */
export function scale(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

function denseWeights(head: SparseHead, buckets: number): Float32Array {
  const w = new Float32Array(buckets);
  for (let k = 0; k < head.index.length; k++) w[head.index[k]] = head.value[k];
  return w;
}

function bucketProbability(weights: Float32Array, bias: number, buckets: Int32Array): number {
  let sum = 0;
  for (const b of buckets) sum += weights[b];
  return sigmoid(bias + sum * scale(buckets.length));
}

export class NgramModel {
  readonly threshold: number;
  readonly blockThreshold: number;
  /** The block threshold for a review the rules held on their own matches (see NgramModelFile.block). */
  readonly ruledBlockThreshold: number;
  readonly features: NgramFeatureConfig;
  /** The word classes it was trained with (NgramModelFile.classes); null: every class. */
  readonly classes: ReadonlySet<string> | null;
  private readonly weights: Float32Array;
  private readonly bias: number;
  private readonly blockWeights: Float32Array;
  private readonly blockBias: number;
  private readonly heads: { cat: Category; bias: number }[];
  /**
   * The category heads' weights as one table: per bucket its row (0: no head weighs it), and per row
   * one weight per head, so a message's features are read once for all heads.
   */
  private readonly headRow: Int32Array;
  private readonly headWeights: Float32Array;
  private readonly cache: ScoringCache = { words: new Map(), classes: new Map(), pairs: 0 };
  private readonly blockCache: ScoringCache = { words: new Map(), classes: new Map(), pairs: 0 };

  constructor(file: NgramModelFile) {
    const f = file.features;
    if ((Object.keys(NGRAM_FEATURES) as (keyof NgramFeatureConfig)[]).some((k) => f[k] !== NGRAM_FEATURES[k])) {
      throw new Error(`ngram model: feature config ${JSON.stringify(f)} does not match the code's ${JSON.stringify(NGRAM_FEATURES)}; retrain with npm run moderation:train`);
    }
    this.features = f;
    this.classes = file.classes ? new Set(file.classes) : null;
    this.threshold = file.threshold;
    this.bias = file.flag.bias;
    this.weights = denseWeights(file.flag, f.buckets);
    this.blockThreshold = file.block.threshold;
    this.ruledBlockThreshold = file.block.ruledThreshold;
    this.blockBias = file.block.head.bias;
    this.blockWeights = denseWeights(file.block.head, f.buckets);
    const heads = CATEGORIES.filter((c) => file.categories[c]).map((cat) => ({ cat, head: file.categories[cat] as SparseHead }));
    this.heads = heads.map(({ cat, head }) => ({ cat, bias: head.bias }));
    this.headRow = new Int32Array(f.buckets);
    let rows = 0;
    for (const { head } of heads) for (const b of head.index) if (this.headRow[b] === 0) this.headRow[b] = ++rows;
    this.headWeights = new Float32Array(rows * heads.length);
    heads.forEach(({ head }, h) => {
      for (let k = 0; k < head.index.length; k++) this.headWeights[(this.headRow[head.index[k]] - 1) * heads.length + h] = head.value[k];
    });
  }

  /** Probability that the text is abusive, from its precomputed feature buckets. */
  probabilityOf(buckets: Int32Array): number {
    return bucketProbability(this.weights, this.bias, buckets);
  }

  /** Probability that the text is abusive; streams the features, nothing allocated per message once its words are cached. */
  probability(tokens: readonly Token[], classes: TokenClasses | null): number {
    return this.streamed(this.weights, this.bias, this.cache, tokens, classes);
  }

  /** Probability that the text is abuse rather than innocent or a report; asked only about a `review`. */
  blockProbability(tokens: readonly Token[], classes: TokenClasses | null): number {
    return this.streamed(this.blockWeights, this.blockBias, this.blockCache, tokens, classes);
  }

  /** Probability of the block head from precomputed feature buckets (training). */
  blockProbabilityOf(buckets: Int32Array): number {
    return bucketProbability(this.blockWeights, this.blockBias, buckets);
  }

  /** One head's probability, its weights summed over the streamed features with that head's own cache. */
  private streamed(weights: Float32Array, bias: number, cache: ScoringCache, tokens: readonly Token[], classes: TokenClasses | null): number {
    const n = walkFeatures(tokens, this.features, weights, null, classes, cache);
    return sigmoid(bias + acc.sum * scale(n));
  }

  /** The category whose head scores highest; only asked once the text is flagged. */
  bestCategory(tokens: readonly Token[], classes: TokenClasses | null): Category | null {
    if (this.heads.length === 0) return null;
    // The category only labels a message the model already raised; its first words name it well enough,
    // and a hostile 50,000-character body with dozens of classes per word costs no more than a letter.
    const read = tokens.length > CATEGORY_WORDS_READ ? tokens.slice(0, CATEGORY_WORDS_READ) : tokens;
    const readClasses = classes !== null && read !== tokens ? { feats: classes.feats.slice(0, read.length), hashOf: classes.hashOf } : classes;
    const buckets = featureBuckets(read, readClasses, this.features);
    const s = scale(buckets.length);
    const n = this.heads.length;
    const z = new Float64Array(n);
    for (const b of buckets) {
      const row = this.headRow[b];
      if (row === 0) continue;
      const at = (row - 1) * n;
      for (let h = 0; h < n; h++) z[h] += this.headWeights[at + h];
    }
    let best: Category | null = null;
    let bestScore = -Infinity;
    for (let h = 0; h < n; h++) {
      const score = this.heads[h].bias + z[h] * s;
      if (score > bestScore) {
        bestScore = score;
        best = this.heads[h].cat;
      }
    }
    return best;
  }
}

const loaded = { model: null as NgramModel | null };

/**
 * Read once, on first use by a moderator that asks for a second opinion. A static require (not an
 * import) keeps the file out of start-up while the bundler still packs it with the lib.
 */
export function sharedNgramModel(): NgramModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded.model ??= new NgramModel(require('../../data/ngram-model.json') as NgramModelFile));
}
