import { type InstitutionModeration, institutionOptions, termProblem } from './institution';
import { SECOND_OPINION_DEFAULT, SECOND_OPINION_TERM, getModerator, moderate } from './moderate';

const none: Readonly<InstitutionModeration> = { allowedTerms: [], blockedTerms: [], mode: 'default', secondOpinion: null };

describe('institution moderation options', () => {
  it('leaves an institution without settings on the shared default moderator', () => {
    expect(institutionOptions({ ...none, allowedTerms: [], blockedTerms: [] })).toBeUndefined();
    expect(getModerator(institutionOptions({ ...none, allowedTerms: [], blockedTerms: [] }))).toBe(getModerator());
  });

  it('an allow-listed surname or title is no longer flagged; other words still are', () => {
    const options = institutionOptions({ ...none, allowedTerms: ['Dirsa', 'Pimpīšu teātris'], blockedTerms: [] });
    expect(moderate('Labdien, Dirsa kungs!').decision).toBe('review');
    expect(moderate('Labdien, Dirsa kungs!', options).decision).toBe('allow');
    expect(moderate('Rīt mēs Pimpīšu teātrī skatīsimies izrādi.', options).decision).toBe('allow');
    expect(moderate('Tas viss ir sūds.', options).decision).toBe('review');
  });

  it('a blocked term is held for review, and blocked in strict mode', () => {
    const text = 'Kraukšķis šodien kavēja stundu.';
    expect(moderate(text).decision).toBe('allow');
    expect(moderate(text, institutionOptions({ ...none, allowedTerms: [], blockedTerms: ['kraukšķis'] })).decision).toBe('review');
    expect(moderate(text, institutionOptions({ ...none, allowedTerms: [], blockedTerms: ['kraukšķis'], mode: 'strict' })).decision).toBe('block');
  });

  it('strict blocks moderate abuse the default holds, still holds mild words, and changes nothing else', () => {
    const strict = institutionOptions({ ...none, allowedTerms: [], blockedTerms: [], mode: 'strict' });
    expect(moderate('Tas viss ir sūds, nevis mācības.').decision).toBe('review');
    expect(moderate('Tas viss ir sūds, nevis mācības.', strict).decision).toBe('block');
    expect(moderate('Damn, I forgot the book.', strict).decision).toBe('review');
    expect(moderate('Rīt 8:30 matemātika, 5.b klasē.', strict).decision).toBe('allow');
  });

  // The allow-list only skips the word lexicon for that word; phrases and threat frames never read it.
  it.each([
    ['kill', 'I will kill you'],
    ['kill', 'I am going to kill you after school'],
    ['убью', 'Я тебя убью'],
    ['nogalināšu', 'Es tevi nogalināšu, ja vēlreiz atnāksi.'],
  ])('allow-listing the violent verb %s does not let "%s" through', (verb, threat) => {
    const options = institutionOptions({ ...none, allowedTerms: [verb], blockedTerms: [] });
    expect(termProblem(verb, 'allowed')).toBeUndefined();
    expect(moderate(threat).decision).toBe('block');
    expect(moderate(threat, options)).toMatchObject({ decision: 'block', categories: ['threat'] });
  });

  it('refuses to allow-list a word that alone is hate, even capitalised next to a name', () => {
    expect(termProblem('nigger', 'allowed')).toBe('severe');
    expect(termProblem('Žīds Jānis', 'allowed')).toBe('severe');
    // Blocking such a word again is harmless.
    expect(termProblem('žīds', 'blocked')).toBeUndefined();
    expect(termProblem('Dirsa', 'allowed')).toBeUndefined();
  });

  it('needs words made of letters, as the moderator does', () => {
    expect(termProblem('f*ck', 'blocked')).toBe('not-words');
    expect(termProblem('123', 'allowed')).toBe('not-words');
    expect(termProblem('Pimpīšu teātris', 'allowed')).toBeUndefined();
  });

  describe('second opinion', () => {
    // A veiled threat (blind-2) without a violent word: the rules allow it, the shipped model holds it.
    const text = 'Tev labāk rīt nenākt uz skolu. Es nejokoju.';

    it('null follows the lib default, true and false override it for this institution only', () => {
      expect(institutionOptions({ ...none, secondOpinion: null })).toBeUndefined();
      expect(getModerator(institutionOptions({ ...none, secondOpinion: SECOND_OPINION_DEFAULT }))).toBe(
        getModerator(institutionOptions({ ...none, secondOpinion: SECOND_OPINION_DEFAULT })),
      );
      const on = institutionOptions({ ...none, secondOpinion: true });
      expect(on).toMatchObject({ secondOpinion: true });
      expect(institutionOptions({ ...none, secondOpinion: false })).toMatchObject({ secondOpinion: false });
      expect(moderate(text, institutionOptions({ ...none, secondOpinion: false })).decision).toBe('allow');
      expect(moderate(text, on)).toMatchObject({ decision: 'review', matches: [{ start: 0, end: text.length, term: SECOND_OPINION_TERM, lang: 'model' }] });
      // The shared default moderator is not changed by an institution turning it on.
      expect(moderate(text, institutionOptions({ ...none, secondOpinion: null })).decision).toBe(SECOND_OPINION_DEFAULT ? 'review' : 'allow');
    });

    it('a row stored before the setting existed follows the default', () => {
      const old = { allowedTerms: [], blockedTerms: [], mode: 'default' } as unknown as Parameters<typeof institutionOptions>[0];
      expect(institutionOptions(old)).toBeUndefined();
    });

    it('combines with the lists and strict mode', () => {
      const options = institutionOptions({ allowedTerms: ['Dirsa'], blockedTerms: ['kraukšķis'], mode: 'strict', secondOpinion: true });
      expect(options).toMatchObject({ allowedTerms: ['Dirsa'], blockedTerms: ['kraukšķis'], secondOpinion: true });
      expect(moderate(text, options).decision).toBe('review');
      expect(moderate('Kraukšķis atkal kavēja stundu.', options).decision).toBe('block');
      expect(moderate('Rīt 8:30 matemātika, 5.b klasē.', options).decision).toBe('allow');
    });
  });
});
