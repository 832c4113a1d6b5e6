import { hasVisibleText, lineIssue, storableIssue, textIssue } from './text-rules';

describe('text rules', () => {
  it('accept ordinary Latvian, Russian and mixed text with emoji', () => {
    for (const ok of ['Ekskursija piektdien', 'Ēdienkarte — 3.a klase', 'Родительское собрание', 'Labdien! 👋🏽', 'a\u00ADb']) {
      expect(lineIssue(ok)).toBeUndefined();
      expect(textIssue(ok)).toBeUndefined();
    }
    expect(textIssue('Labdien!\r\n\tPiektdien dosimies uz muzeju.\n')).toBeUndefined();
  });

  it('refuse lone surrogates and NUL everywhere', () => {
    for (const bad of ['a\uD800b', '\uDC00', 'x\uD83D', 'a\u0000b']) {
      expect(storableIssue(bad)).toBeDefined();
      expect(lineIssue(bad)).toBeDefined();
      expect(textIssue(bad)).toBeDefined();
    }
    expect(storableIssue('😀')).toBeUndefined();
  });

  it('refuse control characters; a body keeps line breaks and tabs', () => {
    for (const c of ['\n', '\t', '\r']) {
      expect(lineIssue(`a${c}b`)).toMatch(/control characters/);
      expect(textIssue(`a${c}b`)).toBeUndefined();
    }
    for (const c of ['\u0001', '\u0008', '\u000B', '\u001B', '\u007F', '\u0085', '\u009F']) {
      expect(lineIssue(`a${c}b`)).toMatch(/control characters/);
      expect(textIssue(`a${c}b`)).toMatch(/control characters/);
    }
  });

  it('refuse every bidi control in a line; in a body only overrides and embeddings', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E']) {
      expect(lineIssue(`Rēķins ${c}fdp.exe`)).toMatch(/bidirectional/);
      expect(textIssue(`Rēķins ${c}fdp.exe`)).toMatch(/bidirectional/);
    }
    for (const c of ['\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C']) {
      expect(lineIssue(`Vārds ${c}x`)).toMatch(/bidirectional/);
      expect(textIssue(`Vārds ${c}x`)).toBeUndefined();
    }
  });

  it('refuse text with nothing visible', () => {
    for (const blank of ['', ' ', '\u00A0\u3000', '\u200B\u200C\u200D', '\u2060\uFEFF', '\u00AD', '\u3164\u115F', '\u2800', '\uFE0F', '\u{E0020}\u{E007F}']) {
      expect(hasVisibleText(blank)).toBe(false);
      expect(lineIssue(blank)).toBe('has no visible characters');
    }
    expect(textIssue(' \n\t ')).toBe('has no visible characters');
    expect(hasVisibleText('\u200Bx')).toBe(true);
  });
});
