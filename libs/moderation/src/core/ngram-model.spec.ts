import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CANCELLED_MARGIN, Moderator, SECOND_OPINION_DEFAULT, SECOND_OPINION_MIN_WORDS, SECOND_OPINION_TERM, moderate, secondOpinionClasses, secondOpinionEligible, secondOpinionInput, secondOpinionMayBlock, secondOpinionOnCancelled } from './moderate';
import { NGRAM_FEATURES, NgramModel, classHash, featureBuckets, sharedNgramModel, type NgramModelFile } from './ngram-model';
import { tokenize } from './tokenizer';
import { CATEGORIES } from './types';

const DATA = join(__dirname, '..', '..', 'data', 'ngram-model.json');
const file = JSON.parse(readFileSync(DATA, 'utf8')) as NgramModelFile;
const rulesOnly = new Moderator({ secondOpinion: false });
const withModel = new Moderator({ secondOpinion: true });

/** A blind-17 threat without a violent word that the rules let through and the shipped model holds for review. */
const VEILED_THREAT = 'Tev labāk rīt nenākt uz skolu. Es nejokoju.';

/** A blind-18 threat the rules only review (no violent word they block) and the block head blocks. */
const REVIEWED_THREAT = 'Ещё раз пожалуешься — и твоего кота больше никто не увидит.';
/** The same words cited by a parent: the rules hold them for review as reported, and so they stay. */
const CITED_THREAT = 'Мой сын получил сообщение: «Ещё раз пожалуешься — и твоего кота больше никто не увидит».';

