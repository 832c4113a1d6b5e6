import { expectClean, expectDecisions, expectHeld as expectFlagged } from '../../test-support/frame-expectations';
import { moderate } from './moderate';

/**
 * Frames of data/frames-harassment.json: insults without a dictionary slur, mockery of bodies and
 * looks, exclusion and stalking, photo blackmail, sexual remarks and grooming, urging self-harm, in
 * Latvian, Russian and English. The examples were written for this spec (none is taken from a blind
 * set); each family has innocent look-alikes that share its words and must stay clean.
 */

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
        'Ну ты и баран.',
        'Oi, cūka, aizver muti.',
        'You smell like a pig.',
        'Tev ir vistas smadzenes.',
        'Заткнись, жирная корова.',
        'Директриса — бесхребетная тряпка.',
        'Ваш сын — маленький монстр и лжец.',
        'Jūs esat kauns visai skolai.',
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
      'Dear tutor, please excuse my son for missing the maths test yesterday.',
      'Hey baby brother, it\'s hot today, take water.',
        'Bioloģijā tu pētīsi vistas smadzenes.',
        'Ты ешь как птичка, возьми ещё.',
        'Send me the picture you drew, the one with the pig!',
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
        'Tava seja izskatās pēc kartupeļa haha.',
        'У тебя лицо как у бульдога, ахаха.',
        'Tu visiem esi apnicis.',
        'Посмотрите на этого нытика, опять ревёт ахах.',
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
        'Tava seja bildē izskatās tik priecīga, haha!',
        'Look at my dog running like a rabbit, haha!',
        'You look like your dad in this photo!',
        'Look at this little one, crying again because he misses mum. Poor thing.',
        'Ваш сын сегодня был настоящим героем.',
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
        'Тебя тут никто не хочет видеть.',
        'Let\'s all stop talking to Ilze from tomorrow.',
        'Visi atsekojiet Lauru un nobloķējiet viņu.',
        'Es tevi vēroju.',
        'Ja kādam pateiksi, es visiem parādīšu tavas bildes.',
        'Я знаю, на каком автобусе ты ездишь домой каждый день.',
        'Tu no manis nekad netiksi vaļā.',
        'Balsojam, kurš klasē ir visstulbākais.',
        'Не садитесь рядом с Эмилем, от него воняет.',
        'Skat, autists atkal vicina rokas.',
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
        'Nobody likes Mondays, you know.',
        'Let\'s all stop talking now and listen to Martin.',
        'Visi, lūdzu, nobloķējiet šo krāpnieku numuru.',
        'Never mind, I\'ll keep calling the office until someone answers.',
        'If you tell me your email, I\'ll send you the pictures from the trip.',
        'I am watching you play on Saturday, good luck!',
        'Who has photos from the changing room renovation?',
        'Everyone vote: which day is best for the class trip?',
        'Please don\'t sit next to Emils today, he has a cold.',
        'The autistic children will have an extra break today.',
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
        'Tev ir tik seksīga pakaļa.',
        'Хочу тебя потрогать.',
        'Я куплю тебе телефон, только родителям не говори.',
        'скинешь нюдсы?',
        'Ты такая взрослая для своего возраста, давай встретимся вдвоём.',
        'Lai tas paliek starp mums, vecāki tāpat nesapratīs.',
        'I\'ll buy you new sneakers if you send me a pic.',
        'Tev labs dibens.',
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
        'Gribu tevi apskaut, mīļā meitiņ, apsveicu ar dzimšanas dienu!',
        'I\'d like to get in touch with you about the grades.',
        'Don\'t tell your mum I bought you ice cream!',
        'The new teacher is so hot-headed, she shouts a lot.',
        'Izdzēs vecās ziņas, kad izlasi paziņojumu.',
        'You\'re so mature for your age, well done on the presentation!',
        'This stays between us and the class teacher until the results are out.',
        'I\'ll buy you new sneakers if you pass the exam.',
        'Let\'s keep the secret recipe of our friendship cake!',
    ]);
  });
});

