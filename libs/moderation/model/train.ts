/**
 * Trains the n-gram second opinion (src/core/ngram-model.ts) on every labelled set the lib has and
 * writes data/ngram-model.json; before that, measures what it adds to the rules:
 *  - leave-one-set-out over the blind sets (test-data/blind) and the training sets written by other
 *    hands (test-data/train): train on all the others plus labelled.jsonl and heldout.jsonl, test on
 *    the one left out. The rules were studied on these sets, so their own numbers there are
 *    training-set scores; what the model adds is measured on text it did not see.
 *  - stratified 5-fold cross-validation over all labelled lines.
 * In every fold the threshold is chosen on the training part only (inner 5-fold out-of-fold
 * probabilities): the lowest at which the model raises at most THRESHOLD_TARGET of the innocent lines
 * of the blind sets in that part. Deterministic (seeded shuffles). Usage: npm run moderation:train [-- --dry-run] [--scores <file.jsonl>]
 * [--groups <n>] [--no-cv]. With `--groups n` the sets are left out n groups at a time (set k in group k mod n)
 * instead of one by one: each fold trains on the other groups, so every set is still scored by a model that never
 * saw it, and n folds replace one per set. At 110 sets one fold costs about seven trainings of 30 CPU-seconds
 * each: leave-one-set-out took more CPU-hours than a session has (session 30 stopped it after 215 CPU-minutes);
 * five groups took about 25 CPU-minutes, 18 minutes on two cores (session 31). `--no-cv` skips the 5-fold cross-validation (printed, not used).
 * With `--rethreshold <scores.jsonl>` it trains nothing: it reads the leave-one-set-out probabilities an
 * earlier run saved with `--scores`, asks the rules as they are now, and writes only the block thresholds
 * chosen from them into data/ngram-model.json (rules changed after a retrain move which lines the model
 * is asked about; its probabilities do not change).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { prng } from '../bench/message-generator';
import { CANCELLED_MARGIN, Moderator, type RulesOutcome, secondOpinionClasses, secondOpinionEligible, secondOpinionInput, secondOpinionMayBlock, secondOpinionOnCancelled } from '../src/core/moderate';
import { NGRAM_FEATURES, NgramModel, scale, sigmoid, type NgramModelFile, type SparseHead } from '../src/core/ngram-model';
import { CATEGORIES, type Category, type Decision } from '../src/core/types';

const ROOT = join(__dirname, '..');
/** Every set in these folders: blind sets once measured, and the training sets written by other hands. */
const setsIn = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((f) => join(dir, f))
    : [];
const BLIND_SETS = setsIn(join(ROOT, 'test-data', 'blind'));
const BLIND = [...BLIND_SETS, ...setsIn(join(ROOT, 'test-data', 'train'))];
/**
 * The sets the threshold is calibrated on: the blind sets, each written as the issue measures (100
 * ordinary messages, 80 hard negatives, 40 reports, 260 abusive). The training sets are not: most pair
 * every abusive line with an innocent twin one word away, written to trap the model, so their innocent
 * lines are far harder than a school's traffic (what the model adds there is printed, not optimised).
 */
const CALIBRATION = new Set(BLIND_SETS.map((f) => basename(f, '.jsonl')));
const OTHER = ['labelled', 'heldout'].map((n) => join(ROOT, 'test-data', `${n}.jsonl`));
const OUT = join(ROOT, 'data', 'ngram-model.json');

const SEED = 20261204;
const EPOCHS = 10;
const LEARNING_RATE = 0.2;
const L2 = 1e-6;
/** Pruned to the strongest weights so the data file stays small (and the model less specific). */
const KEEP_FLAG = 40000;
const KEEP_HEAD = 6000;
/** Innocent lines of the blind sets the model may add to the rules' (pooled leave-one-set-out) for it to be on by default. */
const MODEL_FLAGGED_MAX = 0.005;
/**
 * The share of the blind sets' innocent lines each fold's threshold lets the model raise, judged on its
 * training part. Session 14, leave-one-set-out over 39 sets: calibrated on every set's innocent lines
 * at 0.003 (as before) the thresholds sat near 0.95 and the model added 3.6 points of recall on the
 * blind sets for 0.03 % of their innocent lines; calibrated on the blind sets at 0.002 they sat at
 * 0.78–0.89 and it added 9.1 points (+368 of 4,023) for 0.17 % (+5 of 2,976), 6 of train-p's 600
 * ordinary messages, and 2.9 % of the near-twin training sets' innocent lines (+182 of 6,173).
 */
