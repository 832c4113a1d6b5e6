import contextJson from '../../data/context.json';
import { S_CYRL, S_LATN } from './chars';
import { F_ALLCAPS, F_CAPITALIZED, F_LV_MARK, type Token } from './tokenizer';
import { normalizeWord } from './tokenizer';
import { WordSet } from './lexicon';

/** Whether a comma stands in text[from, to) — between two words, no slice made. */
export function commaBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text[k] === ',') return true;
  return false;
}

/** Whether exactly one plain space stands between `from` and `to` (how most words are written apart). */
export function oneSpaceBetween(text: string, from: number, to: number): boolean {
  return to - from === 1 && text.charCodeAt(from) === 32;
}

/** Dominant language of the Latin-script words of a message; decides ambiguous entries (suka, suds). */
export type LatinContext = 'lv' | 'en' | 'ru-latn' | 'unknown';

interface ContextFile {
  addressee: Record<string, string[]>;
  reporting: Record<string, string[]>;
  hearsay: Record<string, string[]>;
  negation: Record<string, string[]>;
  ultimatum: string[];
  again: Record<string, string[]>;
  mention: Record<string, string[]>;
  condemn: Record<string, string[]>;
  condemnDenied: Record<string, string[]>;
  performance: Record<string, string[]>;
  title: Record<string, string[]>;
  joke: Record<string, string[]>;
  jokeCounted: Record<string, string[]>;
  favour: Record<string, string[]>;
  trifle: Record<string, string[]>;
  childRef: Record<string, string[]>;
  writerPossessive: Record<string, string[]>;
  helpSeeking: Record<string, string[]>;
  conditional: Record<string, string[]>;
  naming: Record<string, string[]>;
  namingNegated: Record<string, string[]>;
  forbidding: Record<string, string[]>;
  hypothetical: Record<string, string[]>;
  play: Record<string, string[]>;
  media: Record<string, string[]>;
  speaker: Record<string, string[]>;
  writerObject: Record<string, string[]>;
  writerAsObject: Record<string, string[]>;
  readerPossessive: Record<string, string[]>;
  thirdPerson: Record<string, string[]>;
  affection: Record<string, string[]>;
  carer: Record<string, string[]>;
  discovery: Record<string, string[]>;
  laughter: Record<string, string[]>;
  thing: Record<string, string[]>;
  sport: Record<string, string[]>;
  complementizer: Record<string, string[]>;
  readerObject: Record<string, string[]>;
  rival: Record<string, string[]>;
  affectionVerb: Record<string, string[]>;
  lovedOne: Record<string, string[]>;
  lovedThird: Record<string, string[]>;
  functionWords: Record<'lv' | 'en' | 'ru-latn', string[]>;
}

const ctx = contextJson as ContextFile;

function keySet(groups: Record<string, string[]>): Set<string> {
  const s = new Set<string>();
  for (const list of Object.values(groups)) for (const w of list) s.add(normalizeWord(w).key);
  return s;
}

/** Like keySet, for groups whose words may be prefixes (`izrād*`). */
function wordSet(groups: Record<string, string[]>): WordSet {
  return new WordSet(Object.values(groups).flat());
}

export const ADDRESSEE = keySet(ctx.addressee);
export const REPORTING = keySet(ctx.reporting);
/** Verbs of hearing and boasting: what follows is reported, but the word named is still only mentioned. */
const HEARSAY = keySet(ctx.hearsay);
export const NEGATION = keySet(ctx.negation);
/** Titles a surname follows: "Учительница Сучкова", "skolotāja Pīrāga", "Mrs Cox". */
const TITLE = keySet(ctx.title);

/** Whether tokens[k] comes right after a title, one space between, in its sentence: a surname's place. */
export function followsTitle(tokens: readonly Token[], k: number, text: string): boolean {
  if (k === 0) return false;
  const prev = tokens[k - 1];
  return prev.sentence === tokens[k].sentence && TITLE.has(prev.key) && oneSpaceBetween(text, prev.end, tokens[k].start);
}

/**
 * Whether tokens[k] is a Russian surname after a first name inside its sentence ("тренер по плаванию —
 * Игорь Сучков"): the word before it is capitalised, the one before that is not, one space between.
 * Latin script is left out: there two capitalised words are as often a place ("the Žanis Lipke
 * Memorial", "Roma Culture Day"), whose words say what the sentence is about.
 */
