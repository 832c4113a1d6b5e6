import { expectClean, expectDecisions as expectFlagged } from '../../test-support/frame-expectations';
import { moderate } from './moderate';
import { BUILTIN_FRAMES, FrameMatcher } from './frames';
import { tokenize } from './tokenizer';

/**
 * Issue 15, meaning without abusive words: grooming, threats to property, urging self-harm, exclusion
 * campaigns, hate phrased as policy and veiled threats, in Latvian, Russian and English. The examples
 * were written for this spec (not taken from any blind set); each family has hard negatives that
 * share its words and must stay clean.
 */

describe('grooming: secrecy from parents with a photo, a compliment on maturity or a private channel', () => {
  it('blocks the combination, also spread over two or three short sentences', () => {
    expectFlagged(
      [
        ["You're really grown up for 12. Don't tell your mum we talk. Send me a pic tonight.", 'block'],
        ['Tu esi tik pieaugusi saviem gadiem. Nesaki mammai par mūsu sarunām, atsūti bildi.', 'block'],
        ['Ты такая взрослая для своих лет. Родителям не говори, скинь фотку.', 'block'],
        ['Удали нашу переписку, маме не показывай.', 'block'],
        ['Sotri nashu perepisku, roditeli ne pojmut.', 'block'],
        ['Nerādi vecākiem mūsu sarakstu. Labāk pārejam uz Telegram.', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks "do your parents read your chats? talk on snapchat"', () => {
    expectFlagged([['do your parents read your messages? lets talk on snapchat instead', 'block']], 'sexual');
  });

  it('leaves surprises, trip photos and praise for a pupil alone', () => {
    expectClean([
      "Don't tell your parents yet, it's a surprise for Mother's Day! Send me a photo of your drawing.",
      'Please send photos from the trip and tell your parents about the meeting.',
      'Lūdzu, atsūtiet bildes no ekskursijas un pastāstiet vecākiem par sapulci.',
      'Jānis is very mature for his age.',
      'Неделю не говори маме про подарок, а фото открытки пришли мне.',
    ]);
  });
});

describe('threats against property', () => {
  it('blocks intended damage and veiled "a pity if" warnings', () => {
    expectFlagged(
      [
        ['Your car will burn tonight, I promise.', 'block'],
        ["I'll smash every window in your house.", 'block'],
        ['Es tev sadedzināšu mašīnu.', 'block'],
        ['Я сожгу твою машину.', 'block'],
        ['Твоя тачка скоро сгорит.', 'block'],
        ['Будет жалко, если у вашей машины окажутся проколоты шины.', 'block'],
        ['Būtu žēl, ja tavam velosipēdam kāds sagrieztu riepas.', 'block'],
        ['Shame if your bike tyres got slashed, right?', 'block'],
      ],
      'threat',
    );
  });

  it('blocks "could accidentally catch fire" after a condition', () => {
    expectFlagged([['Ja neatbildēsiet, jūsu garāža var nejauši aizdegties.', 'block']], 'threat');
  });

  it('leaves fuel, reported damage and fire safety alone', () => {
    expectClean([
      'The car will burn more fuel on the motorway.',
      'Your car will burn a lot of fuel in winter.',
      'Tava mašīna degs vairāk degvielas ziemā.',
      'My car was scratched yesterday, did anyone see who did it?',
    ]);
  });
});

describe('urging self-harm', () => {
  it('blocks "disappear forever", "kill yourself" forms and "buy a blade"', () => {
    expectFlagged(
      [
        ['Do us all a favour and disappear forever.', 'block'],
        ['Just disappear forever, nobody will notice.', 'block'],
        ['Pazūdi uz visiem laikiem, nevienam tevi nevajag.', 'block'],
        ['Исчезни навсегда, всем будет легче.', 'block'],
        ['Сделай всем одолжение — испарись.', 'block'],
        ['Nogalinies, tu nevienam neesi vajadzīgs.', 'block'],
        ['Покончи с собой уже.', 'block'],
        ['Иди сдохни.', 'block'],
        ['Купи верёвку и не мучай нас.', 'block'],
        ['Nopērc žileti un beidz sūdzēties.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks "everyone would be better without you"', () => {
    expectFlagged(
      [
        ['The world would be better without you.', 'block'],
        ['Всем было бы лучше без тебя.', 'block'],
        ['Visiem būtu labāk bez tevis.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves magic shows, stories and plastic alone', () => {
    expectClean([
      'Watch the magician make the rabbit disappear forever!',
      'At the magic show the coin will disappear.',
      'Burvju šovā trusis pazūd uz visiem laikiem.',
      'Фокусник сказал монете: исчезни навсегда!',
      'The world would be better without plastic.',
      'Nopērc maizi un pienu, lūdzu.',
    ]);
  });
});

describe('exclusion and harassment campaigns', () => {
  it('holds calls to shut someone out for review', () => {
    expectFlagged(
      [
        ['Nobody play with her at break.', 'review'],
        ["Let's all ignore him tomorrow.", 'review'],
        ['Visi ignorējiet viņu, lai sēž viens.', 'review'],
        ['Давайте все игнорить его.', 'review'],
        ['Не дружите с ней, она странная.', 'review'],
        ['Neviens nespēlējieties ar viņu!', 'review'],
        ['Kick her out of the group chat, everyone.', 'review'],
        ['Объявляем ему бойкот.', 'review'],
        ['Nobody wants him on the team.', 'review'],
      ],
      'harassment',
    );
  });

  it('leaves fire, inclusion and not ignoring someone alone', () => {
    expectClean([
      'Nobody play with fire, please, the candles are lit.',
      "Let's all invite her to the party!",
      'Everyone, play with the new girl, she is lonely.',
      "Let's not ignore him, he needs friends.",
      'Nobody talks to him about it yet, the director will call.',
      "Don't sit next to him today, he has the flu.",
      'Vēstures stundā runājām par Indijas boikotu britu precēm.',
    ]);
  });
});

describe('hate phrased as policy', () => {
  it('blocks expulsion and isolation demanded for "them" or "such people"', () => {
    expectFlagged(
      [
        ['They should not be allowed to live here.', 'block'],
        ['Deport all of them.', 'block'],
        ['Such people should be isolated from normal society.', 'block'],
        ['Tādus vajag izolēt no sabiedrības.', 'block'],
        ['Izsūtīt viņus visus!', 'block'],
        ['Таких надо изолировать.', 'block'],
        ['Выслать их всех.', 'block'],
        ['Viņiem nedrīkst ļaut dzīvot Latvijā.', 'block'],
        ['Им нельзя позволять жить здесь.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves history lessons, quarantine and lab work alone', () => {
    expectClean([
      'In 1941 and 1949 the Soviet authorities deported tens of thousands of Latvians; all of them were sent to Siberia.',
      'Vēstures stundā runājām par 1941. un 1949. gada deportācijām: viņus visus izsūtīja uz Sibīriju.',
      'На уроке истории обсуждали депортации 1941 и 1949 годов: их всех выслали в Сибирь.',
      'Children with chickenpox should be isolated at home until the rash is gone.',
      'Bērni ar vējbakām jāizolē mājās. Tādus vajag izolēt līdz atveseļošanās brīdim.',
      'Детей с ветрянкой надо изолировать дома.',
      'In biology we learned to isolate bacteria; such cultures should be isolated in a dish.',
      'Pets are not allowed to live here.',
    ]);
  });
});

describe('veiled threats', () => {
  it('"I know where you live" in each language, however spelt', () => {
    expectFlagged(
      [
        ['I know where you live.', 'block'],
        ['i knw where u sleep', 'block'],
        ['Я знаю, где ты живёшь.', 'block'],
        ['Es zinu, kur tu dzīvo.', 'block'],
      ],
      'threat',
    );
  });

  it('waiting for someone with a menacing cue is held or blocked; a plain meeting stays clean', () => {
    expectFlagged(
      [
        ["I'll be waiting for you after school. Come alone.", 'review'],
        ["I'll be waiting for you behind the gym.", 'block'],
        ['Я тебя встречу после уроков. Поговорим по-другому.', 'block'],
      ],
      'threat',
    );
    expectClean([
      'I will wait for you after school at the gate, mum.',
      'Es tevi pagaidīšu pēc stundām pie vārtiem.',
      'Я подожду тебя после уроков у школы.',
      'I know where you live is on the form.',
      'Field "I know where you live" is on the form, tick it.',
    ]);
  });
});

describe('violence at the body in English, and forms the lists lacked', () => {
  it('blocks them', () => {
    expectFlagged(
      [
        ["Touch my bag again and I'll snap every finger you have.", 'block'],
        ["I'm gonna smash your teeth in.", 'block'],
        ['Es tevi nosmacēšu ar spilvenu.', 'block'],
        ['Передай ему, что ему переломают пальцы.', 'block'],
      ],
      'threat',
    );
    expectFlagged([['Мигрантам в нашей школе не место.', 'block']], 'hate');
  });

  it('leaves one\'s own body, dolls and phones alone', () => {
    expectClean([
      "I'm going to break my arm on this trampoline lol",
      'The doll is old, I will break its arms if I pull.',
      'Телефонам не место на уроке.',
    ]);
  });
});

describe('reported speech and negation', () => {
  it('a parent reporting one of these reaches review, never a block', () => {
    for (const text of [
      'My daughter says the coach wrote to her: "don\'t tell your parents, send me a pic".',
      'Dēls stāstīja, ka viņam rakstīja: "pazūdi uz visiem laikiem".',
      'Сын сказал, что ему написали «я сожгу твою машину».',
    ]) {
      expect({ text, decision: moderate(text).decision }).toEqual({ text, decision: 'review' });
    }
  });

  it('a negated threat or exclusion is clean', () => {
    expectClean(['Nobody will burn your car, we have cameras now.', 'I would never smash your windows.', 'Es tev nesadedzināšu mašīnu, nomierinies.']);
  });
});

describe('frames spread over sentences', () => {
  const file = {
    features: { secret: ['secret'], photo: ['photo'] },
    frames: [{ lang: 'en' as const, cat: 'sexual' as const, sev: 3 as const, term: 'secret photo', all: ['secret', 'photo'], window: 20, sentences: 2 }],
  };

  function hits(text: string): number {
    const out: { first: number; last: number }[] = [];
    new FrameMatcher(file).match(tokenize(text), text, new Set(['not']), out as never);
    return out.length;
  }

  it('joins elements in consecutive sentences, up to the limit and not beyond', () => {
    expect(hits('Our secret. Send a photo.')).toBe(1);
    expect(hits('Our secret. Hello. Send a photo.')).toBe(0);
    expect(hits('Send a photo.')).toBe(0);
  });

  it('refuses spreads beyond three sentences and windows beyond the spread limit', () => {
    expect(() => new FrameMatcher({ ...file, frames: [{ ...file.frames[0], sentences: 4 }] })).toThrow(/sentences/);
    expect(() => new FrameMatcher({ ...file, frames: [{ ...file.frames[0], window: 41 }] })).toThrow(/window/);
    expect(() => new FrameMatcher({ ...file, frames: [{ ...file.frames[0], sentences: 1, window: 20 }] })).toThrow(/window/);
  });

  it('the built-in frames compile', () => {
    expect(new FrameMatcher(BUILTIN_FRAMES).frames.length).toBe(BUILTIN_FRAMES.frames.length);
  });
});

describe('a cancelling word in the next sentence (noneNext)', () => {
  const frame = { lang: 'en' as const, cat: 'threat' as const, sev: 2 as const, term: 'know where you live', all: ['know', 'live'], window: 5 };
  const features = { know: ['know'], live: ['live'], together: ['together'] };

  function hits(text: string, extra: Record<string, unknown>): number {
    const out: { first: number; last: number }[] = [];
    new FrameMatcher({ features, frames: [{ ...frame, ...extra }] }).match(tokenize(text), text, new Set(['not']), out as never);
    return out.length;
  }

  it('cancels from the sentence after the match, within twelve words, and only with noneNext', () => {
    expect(hits('I know where you live! Shall we walk together?', { noneNext: ['together'] })).toBe(0);
    expect(hits('I know where you live! Shall we walk together?', { none: ['together'] })).toBe(1);
    expect(hits('I know where you live! Tonight, after the match, in the dark, we walk together.', { noneNext: ['together'] })).toBe(0);
    expect(hits('I know where you live! Tonight, after the match, in the dark, by the old mill, with my brothers, we walk together.', { noneNext: ['together'] })).toBe(1);
    expect(hits('I know where you live! See you.', { noneNext: ['together'] })).toBe(1);
  });
});

describe('words spelled with a doubled letter', () => {
  // Neither key ("kis", "bos") has classes of its own, so their plain readings share one empty array.
  const matcher = new FrameMatcher({ features: { kissed: ['kiss'], bossed: ['boss'], plain: ['but'] }, frames: [] });
  const names = (key: string, counts?: number[]): string[] => matcher.featuresOf(key, counts).map((id) => matcher.featureName(id));

  it('hold their own classes only when the letters are doubled, each word its own, however often asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(names('kis', [1, 1, 2])).toEqual(['kissed']);
      expect(names('bos', [1, 1, 2])).toEqual(['bossed']);
      expect(names('kis', [1, 1, 1])).toEqual([]);
      expect(names('bos', [1, 1, 3])).toEqual(['bossed']);
      // A reading of a word (no counts) may be either spelling.
      expect(names('bos')).toEqual(['bossed']);
      expect(names('but', [1, 1, 1])).toEqual(['plain']);
      expect(names('but', [1, 1, 2])).toEqual(['plain']);
    }
  });
});