/*
 * Session 17, leave-one-set-out at ad35a1c: the model's own share of innocent lines had stayed near
 * 0.15 % and it flagged none of blind-20..22's 540 innocent lines, while recall on those fresh sets
 * stayed at 0.89–0.90; a threshold 0.04–0.06 lower added 1–4 points of recall per recent set for at
 * most one innocent line each (pooled: 0.937 → 0.947–0.950 for 0.79 % → 0.84–0.91 % flagged, within the
 * issue's 1 %). Raised from 0.002.
 */
const THRESHOLD_TARGET = 0.003;
/** Never below: a coin-flip model opinion is not a reason to hold a message. */
const THRESHOLD_FLOOR = 0.5;
/**
 * The block head's threshold: the lowest at which, leave-one-set-out, it raises to `block` no report
 * and at most this share of the innocent lines of every set, the near-twin training sets included
 * (a blocked message bounces, so their hard negatives count here), and never below BLOCK_FLOOR.
 * Session 19 (64 sets): 0.001 and 0.9 chose 0.9239; 0.002 and 0.85 choose 0.8798, which blocks 41 more
 * of the blind sets' 2,886 severe lines (0.859 → 0.873) for no innocent line or report more there, and
 * 164 more of the training sets' 4,872 for 13 more of their 8,413 near-twin innocent lines (70 → 83).
 * Holding the rules' own blocks for review when this head is below 0.1 would have spared 12 of those
 * and 3 reports, but a threat padded with a few polite words falls below it ("урок Labdien Labdien
 * ekskursija. Es tevi piekaušu." reads 0.097): not done.
 */
const BLOCK_INNOCENT_TARGET = 0.002;
const BLOCK_FLOOR = 0.85;
/**
 * The floor of the block threshold for a review the rules held on their own matches (chosen apart,
 * with the same budget over their own innocent lines and no report). Session 17, leave-one-set-out
 * on 53 sets at ad35a1c: those lines blocked no innocent line of the blind sets and no report at any
 * threshold down to 0.80, and 4–5 near-twin training lines from 0.85 to 0.88; the model-raised ones
 * blocked 10 near-twin lines at 0.9367, 25 at 0.88. Severe lines blocked among the rules' reviews of
 * the blind sets: 30 at 0.9367, 58 at 0.85. On 54 sets (d64ce86) 0.80 rather than 0.85 blocked 9 more
 * severe and 93 more abusive blind-set lines for no more innocent line or report anywhere.
 */
const RULED_BLOCK_FLOOR = 0.8;

interface Line {
  text: string;
  lang: string;
  kind: string;
  expected: Decision;
  category?: string;
  severe?: boolean;
}

interface Example {
  text: string;
  set: string;
  lang: string;
  x: Int32Array;
  /** 1 when the rules should not allow it (abuse and reports), 0 for clean and hard negatives. */
  y: 0 | 1;
  innocent: boolean;
  report: boolean;
  cat: Category | null;
  rules: Decision;
  /** Whether the moderator would ask the model at all (see secondOpinionEligible). */
  eligible: boolean;
  /** Whether it asks with a margin, to review only, because the rules cancelled all they read (see secondOpinionOnCancelled). */
  cancelledOnly: boolean;
  /** Whether the block head may raise a review to block: secondOpinionMayBlock, and never after cancelledOnly (review only). */
  mayBlock: boolean;
  /** Abuse its writer says to block (not "review"). */
  block: boolean;
  /** Marked severe by its writer (threats of violence, dehumanising hate…): the lines the issue wants blocked. */
  severe: boolean;
  /** Whether the line's set calibrates the threshold (CALIBRATION). */
  calibrates: boolean;
}

function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The rules' decision on a line and how the moderator would ask the model about it. */
function howAsked(ruled: RulesOutcome): Pick<Example, 'rules' | 'eligible' | 'cancelledOnly' | 'mayBlock'> {
  const cancelledOnly = secondOpinionOnCancelled(ruled);
  return { rules: ruled.result.decision, eligible: secondOpinionEligible(ruled), cancelledOnly, mayBlock: secondOpinionMayBlock(ruled) && !cancelledOnly };
}