export function followsFirstName(tokens: readonly Token[], k: number, text: string): boolean {
  if (k < 2) return false;
  const prev = tokens[k - 1];
  const s = tokens[k].sentence;
  return (
    tokens[k].script === S_CYRL &&
    prev.script === S_CYRL &&
    prev.sentence === s &&
    tokens[k - 2].sentence === s &&
    // "Учитель Петров Урод", "Наша Училка Тупая Корова": a run of capitals is a shout, not a name.
    (tokens[k - 2].flags & (F_CAPITALIZED | F_ALLCAPS)) === 0 &&
    (prev.flags & (F_CAPITALIZED | F_ALLCAPS)) === F_CAPITALIZED &&
    oneSpaceBetween(text, prev.end, tokens[k].start)
  );
}

/**
 * Words that show a quoted word is mentioned, not used: a language or ethics lesson about a word, a
 * line of a play, a book's title or a character's words ("the word 'retard'", RAGANA: "Es tevi
 * nogalināšu!", «Идиот» Достоевского).
 */
const MENTION = wordSet(ctx.mention);
/**
 * Books, films, songs and their characters speak, so a reporting verb after one in the same sentence
 * quotes them ("the villain says 'I'll find you'", "в мультфильме пират говорит «…»"), where "she
 * said 'idiot'" reports someone speaking to the writer's family. They are mention words too.
 */
const MEDIA = wordSet(ctx.media);

/**
 * Words that judge what was said as wrong ("offensive", "aizskarošs", «травля»): a message that quotes
 * a remark and calls it so is about the remark, whether a lesson or a report, and says it to no one.
 */
const CONDEMN = wordSet(ctx.condemn);
/** Words that judge what was said as fine; denied ("nav pieņemams", "not okay") they condemn it. */
const CONDEMN_DENIED = wordSet(ctx.condemnDenied);

/**
 * Whether the message talks about words (see MENTION, MEDIA) and reports no one saying them: "she said
 * the word 'X' to me" is a report; a reporting verb after a film, a book or a character in its sentence is not,
 * unless `mediaSpeak` is false (a parent's report: "comments under my daughter's video say '…'").
 * Words judged as wrong (CONDEMN) are mentioned, reported or not.
 */
export function mentionsWords(tokens: readonly Token[], mediaSpeak = true): boolean {
  let mention = false;
  let reported = false;
  let mediaSentence = -1;
  for (const [k, t] of tokens.entries()) {
    if (t.quoted) continue;
    // "'tu esi stulbs' — tas nav aizskaroši, tā ir patiesība" denies the judgement.
    if (CONDEMN.has(t.key) || CONDEMN_DENIED.has(t.key)) {
      if (CONDEMN.has(t.key) !== negatedWithin(tokens, k, STRICT_NEGATION)) return true;
      continue;
    }
    if (reported) continue;
    if (MEDIA.has(t.key)) {
      mention = true;
      if (mediaSpeak) mediaSentence = t.sentence;
    } else if (MENTION.has(t.key)) mention = true;
    else if (REPORTING.has(t.key) && mediaSentence !== t.sentence) reported = true;
  }
  return mention && !reported;
}
const ULTIMATUM = keySet({ all: ctx.ultimatum });
/** Negations that are also ordinary words in another of the languages (Latvian "no" = from). */
const AMBIGUOUS_NEGATION = new Set(['no', 'ni']);
/** Negations that cancel a frame or an insult: the unambiguous ones only. */
export const STRICT_NEGATION = new Set([...NEGATION].filter((w) => !AMBIGUOUS_NEGATION.has(w)));
const FUNCTION_WORDS: Record<'lv' | 'en' | 'ru-latn', Set<string>> = {
  lv: keySet({ lv: ctx.functionWords.lv }),
  en: keySet({ en: ctx.functionWords.en }),
  'ru-latn': keySet({ r: ctx.functionWords['ru-latn'] }),
};

