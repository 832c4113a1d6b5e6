import { DomainError } from '@app/platform/errors';
import { normalizeModeration, normalizeTerms, patchModeration } from './moderation-settings';

const none = { allowedTerms: [], blockedTerms: [], mode: 'default' as const, secondOpinion: null };
/** A distinct word of letters for each i below 676. */
const word = (i: number): string => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));
const words = (n: number, prefix = 'vārds'): string[] => Array.from({ length: n }, (_, i) => prefix + word(i));

function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, field: e.details?.[0]?.field };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('institution moderation terms', () => {
  it('stores each term NFC, trimmed, with single spaces', () => {
    expect(normalizeTerms('allowedTerms', ['  Dirsa ', 'Pimpi\u0304\u0161u \t teātris'])).toEqual(['Dirsa', 'Pimpīšu teātris']);
  });

  it.each([
    ['too many terms', words(201), 'MODERATION_TOO_MANY_TERMS', 'moderation.blockedTerms'],
    ['an empty term', ['ok', '  '], 'MODERATION_TERM_EMPTY', 'moderation.blockedTerms.1'],
    ['an invisible term', ['\u200b'], 'MODERATION_TERM_EMPTY', 'moderation.blockedTerms.0'],
    ['a term over 60 characters', ['a'.repeat(61)], 'MODERATION_TERM_TOO_LONG', 'moderation.blockedTerms.0'],
    ['a duplicate in other case and composition', ['Pimpīšu', 'PIMPI\u0304\u0160U'], 'MODERATION_TERM_DUPLICATE', 'moderation.blockedTerms.1'],
    ['digits', ['1234'], 'MODERATION_TERM_INVALID', 'moderation.blockedTerms.0'],
    ['a masked word', ['f*ck'], 'MODERATION_TERM_INVALID', 'moderation.blockedTerms.0'],
    ['a bidirectional control', ['abc\u202edef'], 'MODERATION_TERM_INVALID', 'moderation.blockedTerms.0'],
  ])('refuses %s with a stable code and the term it means', (_, terms, code, field) => {
    expect(refusal(() => normalizeTerms('blockedTerms', terms))).toEqual({ code, field });
  });

  it('takes exactly 200 terms of 60 characters', () => {
    const terms = words(200, 'ā'.repeat(58));
    expect(normalizeTerms('allowedTerms', terms)).toEqual(terms);
  });

  it('never allow-lists a hate word; a violent verb may be allowed (threat frames still apply)', () => {
    expect(refusal(() => normalizeTerms('allowedTerms', ['Dirsa', 'nigger']))).toEqual({ code: 'MODERATION_TERM_NOT_ALLOWABLE', field: 'moderation.allowedTerms.1' });
    expect(normalizeTerms('allowedTerms', ['kill'])).toEqual(['kill']);
  });
});

describe('patching the moderation settings', () => {
  it('replaces the lists given and the mode, and records only what changed', () => {
    const before = { ...none, allowedTerms: ['Dirsa'], blockedTerms: ['lohs'] };
    const { after, changed } = patchModeration(before, normalizeModeration({ allowedTerms: ['Dirsa', 'Pimpīšu teātris'], mode: 'strict' }));
    expect(after).toEqual({ allowedTerms: ['Dirsa', 'Pimpīšu teātris'], blockedTerms: ['lohs'], mode: 'strict', secondOpinion: null });
    expect(changed).toEqual({
      'moderation.allowedTerms': { added: ['Pimpīšu teātris'], removed: [] },
      'moderation.mode': { from: 'default', to: 'strict' },
    });
    expect(before.allowedTerms).toEqual(['Dirsa']);
  });

  it('a list given again in another order changes nothing', () => {
    const before = { ...none, allowedTerms: ['Dirsa', 'Ozols'] };
    expect(patchModeration(before, normalizeModeration({ allowedTerms: ['Ozols', 'Dirsa'], mode: 'default' }))).toEqual({ after: before, changed: {} });
  });

  it('refuses a term that would be both allowed and blocked', () => {
    const before = { ...none, allowedTerms: ['Dirsa'] };
    expect(refusal(() => patchModeration(before, normalizeModeration({ blockedTerms: ['lohs', 'DIRSA'] })))).toEqual({
      code: 'MODERATION_TERM_IN_BOTH_LISTS',
      field: 'moderation.blockedTerms.1',
    });
  });

  it('turns the second opinion on, off or back to the default, auditing each change', () => {
    const on = patchModeration(none, normalizeModeration({ secondOpinion: true }));
    expect(on).toEqual({ after: { ...none, secondOpinion: true }, changed: { 'moderation.secondOpinion': { from: null, to: true } } });
    expect(patchModeration(on.after, normalizeModeration({ secondOpinion: false })).changed).toEqual({ 'moderation.secondOpinion': { from: true, to: false } });
    expect(patchModeration(on.after, normalizeModeration({ secondOpinion: null }))).toEqual({ after: none, changed: { 'moderation.secondOpinion': { from: true, to: null } } });
    // The same value again, or a PATCH that does not name it, changes nothing.
    expect(patchModeration(on.after, normalizeModeration({ secondOpinion: true }))).toEqual({ after: on.after, changed: {} });
    expect(patchModeration(on.after, normalizeModeration({ mode: 'default' }))).toEqual({ after: on.after, changed: {} });
  });

  it('reads a row stored before the setting existed as the default', () => {
    const old = { allowedTerms: [], blockedTerms: [], mode: 'default' } as unknown as typeof none;
    expect(patchModeration(old, normalizeModeration({ blockedTerms: [] }))).toEqual({ after: none, changed: {} });
  });
});