function load(files: readonly string[], rules: Moderator): Example[] {
  const out: Example[] = [];
  for (const file of files) {
    const set = basename(file, '.jsonl');
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const l = JSON.parse(raw) as Line;
      // Reports are written "allow" in the newer sets (they must not be blocked) and "review" in the older
      // ones; either way the rules should flag them, so they are never innocent lines.
      const report = l.kind === 'report';
      const innocent = !report && l.expected === 'allow';
      // The blind sets name no category: their kinds are the categories (obfuscated and report are not).
      const named = l.category ?? l.kind;
      const cat = !innocent && CATEGORIES.includes(named as Category) ? (named as Category) : null;
      const ruled = rules.moderateByRules(l.text);
      out.push({ text: l.text, set, lang: l.lang, x: secondOpinionInput(ruled, null), y: innocent ? 0 : 1, innocent, report, cat, ...howAsked(ruled), severe: l.severe === true && !innocent && !report, block: l.expected === 'block' && !innocent && !report, calibrates: CALIBRATION.has(set) });
    }
  }
  return out;
}

/** Logistic regression by Adagrad with L2, classes weighted to balance; dense weights over the buckets. */
function trainHead(examples: readonly Example[], label: (e: Example) => 0 | 1, seed: number, keep: number): SparseHead {
  const B = NGRAM_FEATURES.buckets;
  const w = new Float64Array(B);
  const g2 = new Float64Array(B);
  let bias = 0;
  let gb2 = 0;
  const pos = examples.filter((e) => label(e) === 1).length;
  const neg = examples.length - pos;
  const weightOf = [examples.length / (2 * Math.max(1, neg)), examples.length / (2 * Math.max(1, pos))];
  const rng = prng(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const e of shuffled(examples, rng)) {
      const y = label(e);
      const s = scale(e.x.length);
      let z = bias;
      for (const b of e.x) z += w[b] * s;
      const g = (sigmoid(z) - y) * weightOf[y];
      for (const b of e.x) {
        const grad = g * s + L2 * w[b];
        g2[b] += grad * grad;
        w[b] -= (LEARNING_RATE * grad) / (Math.sqrt(g2[b]) + 1e-8);
      }
      gb2 += g * g;
      bias -= (LEARNING_RATE * g) / (Math.sqrt(gb2) + 1e-8);
    }
  }
  return prune(w, bias, keep);
}

function prune(w: Float64Array, bias: number, keep: number): SparseHead {
  const nonzero: number[] = [];
  for (let i = 0; i < w.length; i++) if (Math.abs(w[i]) >= 5e-5) nonzero.push(i);
  const kept = nonzero.sort((a, b) => Math.abs(w[b]) - Math.abs(w[a]) || a - b).slice(0, keep).sort((a, b) => a - b);
  const round = (v: number): number => Math.round(v * 1e4) / 1e4;
  return { bias: round(bias), index: kept, value: kept.map((i) => round(w[i])) };
}

const NO_BLOCK: NgramModelFile['block'] = { head: { bias: -20, index: [], value: [] }, threshold: 1, ruledThreshold: 1 };

function modelFile(flag: SparseHead, threshold: number, block: NgramModelFile['block'], categories: NgramModelFile['categories'], trainedOn: string[]): NgramModelFile {
  return { version: 1, features: { ...NGRAM_FEATURES }, threshold, flag, block, categories, trainedOn, classes: secondOpinionClasses() };
}

/**
 * The block head's label: 1 for abuse its writer says to block; 0 for innocent lines, reports (never to
 * be blocked) and milder abuse written "review" ("Shit, I forgot the form again": held, not bounced).
 */
const toBlock = (e: Example): 0 | 1 => (e.block ? 1 : 0);

/** Stratified by label, language and set, so every fold looks like the whole. */
function stratifiedFolds(examples: readonly Example[], k: number, seed: number): Example[][] {
  const folds: Example[][] = Array.from({ length: k }, () => []);
  const groups = new Map<string, Example[]>();
  for (const e of examples) {
    const g = `${e.y}:${e.report}:${e.lang}:${e.set}`;
    groups.set(g, [...(groups.get(g) ?? []), e]);
  }
  const rng = prng(seed);
  let next = 0;
  for (const g of [...groups.keys()].sort()) {
    for (const e of shuffled(groups.get(g) as Example[], rng)) folds[next++ % k].push(e);
  }
  return folds;
}