export function detectLatinContext(tokens: readonly Token[]): LatinContext {
  let lv = 0;
  let en = 0;
  let ru = 0;
  for (const t of tokens) {
    if (t.script !== S_LATN) continue;
    if ((t.flags & F_LV_MARK) !== 0) lv += 2;
    if (FUNCTION_WORDS.lv.has(t.key)) lv++;
    if (FUNCTION_WORDS.en.has(t.key)) en++;
    if (FUNCTION_WORDS['ru-latn'].has(t.key)) ru++;
  }
  const best = Math.max(lv, en, ru);
  if (best === 0) return 'unknown';
  // Ties stay unknown: guessing wrong would silence a real insult or flag an innocent word.
  if ([lv, en, ru].filter((x) => x === best).length > 1) return 'unknown';
  return best === lv ? 'lv' : best === en ? 'en' : 'ru-latn';
}

/** Second-person word shortly before or after `index` in the same sentence (ты дебил, idiots tu esi). */
export function isAddressed(tokens: Token[], index: number): boolean {
  const s = tokens[index].sentence;
  for (let k = Math.max(0, index - 3); k <= Math.min(tokens.length - 1, index + 2); k++) {
    if (k !== index && tokens[k].sentence === s && ADDRESSEE.has(tokens[k].key)) return true;
  }
  return false;
}

/** Words after an opening "say" that make it a dare: "Say that again and…", "Скажи ещё раз — …", "Pasaki vēl vienu vārdu". */
const AGAIN = new Set([...ULTIMATUM, ...keySet(ctx.again)]);

/**
 * Whether the verb of saying at `k` opens an ultimatum rather than a report: "one more word and…",
 * "ещё слово —" (an ultimatum word right before it), or "Say that again and…" (the verb opens its
 * sentence and "again/one more" follows within three words).
 */
function dare(tokens: Token[], k: number): boolean {
  const s = tokens[k].sentence;
  if (k > 0 && tokens[k - 1].sentence === s) return ULTIMATUM.has(tokens[k - 1].key);
  for (let j = k + 1; j <= k + 3 && j < tokens.length && tokens[j].sentence === s; j++) if (AGAIN.has(tokens[j].key)) return true;
  return false;
}

/**
 * For each token, whether a reporting or hearsay verb (called, nosauca, назвал, heard...) occurs earlier in its sentence.
 * Computed once per message so the check is linear.
 */
export function reportedSpeech(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length);
  let sentence = -1;
  let seen = false;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k].sentence !== sentence) {
      sentence = tokens[k].sentence;
      seen = false;
    }
    out[k] = seen;
    // "Nobody asked you, slut": a denied act of saying reports nothing.
    if ((REPORTING.has(tokens[k].key) || HEARSAY.has(tokens[k].key)) && !dare(tokens, k) && !negatedWithin(tokens, k, STRICT_NEGATION)) seen = true;
  }
  return out;
}

/**
 * For each token, whether the last verb of saying before it in its sentence has the reader as its
 * subject ("you keep saying you want to die", "ты сам говорил"): the writer throws the reader's own
 * words back, which reports nothing. Asked only of self-harm matches, where such a taunt is urging.
 */
export function saidByReader(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length);
  let sentence = -1;
  let reader = false;
  for (let k = 0; k < tokens.length; k++) {
    const s = tokens[k].sentence;
    if (s !== sentence) {
      sentence = s;
      reader = false;
    }
    out[k] = reader;
    if (REPORTING.has(tokens[k].key) || HEARSAY.has(tokens[k].key)) {
      reader = [k - 1, k - 2].some((j) => j >= 0 && tokens[j].sentence === s && ADDRESSEE.has(tokens[j].key));
    }
  }
  return out;
}

/**
 * Whether a match over `first`..`last` reports what someone says: a verb of saying or telling, then
 * "that", inside it ("viņi raksta, ka …", "они пишут, что …", "visiem stāsta, ka …", "у сына … говорят,
 * что изобьют"), or a verb of calling with its "par": the words after it are the report's. "All who
 * mocked me will pay" has no "that".
 */
export function reportsWithin(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first + 1; k + 1 <= last; k++) {
    const verb = tokens[k];
    const that = tokens[k + 1];
    if (that.sentence !== tokens[first].sentence || verb.sentence !== that.sentence || !(REPORTING.has(verb.key) || HEARSAY.has(verb.key))) continue;
    if (THAT.has(that.key) || toOwnChild(tokens, k) || namesAs(tokens, k, last)) return true;
  }
  return false;
}

