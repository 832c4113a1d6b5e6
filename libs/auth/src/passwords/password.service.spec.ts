import { PasswordService, personalWords } from './password.service';

describe('personalWords', () => {
  it('gives each text whole and word by word, with and without diacritics, skipping short words and blanks', () => {
    const words = personalWords(['Bērziņa', 'anna.b', null, 'Rīgas 45. vidusskola']);
    expect(words).toEqual(
      expect.arrayContaining(['bērziņa', 'berzina', 'anna.b', 'anna', 'rīgas 45. vidusskola', 'rīgas', 'rigas', 'vidusskola']),
    );
    expect(words).not.toContain('b');
    expect(words).not.toContain('45');
  });

  it('makes a password built from them weak, where it was strong without them', () => {
    const passwords = new PasswordService();
    const own = personalWords(['Dzintra', 'Kalniņa', 'Saulespuķes sākumskola']);
    expect(() => passwords.assertStrong('kalninadzintra')).not.toThrow();
    expect(() => passwords.assertStrong('kalninadzintra', own)).toThrow(expect.objectContaining({ code: 'WEAK_PASSWORD' }));
    expect(() => passwords.assertStrong('Saulespukes2026', own)).toThrow(expect.objectContaining({ code: 'WEAK_PASSWORD' }));
  });
});