const combined = (e: Example, p: number, threshold: number): Decision =>
  (e.eligible && p >= threshold) || (e.cancelledOnly && p >= threshold + CANCELLED_MARGIN) ? 'review' : e.rules;

/** The decision with the block head asked too (the default policy blocks the worst of every category). */
const withBlock = (s: Scored, thresholds: BlockThresholds): Decision => {
  const d = combined(s.e, s.p, s.threshold);
  return d === 'review' && s.e.mayBlock && (s.pb ?? 0) >= blockThresholdFor(s, thresholds) ? 'block' : d;
};

/**
 * The lowest threshold at which the model raises at most THRESHOLD_TARGET of the innocent lines of the
 * blind sets among the training lines, judged on out-of-fold probabilities so the model is not scored
 * on lines it learnt.
 */
function chooseThreshold(train: readonly Example[], seed: number): number {
  const oof = new Map<Example, number>();
  const folds = stratifiedFolds(train, 5, seed);
  folds.forEach((test, f) => {
    const rest = folds.filter((_, g) => g !== f).flat();
    const model = new NgramModel(modelFile(trainHead(rest, (e) => e.y, seed + f, KEEP_FLAG), 1, NO_BLOCK, {}, []));
    for (const e of test) oof.set(e, model.probabilityOf(e.x));
  });
  const innocent = train.filter((e) => e.innocent && e.calibrates);
  // The model's own share, whatever the rules already flag: their false positives are the rules' to fix.
  const budget = Math.floor(THRESHOLD_TARGET * innocent.length);
  const scores = innocent.filter((e) => e.eligible).map((e) => oof.get(e) as number);
  return thresholdAbove(scores, budget, THRESHOLD_FLOOR);
}

/** Just above all but `budget` of the scores (any order), never below `floor`, to four decimals. */
function thresholdAbove(scores: readonly number[], budget: number, floor: number): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const above = budget < sorted.length ? sorted[budget] + 1e-4 : 0;
  return Math.round(Math.max(floor, above) * 1e4) / 1e4;
}

interface BlockThresholds {
  /** For a review the model raised from the rules' allow. */
  raised: number;
  /** For a review the rules held on their own matches. */
  ruled: number;
}

/**
 * The block head's thresholds from leave-one-set-out probabilities (see BLOCK_INNOCENT_TARGET), one
 * per kind of review: each blocks no report and at most the budget of innocent lines among its own.
 */
function chooseBlockThresholds(scored: readonly Scored[]): BlockThresholds {
  const raisable = scored.filter((s) => combined(s.e, s.p, s.threshold) === 'review' && s.e.mayBlock);
  const budget = Math.floor(BLOCK_INNOCENT_TARGET * scored.filter((s) => s.e.innocent).length);
  const choose = (xs: readonly Scored[], floor: number): number => {
    const scores = (ys: readonly Scored[]): number[] => ys.map((s) => s.pb ?? 0);
    return Math.max(thresholdAbove(scores(xs.filter((s) => s.e.report)), 0, floor), thresholdAbove(scores(xs.filter((s) => s.e.innocent)), budget, floor));
  };
  return {
    raised: choose(raisable.filter((s) => s.e.rules === 'allow'), BLOCK_FLOOR),
    ruled: choose(raisable.filter((s) => s.e.rules === 'review'), RULED_BLOCK_FLOOR),
  };
}

/** The block threshold that applies to a line: the rules' own review or the model's. */
const blockThresholdFor = (s: Scored, t: BlockThresholds): number => (s.e.rules === 'review' ? t.ruled : t.raised);

interface Scored {
  e: Example;
  p: number;
  threshold: number;
  /** The block head's probability (leave-one-set-out only). */
  pb?: number;
}

interface Row {
  n: number;
  abusive: number;
  recallRules: number;
  recallBoth: number;
  innocent: number;
  cleanRules: number;
  cleanBoth: number;
  reports: number;
  reportsFlaggedRules: number;
  reportsFlaggedBoth: number;
  reportsBlocked: number;
}