/** How far after a verb of calling its "par" may stand: "apsaukā krievvalodīgos par okupantiem". */
const NAMED_AS_REACH = 3;

/**
 * "puiši apsaukā krievvalodīgos par okupantiem": a Latvian verb of calling with its "par" (call someone
 * something) inside the match reports the name others use.
 */
function namesAs(tokens: readonly Token[], verb: number, last: number): boolean {
  for (let j = verb + 1; j <= Math.min(last, verb + NAMED_AS_REACH); j++) {
    if (tokens[j].sentence !== tokens[verb].sentence) return false;
    if (tokens[j].key === 'par') return true;
  }
  return false;
}

const WRITER_POSSESSIVE = keySet(ctx.writerPossessive);

/**
 * "какой-то мужчина пишет моей дочери …", "he texted my son …": the verb of saying at `verb` is said to
 * the writer's own child, so what follows is the parent's report of it. Not when the reader is its
 * subject or it opens the sentence ("call my daughter that again and …" is the writer's own threat).
 */
function toOwnChild(tokens: readonly Token[], verb: number): boolean {
  const own = tokens[verb + 1];
  const child = tokens[verb + 2];
  if (child === undefined || child.sentence !== tokens[verb].sentence || !WRITER_POSSESSIVE.has(own.key) || !CHILD_REF.has(child.key)) return false;
  const subject = tokens[verb - 1];
  return subject !== undefined && subject.sentence === tokens[verb].sentence && !READER.has(subject.key);
}

/** Plays, roles, circus and fairy tales: where a child is cast as the pig or the clown. */
export const PERFORMANCE = wordSet(ctx.performance);
const CONDITIONAL = keySet(ctx.conditional);
const FIRST_PERSON = keySet({ all: ['i', 'es', 'я'] });

/** The sentences (by index) that hold a word of `words`. */
export function sentencesWith(tokens: readonly Token[], words: WordSet): Set<number> {
  const out = new Set<number>();
  for (const t of tokens) if (words.has(t.key)) out.add(t.sentence);
  return out;
}

/**
 * Which tokens stand in an "if" clause that opens their sentence ("If you ever want to kill yourself,
 * tell someone"): "if/ja/если" first in the sentence, not followed by "I", up to the first comma. A
 * clause that follows ("nobody would miss you if you died") is the condition of a taunt, not of advice.
 * One pass over the message, however many matches ask.
 */
export function conditionalClauses(tokens: readonly Token[], text: string): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let open = false;
  for (let k = 0; k < tokens.length; k++) {
    const first = k === 0 || tokens[k - 1].sentence !== tokens[k].sentence;
    if (first) {
      // "If I were you, I'd jump": advice in the first person is not a helpline's condition.
      open = CONDITIONAL.has(tokens[k].key) && !(k + 1 < tokens.length && FIRST_PERSON.has(tokens[k + 1].key));
    } else if (commaBetween(text, tokens[k - 1].end, tokens[k].start)) open = false;
    if (open) out[k] = 1;
  }
  return out;
}

const NAMING = keySet(ctx.naming);
const NAMING_NEGATED = keySet(ctx.namingNegated);

/**
 * Which tokens follow a denied or forbidden act of naming in their sentence ("never call anyone
 * 'stupid'", "nobody said you're dumb", "nesakiet nevienam 'ej nomirsti'", "не называть друг друга
 * «дураками»"): a verb of calling or saying with a negation one or two words before it, or written
 * negated (nesaki). What follows is named as a word not to say, not said to anyone.
 */
export function deniedSpeech(tokens: readonly Token[], text: string, negation: ReadonlySet<string>): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let open = -1;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    // "never call me again, or I will…": the next clause says something of its own; "nesaka, ka tu
    // esi…" is what is not said (Latvian and Russian set a comma before "that").
    const comma = k > 0 && commaBetween(text, tokens[k - 1].end, t.start) && !THAT.has(t.key);
    if (open !== t.sentence || comma || CLAUSE_JOIN.has(t.key)) open = -1;
    if (open === t.sentence) out[k] = 1;
    else if (NAMING_NEGATED.has(t.key) || (NAMING.has(t.key) && (negatedWithin(tokens, k, negation) || negatedWithin(tokens, k, FORBIDDING, FORBID_REACH)))) open = t.sentence;
  }
  return out;
}

