import { HunspellDictionary } from './hunspell';

function forms(aff: string, dic: string): string[] {
  const d = new HunspellDictionary(aff, dic);
  const out = new Set<string>();
  d.expandAll((f) => out.add(f));
  return [...out].sort();
}

describe('HunspellDictionary', () => {
  it('applies strip, add and condition, and crosses prefixes with suffixes only when both allow it', () => {
    const aff = ['SFX S Y 2', 'SFX S y ies [^aeiou]y', 'SFX S 0 s [aeiou]y', 'PFX U Y 1', 'PFX U 0 un .', 'PFX R N 1', 'PFX R 0 re .'].join('\n');
    expect(forms(aff, '3\nfly/SU\nboy/S\nplay/SR\n')).toEqual(
      ['boy', 'boys', 'flies', 'fly', 'play', 'plays', 'replay', 'unflies', 'unfly'].sort(),
    );
  });

  it('follows continuation classes to a second suffix', () => {
    const aff = ['SFX X Y 1', 'SFX X 0 able/Y .', 'SFX Y Y 1', 'SFX Y 0 s .'].join('\n');
    expect(forms(aff, '1\ndrink/X\n')).toEqual(['drink', 'drinkable', 'drinkables']);
  });

  it('keeps NEEDAFFIX stems and CIRCUMFIX affixes out unless completed', () => {
    // Latvian debitive: jā- is allowed by the suffix, and both carry the circumfix flag.
    const aff = ['NEEDAFFIX {', 'CIRCUMFIX |', 'SFX F Y 2', 'SFX F āt u āt', 'SFX F āt a/]| āt', 'PFX ] Y 1', 'PFX ] 0 jā/| .'].join('\n');
    expect(forms(aff, '2\ngalināt/F\nmet/{F\n')).toEqual(['galināt', 'galinu', 'jāgalina'].sort());
  });

  it('reads long and numeric flags', () => {
    expect(forms(['FLAG long', 'SFX Aa Y 1', 'SFX Aa 0 s .'].join('\n'), '1\ncat/AaBb\n')).toEqual(['cat', 'cats']);
    expect(forms(['FLAG num', 'SFX 12 Y 1', 'SFX 12 0 s .'].join('\n'), '1\ncat/7,12\n')).toEqual(['cat', 'cats']);
  });

  it('rejects what it does not implement', () => {
    expect(() => new HunspellDictionary('AF 1\nAF AB', '0\n')).toThrow(/not supported/);
  });

  it('can leave a prefix out (negation changes the meaning)', () => {
    const d = new HunspellDictionary(['PFX - Y 1', 'PFX - 0 ne .', 'SFX F Y 1', 'SFX F t šu t'].join('\n'), '1\nsist/F-\n');
    const out = new Set<string>();
    d.expandEntry(d.lookup('sist')[0], (f) => out.add(f), (r) => r.kind === 'PFX' && r.add === 'ne');
    expect([...out].sort()).toEqual(['sist', 'sisšu']);
  });
});