function summarise(scored: readonly Scored[]): Row {
  const abusive = scored.filter((s) => !s.e.innocent && !s.e.report);
  const innocent = scored.filter((s) => s.e.innocent);
  const reports = scored.filter((s) => s.e.report);
  const flagged = (xs: readonly Scored[], both: boolean): number => xs.filter((s) => (both ? combined(s.e, s.p, s.threshold) : s.e.rules) !== 'allow').length;
  return {
    n: scored.length,
    abusive: abusive.length,
    recallRules: flagged(abusive, false),
    recallBoth: flagged(abusive, true),
    innocent: innocent.length,
    cleanRules: flagged(innocent, false),
    cleanBoth: flagged(innocent, true),
    reports: reports.length,
    reportsFlaggedRules: flagged(reports, false),
    reportsFlaggedBoth: flagged(reports, true),
    reportsBlocked: reports.filter((s) => combined(s.e, s.p, s.threshold) === 'block').length,
  };
}

const ratio = (n: number, d: number): string => (d ? (n / d).toFixed(3) : '–');

function printTable(title: string, rows: [string, Row, string][]): void {
  console.log(`\n${title}\n`);
  console.log('| fold | lang | threshold | recall rules → +model | clean flagged rules → +model | reports flagged rules → +model | reports blocked |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, r, thr] of rows) {
    const [fold, lang] = name.split(' ');
    console.log(
      `| ${fold} | ${lang} | ${thr} | ${ratio(r.recallRules, r.abusive)} → ${ratio(r.recallBoth, r.abusive)} (+${r.recallBoth - r.recallRules} of ${r.abusive}) | ` +
        `${ratio(r.cleanRules, r.innocent)} → ${ratio(r.cleanBoth, r.innocent)} (+${r.cleanBoth - r.cleanRules} of ${r.innocent}) | ` +
        `${ratio(r.reportsFlaggedRules, r.reports)} → ${ratio(r.reportsFlaggedBoth, r.reports)} | ${r.reportsBlocked} |`,
    );
  }
}

/** What the block head adds to the rules' blocks, leave-one-set-out, per set and pooled. */
function printBlockTable(thresholds: BlockThresholds, scored: readonly Scored[]): void {
  console.log(
    `\nBlock head (${HELD_OUT}, thresholds ${thresholds.raised} for the model's reviews and ${thresholds.ruled} for the rules' own, chosen on these probabilities): blocked by the rules → with the model\n`,
  );
  console.log('| set | severe | abusive | innocent | reports |');
  console.log('|---|---|---|---|---|');
  for (const set of [...new Set(scored.map((s) => s.e.set))]) printBlockRows(set, thresholds, scored.filter((s) => s.e.set === set));
  printBlockRows('blind-sets', thresholds, scored.filter((s) => s.e.calibrates));
  printBlockRows('train-sets', thresholds, scored.filter((s) => !s.e.calibrates));
}

function printBlockRows(name: string, thresholds: BlockThresholds, xs: readonly Scored[]): void {
  const count = (f: (s: Scored) => boolean, both: boolean): number => xs.filter((s) => f(s) && (both ? withBlock(s, thresholds) : s.e.rules) === 'block').length;
  const cell = (f: (s: Scored) => boolean): string => `${count(f, false)} → ${count(f, true)} of ${xs.filter(f).length}`;
  console.log(`| ${name} | ${cell((s) => s.e.severe)} | ${cell((s) => !s.e.innocent && !s.e.report)} | ${cell((s) => s.e.innocent)} | ${cell((s) => s.e.report)} |`);
}

function rowsByLang(fold: string, scored: readonly Scored[], thr: string): [string, Row, string][] {
  const langs = [...new Set(scored.map((s) => s.e.lang))].sort();
  return [[`${fold} all`, summarise(scored), thr], ...langs.map((l): [string, Row, string] => [`${fold} ${l}`, summarise(scored.filter((s) => s.e.lang === l)), thr])];
}

/** Trains on `train` (threshold from its own inner folds) and scores `test`. */
function evaluate(train: readonly Example[], test: readonly Example[], seed: number): { scored: Scored[]; threshold: number } {
  const threshold = chooseThreshold(train, seed);
  const model = new NgramModel(modelFile(trainHead(train, (e) => e.y, seed, KEEP_FLAG), threshold, NO_BLOCK, {}, []));
  return { threshold, scored: test.map((e) => ({ e, p: model.probabilityOf(e.x), threshold })) };
}