const FORBIDDING = keySet(ctx.forbidding);
/** How far before a verb of naming a rule may forbid it ("noteikumi aizliedz lamāties un saukt citus …"). */
const FORBID_REACH = 3;

const THAT = keySet({ all: ['that', 'ka', 'что', 'чтобы'] });
const CLAUSE_JOIN = keySet({ all: ['or', 'and', 'but', 'because', 'vai', 'un', 'bet', 'jo', 'или', 'но', 'а', 'потому'] });

/** Whether a word of `negation` stands up to `reach` (by default two) words before token `k` in its sentence. */
export function negatedWithin(tokens: readonly Token[], k: number, negation: ReadonlySet<string>, reach = 2): boolean {
  for (let j = Math.max(0, k - reach); j < k; j++) if (tokens[j].sentence === tokens[k].sentence && negation.has(tokens[j].key)) return true;
  return false;
}

const HYPOTHETICAL = keySet(ctx.hypothetical);
/** "then", or the speaker stepping in: where a condition ends and what follows it begins. */
const CLAUSE_TURN = keySet({ all: ['then', 'tad', 'тогда', 'то', 'i', 'es', 'я', 'we', 'mēs', 'мы'] });
/** How far after "if" the someone may stand: «если на улице к тебе подходит незнакомец» puts it sixth. */
const HYPOTHETICAL_REACH = 6;

/**
 * Which tokens stand in a condition about someone hypothetical ("if someone threatens you with a
 * knife, walk away", "what to do if an adult asks for photos", "ja kāds lūdz kailbildes"): "if" with
 * someone/an adult/a stranger within the next HYPOTHETICAL_REACH words, up to a comma, "then" or a first
 * person. A safety talk describes the abuse it warns about; "if anyone tells, I'll…" puts the threat after it.
 */
export function hypotheticalClauses(tokens: readonly Token[], text: string): Uint8Array {
  const out = new Uint8Array(tokens.length);
  // Where the last clause scan stopped: a clause ends at the same word whichever "if" opened it, so
  // an "if" inside a marked clause goes on from there ("if someone if someone…" stays linear).
  let reach = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (!CONDITIONAL.has(tokens[k].key)) continue;
    const s = tokens[k].sentence;
    let someone = false;
    for (let j = k + 1; j <= k + HYPOTHETICAL_REACH && j < tokens.length && tokens[j].sentence === s; j++) if (HYPOTHETICAL.has(tokens[j].key)) someone = true;
    if (!someone) continue;
    const quotedIf = tokens[k].quoted;
    let j = Math.max(k + 1, reach);
    for (; j < tokens.length && tokens[j].sentence === s; j++) {
      // A quotation after an unquoted "if" is the hypothetical person speaking ("ja kāds raksta 'es zinu,
      // kur tu dzīvo'"); "кто-то": a turn word hyphenated to the word before is part of it; a comma
      // before "that" goes on with the clause ("ja kāds draud, ka dabūsi pa purnu").
      const t = tokens[j];
      const speaking = t.quoted && !quotedIf;
      const ends = commaBetween(text, tokens[j - 1].end, t.start) ? !COMPLEMENTIZER.has(t.key) : CLAUSE_TURN.has(t.key) && text[t.start - 1] !== '-';
      if (ends && !speaking) break;
      out[j] = 1;
    }
    reach = j;
  }
  return out;
}

const PLAY = wordSet(ctx.play);

/**
 * The sentences that name a game, a sport played against each other or a joke ("in Minecraft",
 * "tenisā", "jk"), unless the word is negated ("not joking this time").
 */
export function playSentences(tokens: readonly Token[], negation: ReadonlySet<string>, text: string): Set<number> {
  const out = new Set<number>();
  // The first token of the current sentence, tracked as the scan goes, and whether that sentence
  // goes on from the one before, asked once per sentence: the whole pass stays linear.
  let first = 0;
  let asked = -1;
  tokens.forEach((t, k) => {
    if (k > 0 && t.sentence !== tokens[k - 1].sentence) first = k;
    if (!PLAY.has(t.key) || negatedWithin(tokens, k, negation) || againstJoke(tokens, k)) return;
    out.add(t.sentence);
    // "Es tevi nogalināšu... ar savu šahu!": a sentence that goes on in lower case after an ellipsis
    // finishes the one before it.
    if (asked !== first) {
      asked = first;
      if (continuesAfterEllipsis(tokens, first, text)) out.add(tokens[first - 1].sentence);
    }
  });
  return out;
}

