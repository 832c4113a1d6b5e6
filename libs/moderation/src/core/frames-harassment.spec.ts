import { moderate } from './moderate';
import type { Category, Decision } from './types';

/**
 * Frames of data/frames-harassment.json: insults without a dictionary slur, mockery of bodies and
 * looks, exclusion and stalking, photo blackmail, sexual remarks and grooming, urging self-harm, in
 * Latvian, Russian and English. The examples were written for this spec (none is taken from a blind
 * set); each family has innocent look-alikes that share its words and must stay clean.
 */
const verdict = (t: string): { decision: Decision; categories: Category[] } => {
  const { decision, categories } = moderate(t);
  return { decision, categories };
};

function expectFlagged(texts: readonly string[], category: Category): void {
  for (const text of texts) {
    const r = verdict(text);
    expect({ text, flagged: r.decision !== 'allow', has: r.categories.includes(category) }).toEqual({ text, flagged: true, has: true });
  }
}

function expectClean(texts: readonly string[]): void {
  for (const text of texts) expect({ text, ...verdict(text) }).toEqual({ text, decision: 'allow', categories: [] });
}

describe('insults without a dictionary slur', () => {
  it('flags an insulting adjective with an animal or a fool, and a person called one', () => {
    expectFlagged(
      [
        'Our maths teacher is a bitter old toad and everyone knows it.',
        'That lazy, useless cow in the office lost our forms again.',
        'Tu esi īsta cūka, visu apēdi viens pats.',
        'Mūsu treneris ir gļēvulis, baidās no katra vecāka.',
        'Jūsu sekretāre ir slinka, nekompetenta vista.',
        'Ты овца, опять всё забыла.',
        'Наша англичанка — старая жаба.',
        'Этот завуч тупой как пробка, ничего не понимает.',
        'Your brother is as dumb as a brick.',
        'Jūsu ģimene ir apsmiekls visai skolai.',
      ],
      'insult',
    );
  });

  it('leaves farm animals, plays, dinners and fairy tales alone', () => {
    expectClean([
      'In the play you are the old goat and Maija is the wolf.',
      'Šodien zoodārzā redzējām resnu cūku un trīs kazas.',
      'Ты будешь курица или рыба на обед?',
      'В сказке старая жаба жила у пруда.',
      'The farm visit was great: the children fed a fat pig and two sheep.',
      'Tu esi mana mīļā meita, es tevi ļoti mīlu.',
      'Please send the rat from biology class home for the weekend with a volunteer.',
    ]);
  });
});

describe('mockery of bodies and looks', () => {
  it('flags laughing at someone compared to an animal, and mocking eating and weight', () => {
    expectFlagged(
      [
        'Look at how Toms runs, like a hippo 😂',
        'Смотри, как она ходит — как утка, ха-ха',
        'Paskat, resnais atkal rij, drīz uz krēsla nesēdēs.',
        'Ты похож на обезьяну с такими ушами.',
        'Runā normāli, stostiņ, vai klusē.',
      ],
      'harassment',
    );
  });

  it('leaves a PE teacher on bodies, pets and zoo trips alone', () => {
    expectClean([
      'In PE today we talked about how every body is different and why stretching matters.',
      'Our dog eats like a horse lol, the vet says that is fine.',
      'Zoodārzā pingvīns staigāja tik smieklīgi, ha ha, bērni bija sajūsmā.',
      'Sporta skolotāja stāstīja, kā uzturēt veselīgu augumu un stāju.',
    ]);
  });
});

describe('exclusion, stalking and photo blackmail', () => {
  it('flags campaigns against a person, persistent messages and threats to spread a photo', () => {
    expectFlagged(
      [
        'Whoever talks to Marta at the trip is out too.',
        'Visi: neviens ar Pēteri nesēž, skaidrs?',
        'С тобой никто дружить не будет, поняла?',
        'Mēs visi tevi ignorēsim līdz vasarai.',
        'Я буду писать тебе каждую ночь, пока не ответишь.',
        'You will never hide from me.',
        'I will post your photo everywhere unless you give me your lunch money.',
        'Es izplatīšu tavu bildi visiem, tad redzēsi.',
      ],
      'harassment',
    );
  });

  it('leaves a parent worried about exclusion, a teacher reminding and lost-property notices alone', () => {
    expectClean([
      'Labdien, meita stāsta, ka neviens ar viņu nesēž pusdienās. Vai varam parunāt?',
      'Я буду писать родителям, пока все не сдадут деньги на экскурсию.',
      'A towel was found in the changing room, please collect it from reception.',
      'Please share your photos from the concert with everyone in the class chat!',
      'We agreed that nobody brings phones to the exam.',
    ]);
  });
});

describe('sexual remarks and grooming', () => {
  it('flags secrecy with meetings, a secret relationship, age compliments and remarks on staff', () => {
    expectFlagged(
      [
        'You are my favourite pupil. Come to mine after training. Better not tell your parents.',
        'Lai mūsu attiecības paliek noslēpums, labi?',
        'Удали эти сообщения, как только прочитаешь.',
        'Tu esi tik skaista priekš saviem 13 gadiem.',
        'Do your parents look at your phone? I have a special gift for you.',
        'Mazā, tu šodien tik karsta.',
        'Kāds tev ir krūšturīša izmērs?',
        'Физручка такая горячая.',
        'The new coach has a great body.',
        'Who wants a video of Liene changing in the locker room?',
      ],
      'sexual',
    );
  });

  it('leaves a nurse, a surprise for grandma, a shop and a fever alone', () => {
    expectClean([
      'Please send a photo of the rash to the school nurse so she can check it.',
      "Don't tell grandma, it's a surprise! Come to mine on Saturday to wrap the present.",
      'Nesaki vecmāmiņai, tas ir pārsteigums — pie manis sestdien taisīsim dāvanu.',
      'Mazā, tu esi tik karsta — vai tev ir temperatūra?',
      'Please buy a sports bra in the right size for the gymnastics competition.',
      'The biology lesson today was about how the human body grows between 10 and 16 years.',
      'Skolotāj, klasē šodien ir tik karsts, vai varam atvērt logu?',
    ]);
  });
});

describe('urging self-harm without a self-harm word', () => {
  it('flags it directly and indirectly', () => {
    expectFlagged(
      [
        'Why are you even still alive?',
        'Kāpēc tu vispār vēl dzīvo?',
        'Никто не заплачет, если ты исчезнешь.',
        'If you want to die so much, go ahead.',
        'Tavā vietā es jau sen pakārtos.',
        'Ej zem vilciena.',
        'Stop eating altogether, maybe you will finally disappear.',
        'Griez dziļāk nākamreiz.',
        'Проверь, умеешь ли ты летать, крыша открыта.',
      ],
      'self-harm',
    );
  });

  it('leaves medicine, woodwork, travel and joy alone', () => {
    expectClean([
      'Remember to take the whole course of pills the doctor prescribed.',
      'Cut deeper into the board so it snaps cleanly.',
      'Check whether you can fly with this much luggage.',
      'На твоём месте я бы прыгнул от радости!',
      'Kāpēc tu vēl dzīvo pie vecākiem, nevis kopmītnē?',
      'Nobody will cry if you lose the chess game, it is just for fun.',
    ]);
  });
});