/** One fold's out-of-fold scores, in the order of its test lines. */
interface FoldResult {
  threshold: number;
  p: number[];
  pb: number[];
}

/** How many groups the sets are left out in (`--groups`; one set per group by default). */
const GROUPS = ((): number => {
  const at = process.argv.indexOf('--groups');
  if (at < 0) return BLIND.length;
  const n = Number(process.argv[at + 1]);
  if (!Number.isInteger(n) || n < 2 || n > BLIND.length) throw new Error(`--groups needs a whole number from 2 to ${BLIND.length}`);
  return n;
})();
/** The group of the set in BLIND[k]: interleaved, so every group mixes older and newer sets, blind and training ones. */
const groupOfSet = new Map(BLIND.map((f, k) => [basename(f, '.jsonl'), k % GROUPS]));
const groupOf = (e: Example): number => groupOfSet.get(e.set) ?? -1;
const CROSS_VALIDATE = !process.argv.includes('--no-cv');
/** How the printed tables name the held-out scores. */
const HELD_OUT = GROUPS === BLIND.length ? 'leave-one-set-out' : `leave-one-group-out, ${GROUPS} groups`;

/** The folds: leave-one-group-out over BLIND (`loso:g`), then the 5-fold cross-validation (`cv:f`). */
const FOLDS = [...Array.from({ length: GROUPS }, (_, g) => `loso:${g}`), ...(CROSS_VALIDATE ? [0, 1, 2, 3, 4].map((f) => `cv:${f}`) : [])];

/** Trains and scores one fold; the same seeds whichever thread runs it, so the output does not depend on the thread count. */
function runFold(fold: string, blind: readonly Example[], all: readonly Example[]): FoldResult {
  const [kind, n] = fold.split(':');
  const k = Number(n);
  if (kind === 'cv') {
    const folds = stratifiedFolds(all, 5, SEED);
    const { scored, threshold } = evaluate(folds.filter((_, g) => g !== k).flat(), folds[k], SEED + 1000 * (k + 1));
    return { threshold, p: scored.map((s) => s.p), pb: [] };
  }
  const rest = all.filter((e) => groupOf(e) !== k);
  const { scored, threshold } = evaluate(rest, blind.filter((e) => groupOf(e) === k), SEED + 100 * (k + 1));
  const blockHead = new NgramModel(modelFile(trainHead(rest, toBlock, SEED + 100 * (k + 1) + 50, KEEP_FLAG), threshold, NO_BLOCK, {}, []));
  return { threshold, p: scored.map((s) => s.p), pb: scored.map((s) => blockHead.probabilityOf(s.e.x)) };
}

/** A worker: loads the sets itself (cheaper than sending them), then runs each fold it is sent until told to stop (null). */
function runWorker(): void {
  const rules = new Moderator({ secondOpinion: false });
  const blind = load(BLIND, rules);
  const all = [...blind, ...load(OTHER, rules)];
  parentPort?.on('message', (fold: string | null) => {
    if (fold === null) parentPort?.close();
    else parentPort?.postMessage({ fold, result: runFold(fold, blind, all) });
  });
  parentPort?.postMessage({ fold: null, result: null });
}

/**
 * Every fold, on worker threads (the trainer is CPU-bound: one per core; override with
 * MODERATION_TRAIN_WORKERS). Each worker gets the next fold as it finishes one: folds differ in size
 * (the cross-validation ones train on four fifths of everything), and a fixed split left one core idle
 * for a long tail.
 */