describe('disclosures of self-harm', () => {
  it('sends them to a human', () => {
    expectFlagged(
      [
        'Es vairs negribu dzīvot.',
        'Я больше не хочу жить.',
        'I started cutting again last week.',
        'Я для всех только обуза.',
        'Es vairs neredzu jēgu dzīvot.',
        'Visiem būtu labāk bez manis.',
      ],
      'self-harm',
    );
    expect(moderate('I started cutting again last week.').decision).toBe('review');
  });

  it('leaves moving house, a cut finger, polite apologies and homework alone', () => {
    expectClean([
      'I don\'t want to live in the city anymore, we are moving to the countryside.',
      'Я больше не хочу жить в общежитии.',
      'Es atkal sagriezu pirkstu ar nazi, gatavojot salātus.',
      'Atvainojiet, ka visiem tikai traucēju ar jautājumiem.',
      'I don\'t see the point of this homework, can you explain it?',
      'Sāciet bez manis, visiem būs labāk, es kavēšos.',
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
        'Почему бы тебе просто не сдохнуть?',
        'Тебе стоит повеситься.',
        'Nevienam nerūp, vai tu dzīvo vai mirsti.',
        'Do us all a favour and stop breathing.',
        'just go die',
        'Выпей всю бутылку и усни навсегда.',
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
        'My phone died, go ahead and start without me.',
        'Режь глубже по линии сгиба.',
        'Tavā vietā es palūgtu skolotājai palīdzību.',
        'Ej zem tilta un tad pa labi.',
        'Do us all a favour and stop breathing so loudly in the library, haha.',
        'The baby will sleep forever if you keep rocking her like that.',
        'Nobody cares if you live in Riga or Jelgava, the bus is free.',
    ]);
  });
});

describe('a pupil announcing suicide (session 16): ending it tonight, pills saved up, a jump', () => {
  it('holds each for review, never bounces it: the message must reach a human', () => {
    expectDecisions(
      [
        ["I'm going to end it tonight. Goodbye everyone.", 'review'],
        ['Šovakar es visu izbeigšu. Atvadas, paldies par visu.', 'review'],
        ["I've saved up enough pills. Tonight's the night.", 'review'],
        ['Es vairs nevaru. Šovakar izdzeršu visas mammas tabletes.', 'review'],
        ['Rīt nolēkšu no skolas jumta, nevienam tāpat nerūp.', 'review'],
        ['Я больше не могу. Сегодня ночью прыгну с моста.', 'review'],
      ],
      'self-harm',
    );
  });

  it('leaves finishing a series or homework, medicine, a parachute and a diving board alone', () => {
    expectClean([
      "I'm going to end this series tonight, two episodes left!",
      'Šovakar es pabeigšu visu mājasdarbu, tad varēsim iet ārā.',
      'Šovakar izdzeršu visas tabletes pret klepu, kā ārsts teica.',
      'Es iedzeršu tabletes pret galvassāpēm un iešu gulēt.',
      'Rīt izlēkšu ar izpletni no lidmašīnas, tētis uzdāvināja!',
      "I'll jump off the diving board tomorrow at the pool!",
    ]);
  });
});

describe('grooming: a secret from the parents, with a compliment or about the two of you (session 16)', () => {
  it('blocks each', () => {
    expectDecisions(
      [
        ["Don't tell your parents we talk, they wouldn't understand us.", 'block'],
        ['Tu esi tik cute, bet mammai nestāsti, okey? Это наш секрет 😘', 'block'],
        ['Не говори родителям о нашей переписке, это только наш секрет 😘', 'block'],
      ],
      'sexual',
    );
  });

  it('leaves surprises, safety advice, a lost scarf and a friend keeping a secret alone', () => {
    expectClean([
      "Don't tell mum about the party, it's a surprise, sweetie!",
      'Never tell strangers your address, and always talk to your parents.',
      'Tas ir mūsu mazais noslēpums, mīļā klase: rīt skolotājai dzimšanas diena!',
      'Nesaki mammai, ka es pazaudēju viņas skaisto šalli, lūdzu!',
      'Я никому не расскажу твой секрет, честно. Спасибо, что доверилась.',
    ]);
  });

  it('holds a parent quoting such a message for review', () => {
    expectDecisions([["Labvakar, meita raksta, ka treneris viņai sūta ziņas 'tu esi ļoti skaista, bet nestāsti mammai par mūsu sarunām'. Esmu satraukta.", 'review']], 'sexual');
  });
});

