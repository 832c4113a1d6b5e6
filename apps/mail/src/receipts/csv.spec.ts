import { replySubject } from '../messages/messages.service';
import { decodeCursor, encodeCursor } from '../mailbox/cursor';
import { csvCell } from './receipts.service';

describe('csvCell', () => {
  it('quotes separators, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('Anna')).toBe('Anna');
    expect(csvCell('Bērziņa, Anna')).toBe('"Bērziņa, Anna"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const v of ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)']) expect(csvCell(v).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });
});

describe('replySubject', () => {
  it('prefixes once', () => {
    expect(replySubject('Ekskursija')).toBe('Re: Ekskursija');
    expect(replySubject('Re: Re: Ekskursija')).toBe('Re: Ekskursija');
    expect(replySubject('x'.repeat(200))).toHaveLength(200);
  });
});

describe('cursor', () => {
  it('round-trips and refuses what it did not issue', () => {
    const c = { at: new Date('2026-11-23T08:50:00Z'), id: '6f1c2d8e-1111-4222-8333-444455556666' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(decodeCursor(undefined)).toBeNull();
    expect(() => decodeCursor('bm9wZQ')).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
