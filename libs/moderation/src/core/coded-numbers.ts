import { F_NUMERIC, type Token } from './tokenizer';

/**
 * Neo-Nazi number codes: "14/88" (the "fourteen words" and "Heil Hitler") is hate in any language and
 * has no school meaning; the tokenizer folds "88" to "8", so the written digits are read here. A lone
 * "1488" may be a house, a room or an invoice number: held for review, and blocked only beside a wink or
 * "white" ("1488, keep this school white"). A score ("14/88
 * punkti") is not a code. A lone "88", "14 words", or 14 and 88 joined by "and" are everyday numbers
 * ("uzdevumi 14 un 88") unless the message winks at them: "who understands, understands" (the same verb
 * of knowing twice: "ja saproti, tad saproti", "кто понял, тот понял", "if you know, you know") or a
 * Nazi word (heil, Aryan).
 */
export interface CodedNumber {
  first: number;
  last: number;
  term: string;
  cap: 'review' | null;
}

/** Separators allowed between 14 and 88: none, a space, a slash or a dash ("14, 88 skolēni" is a list). */
const BETWEEN = /^\s*[/\\|-]?\s*$/;
/** "and" between the two numbers, in any of the languages (a word of its own, or "&"): a code only with a wink. */
const AND_WORD = new Set(['un', 'и', 'and']);
const AND = new RegExp(`^\\s*(?:${[...AND_WORD, '&'].join('|')})\\s*$`, 'i');
/**
 * Words before a number that make it a number of something (nr. 1488, kabinets 1488, стр. 1488), as
 * token keys: lowercased with Latvian marks folded (rēķins is `rekins`). Abbreviations are whole words
 * ("nazi 1488" and "stop 1488" are no house numbers); longer words are stems (kabinetā, номера).
 */
const NUMBERED =
  /^(?:n|nr|no|num|p|pp|lpp|st|str|id|tel|kv|кв|сч|ул|д)$|^(?:номер|стр|room|kab|dzivokl|flat|apt|rekin|сч[её]т|invoice|order|pasutijum|kod|code|talr|phone|iel|street|улиц|дом|maj|house|page|lapp)/;
/**
 * Words after a fraction that make it a score or a count: whole abbreviations, stems of longer words
 * (keys collapse doubled letters, so balles is `bales`; a `bal` prefix was "baltā", white, in "14/88,
 * baltā Latvija").
 */
const SCORE = /^(?:no|из|of|pts|p|bale|bales|bali|balem)$|^(?:punkt|point|бал|очк)/;
/** "14 words" (vārdi, слов): the fourteen words of the slogan. */
const WORDS = /^(?:vard|слов|word)/;
/** Verbs of knowing and understanding, by stem: said twice they are "who understands, understands". */
const KNOWING = ['saprot', 'понял', 'понима', 'поймет', 'знает', 'знаешь', 'знают', 'знал', 'know', 'understand'];
/** Words that name the code's world outright. */
const NAZI = /^(?:heil|sieg|хайль|зиг|arij|ари[ейя]|aryan|hitler|гитлер)/;

/**
 * Words that make a lone 1488 the slogan ("1488, keep this school white", "Latvia for whites only", "Nazi
 * 1488 forever") and not a number of something, as token keys. Whole forms, so "Baltic" is none.
 */
const SLOGAN = new Set(['nazi', 'nazis', 'white', 'whites', 'balta', 'balto', 'baltie', 'baltajiem', 'baltiem', 'balts', 'baltai', 'baltu', 'белых', 'белая', 'белой', 'белые', 'белую', 'белым', 'белого', 'белый']);

/** Whether the message winks at a number: a verb of knowing twice, or a Nazi word. */
function winks(tokens: readonly Token[]): boolean {
  const seen = new Map<string, number>();
  for (const t of tokens) {
    if (NAZI.test(t.key)) return true;
    const stem = KNOWING.find((s) => t.key.startsWith(s));
    if (stem === undefined) continue;
    const n = (seen.get(stem) ?? 0) + 1;
    if (n >= 2) return true;
    seen.set(stem, n);
  }
  return false;
}

export function codedNumbers(tokens: readonly Token[], text: string): CodedNumber[] {
  const out: CodedNumber[] = [];
  const raw = (t: Token): string => text.slice(t.start, t.end);
  const numbered = (k: number): boolean => k > 0 && NUMBERED.test(tokens[k - 1].key);
  let wink: boolean | null = null;
  const winked = (): boolean => (wink ??= winks(tokens));
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if ((t.flags & F_NUMERIC) === 0) continue;
    const digits = raw(t);
    if (digits === '1488') {
      if (numbered(k)) continue;
      const slogan = winked() || tokens.some((w) => SLOGAN.has(w.key));
      out.push({ first: k, last: k, term: 'coded hate number (1488)', cap: slogan ? null : 'review' });
      continue;
    }
    if (digits !== '14' && digits !== '88') continue;
    const next = tokens[k + 1];
    // "88 un 14": the conjunction is a word of its own between the numbers.
    const joined = next !== undefined && AND_WORD.has(next.key) ? k + 2 : k + 1;
    const pair = tokens[joined];
    if (pair && (pair.flags & F_NUMERIC) !== 0 && raw(pair) === (digits === '14' ? '88' : '14')) {
      const gap = text.slice(t.end, pair.start);
      const after = tokens[joined + 1];
      const score = after !== undefined && after.sentence === pair.sentence && SCORE.test(after.key);
      // 14/88 as written; 88/14 or "14 un 88" only with a wink.
      if (!score && ((digits === '14' && BETWEEN.test(gap)) || ((BETWEEN.test(gap) || AND.test(gap)) && winked()))) {
        out.push({ first: k, last: joined, term: 'coded hate number (14/88)', cap: null });
        k = joined;
        continue;
      }
    }
    if (numbered(k) || !winked()) continue;
    if (digits === '88') out.push({ first: k, last: k, term: 'coded hate number (88)', cap: null });
    // "14 vārdi." standing as its own sentence, not "uzrakstiet 14 vārdus par vasaru".
    else if (next && next.sentence === t.sentence && WORDS.test(next.key) && tokens[k + 2]?.sentence !== t.sentence) {
      out.push({ first: k, last: k + 1, term: 'coded hate slogan (14 words)', cap: null });
    }
  }
  return out;
}
