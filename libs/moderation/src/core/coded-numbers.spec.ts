import { expectClean, verdict } from '../../test-support/frame-expectations';

describe('coded hate numbers', () => {
  it('blocks 14/88 in any spelling and holds a lone 1488 for review', () => {
    for (const text of ['14/88, brāļi. Mūsu laiks nāk.', '14 88 brothers, our time is coming.', '14-88, братья.', '14/88, baltā Latvija, tīra skola.']) {
      expect({ text, ...verdict(text) }).toEqual({ text, decision: 'block', categories: ['hate'] });
    }
    expect(verdict('1488. Latvia for whites only.')).toEqual({ decision: 'block', categories: ['hate'] });
    expect(verdict('1488, белая школа для белых.')).toEqual({ decision: 'block', categories: ['hate'] });
    expect(verdict('1488. Our time is coming.')).toEqual({ decision: 'review', categories: ['hate'] });
  });

  it('does not take a word that merely starts like an abbreviation for one', () => {
    // "n", "p", "st" and "no" are whole abbreviations: "nazi", "power", "strong", "now" do not number the code.
    for (const text of ['Nazi 1488 forever.', 'White power 1488.']) {
      expect({ text, decision: verdict(text).decision }).toEqual({ text, decision: 'block' });
    }
    expect(verdict('Stay strong 1488.').decision).toBe('review');
    expect(verdict('14/88 now and forever, brothers.').decision).toBe('block');
  });

  it('reads a lone 88, "14 words" or 14 and 88 joined by "and" as a code when the message winks', () => {
    for (const text of [
      '88 — кто понял, тот понял. Наш класс скоро будет чистым.',
      '88 un 14, ja saproti — tad saproti.',
      '14 words. If you know, you know.',
      '88/14 Heil!',
    ]) {
      expect({ text, ...verdict(text) }).toEqual({ text, decision: 'block', categories: ['hate'] });
    }
  });

  it('reads a reported code as a report, not a use', () => {
    expect(verdict('Ģērbtuvē uz sienas uzrakstīts 14/88, lūdzu aizkrāsot un noskaidrot, kas to izdarīja.').decision).toBe('review');
  });

  it('leaves scores, lists, invoices and addresses alone', () => {
    expectClean([
      'Ieguvu 14/88 punktus kontroldarbā.',
      'Ieguvu 14/88 balles.',
      'Результат 14/88 баллов.',
      'Kabinets 14, 88 skolēni.',
      'Rēķina nr. 1488, lūdzu apmaksāt.',
      'Mēs dzīvojam Brīvības ielā 1488.',
      'Lūdzu atveriet p. 1488 un no. 1488 pasūtījumā.',
      'Результат 14/88 из ста возможных.',
      'Pildiet uzdevumus 14 un 88.',
      'Mums ir 88 skolēni, kas saprot angliski.',
      'Uzrakstiet 14 vārdus par vasaru; ja saprotat uzdevumu, tad saprotat.',
      'Mācību gadā ir 14 nedēļas un 88 stundas.',
    ]);
  });
});
