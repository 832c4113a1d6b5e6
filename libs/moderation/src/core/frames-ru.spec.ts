import { expectClean, expectDecisions as expectFlagged, expectHeld } from '../../test-support/frame-expectations';

/**
 * Russian frames of data/frames-ru.json: word classes (violent perfective verbs in every Hunspell form,
 * ordinary nouns used as insults, nicknames about looks and poverty, group nouns and dehumanising
 * predicates) joined by grammar rather than fixed sentences. Every example was written for this spec
 * (none is taken from a blind or training set); each family has innocent look-alikes sharing its words.
 */

describe('violent perfective verbs in the first or third person', () => {
  it('blocks threats built from any form of a violent verb', () => {
    expectFlagged(
      [
        ['Я вас всех покалечу, если ещё раз тронете мой рюкзак.', 'block'],
        ['Ещё раз подойдёшь к моему брату — изуродую.', 'block'],
        ['После физры мы его отдубасим.', 'block'],
        ['Тебя пацаны зароют за гаражами.', 'block'],
        ['Таких, как ты, потом в канаве находят. Найдут и тебя в канаве.', 'block'],
        ['Физрука надо придушить, честное слово.', 'block'],
        ['Я тебе руку сломаю, понял?', 'block'],
      ],
      'threat',
    );
  });
  it('leaves insects, games, sport and homework alone', () => {
    expectClean([
      'Я прибью этого комара, он весь вечер жужжит.',
      'В финале мы их уничтожим, тренер уверен в команде.',
      'Ты сломаешь голову над этой задачей по геометрии.',
      'Я сломала ногу на физре, справку принесу в понедельник.',
      'Мы закопаем капсулу времени во дворе школы.',
    ]);
  });
});

describe('consequences and veiled threats', () => {
  it('flags "you will regret", "you will not live" and "while you are in one piece"', () => {
    expectHeld(
      [
        'Ты у меня ещё наплачешься.',
        'Тебе не жить после такого.',
        'Забирай документы и переводись, пока цел.',
        'Если пожалуешься классной, останешься без зубов.',
        'Кто-то завтра получит по шее, и это будешь ты.',
        'Я бы на твоём месте в понедельник в школу не приходил.',
        'Смотри в оба, когда пойдёшь вечером через парк.',
        'Хочешь, чтобы тебе нос разбили?',
      ],
      'threat',
    );
  });
  it('leaves excursions, weather and road safety alone', () => {
    expectClean([
      'Пожалеешь, если не пойдёшь на концерт хора — будет здорово!',
      'Смотри по сторонам, когда переходишь дорогу у школы.',
      'Берегись гололёда у входа, ступеньки скользкие.',
      'На твоём месте я бы завтра не приходил, у тебя же температура и кашель.',
    ]);
  });
});

describe('insults made of ordinary words', () => {
  it('flags animals, objects and worthless-person nouns aimed at someone', () => {
    expectHeld(
      [
        'Слышь, овца, подвинься.',
        'Ну ты и валенок.',
        'Тупое полено, опять мяч упустил.',
        'Какой же ты олух.',
        'Ваш ребёнок — ленивый дармоед.',
        'Ты полное ничтожество.',
        'У тебя вообще мозгов нет.',
      ],
      'insult',
    );
  });
  it('leaves farms, menus, stage roles and dictionary talk alone', () => {
    expectClean([
      'Курица, рис и салат — меню на пятницу.',
      'Ты курица или рыба будешь на обед?',
      'На ферме у бабушки корова и две овцы.',
      'Старый пень у забора мы выкорчуем весной.',
      'В спектакле ты будешь бараном, костюм сошьём.',
    ]);
  });
});

describe('harassment about looks, disability, poverty and family', () => {
  it('reviews nicknames and mockery', () => {
    expectHeld(
      [
        'Эй, коротышка, достань мне до полки, ха.',
        'Гляньте на его нос 😂 как у слона.',
        'Твоя мамка алкашка, все в классе знают.',
        'Ты опять в обносках, нищеброд?',
        'Выложу твою переписку в общий чат, пусть все поржут.',
        'Тебя никто не любит, даже учителя.',
        'С такими ушами только в цирке выступать.',
        'Тебя мать родила по ошибке.',
      ],
      'harassment',
    );
  });
  it('leaves charity collections and help requests alone', () => {
    expectClean([
      'Собираем обноски и вещи из секонда на благотворительную ярмарку.',
      'Моя мама работает уборщицей, можно ей прийти на собрание после смены?',
      'Скиньте фото с экскурсии в общий чат класса, пожалуйста.',
      'Тебя никто не ждёт, урок отменили, можешь идти домой.',
      'Ты страшная в этом костюме на Хэллоуин!',
    ]);
  });
});