/**
 * "Vēl viens tāds joks, un…", "Ещё одна такая шутка — и…": a joke counted as one more is the reader's
 * prank the ultimatum is about, not the writer joking.
 */
function againstJoke(tokens: readonly Token[], k: number): boolean {
  return JOKE.has(tokens[k].key) && negatedWithin(tokens, k, JOKE_COUNTED, 3);
}
const JOKE_COUNTED = new Set([...ULTIMATUM, ...keySet(ctx.jokeCounted)]);

/** Whether the sentence that token `first` opens starts in lower case right after an ellipsis ("...", "…"). */
function continuesAfterEllipsis(tokens: readonly Token[], first: number, text: string): boolean {
  if (first === 0) return false;
  const t = tokens[first];
  const ch = text[t.start];
  if (ch === undefined || ch === ch.toUpperCase()) return false;
  const gap = text.slice(tokens[first - 1].end, t.start).trim();
  return gap === '...' || gap === '…' || gap === '..';
}

const SPEAKER = keySet(ctx.speaker);
const COMPLEMENTIZER = keySet(ctx.complementizer);
/** The reader as subject or object ("you", "tevi", "тебя"), and anyone else the sentence may be about. */
const READER = new Set([...keySet(ctx.addressee), ...keySet(ctx.readerObject)]);
const OTHER_PERSON = new Set([...READER, ...keySet(ctx.thirdPerson)]);

const THING = wordSet(ctx.thing);
/** Him, her, them as an object: after a pet or a thing, the pet or the thing again. */
const LOVED_THIRD = keySet(ctx.lovedThird);

/** Where a sentence's name-calling lands on no person: the writer's word or a thing's, per sentence. */
export interface UnaimedSubjects {
  /** Per sentence, the first word naming the writer or a thing, or a negative number (none, or a person is named). */
  subject: Int32Array;
  /** Per token, whether it names a thing or a pet ("этот дебильный ноутбук", "this ugly troll figurine"). */
  thing: Uint8Array;
}

/**
 * The sentences where a name is given to the writer or to a thing, not to a person: "I'm such an idiot,
 * I left the keys at home", "Es esmu debīla", "какой же я кретин", "šis printeris ir pilnīgs idiots", "наш
 * пёс — настоящий осёл". Nobody else may be in the sentence: no reader, no third person, no name ("I
 * think Jānis is an idiot" is about Jānis), nobody quoted ("I want to report that he called my child
 * 'thick'"). The insult must follow the subject ("b1tch please, I did my part" is aimed at the reader)
 * or stand right before the thing it describes.
 */
export function unaimedSubjects(tokens: readonly Token[]): UnaimedSubjects {
  const subject = new Int32Array(tokens.length ? tokens[tokens.length - 1].sentence + 1 : 0).fill(-1);
  const thing = new Uint8Array(tokens.length);
  tokens.forEach((t, k) => {
    const s = t.sentence;
    if (THING.has(t.key)) thing[k] = 1;
    if (subject[s] === -2) return;
    // "our cat is a fat monster and we love her": him or her after a thing or a pet is that pet.
    if (subject[s] >= 0 && thing[subject[s]] === 1 && LOVED_THIRD.has(t.key)) return;
    if (OTHER_PERSON.has(t.key) || YOUR.has(t.key) || REPORTING.has(t.key) || ((t.flags & F_CAPITALIZED) !== 0 && !SPEAKER.has(t.key) && k > 0 && tokens[k - 1].sentence === s)) subject[s] = -2;
    else if (subject[s] === -1 && (SPEAKER.has(t.key) || thing[k] === 1)) subject[s] = k;
  });
  return { subject, thing };
}

const SPORT = wordSet(ctx.sport);
/** A cheer or a trophy: 💪 🏆 ⚽ 🏐 🏀 🏒 🥇 🏅 ("Let's crush them on Saturday 💪"). */
const CHEER = /[\u{1F4AA}\u{1F3C6}\u26BD\u{1F3D0}\u{1F3C0}\u{1F3D2}\u{1F947}\u{1F3C5}]/u;
const RIVAL = keySet(ctx.rival);

