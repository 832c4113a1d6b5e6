import { F_NUMERIC, type Token } from './tokenizer';

/**
 * Neo-Nazi number codes: "14/88" (the "fourteen words" and "Heil Hitler") is hate in any language and
 * has no school meaning; the tokenizer folds "88" to "8", so the written digits are read here. A lone
 * "1488" may be a house, a room or an invoice number: held for review, never blocked. A score ("14/88
 * punkti") is not a code.
 */
export interface CodedNumber {
  first: number;
  last: number;
  term: string;
  cap: 'review' | null;
}

/** Separators allowed between 14 and 88: none, a space, a slash or a dash ("14, 88 skolēni" is a list). */
const BETWEEN = /^\s*[/\\|-]?\s*$/;
/**
 * Words before a number that make it a number of something (nr. 1488, kabinets 1488, стр. 1488), as
 * token keys: lowercased with Latvian marks folded (rēķins is `rekins`). Abbreviations are whole words
 * ("nazi 1488" and "stop 1488" are no house numbers); longer words are stems (kabinetā, номера).
 */
const NUMBERED =
  /^(?:n|nr|no|num|p|pp|lpp|st|str|id|tel|kv|кв|сч|ул|д)$|^(?:номер|стр|room|kab|dzivokl|flat|apt|rekin|сч[её]т|invoice|order|pasutijum|kod|code|talr|phone|iel|street|улиц|дом|maj|house|page|lapp)/;
/** Words after a fraction that make it a score or a count: whole abbreviations, stems of longer words. */
const SCORE = /^(?:no|из|of|pts|p)$|^(?:punkt|point|балл|bal|очк)/;

export function codedNumbers(tokens: readonly Token[], text: string): CodedNumber[] {
  const out: CodedNumber[] = [];
  const raw = (t: Token): string => text.slice(t.start, t.end);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if ((t.flags & F_NUMERIC) === 0) continue;
    const digits = raw(t);
    if (digits === '1488') {
      if (k > 0 && NUMBERED.test(tokens[k - 1].key)) continue;
      out.push({ first: k, last: k, term: 'coded hate number (1488)', cap: 'review' });
      continue;
    }
    const next = tokens[k + 1];
    if (digits !== '14' || !next || (next.flags & F_NUMERIC) === 0 || raw(next) !== '88') continue;
    if (!BETWEEN.test(text.slice(t.end, next.start))) continue;
    const after = tokens[k + 2];
    if (after && after.sentence === next.sentence && SCORE.test(after.key)) continue;
    out.push({ first: k, last: k + 1, term: 'coded hate number (14/88)', cap: null });
    k++;
  }
  return out;
}