describe('sexual remarks and photo requests', () => {
  it('flags body remarks, a photo without clothes and a night with someone', () => {
    expectHeld(
      [
        'Какие у тебя ляжки в этих шортах, ммм.',
        'Пришли фоточку без лифчика, никто не узнает.',
        'Сколько стоит ночь с тобой?',
        'Новая практикантка такая сексуальная.',
        'Садись ко мне на коленки, поговорим об оценке.',
        'Ты сегодня такая аппетитная.',
        'Надень завтра юбочку покороче, мне понравится.',
        'Ты бы классно смотрелась без белья.',
      ],
      'sexual',
    );
  });
  it('leaves clothes shops, doctors and furniture alone', () => {
    expectClean([
      'У тебя такие ножки у стула шатаются, почини.',
      'Врач сказал, что у неё грудь болит из-за простуды.',
      'Сфоткай себя в купальнике из нашего магазина для размера, пожалуйста.',
      'Ты горячая, у тебя температура? Иди к врачу.',
      'Надень шорты покороче, завтра будет жара.',
      'Какой размер лифчика купить в магазине к купальнику?',
    ]);
  });
});

describe('urging self-harm', () => {
  it('blocks imperatives and wishes', () => {
    expectFlagged(
      [
        ['Утопись уже, всем легче станет.', 'block'],
        ['Тебе лучше повеситься, честно.', 'block'],
        ['Наглотайся таблеток и не мешай.', 'block'],
        ['Лучше бы ты вообще не родился.', 'block'],
      ],
      'self-harm',
    );
  });
  it('leaves idioms, pictures and medicine alone', () => {
    expectClean([
      'Повесь картину над доской, пожалуйста.',
      'Выпей таблетки от температуры, как врач сказал.',
      'Смешно, хоть умри 😂 кто скинет домашку?',
    ]);
  });
});

describe('hate against groups', () => {
  it('blocks dehumanising generalisations and expulsion', () => {
    expectFlagged(
      [
        ['Таджики — паразиты, все до одного.', 'block'],
        ['Цыган надо выгнать из нашего района.', 'block'],
        ['Чтоб они все передохли, эти понаехавшие.', 'block'],
        ['Геи — это болезнь.', 'block'],
        ['Армянам у нас в классе не рады.', 'block'],
        ['Пусть эти мигранты катятся отсюда.', 'block'],
      ],
      'hate',
    );
  });
  it('leaves history lessons and anti-racism talk alone', () => {
    expectClean([
      'На уроке истории говорили, как нацисты называли евреев паразитами в своей пропаганде.',
      'Стереотип, что латыши всегда медленные, — это предрассудок.',
      'Экскурсия закончилась, дети пусть едут обратно на автобусе в шесть.',
      'Пусть литовцы едут обратно поездом, а мы автобусом.',
      'Учебник латышского языка для русских школ.',
    ]);
  });
});

describe('modal and impersonal violence', () => {
  it('blocks "such people should be crushed", "the teacher ought to be drowned", "your days are numbered"', () => {
    expectFlagged(
      [
        ['Таких, как он, надо душить ещё в школе.', 'block'],
        ['Химичку бы отравить, честное слово.', 'block'],
        ['Считай, что дни твои сочтены.', 'block'],
        ['Мы из тебя отбивную сделаем.', 'block'],
        ['Тебе осталось жить неделю.', 'block'],
      ],
      'threat',
    );
  });
  it('leaves pests, stoves and holidays alone', () => {
    expectClean([
      'Клопов надо травить специальным средством, звоните в санэпидемстанцию.',
      'На даче надо топить печь, там холодно.',
      'Тебе недолго осталось ждать лета!',
      'Сделаем отбивную на ужин, купи мясо.',
    ]);
  });
});

describe('first-person disclosures go to review, never block', () => {
  it('reviews "I want to die" and "easier not to wake up"', () => {
    expectFlagged(
      [
        ['Хочется просто исчезнуть, никто не заметит.', 'review'],
        ['Иногда кажется, что легче было бы вообще не проснуться.', 'review'],
      ],
      'self-harm',
    );
  });
  it('leaves tiredness, laughter and sleepy Saturdays alone', () => {
    expectClean(['Хочу уснуть прямо на лекции, так скучно.', 'Лучше бы я не просыпалась в субботу так рано.', 'Я больше не выдержу эту жару, включите кондиционер.']);
  });
});

describe('Russian typed in Latin letters', () => {
  it('reads soft signs and -tsja as the transliteration does', () => {
    expectHeld(['vas vseh nado perestreljatj', 'ty u menja eshche poplatishsja'], 'threat');
    expectHeld(['idi udavisj uzhe'], 'self-harm');
  });
});

describe('reported speech is never blocked', () => {
  it('holds a parent quoting a threat or a self-harm urge for review', () => {
    expectFlagged([['Мой сын рассказал, что одноклассник написал ему: «я тебя покалечу». Что делать?', 'review']], 'threat');
    expectFlagged([['Дочь говорит, что ей написали «утопись». Помогите, пожалуйста.', 'review']], 'self-harm');
  });
});
