import { SegmentedMessage } from 'sms-segments-calculator';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** Parts the carrier bills: GSM-7 160 alone or 153 each, UCS-2 70 alone or 67 each. */
  segments: number;
  /** As the carrier counts them: a GSM-7 extension character (€ [ ] { } ~ ^ | \) counts two. */
  characters: number;
}

/** One letter with Latvian (or any Latin) diacritics forces the whole text into UCS-2. */
export function smsSize(text: string): SmsSize {
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