function blindLines(): string[] {
  const dir = join(__dirname, '..', '..', 'test-data', 'blind');
  return ['blind-1', 'blind-2', 'blind-3'].flatMap((n) =>
    readFileSync(join(dir, `${n}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text),
  );
}

describe('n-gram second opinion', () => {
  it('loads the shipped model, whose feature config is the one the code computes', () => {
    expect(file.features).toEqual(NGRAM_FEATURES);
    expect(file.threshold).toBeGreaterThanOrEqual(0.5);
    expect(file.threshold).toBeLessThan(1);
    expect(file.block.threshold).toBeGreaterThanOrEqual(0.85);
    expect(file.block.threshold).toBeLessThan(1);
    // The rules' own reviews have their own threshold, never below the trainer's floor for them.
    expect(file.block.ruledThreshold).toBeGreaterThanOrEqual(0.8);
    expect(file.block.ruledThreshold).toBeLessThan(1);
    expect(file.block.head.index.length).toBe(file.block.head.value.length);
    expect(file.flag.index.length).toBe(file.flag.value.length);
    expect(file.flag.index.every((i, k) => Number.isInteger(i) && i >= 0 && i < NGRAM_FEATURES.buckets && (k === 0 || i > file.flag.index[k - 1]))).toBe(true);
    const model = sharedNgramModel();
    expect(model.threshold).toBe(file.threshold);
    const tokens = tokenize(VEILED_THREAT);
    // Streaming and bucket lists score alike, with and without word classes (here: made-up ones).
    expect(model.probability(tokens, null)).toBeCloseTo(model.probabilityOf(featureBuckets(tokens, null)), 9);
    const classes = { feats: tokens.map((_, i) => [i % 3, 7]), hashOf: (c: number) => classHash(`class-${c}`) };
    expect(model.probability(tokens, classes)).toBeCloseTo(model.probabilityOf(featureBuckets(tokens, classes)), 9);
    expect(featureBuckets(tokens, classes).length).toBeGreaterThan(featureBuckets(tokens, null).length);
  });

  it('is asked only about an allow with nothing read or cancelled, and with enough words', () => {
    const eligible = (t: string): boolean => secondOpinionEligible(rulesOnly.moderateByRules(t));
    expect(SECOND_OPINION_MIN_WORDS).toBe(5);
    expect(['Divi', 'Labi, paldies!', '12 13 14 Jā', 'Viens par bērnu', 'Sveiki visiem no klases'].map(eligible)).toEqual([false, false, false, false, false]);
    expect(eligible('Rīt būs divas stundas matemātikā.')).toBe(true);
    // The rules read it (a match) or cancelled it (a negated insult): theirs to judge.
    expect(eligible('Tu esi idiots, kas tev ir?')).toBe(false);
    expect(eligible('Tu neesi idiots, tu vienkārši noguri.')).toBe(false);
  });

  it('is asked with a margin, and only to review, about an allow whose every match the rules cancelled', () => {
    const model = sharedNgramModel();
    const cancelled = (t: string): boolean => secondOpinionOnCancelled(rulesOnly.moderateByRules(t));
    const p = (t: string): number => model.probabilityOf(secondOpinionInput(rulesOnly.moderateByRules(t)));
    // "stulba seja" reads as an insult aimed at a thing, "govs" beside a ball as a game: blind-35's writer meant both.
    for (const text of ['Tev ir tik stulba seja, ka ir kauns stāvēt blakus.', 'Kāda tu esi govs, pat bumbu noķert nevari.']) {
      expect([text, cancelled(text), rulesOnly.moderate(text).decision]).toEqual([text, true, 'allow']);
      expect(p(text)).toBeGreaterThanOrEqual(model.threshold + CANCELLED_MARGIN);
      expect(withModel.moderate(text)).toMatchObject({ decision: 'review', matches: [{ start: 0, end: text.length, term: SECOND_OPINION_TERM, lang: 'model' }] });
    }
    // A threat the rules read as chess stays allowed: the model is asked and finds nothing.
    const chess = 'Es tevi nositīšu šahā rīt, gatavojies!';
    expect(cancelled(chess)).toBe(true);
    expect(withModel.moderate(chess).decision).toBe('allow');
    // Never blocked this way, however sure the model is.
    for (const text of blindLines()) {
      if (cancelled(text)) expect([text, withModel.moderate(text).decision]).not.toEqual([text, 'block']);
    }
  });

  it('scores a message alike when its words come from the per-word cache', () => {
    const model = new NgramModel(file);
    const tokens = tokenize(`${VEILED_THREAT} ${VEILED_THREAT}`);
    const fresh = model.probabilityOf(featureBuckets(tokens, null));
    expect(model.probability(tokens, null)).toBeCloseTo(fresh, 9);
    // Second pass: every word is cached now.
    expect(model.probability(tokens, null)).toBeCloseTo(fresh, 9);
  });

  it('scores a message alike when the sums of its word classes and their pairs come from the cache', () => {
    const model = new NgramModel(file);
    const tokens = tokenize(`${VEILED_THREAT} ${VEILED_THREAT}`);
    // Words share their class arrays, as the frames hand them out; a long one's pairs are cached.
    const common = [1, 2, 3, 4, 5];
    const rare = [9];
    const classes = { feats: tokens.map((_, i) => (i % 2 === 0 ? common : rare)), hashOf: (c: number) => classHash(`class-${c}`) };
    const fresh = model.probabilityOf(featureBuckets(tokens, classes));
    expect(model.probability(tokens, classes)).toBeCloseTo(fresh, 12);
    expect(model.probability(tokens, classes)).toBeCloseTo(fresh, 12);
    const real = rulesOnly.moderateByRules('You are a useless idiot and everyone in the class knows it, you idiot.');
    const realClasses = { feats: real.feats, hashOf: (c: number) => classHash(`real-${c}`) };
    const once = model.probabilityOf(featureBuckets(real.tokens, realClasses));
    expect(model.probability(real.tokens, realClasses)).toBeCloseTo(once, 12);
    expect(model.probability(real.tokens, realClasses)).toBeCloseTo(once, 12);
  });

  it('reads only the word classes it was trained with, so frames added since leave its opinion alone', () => {
    expect(file.classes?.length).toBeGreaterThan(1000);
    const ruled = rulesOnly.moderateByRules('Es tevi rīt nogalināšu pēc stundām.');
    const everyClass = secondOpinionInput(ruled, null);
    // A file that names no classes reads them all; so does one trained with every class the frames have now.
    expect(secondOpinionInput(ruled, new NgramModel({ ...file, classes: undefined }))).toEqual(everyClass);
    const all = new NgramModel({ ...file, classes: secondOpinionClasses() });
    expect(secondOpinionInput(ruled, all)).toEqual(everyClass);
    // Trained before `target-lv` existed: "tevi" brings no class of that name, its other classes stay.
    const without = new NgramModel({ ...file, classes: secondOpinionClasses().filter((n) => n !== 'target-lv') });
    const read = secondOpinionInput(ruled, without);
    expect(read.length).toBeLessThan(everyClass.length);
    expect(read.length).toBeGreaterThan(featureBuckets(ruled.tokens, null).length);
    expect(without.probabilityOf(read)).not.toBeCloseTo(without.probabilityOf(everyClass), 6);
    // A message with no word of that class reads the same either way.
    const other = rulesOnly.moderateByRules('Rīt būs divas stundas matemātikā.');
    expect(secondOpinionInput(other, without)).toEqual(secondOpinionInput(other, null));
  });

  it('refuses a model file trained with other features', () => {
    expect(() => new NgramModel({ ...file, features: { ...file.features, maxN: 4 } })).toThrow(/feature config/);
  });

  it('raises an allowed message to review with one whole-text match, and only when asked', () => {
    expect(rulesOnly.moderate(VEILED_THREAT).decision).toBe('allow');
    const r = withModel.moderate(VEILED_THREAT);
    expect(r.decision).toBe('review');
    expect(r.matches).toEqual([{ start: 0, end: VEILED_THREAT.length, category: r.categories[0], severity: 1, term: SECOND_OPINION_TERM, lang: 'model' }]);
    expect(moderate(VEILED_THREAT).decision).toBe(SECOND_OPINION_DEFAULT ? 'review' : 'allow');
  });

  it('keeps clean messages allowed', () => {
    for (const text of [
      'Labdien! Marta šodien nebūs skolā, viņai ir temperatūra. Lūdzu, attaisnojiet kavējumu.',
      'Добрый день! Напоминаю, что родительское собрание в четверг в 18:00.',
      'Reminder: the school trip to Sigulda is on Friday, please pack lunch.',
    ]) {
      expect(withModel.moderate(text)).toEqual({ decision: 'allow', categories: [], matches: [] });
    }
  });

  it('does not read a word the rules read as a name (Hui): it would read the word it looks like', () => {
    const salad = '12.03.2024 assessment 12.03.2024 Dickens sūdzība Hui Hui';
    const ruled = rulesOnly.moderateByRules(salad);
    expect([...ruled.names].map((i) => ruled.tokens[i].key)).toEqual(['hui', 'hui']);
    expect(withModel.moderate(salad)).toEqual({ decision: 'allow', categories: [], matches: [] });
    // The same letters as a word, not a name, are read.
    expect(rulesOnly.moderateByRules('hui tebe').names.size).toBe(0);
  });

  it('changes the rules only by allow → review, or review → block with its block head, never a cited match', () => {
    const check = (text: string): void => {
      const ruled = rulesOnly.moderateByRules(text);
      const rules = ruled.result;
      const both = withModel.moderate(text);
      if (both.decision === rules.decision) return;
      if (both.decision === 'block') {
        expect(secondOpinionMayBlock(ruled) || rules.decision === 'allow').toBe(true);
        expect(both.matches.filter((m) => m.term === SECOND_OPINION_TERM)).toEqual([expect.objectContaining({ start: 0, end: text.length, severity: 3, lang: 'model' })]);
        expect(both.matches.filter((m) => m.term !== SECOND_OPINION_TERM)).toEqual(rules.matches);
      } else {
        expect([rules.decision, both.decision]).toEqual(['allow', 'review']);
      }
    };
    for (const text of blindLines()) check(text);
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { seed: 20261204, numRuns: 200 });
  });

  it('raises a review to block when its block head is sure, within the policy, never a quoted or reported threat', () => {
    expect(rulesOnly.moderate(REVIEWED_THREAT).decision).toBe('review');
    const r = withModel.moderate(REVIEWED_THREAT);
    expect(r.decision).toBe('block');
    expect(r.matches.at(-1)).toEqual({ start: 0, end: REVIEWED_THREAT.length, category: expect.any(String), severity: 3, term: SECOND_OPINION_TERM, lang: 'model' });
    // An institution whose policy only reviews the worst of every category keeps it at review.
    const lenient = Object.fromEntries(CATEGORIES.map((c) => [c, { 3: 'review' as const }]));
    expect(new Moderator({ secondOpinion: true, policy: lenient }).moderate(REVIEWED_THREAT).decision).toBe('review');
    // A parent citing the same words: the rules hold them as reported, and the model may not overrule that.
    const cited = rulesOnly.moderateByRules(CITED_THREAT);
    expect(cited).toMatchObject({ cited: true, result: { decision: 'review' } });
    expect(secondOpinionMayBlock(cited)).toBe(false);
    expect(withModel.moderate(CITED_THREAT).decision).toBe('review');
  });

  it('needs less certainty to block a review the rules held on their own matches than one it raised itself', () => {
    const model = sharedNgramModel();
    expect(model.ruledBlockThreshold).toBeLessThan(model.blockThreshold);
    const blockProbability = (text: string): number => model.blockProbabilityOf(secondOpinionInput(rulesOnly.moderateByRules(text)));
    // Both between the two thresholds: the rules' own review is blocked…
    const ruled = 'Ты мерзкий, от тебя всех тошнит.';
    expect(rulesOnly.moderate(ruled).decision).toBe('review');
    expect(blockProbability(ruled)).toBeGreaterThanOrEqual(model.ruledBlockThreshold);
    expect(blockProbability(ruled)).toBeLessThan(model.blockThreshold);
    expect(withModel.moderate(ruled).decision).toBe('block');
    // …and a review only the model raised stays a review.
    const raised = 'Kad izies no skolas, skaties apkārt. Vienmēr.';
    expect(rulesOnly.moderate(raised).decision).toBe('allow');
    expect(blockProbability(raised)).toBeGreaterThanOrEqual(model.ruledBlockThreshold);
    expect(blockProbability(raised)).toBeLessThan(model.blockThreshold);
    expect(withModel.moderate(raised).decision).toBe('review');
  });

  it('never bounces a pupil speaking of their own self-harm: the disclosure must reach a human', () => {
    // The block head is sure of these (their writers marked them "block"); they stay held for review.
    for (const text of ['Es vairs nevaru. Šovakar izdzeršu visas mammas tabletes.', 'Man atkal gribas sevi sagriezt, nezinu kam pastāstīt']) {
      const r = withModel.moderate(text);
      expect({ text, decision: r.decision, categories: r.categories }).toEqual({ text, decision: 'review', categories: expect.arrayContaining(['self-harm']) });
    }
    // The rules mark their own disclosures, so the second opinion is not asked to block them.
    const disclosed = rulesOnly.moderateByRules('Man atkal gribas sevi sagriezt, nezinu kam pastāstīt');
    expect(disclosed).toMatchObject({ disclosed: true, result: { decision: 'review' } });
    expect(secondOpinionMayBlock(disclosed)).toBe(false);
    // Urged on the reader, the same act is blocked.
    expect(withModel.moderate('Izdzer visas mammas tabletes, tev tāpat nav jēgas dzīvot.').decision).toBe('block');
  });

  it('reads allow-listed words as absent', () => {
    const name = new Moderator({ secondOpinion: true, allowedTerms: VEILED_THREAT.split(/[ .]+/).filter(Boolean) });
    expect(name.moderate(VEILED_THREAT).decision).toBe('allow');
  });
});
