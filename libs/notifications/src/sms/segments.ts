import { SegmentedMessage } from 'sms-segments-calculator';
import UnicodeToGsm from 'sms-segments-calculator/dist/libs/UnicodeToGSM';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Parts the carrier bills: GSM-7 160 alone or 153 each, UCS-2 70 alone or 67 each. */
  segments: number;
  /** As the carrier counts them: a GSM-7 extension character (€ [ ] { } ~ ^ | \) counts two. */
  characters: number;
}

// The library's own GSM-7 table: one septet for the basic set, two for the extension (€ [ ] { } …).
const GSM7 = new Map(Object.entries(UnicodeToGsm).map(([code, septets]) => [String.fromCharCode(Number(code)), septets.length]));
GSM7.delete('\r'); // the library counts "\r\n" as one grapheme: such texts are left to it
/**
 * Characters that are each one UTF-16 unit and one grapheme (Latin, Greek and Cyrillic letters, no
 * combining marks, common punctuation): in UCS-2 a segment boundary can fall between any two of them.
 */
const SIMPLE_UCS2 = /^[\u0000-\u000c\u000e-\u024f\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e\u20ac]*$/;

/**
 * One letter with Latvian (or any Latin) diacritics forces the whole text into UCS-2. The library
 * splits every text into graphemes, about a millisecond for an alert; plain texts (GSM-7 without an
 * extension character, or UCS-2 of single-unit characters) are counted directly with the same result
 * (a test compares the two on thousands of texts), the rest by the library.
 */
export function smsSize(text: string): SmsSize {
  let extension = false;
  let gsm = true;
  for (const c of text) {
    const septets = GSM7.get(c);
    if (septets === undefined) gsm = false;
    else if (septets > 1) extension = true;
  }
  if (gsm && !extension) return { encoding: 'GSM-7', segments: parts(text.length, 160, 153), characters: text.length };
  if (!gsm && SIMPLE_UCS2.test(text)) return { encoding: 'UCS-2', segments: parts(text.length, 70, 67), characters: text.length };
  return librarySmsSize(text);
}

const parts = (n: number, alone: number, each: number) => (n <= alone ? 1 : Math.ceil(n / each));

/** The library's count, for any text. */
export function librarySmsSize(text: string): SmsSize {
  const m = new SegmentedMessage(text);
  return { encoding: m.encodingName, segments: m.segmentsCount, characters: m.numberOfCharacters };
}

const COMBINING_MARKS = /\p{M}/gu;

/** Typographic punctuation Latvian texts use (our templates quote subjects „so”) and its GSM-7 stand-in. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '„': '"',
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
};

/** A character GSM-7 lacks, as GSM-7 would write it: its marks dropped, or its plain punctuation. */
function plain(grapheme: string): string {
  return PUNCTUATION[grapheme] ?? grapheme.normalize('NFD').replace(COMBINING_MARKS, '');
}

/**
 * The text with diacritics dropped from the characters GSM-7 lacks (ā → a, š → s, ņ → n), and
 * typographic quotes and dashes made plain („ ” → "), when that makes the whole text GSM-7 and costs
 * fewer segments; otherwise the text unchanged. Characters
 * GSM-7 already has (é, ü, Å) keep their marks, and text that stays UCS-2 anyway (Cyrillic, emoji)
 * is left alone, since mangling it would save nothing.
 *
 * Never apply this to a text that carries a password or any other exact secret: the reader would
 * type what the SMS shows, not what was issued. Passwords are GSM-7 by construction instead.
 */
export function cheapestText(text: string): string {
  const composed = text.normalize('NFC');
  const original = new SegmentedMessage(composed);
  if (original.encodingName === 'GSM-7') return text;
  const foreign = new Set(original.getNonGsmCharacters());
  const stripped = original.graphemes.map((g) => (foreign.has(g) ? plain(g) : g)).join('');
  const candidate = new SegmentedMessage(stripped);
  return candidate.encodingName === 'GSM-7' && candidate.segmentsCount < original.segmentsCount ? stripped : text;
}