function runFolds(): Promise<Map<string, FoldResult>> {
  const workers = Math.max(1, Math.min(FOLDS.length, Number(process.env.MODERATION_TRAIN_WORKERS) || availableParallelism()));
  const results = new Map<string, FoldResult>();
  // The largest first (the cross-validation folds), so no big one is left for the end.
  const queue = [...FOLDS.filter((f) => f.startsWith('cv:')), ...FOLDS.filter((f) => !f.startsWith('cv:'))];
  return new Promise((resolve, reject) => {
    let running = workers;
    for (let w = 0; w < workers; w++) {
      // A worker sees only the arguments it is given: without them it read no --groups and left sets out one by one.
      const worker = new Worker(__filename, { argv: process.argv.slice(2) });
      // A worker says it is ready (fold null) once its sets are loaded, and after each fold it returns.
      worker.on('message', ({ fold, result }: { fold: string | null; result: FoldResult | null }) => {
        if (fold !== null) results.set(fold, result as FoldResult);
        worker.postMessage(queue.shift() ?? null);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`trainer worker ${w} exited with ${code}`));
        else if (--running === 0) {
          if (results.size !== FOLDS.length) reject(new Error(`${results.size} of ${FOLDS.length} folds came back`));
          else resolve(results);
        }
      });
    }
  });
}

/** A row of the leave-one-set-out probabilities `--scores` saves. */
interface ScoreRow {
  set: string;
  lang?: string;
  text: string;
  innocent: boolean;
  report: boolean;
  severe: boolean;
  p: number;
  threshold: number;
  pb: number;
}