describe('threatening to publish where someone lives, or their private messages', () => {
  it('flags "I will post your address / diary / nudes" for everyone to see', () => {
    expectFlagged(["Tell the teacher and I'll share your address and phone number with the whole year.", "I'll post your address online", 'I will leak your nudes to the whole school'], 'harassment');
  });

  it('leaves a class rep sharing a number for a carpool, a refusal to share, and the school office alone', () => {
    expectClean(["If it's OK, I'll share your phone number with the whole group for the carpool.", "I won't share your number with anyone", 'Please send your address to the school office.']);
  });
});

describe('words that only look like a body part or a compliment (session 19)', () => {
  it('leaves "pakaļ" (to fetch) and Pushkin alone', () => {
    expectClean(['Skolotāj, es rīt braukšu pakaļ Elzai uz treniņu, vai viņa var iziet agrāk?', 'Пушкин, «Я вас любил» — учим наизусть к четвергу.']);
  });

  it('still reads the body part and the slang compliment', () => {
    expectFlagged(['Skolotājai ir laba pakaļa', 'Училка сегодня такая пушка'], 'sexual');
  });
});

describe('private things to be posted unless the reader obeys, or for everyone to laugh at (session 19)', () => {
  it('blocks the blackmail and the mockery', () => {
    expectDecisions(
      [
        ['Выложу твою переписку в общий чат, если не сделаешь за меня домашку.', 'block'],
        ['Es ielikšu tavas bildes visur, lai visi smejas', 'block'],
        ['Выложу твой адрес и телефон, пусть все знают, где живёт стукач.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves a friend sharing concert or trip photos, and a parent passing on a number, alone', () => {
    expectClean(['Скину твою фотку с концерта в общий чат, пусть все увидят, какая ты молодец!', 'Если не сможешь прийти, скину твои фото из поездки всем в чат, пусть все увидят', 'Если не получится, перешлю ваш номер классной.']);
  });
});

describe('a video from the shower or the changing room asked of the reader (session 19)', () => {
  it('is blocked as a sexual request', () => {
    expectDecisions([['Esi laba meitene un atsūti video no dušas.', 'block'], ['send me a video from the shower', 'block'], ['Пришли видео из раздевалки после физры.', 'block']], 'sexual');
  });

  it('leaves lost property in the changing room alone', () => {
    expectClean(['Atsūti bildi no ģērbtuves, vai tur ir mans maiss?', 'Send a photo of the changing room lockers, I think I left my bag', 'Пришли фото из раздевалки, я там оставила телефон?']);
  });
});

describe('"nobody will cry if you don\'t wake up" (session 19)', () => {
  it('is urging, as "if you died" is', () => {
    expectDecisions([['Никто не заплачет, если ты завтра не проснёшься.', 'block'], ["Nobody will cry if you don't wake up tomorrow.", 'block']], 'self-harm');
  });

  it('leaves a cancelled first lesson alone', () => {
    expectClean(["Nobody will notice if you don't wake up for the first lesson, it's cancelled.", 'Nobody will notice if you wake up late tomorrow.']);
  });
});

describe('moving a chat to an app where messages vanish or nobody reads them (session 19)', () => {
  it('is held as grooming', () => {
    expectFlagged(['Давай перейдём в Snapchat, там сообщения исчезают, так спокойнее 😉', "Add me on Kik, your parents won't be checking it.", 'Varbūt sarakstāmies Telegramā? Tur ziņas pazūd.'], 'sexual');
  });

  it('leaves the class group, a story and a missed message alone', () => {
    expectClean(["Let's move to WhatsApp, the school chat is too noisy.", 'Did you see the Snapchat story from the trip?', 'Check the WhatsApp group for the timetable.', "I didn't see the WhatsApp message, sorry"]);
  });
});

describe('"I\'ll help you undress" (session 19)', () => {
  it('is held as a sexual approach', () => {
    expectFlagged(['Pēc treniņa paliec ģērbtuvē, es palīdzēšu tev pārģērbties.', 'Останься после тренировки, я помогу тебе переодеться.'], 'sexual');
  });

  it('leaves a child asking for help and a parent after an operation alone', () => {
    expectClean(['Can you help me get changed for the play?', 'Mamma, es palīdzēšu tev pārģērbties pēc operācijas.']);
  });
});