/**
 * The sentences about a match where the threat is aimed at the other side and no reader is named: "we're
 * going to crush them on Saturday", "kapteinis teica „šodien viņus nositīsim”"; every sentence when the
 * message names no reader and names a match or cheers (💪, 🏆). "I'll break your legs after the match"
 * names the reader; "the gym may catch fire if my son is not back in the team" names no rival. Per
 * sentence: whether it qualifies; the threat itself must hold a rival word.
 */
export function sportSentences(tokens: readonly Token[], text: string): Set<number> {
  const sport = new Set<number>();
  const reader = new Set<number>();
  for (const t of tokens) {
    if (SPORT.has(t.key)) sport.add(t.sentence);
    if (READER.has(t.key) || YOUR.has(t.key)) reader.add(t.sentence);
  }
  // "Sestdien mēs viņus iznīcināsim! Treniņš piektdien 17:00": the match one sentence names is what
  // the others are about.
  if ((sport.size > 0 || CHEER.test(text)) && reader.size === 0) for (const t of tokens) sport.add(t.sentence);
  for (const s of reader) sport.delete(s);
  return sport;
}

/** Whether tokens[first..last] name the other side ("them", "viņus", "их"). */
export function namesRival(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) if (RIVAL.has(tokens[k].key)) return true;
  return false;
}

const AFFECTION = wordSet(ctx.affection);
const AFFECTION_VERB = keySet(ctx.affectionVerb);
const LOVED_ONE = keySet(ctx.lovedOne);
/** A heart or a kiss: ❤ ♥ 💓–💟 😘 😚 🥰 🤗. */
const HEART = /[\u2764\u2665\u{1F493}-\u{1F49F}\u{1F618}\u{1F61A}\u{1F970}\u{1F917}]/u;

/**
 * Whether the message is said with affection: "love you", "mīlu tevi", "люблю тебя", a pet name for a
 * friend, a heart. "Ты дура 😂❤️ зачем мне столько шоколадок купила" is friends' banter, not an insult.
 */
export function affectionate(tokens: readonly Token[], text: string): boolean {
  if (HEART.test(text)) return true;
  return tokens.some((t) => AFFECTION.has(t.key)) || lovesBeside(tokens, LOVED_ONE);
}

/** Him, her, them: the one a "love" beside them declares love for, when it is not the reader. */
const LOVED = new Set([...LOVED_ONE, ...LOVED_THIRD]);

/**
 * A heart and a declared love ("love him tho ❤️", "bet es viņu mīlu ❤️"): teasing a brother as a
 * "monster" in such a message is family banter, not mockery.
 */
export function declaresLove(tokens: readonly Token[], text: string): boolean {
  return HEART.test(text) && lovesBeside(tokens, LOVED);
}

const JOKE = wordSet(ctx.joke);
const FAVOUR = wordSet(ctx.favour);
/** A laughing face: 😂 🤣 😄 😆 😅 😁 😜 😝. */
const LAUGHING = /[\u{1F602}\u{1F923}\u{1F604}\u{1F606}\u{1F605}\u{1F601}\u{1F61C}\u{1F61D}]/u;

/**
 * A joke and a favour for the reader, or the mishap it helps with: "you absolute muppet, you left your
 * phone at mine again 😂 I'll bring it tomorrow", "ну ты и дурак 😂 ладно, заходи ко мне", "опять
 * забыл пароль 😂". Friends tease in the words bullies use; what a bully does not write beside them is
 * the laugh and the help together.
 */
export function teasingFavour(tokens: readonly Token[], text: string): boolean {
  return jokes(tokens, text) && tokens.some((t) => FAVOUR.has(t.key));
}

const TRIFLE = wordSet(ctx.trifle);

/**
 * A joke over a trifle: "я тебя убью, если ты опять расскажешь концовку сериала 😂", "es tevi
 * nogalināšu ar savu ābolu pīrāgu 😂". Nobody laughs while threatening over a spoiler or a pie.
 */
export function jokeOverTrifle(tokens: readonly Token[], text: string): boolean {
  return jokes(tokens, text) && tokens.some((t) => TRIFLE.has(t.key));
}