/** See the file's comment: new block thresholds from saved leave-one-set-out probabilities and the rules as they are. */
function rethreshold(file: string, dryRun: boolean): void {
  const rules = new Moderator({ secondOpinion: false });
  const scored = readFileSync(file, 'utf8')
    .split('\n')
    .filter((raw) => raw.trim())
    .map((raw): Scored => {
      const r = JSON.parse(raw) as ScoreRow;
      const e: Example = {
        text: r.text,
        set: r.set,
        lang: r.lang ?? '',
        x: new Int32Array(0),
        y: r.innocent ? 0 : 1,
        innocent: r.innocent,
        report: r.report,
        cat: null,
        ...howAsked(rules.moderateByRules(r.text)),
        severe: r.severe,
        block: false,
        calibrates: CALIBRATION.has(r.set),
      };
      return { e, p: r.p, threshold: r.threshold, pb: r.pb };
    });
  const thresholds = chooseBlockThresholds(scored);
  printBlockTable(thresholds, scored);
  const model = JSON.parse(readFileSync(OUT, 'utf8')) as NgramModelFile;
  console.log(`\nblock thresholds ${model.block.threshold} / ${model.block.ruledThreshold} -> ${thresholds.raised} / ${thresholds.ruled} (rules' own)`);
  if (dryRun) return;
  model.block.threshold = thresholds.raised;
  model.block.ruledThreshold = thresholds.ruled;
  writeFileSync(OUT, JSON.stringify(model) + '\n');
  console.log(`wrote ${OUT}`);
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes('--dry-run');
  const rethresholdAt = process.argv.indexOf('--rethreshold');
  if (rethresholdAt > 0) return rethreshold(process.argv[rethresholdAt + 1], dryRun);
  const rules = new Moderator({ secondOpinion: false });
  const blind = load(BLIND, rules);
  const other = load(OTHER, rules);
  const all = [...blind, ...other];
  console.log(`${all.length} labelled lines (${blind.length} blind, ${other.length} labelled/heldout); features ${JSON.stringify(NGRAM_FEATURES)}`);

  const loso: [string, Row, string][] = [];
  const losoAll: Scored[] = [];
  const results = await runFolds();
  // Each line's out-of-fold scores, from the fold that left its group out (in the order runFold scored them).
  const outOfFold = new Map<Example, Scored>();
  for (let g = 0; g < GROUPS; g++) {
    const { threshold, p, pb } = results.get(`loso:${g}`) as FoldResult;
    blind.filter((e) => groupOf(e) === g).forEach((e, i) => outOfFold.set(e, { e, p: p[i], pb: pb[i], threshold }));
  }
  for (const file of BLIND) {
    const set = basename(file, '.jsonl');
    const scored = blind.filter((e) => e.set === set).map((e) => outOfFold.get(e) as Scored);
    losoAll.push(...scored);
    loso.push(...rowsByLang(set, scored, scored[0].threshold.toFixed(3)));
  }
  const blindScored = losoAll.filter((s) => s.e.calibrates);
  loso.push(...rowsByLang('pooled', losoAll, '–'), ...rowsByLang('blind-sets', blindScored, '–'), ...rowsByLang('train-sets', losoAll.filter((s) => !s.e.calibrates), '–'));
  printTable(`Held out (${HELD_OUT}; train on every other blind and training set + labelled + heldout; the honest estimate)`, loso);
  console.log(`\nInnocent lines the model raised to review (${HELD_OUT}):`);
  for (const s of losoAll) if (s.e.innocent && combined(s.e, s.p, s.threshold) !== s.e.rules) console.log(`  ${s.e.set} ${s.p.toFixed(3)} ${s.e.text}`);
  const pooled = summarise(blindScored);
  const added = (pooled.cleanBoth - pooled.cleanRules) / pooled.innocent;
  const helps = pooled.recallBoth > pooled.recallRules && added <= MODEL_FLAGGED_MAX;
  console.log(
    `\nDefault-on criterion (blind sets pooled, ${HELD_OUT}: more recall, innocent lines the model adds <= ${MODEL_FLAGGED_MAX}): ${helps ? 'met' : 'NOT met'} ` +
      `(recall ${ratio(pooled.recallRules, pooled.abusive)} -> ${ratio(pooled.recallBoth, pooled.abusive)}, clean flagged ${ratio(pooled.cleanRules, pooled.innocent)} -> ${ratio(pooled.cleanBoth, pooled.innocent)}); SECOND_OPINION_DEFAULT should be ${helps}`,
  );

  const blockThresholds = chooseBlockThresholds(losoAll);
  printBlockTable(blockThresholds, losoAll);
  printBlockRows(`pooled, one threshold ${blockThresholds.raised}`, { ...blockThresholds, ruled: blockThresholds.raised }, losoAll);
  for (const t of [0.8, 0.85, 0.9, 0.95]) printBlockRows(`pooled, rules' own at ${t}`, { ...blockThresholds, ruled: t }, losoAll);
  const scoresAt = process.argv.indexOf('--scores');
  if (scoresAt > 0) {
    // Leave-one-set-out probabilities, to study thresholds without retraining.
    const rows = losoAll.map((s) => JSON.stringify({ set: s.e.set, lang: s.e.lang, text: s.e.text, innocent: s.e.innocent, report: s.e.report, severe: s.e.severe, rules: s.e.rules, eligible: s.e.eligible, cancelledOnly: s.e.cancelledOnly, mayBlock: s.e.mayBlock, p: s.p, threshold: s.threshold, pb: s.pb }));
    writeFileSync(process.argv[scoresAt + 1], rows.join('\n') + '\n');
  }

  if (CROSS_VALIDATE) {
    const cvAll: Scored[] = [];
    const thresholds: string[] = [];
    stratifiedFolds(all, 5, SEED).forEach((test, f) => {
      const { threshold, p } = results.get(`cv:${f}`) as FoldResult;
      thresholds.push(threshold.toFixed(3));
      cvAll.push(...test.map((e, i) => ({ e, p: p[i], threshold })));
    });
    printTable('Stratified 5-fold cross-validation over all labelled lines (pooled out-of-fold)', rowsByLang('cv', cvAll, thresholds.join('/')));
  }

  const threshold = chooseThreshold(all, SEED);
  const flag = trainHead(all, (e) => e.y, SEED, KEEP_FLAG);
  const block = { head: trainHead(all, toBlock, SEED + 50, KEEP_FLAG), threshold: blockThresholds.raised, ruledThreshold: blockThresholds.ruled };
  const abusive = all.filter((e) => e.cat !== null);
  const categories: NgramModelFile['categories'] = {};
  for (const [k, cat] of CATEGORIES.entries()) {
    if (abusive.some((e) => e.cat === cat)) categories[cat] = trainHead(abusive, (e) => (e.cat === cat ? 1 : 0), SEED + 7 * (k + 1), KEEP_HEAD);
  }
  const file = modelFile(flag, threshold, block, categories, [...BLIND, ...OTHER].map((f) => `test-data/${f.split('/test-data/')[1]}`));
  const json = JSON.stringify(file);
  console.log(`\nfinal model: threshold ${threshold}, block thresholds ${blockThresholds.raised} / ${blockThresholds.ruled} (rules' own), ${flag.index.length} + ${block.head.index.length} weights, heads ${Object.keys(categories).join(', ')}; ${(json.length / 1024).toFixed(0)} KiB`);
  if (!dryRun) {
    writeFileSync(OUT, json + '\n');
    console.log(`wrote ${OUT}`);
  }
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  runWorker();
}
