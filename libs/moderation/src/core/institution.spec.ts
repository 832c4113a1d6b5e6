import { institutionOptions, termProblem } from './institution';
import { getModerator, moderate } from './moderate';

const none = { allowedTerms: [], blockedTerms: [], mode: 'default' } as const;

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
    const text = 'Kraukšķis atkal kavēja stundu.';
    expect(moderate(text).decision).toBe('allow');
    expect(moderate(text, institutionOptions({ ...none, allowedTerms: [], blockedTerms: ['kraukšķis'] })).decision).toBe('review');
    expect(moderate(text, institutionOptions({ allowedTerms: [], blockedTerms: ['kraukšķis'], mode: 'strict' })).decision).toBe('block');
  });

  it('strict blocks moderate abuse the default holds, still holds mild words, and changes nothing else', () => {
    const strict = institutionOptions({ allowedTerms: [], blockedTerms: [], mode: 'strict' });
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
});
