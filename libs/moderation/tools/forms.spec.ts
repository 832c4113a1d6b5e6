import { readFileSync } from 'node:fs';
import { formsPath, generateForms, lemmasInData, loadDictionary, serialise } from './forms';
import { BUILTIN_LEXICONS, compileEntries, type LexiconFile } from '../src/core/lexicon';
import { LexiconMatcher, type LexiconHit } from '../src/core/matcher';
import { BUILTIN_FRAMES, FrameMatcher, type FrameFile } from '../src/core/frames';
import { moderate } from '../src/core/moderate';
import { normalizeWord, tokenize } from '../src/core/tokenizer';

const dictionaries = { lv: loadDictionary('lv'), ru: loadDictionary('ru') };
const lemmas = lemmasInData();

describe.each(['lv', 'ru'] as const)('data/forms.%s.json', (lang) => {
  const generated = generateForms(lang, lemmas[lang], dictionaries[lang]);

  it('is what npm run moderation:forms generates from the data and the dictionary', () => {
    expect(readFileSync(formsPath(lang), 'utf8')).toEqual(serialise(generated));
  });

  it('has forms for every lemma the data names', () => {
    expect(Object.keys(generated.forms).length).toBeGreaterThan(40);
    for (const forms of Object.values(generated.forms)) expect(forms.length).toBeGreaterThan(1);
  });
});

describe('generated forms', () => {
  const forms = (lang: 'lv' | 'ru', lemma: string): string[] => generateForms(lang, [lemma], dictionaries[lang]).forms[lemma];

  it('cover persons, tenses and moods of a verb entered once', () => {
    const lv = forms('lv', 'nogalināt');
    for (const f of ['nogalinu', 'nogalini', 'nogalina', 'nogalināšu', 'nogalināsi', 'nogalināsim', 'nogalināju', 'nogalinātu', 'jānogalina', 'nogalinot', 'nogalināts']) expect(lv).toContain(f);
    const ru = forms('ru', 'убить');
    for (const f of ['убью', 'убьёшь', 'убьёт', 'убьём', 'убьёте', 'убьют', 'убил', 'убила', 'убили', 'убить']) expect(ru).toContain(f);
  });

  it('leave out the negated forms, which mean the opposite', () => {
    expect(forms('lv', 'nogalināt').filter((f) => f.startsWith('ne'))).toEqual([]);
  });

  it('refuse a lemma the dictionary does not list', () => {
    expect(() => generateForms('lv', ['nogalinat'], dictionaries.lv)).toThrow(/not in dictionary-lv/);
  });
});

/** The builtin data with the dictionary lemmas taken out: what the moderator matched before them. */
function withoutLemmas(): { lexicon: LexiconFile[]; frames: FrameFile } {
  const lexicon = BUILTIN_LEXICONS.map((f) => ({
    ...f,
    entries: f.entries.filter((e) => e.roots.length > 0).map(({ lemmas: _lemmas, ...e }) => e),
  }));
  const features = Object.fromEntries(Object.entries(BUILTIN_FRAMES.features).map(([k, words]) => [k, words.filter((w) => !w.endsWith('~'))]));
  return { lexicon, frames: { ...BUILTIN_FRAMES, features } };
}

describe('matching dictionary forms', () => {
  const before = withoutLemmas();
  const framesBefore = new FrameMatcher(before.frames);
  const framesAfter = new FrameMatcher(BUILTIN_FRAMES);
  const violent = (m: FrameMatcher, lang: 'lv' | 'ru', word: string): boolean => {
    // Feature ids are assigned in the order the features are listed; both matchers list the same names.
    const id = Object.keys(BUILTIN_FRAMES.features).indexOf(`violent-${lang}`);
    return m.featuresOf(normalizeWord(word).key).includes(id);
  };

  it('gives a violent verb every form the dictionary knows, including ones the hand-written list missed', () => {
    for (const w of ['nogalināšu', 'nogalinātu', 'jānogalina', 'piekāvu', 'nošāvu', 'убью', 'убьём', 'убил', 'убьёшь', 'изуродует', 'переломаешь']) {
      expect([w, violent(framesAfter, w.match(/[а-яё]/) ? 'ru' : 'lv', w)]).toEqual([w, true]);
    }
    for (const w of ['piekāvu', 'nošāvu', 'убил', 'убьёшь', 'изуродует', 'переломаешь']) {
      expect([w, violent(framesBefore, w.match(/[а-яё]/) ? 'ru' : 'lv', w)]).toEqual([w, false]);
    }
  });

  it('turns those forms into threats in every mood the frames know', () => {
    for (const text of ['Es tevi nogalināšu', 'Es tevi nogalinātu', 'Tevi jānogalina', 'Tevi jāpiekauj', 'Я тебя убью', 'Мы тебя убьём', 'Я бы тебя убил', 'Убил бы тебя', 'Ему переломают рёбра']) {
      const r = moderate(text);
      expect([text, r.decision, r.categories]).toEqual([text, 'block', ['threat']]);
    }
  });

  it('still lets through negated, past and third-party readings and excepted forms', () => {
    for (const text of ['Es tevi nekad nenogalinātu', 'Я бы его не убил', 'Он убил его в 1812 году', 'Es redzēju sasistu mašīnu', 'Mūsu kucīte ir slima', 'Толстый сук дерева']) {
      expect([text, moderate(text, { secondOpinion: false }).decision]).toEqual([text, 'allow']);
    }
  });

  it('matches lexicon words in forms their hand-written endings did not cover', () => {
    const hits = (files: readonly LexiconFile[], text: string): string[] => {
      const m = new LexiconMatcher(compileEntries(files));
      const out: LexiconHit[] = [];
      for (const t of tokenize(text)) m.match(t, text, out);
      return [...new Set(out.map((h) => h.entry.term))];
    };
    for (const [text, term] of [['visstulbākais', 'stulbs'], ['idiotiņš', 'idiots'], ['проституток', 'проститутка'], ['стерв', 'стерва']]) {
      expect([text, hits(before.lexicon, text)]).toEqual([text, []]);
      expect([text, hits(BUILTIN_LEXICONS, text)]).toEqual([text, [term]]);
    }
  });
});
