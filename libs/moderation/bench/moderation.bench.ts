/**
 * Throughput of `moderate` on >= 1 MB of mixed lv/ru/en school messages, compared in the same run
 * with `obscenity` (English preset) on the English part, plus a linearity check on hostile shapes.
 * The last line of output is a single JSON object; everything before it is for humans.
 * It measures the moderator as shipped (SECOND_OPINION_DEFAULT); `-- --second-opinion` or `-- --rules`
 * measures it with the n-gram model asked or not.
 */
import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import { SECOND_OPINION_DEFAULT, getModerator } from '../src/core/moderate';
import { generateMessages } from './message-generator';

const SEED = 20250117;
const TARGET_BYTES = 2 * 1024 * 1024;
const MIN_MS = 1500;

function bytesOf(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += Buffer.byteLength(t, 'utf8');
  return n;
}

/** Repeats full passes over the texts until `minMs` has elapsed (and at least `minPasses` ran). */
function passes(texts: string[], fn: (t: string) => unknown, minMs: number, minPasses: number): { seconds: number; passes: number } {
  let done = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs || done < minPasses) {
    for (const t of texts) fn(t);
    done++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return { seconds: elapsed / 1000, passes: done };
}

function warmUp(texts: string[], ...fns: ((t: string) => unknown)[]): void {
  for (let k = 0; k < Math.min(texts.length, 2000); k++) for (const fn of fns) fn(texts[k]);
}

function measure(texts: string[], fn: (t: string) => unknown): { seconds: number; passes: number } {
  warmUp(texts, fn);
  return passes(texts, fn, MIN_MS, 2);
}

function rate(texts: string[], fn: (t: string) => unknown): { mbPerS: number; msgsPerS: number } {
  const { seconds, passes } = measure(texts, fn);
  const mb = (bytesOf(texts) * passes) / (1024 * 1024);
  return { mbPerS: mb / seconds, msgsPerS: (texts.length * passes) / seconds };
}

const ROUNDS = 9;
const ROUND_MS = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The two matchers on the same texts in alternating short rounds (ABBA order), so a slower moment of a
 * shared machine (another process, a CPU throttling) weighs on both rather than on whichever ran then;
 * the ratio is the median of the rounds' ratios.
 */
function compare(texts: string[], a: (t: string) => unknown, b: (t: string) => unknown): { modEn: { mbPerS: number; msgsPerS: number }; obs: { mbPerS: number; msgsPerS: number }; ratio: number } {
  const mb = bytesOf(texts) / (1024 * 1024);
  const pass = (fn: (t: string) => unknown): number => {
    const r = passes(texts, fn, ROUND_MS, 1);
    return r.passes / r.seconds;
  };
  warmUp(texts, a, b);
  const ra: number[] = [];
  const rb: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let pa: number;
    let pb: number;
    if (r % 2 === 0) {
      pa = pass(a);
      pb = pass(b);
    } else {
      pb = pass(b);
      pa = pass(a);
    }
    ra.push(pa);
    rb.push(pb);
    ratios.push(pa / pb);
  }
  const asRate = (passesPerS: number): { mbPerS: number; msgsPerS: number } => ({ mbPerS: passesPerS * mb, msgsPerS: passesPerS * texts.length });
  return { modEn: asRate(median(ra)), obs: asRate(median(rb)), ratio: median(ratios) };
}

function timeOnce(text: string, fn: (t: string) => unknown): number {
  fn(text.slice(0, 1000));
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const s = process.hrtime.bigint();
    fn(text);
    best = Math.min(best, Number(process.hrtime.bigint() - s) / 1e6);
  }
  return best;
}

const round = (x: number, d = 2): number => Math.round(x * 10 ** d) / 10 ** d;

