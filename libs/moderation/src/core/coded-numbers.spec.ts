import { expectClean, verdict } from '../../test-support/frame-expectations';

describe('coded hate numbers', () => {
  it('blocks 14/88 in any spelling and holds a lone 1488 for review', () => {
    for (const text of ['14/88, brāļi. Mūsu laiks nāk.', '14 88 brothers, our time is coming.', '14-88, братья.']) {
      expect({ text, ...verdict(text) }).toEqual({ text, decision: 'block', categories: ['hate'] });
    }
    expect(verdict('1488. Latvia for whites only.')).toEqual({ decision: 'review', categories: ['hate'] });
  });

  it('reads a reported code as a report, not a use', () => {
    expect(verdict('Ģērbtuvē uz sienas uzrakstīts 14/88, lūdzu aizkrāsot un noskaidrot, kas to izdarīja.').decision).toBe('review');
  });

  it('leaves scores, lists, invoices and addresses alone', () => {
    expectClean([
      'Ieguvu 14/88 punktus kontroldarbā.',
      'Kabinets 14, 88 skolēni.',
      'Rēķina nr. 1488, lūdzu apmaksāt.',
      'Mēs dzīvojam Brīvības ielā 1488.',
      'Mācību gadā ir 14 nedēļas un 88 stundas.',
    ]);
  });
});