function jokes(tokens: readonly Token[], text: string): boolean {
  return LAUGHING.test(text) || tokens.some((t) => JOKE.has(t.key));
}

/** A verb of love right after or before one of `loved`: "love you", "mīlu tevi", the reversed "es tevi love". */
function lovesBeside(tokens: readonly Token[], loved: ReadonlySet<string>): boolean {
  const at = (k: number): boolean => k >= 0 && k < tokens.length && loved.has(tokens[k].key);
  return tokens.some((t, k) => AFFECTION_VERB.has(t.key) && (at(k + 1) || at(k - 1)));
}

const LAUGHTER = keySet(ctx.laughter);
const CARER = wordSet(ctx.carer);
const DISCOVERY = wordSet(ctx.discovery);

/**
 * The sentences where "you're dead" is a figure of speech: dying of laughter ("būsi miris no
 * smiekliem"), in trouble once a parent finds out ("ты труп, если мама узнает", "you're dead meat
 * when Mum sees the mess"), or a parent "killing" the writer ("mamma mani nositīs").
 */
export function figurativeDeathSentences(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  const carer = new Set<number>();
  const discovery = new Set<number>();
  const writerHit = new Set<number>();
  const reader = new Set<number>();
  tokens.forEach((t, k) => {
    if (WRITER_AS_OBJECT.has(t.key)) writerHit.add(t.sentence);
    if (READER.has(t.key) || YOUR.has(t.key)) reader.add(t.sentence);
    // "всем будет не до смеха": no laughing matter is the threat's own warning.
    if (LAUGHTER.has(t.key) && !negatedWithin(tokens, k, STRICT_NEGATION)) out.add(t.sentence);
    if (CARER.has(t.key)) carer.add(t.sentence);
    // "мама родная не узнает": your own mother will not recognise you is the threat itself.
    if (DISCOVERY.has(t.key) && !negatedWithin(tokens, k, STRICT_NEGATION)) discovery.add(t.sentence);
  });
  // "Если я опять разобью телефон, папа меня прибьет": a parent "killing" the writer, with no reader in
  // the sentence, is the same figure.
  for (const s of carer) if (discovery.has(s) || (writerHit.has(s) && !reader.has(s))) out.add(s);
  return out;
}
const WRITER_AS_OBJECT = keySet(ctx.writerAsObject);

const CHILD_REF = keySet(ctx.childRef);
const HELP_SEEKING = wordSet(ctx.helpSeeking);

/**
 * A parent telling the school what happened to their child and asking for help ("Mana meita saņēma
 * ziņu … Ko darīt?", "my son keeps getting messages … I've saved screenshots"): whatever abuse it
 * quotes or describes is a report for a human, never a reason to bounce it.
 */
export function parentReport(tokens: readonly Token[]): boolean {
  // "your children will get hurt if you report this" is about the reader's child: a threat.
  const ownChild = tokens.some((t, k) => CHILD_REF.has(t.key) && !(k > 0 && YOUR.has(tokens[k - 1].key)));
  return ownChild && tokens.some((t) => HELP_SEEKING.has(t.key));
}

/**
 * Whether the writer speaks of themselves and not to the reader: an "I" (es, я) and no second-person
 * word (you, tevi, твоей). "I've saved up enough pills" does; "If I were you I'd have ended it" and
 * "drink the pills in your mum's cupboard" do not.
 */
export function speaksOfThemselves(tokens: readonly Token[], latin: LatinContext): boolean {
  let speaker = false;
  for (const t of tokens) {
    if (READER.has(t.key) || YOUR.has(t.key)) return false;
    // Latin "i" and "ja" are I and я only in English and in Russian typed in Latin ("vypej vse
    // tabletki i …" is "and"; Latvian "ja" is "if").
    if (t.key === 'i' ? latin === 'en' : t.key === 'ja' ? latin === 'ru-latn' : SPEAKER.has(t.key) || WRITER_OBJECT.has(t.key)) speaker = true;
  }
  return speaker;
}

/** The writer as object or experiencer: "man gribas sevi sagriezt", "мне хочется", "makes me want to". */
const WRITER_OBJECT = keySet(ctx.writerObject);

const YOUR = keySet(ctx.readerPossessive);