function main(): void {
  const messages = generateMessages(SEED, TARGET_BYTES);
  const all = messages.map((m) => m.text);
  const english = messages.filter((m) => m.lang === 'en').map((m) => m.text);
  const secondOpinion = process.argv.includes('--second-opinion') || (SECOND_OPINION_DEFAULT && !process.argv.includes('--rules'));
  const moderator = getModerator({ secondOpinion });
  console.log(`n-gram second opinion: ${secondOpinion ? 'on' : 'off'}`);
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

  const totalMb = bytesOf(all) / (1024 * 1024);
  console.log(`corpus: ${messages.length} messages, ${round(totalMb)} MB (seed ${SEED}); English part ${english.length} messages, ${round(bytesOf(english) / 1048576)} MB`);

  const flagged = all.filter((t) => moderator.moderate(t).decision !== 'allow').length;
  console.log(`moderate flags ${flagged} of ${all.length} messages (${round((100 * flagged) / all.length, 1)}%; the generator inserts abuse into about 10%)`);

  const mod = rate(all, (t) => moderator.moderate(t));
  console.log(`moderate   (lv+ru+en, all)  ${round(mod.mbPerS)} MB/s  ${Math.round(mod.msgsPerS)} msgs/s`);
  const { modEn, obs, ratio } = compare(
    english,
    (t) => moderator.moderate(t),
    (t) => obscenity.getAllMatches(t),
  );
  console.log(`moderate   (English part)   ${round(modEn.mbPerS)} MB/s  ${Math.round(modEn.msgsPerS)} msgs/s`);
  console.log(`obscenity  (English part)   ${round(obs.mbPerS)} MB/s  ${Math.round(obs.msgsPerS)} msgs/s`);
  console.log(`moderate / obscenity (English part): ${round(ratio)}x (median of ${ROUNDS} interleaved rounds)`);

  // Hostile shapes: time for 4N should stay near 4x the time for N (linear), never 16x.
  const N = 256 * 1024;
  const shapes: Record<string, (n: number) => string> = {
    separators: (n) => ' .-*_/'.repeat(Math.ceil(n / 6)).slice(0, n),
    'one long word': (n) => 'a'.repeat(n),
    'repeated abuse': (n) => 'fuck '.repeat(Math.ceil(n / 5)).slice(0, n),
    'abuse glued together': (n) => 'хуйfuck'.repeat(Math.ceil(n / 7)).slice(0, n),
    'masks everywhere': (n) => 'f*ck п**да '.repeat(Math.ceil(n / 11)).slice(0, n),
    'spaced letters': (n) => 'f u c k '.repeat(Math.ceil(n / 8)).slice(0, n),
    // Every piece starts a chain of broken-word readings (up to four pieces each).
    'dotted pieces': (n) => 'шл.ю.ха.'.repeat(Math.ceil(n / 8)).slice(0, n),
    'combining marks': (n) => 'a\u0301\u0308'.repeat(Math.ceil(n / 3)).slice(0, n),
    'emoji zwj': (n) => '👨‍👩‍👧 '.repeat(Math.ceil(n / 9)).slice(0, n),
    'phrase prefixes': (n) => 'i will kill '.repeat(Math.ceil(n / 12)).slice(0, n),
    'context readings': (n) => {
      const unit = 'bitch puppy you pig in the play if someone never call jk genius 🙄 ';
      return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
    },
    // One long sentence of game words after an ellipsis and a long gap: each game word asks whether
    // its sentence goes on from the threat before it.
    'play after an ellipsis': (n) => `I will kill you...${' '.repeat(Math.floor(n / 2))}${'at chess '.repeat(Math.ceil(n / 18))}`.slice(0, n),
  };
  let worst = 0;
  for (const [name, make] of Object.entries(shapes)) {
    const t1 = timeOnce(make(N), (t) => moderator.moderate(t));
    const t4 = timeOnce(make(4 * N), (t) => moderator.moderate(t));
    const ratio = t4 / Math.max(t1, 0.01);
    worst = Math.max(worst, ratio);
    console.log(`linearity  ${name.padEnd(22)} N=${N}: ${round(t1, 1)} ms, 4N: ${round(t4, 1)} ms, ratio ${round(ratio)} (${round((4 * N) / 1048576 / (t4 / 1000))} MB/s)`);
  }
  console.log(`linearity  worst 4N/N ratio ${round(worst)} (4 = linear, 16 = quadratic)`);

  console.log(JSON.stringify({ bench: 'moderation', mb_per_s: round(mod.mbPerS), msgs_per_s: Math.round(mod.msgsPerS), english_mb_per_s: round(modEn.mbPerS), obscenity_mb_per_s: round(obs.mbPerS), english_vs_obscenity: round(ratio), second_opinion: secondOpinion }));
}

main();
