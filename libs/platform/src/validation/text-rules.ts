/**
 * What free text we store: the rules behind `@SafeLine()` / `@SafeText()` and the body check in
 * the HTTP layer. Each function answers with the problem in a few words, or `undefined` when the
 * text is fine, so the same wording reaches every client.
 */

/** In Unicode-aware mode a surrogate only matches on its own, i.e. unpaired (`String#isWellFormed`, ES2024). */
const LONE_SURROGATE = /\p{Cs}/u;
/** C0 controls, DEL and C1 controls. PostgreSQL cannot store NUL at all; the rest are never text. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** A body may break lines and indent; CR stays too, since clients on Windows send CRLF. */
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Every bidirectional formatting character. In a subject or a name they only serve to make text
 * read differently from what it is ("Rēķins \u202Efdp.exe" shows as "Rēķins exe.pdf").
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) reorder everything up to the end of the
 * paragraph. Isolates (U+2066–U+2069) and marks stay allowed in bodies: they are how mixed-direction
 * text is written correctly, and their effect ends with the isolate.
 */
const BIDI_OVERRIDE = /[\u202A-\u202E]/;

/**
 * Characters that draw nothing: whitespace, format characters (zero-width space/joiners, word
 * joiner, BOM, soft hyphen, tags…), and the fillers and variation selectors often used to fake
 * an empty-looking but non-empty string.
 */
const INVISIBLE = /^[\s\p{Cf}\p{Z}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0]*$/u;

/** Common to every string we take in: well-formed Unicode (no lone surrogates) and no NUL. */
export function storableIssue(value: string): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'is not valid Unicode (unpaired surrogate)';
  if (value.includes('\u0000')) return 'contains a NUL character';
  return undefined;
}

/** True when the text shows at least one visible character. */
export const hasVisibleText = (value: string): boolean => !INVISIBLE.test(value);

/** One-line text: subjects, names, titles, short reasons. */
export function lineIssue(value: string): string | undefined {
  return (
    storableIssue(value) ??
    (CONTROL.test(value) ? 'contains control characters (line breaks and tabs included)' : undefined) ??
    (BIDI_CONTROL.test(value) ? 'contains bidirectional control characters' : undefined) ??
    (hasVisibleText(value) ? undefined : 'has no visible characters')
  );
}

/** Multi-line text: message bodies and notes. */
export function textIssue(value: string): string | undefined {
  return (
    storableIssue(value) ??
    (CONTROL_EXCEPT_LAYOUT.test(value) ? 'contains control characters other than line breaks and tabs' : undefined) ??
    (BIDI_OVERRIDE.test(value) ? 'contains bidirectional override or embedding characters' : undefined) ??
    (hasVisibleText(value) ? undefined : 'has no visible characters')
  );
}
