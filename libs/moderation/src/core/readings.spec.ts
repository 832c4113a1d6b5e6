import { expectClean, expectDecisions, expectHeld, verdict } from '../../test-support/frame-expectations';

/**
 * Sentence readings that cancel a match (moderate.ts SentenceReadings, context.ts): an insult the
 * writer aims at themselves or says with affection, "you're dead" as a figure of speech, a character
 * in a film or a book speaking, a safety talk about someone hypothetical. Each with the abusive
 * neighbour it must not excuse.
 */

describe('an insult the writer aims at themselves', () => {
  it('is not an insult', () => {
    expectClean([
      "I'm such an idiot, I left my PE kit on the bus again.",
      'Es esmu tāds idiots, aizmirsu pildspalvu mājās.',
      'Какой же я идиот, перепутал расписание.',
      'kāda es aitasgalva, aizmirsu burtnīcu mājās',
    ]);
  });

  it('still counts when the reader, someone else or a quoted remark is the target', () => {
    expectHeld(["I think you're an idiot.", 'Es domāju, ka viņš ir idiots.', 'Я знаю, что ты идиот.'], 'insult');
    expectHeld(['I want to tell you that the boys called my son an idiot again.'], 'insult');
    // The writer is mentioned after the insult, not as its subject.
    expectHeld(['Idiots, I told you twice already!'], 'insult');
  });
});

describe('a name given to a thing or a pet', () => {
  it('is not an insult', () => {
    expectClean(['Šis printeris ir pilnīgs idiots, atkal iestrēga papīrs.', 'Этот дебильный ноутбук опять завис.', 'Наш пёс — настоящий осёл, съел мою тетрадь.']);
  });

  it('still counts when a person is addressed beside the thing', () => {
    expectHeld(['Debīls, atdod manu telefonu!', 'Mans suns ir gudrāks par tevi.'], 'insult');
  });

  it('reads a remark on a pet’s body as no harassment, and the writer pestering as harassment', () => {
    expectClean(['Mūsu kaķis ir tāds resns, bet mīlīgs 🐱']);
    expectHeld(['Kāpēc tu neatbildi?? Es rakstīšu tik ilgi, kamēr atbildēsi.'], 'harassment');
  });
});

describe('an insult said with affection', () => {
  it('is friends’ banter', () => {
    expectClean(['Ты дурёха 😂❤️ опять забыла зонт, я принесу.', "You muppet 😂 you left your phone at mine, love you!", 'Haha tu esi tāds clown, bet es tevi love 😂']);
  });

  it('does not excuse a threat or a sexual remark with a heart', () => {
    expectDecisions([['Es tevi nogalināšu ❤️', 'block']], 'threat');
  });
});

describe('mild teasing of someone the writer declares love for', () => {
  it('is banter beside a heart and "love him"', () => {
    expectClean(['My little sister is such a monster lol, took my charger again. love her tho ❤️']);
  });

  it('still counts without the declared love', () => {
    expectHeld(['My little sister is such a monster lol, took my charger again.', 'Look at him, he looks like a boiled sausage lol ❤️'], 'harassment');
  });
});

describe('"you are dead" as a figure of speech', () => {
  it('is clean beside dying of laughter or a parent finding out', () => {
    expectClean(['Tu būsi beigts no smiekliem, kad redzēsi manu zīmējumu 😂', 'Ты труп, если мама увидит, что мы разбили вазу 😅']);
  });

  it('is clean when the strangling is done with love', () => {
    expectClean(['Es viņu nožņaugšu ar mīlestību, atkal lasīja visu nakti 😄', 'Я тебя задушу с любовью, моя соня!']);
  });

  it('stays a threat otherwise, and when the parent will not recognise you', () => {
    expectDecisions(
      [
        ['Ты труп после уроков.', 'block'],
        ['Я тебя так отделаю, что мама родная не узнает.', 'block'],
      ],
      'threat',
    );
  });
});

describe('a threat to the other side in a match', () => {
  it('is sport talk', () => {
    expectClean(['The coach says we are going to crush them in the final on Saturday!']);
  });

  it('stays a threat when aimed at the reader or at the school', () => {
    expectDecisions(
      [
        ['Pēc futbola mača es tevi piekaušu.', 'block'],
        ['После матча я тебя изобью.', 'block'],
      ],
      'threat',
    );
  });
});

describe('a film or a book speaking', () => {
  it('quotes a character, not the writer', () => {
    expectClean(['В фильме злодей говорит «я тебя найду», и сын теперь это повторяет. Как объяснить?']);
  });

  it('still reviews a parent reporting what was written to their child', () => {
    expectHeld(['Manam dēlam zem video raksta "tu esi idiots". Lūdzu palīdziet.'], 'insult');
  });
});

describe('a safety talk about someone hypothetical', () => {
  it('reads "кто-то" as one word and "if" four words before "someone"', () => {
    expectClean(['Если вдруг на улице кто-то угрожает выбить тебе зубы, отдай телефон и беги к взрослым.']);
  });

  it('reads a quotation after "if someone writes" as the hypothetical person speaking', () => {
    expectClean(['Ko darīt, ja kāds tev raksta "es zinu, kur tu dzīvo"? Pastāsti pieaugušajam.']);
  });

  it('keeps a threat quoted whole, "if" included, as a report', () => {
    expectHeld(['Mana meita saņēma ziņu: "ja kādam pastāstīsi, es tevi piekaušu". Lūdzu palīdziet.'], 'threat');
  });

  it('reads "nobody\'s" as a negation', () => {
    expectClean(["Nobody's going to beat you up, the head spoke to those boys."]);
  });
});

describe('what someone heard others say', () => {
  it('is reported, and a class number does not end the sentence', () => {
    // "9. klases" is an ordinal: the threat after it still stands in the sentence "dzirdēju" opens.
    expectDecisions([['Dzirdēju, ka 9. klases puiši runā, ka atnesīs uz skolu nazi. Lūdzu, pārbaudiet.', 'review']], 'threat');
    expectDecisions([['I heard the boys in 8B saying they will stab him after school.', 'review']], 'threat');
  });

  it('is reported in Russian typed in Latin letters, and a posted address of "ours" is the writer\'s fear', () => {
    expectDecisions([['ja boyus, Artem govorit chto prinesjot v shkolu nozh.', 'review']], 'threat');
    expectClean(['Кто-то выложил наш домашний адрес с подписью «ждите гостей». Что нам делать?']);
  });

  it('still blocks the threat written in the first person', () => {
    expectDecisions([['Es rīt atnesīšu uz skolu nazi un parādīšu tev.', 'block']], 'threat');
  });
});

describe('a third person "killing" the writer and the class', () => {
  it('is a complaint about tests, not a threat', () => {
    expectClean(['Skolotāja mūs visus nogalinās ar šiem kontroldarbiem 😭']);
  });
});

describe('a quoted remark the message calls wrong', () => {
  it('is mentioned, in a lesson or a report', () => {
    expectClean([
      "Vārdu 'nēģeris' mūsdienās uzskata par aizvainojošu, tāpēc to nelietojam.",
      "Skolotāja teica, ka 'tu esi muļķis' ir aizskarošs izteiciens.",
      'Учительница зачитала, что пишут буллеры: «ты урод, никто с тобой не дружит», и объяснила, почему это травля.',
      'He called my son "a fat pig" in front of everyone, which is completely unacceptable.',
    ]);
  });

  it('still counts when the judgement is denied or the remark is not quoted', () => {
    expectHeld(["'Tu esi muļķis' — tas nav aizskaroši, tā ir patiesība."], 'insult');
    expectHeld(['Tu esi muļķis, un man vienalga, ka tas ir aizskaroši.'], 'insult');
  });

  it('reads a generalisation or a prejudice named as such as mentioned', () => {
    expectClean(["Kāpēc daži saka, ka 'visi krievi ir okupanti'? Skolotāja paskaidroja, ka tā ir nepareiza vispārināšana."]);
  });

  it('counts a judgement of fine denied as condemning, and a judgement of fine as not', () => {
    expectClean(['Skolotāja teica, ka vārds "idiots" nav pieņemams, ja to saka kādam.']);
    expectHeld(["'Tu esi idiots' — tas ir pilnīgi pieņemami, jo tā ir taisnība."], 'insult');
  });
});

describe('him or her after a pet', () => {
  it('is the pet', () => {
    expectClean(['Our cat is a fat little monster and we love her 😂']);
  });

  it('does not excuse a remark about a person', () => {
    expectHeld(['Look at her, a fat little monster 😂'], 'harassment');
  });
});

describe('a threat in a tournament or a hug', () => {
  it('is play or affection', () => {
    expectClean(['Я тебя порву на шахматном турнире, готовься! ♟️😄', 'Задушу тебя в объятиях, когда вернёшься из лагеря! 🤗']);
  });

  it('still counts outside the game', () => {
    expectDecisions([['Я тебя порву после уроков, готовься.', 'block']], 'threat');
  });
});

describe('memes that show a group as something', () => {
  it('are reported, never bounced', () => {
    expectDecisions([['Memes showing Muslims as terrorists are being shared in the class WhatsApp group. This needs to stop.', 'review']], 'hate');
  });
});

describe('a sheep-head aimed at the reader in another language', () => {
  it('is an insult', () => {
    expectHeld(['Ну ты и aitasgalva, опять всё перепутал'], 'insult');
  });
});

describe('advice not to answer a quoted message, and a safety lesson about a stranger', () => {
  it('is support, not abuse', () => {
    expectClean([
      'Психолог на классном часе: если в сети пишут «убей себя» — не отвечай, делай скрин и сразу к взрослым.',
      'Урок ОБЖ: что делать, если на улице к тебе подходит незнакомец с ножом.',
    ]);
  });
});

describe('a parent asking the school to act on what their child was told', () => {
  it('goes to review, never bounces', () => {
    expectDecisions(
      [
        ['Manam dēlam kā ebrejam klasē saka, ka viņa ģimene ir žurkas. Lūdzu rīkoties.', 'review'],
        ['Mūsu meitai kā romu meitenei saka, ka viņas tauta ir zagļi un parazīti. Lūdzu izskatīt.', 'review'],
      ],
      'hate',
    );
    expectDecisions([['My son is being pushed by older girls to stop eating until he is thin enough. Please intervene.', 'review']], 'self-harm');
  });

  it('still blocks the same words sent to the child', () => {
    expectHeld(['Visi ebreji ir žurkas, tev te nav vietas.'], 'hate');
  });
});

describe('slurs for peoples and "subhumans"', () => {
  it('is hate in every language', () => {
    expectHeld(['ты кацап', 'эти чучмеки опять тут', 'все недочеловеки одинаковые', 'свинособаки', 'visi tie krieveļi ir vienādi', 'tu esi kacaps', 'you are subhuman', 'all those untermenschen'], 'hate');
  });

  it('leaves the ordinary word for a people, and subhuman conditions, alone', () => {
    expectClean(['Цыган в нашем городе немного.', 'The camp kept people in subhuman conditions for years.', 'Krievi un latvieši dzied kopā korī.']);
  });
});

describe('"they write that …" and a worried parent who saw the chat', () => {
  it('is a report for a human, not a block', () => {
    expectDecisions([['skolotāj, viņi raksta ka visi čigāni ir žurkas', 'review']], 'hate');
    expectDecisions([['Добрый вечер, сын показал переписку, там угрожают сжечь нашу квартиру.', 'review']], 'threat');
    expectDecisions([['meita sanēma ziņu ar aicinājumu sevi nogalināt, esmu ļoti uztraukusies', 'review']], 'self-harm');
    // "tells everyone that …": a verb of telling opens the report as a verb of saying does.
    expectDecisions([['Skolotāj, Marks visiem stāsta, ka es esmu gejs un ka no manis smird.', 'review']], 'hate');
    // The verb of saying may stand inside the match: "у сына … говорят, что изобьют".
    expectDecisions([['Старшеклассники отбирают у сына телефон и говорят, что изобьют его.', 'review']], 'threat');
    // A verb of asking reports a request as one of saying does; a denied one reports nothing (session 19).
    expectDecisions([['Мальчики из 8А просили мою подругу прислать фото без одежды.', 'review']], 'sexual');
    expectDecisions([['Nobody asked you, slut.', 'block']], 'insult');
    expectDecisions([['Skolotāj, man kāds anonīms profils sūta ziņas, lai nosūtu bildes bez drēbēm.', 'review']], 'sexual');
    // Said to the writer's own child: "мужчина пишет моей дочери … просит прислать фото".
    expectDecisions([['Какой-то взрослый мужчина пишет моей дочери и просит прислать фото в купальнике. Ей 12 лет.', 'review']], 'sexual');
  });

  it('still blocks the same words said directly, and a threat to those who mocked', () => {
    expectDecisions([['visi čigāni ir žurkas', 'block'], ['Marks, tu esi gejs, no tevis smird.', 'block']], 'hate');
    expectDecisions([['все, кто смеялся, заплатят, я сожгу их квартиры', 'block'], ['я сожгу вашу квартиру', 'block'], ['Сына твоего изобьют, понял?', 'block']], 'threat');
    expectDecisions([['Ты такая взрослая, пришли фото в купальнике. Тебе ведь уже 12 лет.', 'block']], 'sexual');
  });
});

describe('"one more word and …" and a leet contraction', () => {
  it('are an ultimatum and a word, not reported speech or a quotation, so a threat in them is blocked', () => {
    expectDecisions(
      [
        ['Если хоть слово скажешь классной, останешься без зубов.', 'block'],
        ['Pasaki vēl vienu vārdu un es tev iedurstīšu ar cirkuli.', 'block'],
        ["1'm g0nna sh00t up the sch00l fr1day", 'block'],
      ],
      'threat',
    );
  });

  it('leaves a report of the same words held for review', () => {
    expectHeld(['Viņš man uzrakstīja: "Pasaki vēl vienu vārdu un es tev iedurstīšu ar cirkuli."', 'Артём написал сыну: «Если хоть слово скажешь классной, останешься без зубов».'], 'threat');
  });
});

describe("a parent writing about their daughter's phone, and a school policy", () => {
  it("reads the child's possessive as a parent's report, so a grooming message it quotes is held for review", () => {
    expectHeld(["Hello, I found messages on my daughter's phone from an older boy asking her to 'send a pic, just for me, don't tell your mum'. She's 11. Please advise what the school can do."], 'sexual');
  });

  it('does not read "policy" as the police, so swearing at a school rule is not a report', () => {
    expectDecisions([["My son's bloody phone was confiscated AGAIN and this shitty school policy is a fucking joke.", 'block']], 'profanity');
  });
});

describe('birds, a pudding, a fairy-tale fool, a surname, puppies, a chunk of firewood, lost property, games and a PISA test', () => {
  it('are what they are', () => {
    expectClean([
      'The art club will paint blue tits and great tits for the bird-feeder project.',
      "Home economics: we're making spotted dick and custard on Friday, bring an apron!",
      'Можно ли писать про Ивана-дурака в сочинении? Это сказочный персонаж.',
      'Новый учитель химии – Сергей Сукин, уроки начинаются с понедельника.',
      'Mūsu kuce Bella родила щенков, kurš grib vienu? 🐶',
      'Здравствуйте, у нас потерялась синяя куртка, никто не видел в раздевалке?',
      'Among Us vakarā? Es būšu impostor un всех убью 😈',
      'Mūsu kuce vakar got puppies, приходите смотреть!',
      'Папа колет дрова, осталась одна большая чурка.',
      'ja ja, es tevi nositīšu basketbolā rīt 😎 готовься проиграть',
      'PISA testi 9. klasēm notiks aprīļa sākumā.',
      'Bērni ļoti smējās, ka mūsu ceļā bija Ape – angliski tas nozīmē pērtiķi 🙂',
    ]);
  });

  it('still flag the same words aimed at someone', () => {
    expectHeld(['Nice tits, Anna 😏'], 'sexual');
    expectHeld(['You are such a dick, Tom.'], 'insult');
    expectHeld(['Ты дурак, Ваня.', 'Сергей, ты сука.', 'Tu esi kuce, nevis meitene.'], 'insult');
    expectHeld(['Ты чурка, иди колоть дрова.'], 'hate');
    expectHeld(['Uzmanies, kad iesi mājās caur parku, tur neviens neredz.'], 'threat');
    expectDecisions([['Я тебя убью после уроков.', 'block']], 'threat');
  });

  it('reads a photo "captioned" with a slur as reported, so a parent reporting it is held, not bounced', () => {
    expectDecisions([['Хочу сообщить: в общем чате выложили фото Насти и подписали её шлюхой. Она отказывается идти в школу.', 'review']], 'insult');
  });
});

describe('a frame over a word the message only mentions', () => {
  it('is mentioned too, in a class hour about hurtful words', () => {
    expectClean([
      'Klases stundā runājām par apsaukāšanos – piemēram, vārdi "debīls" un "cūka" sāp, un tos nedrīkst lietot.',
      'На классном часе обсуждали буллинг: слова «дебил» и «урод» ранят, их нельзя говорить.',
      'Krievu valodas skolotāja paskaidroja, ka vārds „урод“ ir rupjš un to nedrīkst teikt par cilvēkiem.',
    ]);
  });

  it('still counts when the quoted word is aimed at someone, or the message is not about words', () => {
    expectHeld(['Skolotāja ir "debīle", visi to zina.', 'Наша классная — «урод», и все это знают.'], 'insult');
  });
});

describe('a game or a snowball that finishes the threat after an ellipsis (session 17)', () => {
  it('is play', () => {
    expectClean([
      'Es tevi nogalināšu... ar savu šahu! Rīt 15:00 bibliotēkā, gatavojies zaudēt 😎♟️',
      'es tevi piekausu... tenisā 😂 rīt 16:00, neaizmirsti raketi 🎾',
      'Es tevi nositīšu ar sniega piku starpbrīdī, gatavojies! ⛄',
    ]);
  });

  it('stays a threat when the next sentence opens in capitals or the game is in another sentence', () => {
    expectDecisions(
      [
        ['Es tevi nogalināšu... Ar nazi. Rīt šahā tev nepalīdzēs.', 'block'],
        ['Es tevi nogalināšu. Un pēc tam spēlēsim šahu.', 'block'],
      ],
      'threat',
    );
  });
});

describe('what a child received, and a parent asking the school to deal with it (session 17)', () => {
  it('holds the report for a human instead of bouncing it', () => {
    expect(verdict('My daughter received messages from an older student asking her to send nudes. I have kept everything. What are the next steps?').decision).toBe('review');
    expect(verdict("Labdien, skolotāj. Mana meita jau otro nedēļu saņem ziņas, kur rakstīts 'tu esi resna cūka'. Lūdzu, vai varat ar to tikt galā?").decision).toBe('review');
  });

  it('still blocks the request itself and "or else we will deal with it ourselves"', () => {
    expectDecisions([['Send nudes tonight or everyone sees the old ones.', 'block']], 'sexual');
    expectDecisions([['Ja nenomainīsi atzīmi, mēs paši ar tevi tiksim galā.', 'block']], 'threat');
  });
});

describe('a friend teased over a mishap, with a laugh and a favour (sessions 18, 19)', () => {
  it('is banter', () => {
    expectClean([
      'you total muppet, your scarf is still at my place 😂 I will bring it on Monday',
      'Nu tu gan idiots, atkal aizmirsi penāli 😄 ņem manu',
      'ну ты и дурак, опять ключи забыл 😂 заходи ко мне',
      // The mishap itself (forgot, left behind) with a laugh: what a bully does not write (session 19).
      'you doofus, you left your hoodie at my place again 😂',
      'Eu, muļķīt, atkal aizmirsi cepuri klasē, es to paņēmu 😄',
      'Nu tu gan esi muļķītis 😂 atkal sajauci kabinetus, mēs esam 214.',
      'Ахаха, дурында, ты опять перепутал кабинеты? Иди сюда, мы в 212',
      // The word's own severity counts, not the one an addressee adds ("tu esi debils" is a 3 only for that).
      'haha tu esi debils 😂 опять забыл ключи',
    ]);
  });

  it('is still an insult with no laugh, with neither mishap nor favour, or when it is more than name-calling', () => {
    expectHeld(['you total muppet, I will bring your scarf on Monday', 'you doofus, you left your hoodie at my place again', 'Nu tu gan idiots, kāpēc tu vispār nāc uz skolu 😄', 'Эй, козёл, верни мою ручку 😂', 'you idiot 😂 nobody likes you'], 'insult');
  });
});

describe('a laughing "I will kill you" over a spoiler or a pie (session 18)', () => {
  it('is a joke', () => {
    expectClean([
      'Я тебя убью, если расскажешь, чем закончился сериал 😂',
      'I swear I will kill you if you spoil the finale again lol',
      'Es tevi nogalināšu ar savu ķiršu pīrāgu 😂 nāc rīt',
      // A borrowed charger or pen is as much a trifle (session 19).
      'Я тебя убью, если опять потеряешь мою зарядку 😂',
      // So is a pizza, a party or the skating rink a friend who knows where you live invites you to.
      'Я знаю, где ты живёшь 😄 заеду за тобой в шесть, поедем на каток.',
      'haha es zinu kur tu dzīvo, nāc šovakar pie manis spēlēt, mamma cep picu 🍕',
    ]);
  });

  it('is a threat without the laugh or without the trifle', () => {
    expectDecisions(
      [
        ['Я тебя убью, если расскажешь концовку сериала.', 'block'],
        ['Я тебя убью, если расскажешь кому-нибудь 😂', 'block'],
      ],
      'threat',
    );
  });
});

describe('a surname right after a title (session 18)', () => {
  it('is a name, whatever it sounds like', () => {
    expectClean(['Учительница Сучкова просила передать, что завтра контрольная.', 'Skolotāja Kuce lūdza atnest krāsas.']);
  });

  it('is still an insult in lower case or after a comma', () => {
    expectHeld(['Учительница сучка, опять двойку поставила.'], 'insult');
  });
});

describe('a Russian surname after a first name (session 29)', () => {
  it('is a name, whatever it sounds like', () => {
    expectClean(['Наш новый тренер по плаванию — Игорь Сучков, прошу любить и жаловать.', 'Завтра урок ведёт Марина Сукина, кабинет 12.']);
  });

  it('is still an insult after a surname, in a run of capitals, or in lower case', () => {
    expectHeld(['Учитель Петров Урод', 'Наша Училка Тупая Корова', 'наш тренер — Игорь Сучков урод', 'тренер у нас сучка'], 'insult');
  });
});

describe('a match named in another sentence, a thank-you after teasing, a rehearsal (session 18)', () => {
  it('are not abuse', () => {
    expectClean([
      'Sestdien mēs viņus iznīcināsim! Treniņš piektdien 17:00.',
      'We will destroy them on Saturday, the cup is ours!',
      "Let's crush them on Sunday 💪",
      'Headshot from across the map, you are dead meat next round lol',
      'haha tu esi idiots 😂 bet paldies par konspektu',
      'Mēģinājumā: kad Toms kliedz „Es tevi nogalināšu!“, Anna krīt. Atcerieties pozīcijas.',
    ]);
  });

  it('still count when the reader is named, or the teasing has no laugh', () => {
    expectDecisions([['Sestdien mēs tevi piekausim! Pēc treniņa gaidi mūs.', 'block']], 'threat');
    expectHeld(['tu esi idiots, bet paldies par konspektu'], 'insult');
  });
});

describe('frame words that were too wide (session 18)', () => {
  it('reads "bīstami", "you finished the book", a broken camera and a room that looks bombed as what they are', () => {
    expectClean([
      'Ķīmijā uzzinājām, ka hloru jaukt ar amonjaku ir bīstami.',
      'wow you finished the whole book in one day 🤓',
      'Man kamera nestrādā, vai drīkstu atbildēt tikai ar mikrofonu?',
      'The art room looks like a bomb went off, grab a cloth everyone.',
    ]);
  });

  it('still blocks the shotgun, "you are finished" and a bomb at everyone', () => {
    expectDecisions(
      [
        ['Es paņemšu tēva bisi un tevi nošaušu.', 'block'],
        ["you're finished, wait till tonight", 'block'],
        ['you are finished after school', 'block'],
      ],
      'threat',
    );
  });
});

describe('look-alikes of grooming, threats and self-harm fixed in session 18', () => {
  it('reads a safety talk, a pick-up change, a new locker, homework hyperbole and tiredness as innocent', () => {
    expectClean([
      'E-safety talk on Friday: what to do if a stranger online says you are so mature and asks for photos.',
      'Rīt mamma nevarēs atnākt, tevi paņems tētis.',
      'Jaunais skolēns rīt dabūs savu skapīti.',
      'Мало не покажется — столько задали по физике 😂',
      'Esmu tik nogurusi, ka varētu nomirt 😴',
    ]);
  });

  it('still blocks grooming, "you won\'t walk again", "you\'ll get yours" and the threat of "мало не покажется"', () => {
    expectDecisions([['Nesaki vecākiem, tu jau esi tik pieaugusi, atsūti bildi', 'block']], 'sexual');
    expectDecisions(
      [
        ['Tu vairs nevarēsi staigāt, kad es tevi noķeršu', 'block'],
        ['Gan tu dabūsi savu!', 'block'],
        ['Тронешь его ещё раз — мало не покажется.', 'block'],
      ],
      'threat',
    );
  });
});

describe('a quotation set for a literature lesson (session 18)', () => {
  it('is mentioned, not said', () => {
    expectClean(['Литература: к понедельнику выучить отрывок, где Тарас говорит «Я тебя породил, я тебя и убью».']);
  });

  it('is still held when someone is reported saying it to a pupil', () => {
    expect(verdict('Он сказал моему сыну «я тебя убью» после урока литературы.').decision).not.toBe('allow');
  });
});

describe('a round, a game in Cyrillic, a dog show (session 19)', () => {
  it('are play and a dog', () => {
    expectClean(['tu esi beigts 😂 es tevi nošāvu no jumta, nākamajā raundā atriebies', 'в роблоксе я тебя снова утоплю в лаве, приготовься 😂', 'на выставке наша сука заняла второе место среди овчарок 🐕', 'mūsu kuce izstādē dabūja medaļu']);
  });

  it('still reads a knife after "I know where you live", and a loss blamed on the reader', () => {
    expectDecisions([['Я знаю, где ты живёшь 😄 и приду за тобой с ножом', 'block']], 'threat');
    expectHeld(['Thanks for losing us the match again, you absolute waste of space.'], 'insult');
  });
});

describe('what predators write, quoted in a safety note (session 19)', () => {
  it('is mentioned, even when the match runs past the closing quote', () => {
    expectClean(["Parents: online predators often write things like 'don't tell your parents, this is our secret'. Please talk to your kids."]);
  });

  it('is still grooming when written to the reader', () => {
    expectDecisions([["Don't tell your parents, this is our secret. Please talk to me tonight.", 'block']], 'sexual');
  });
});

describe('a rule that forbids calling names (session 19)', () => {
  it('names the word, it does not call anyone it', () => {
    expectClean(['Atgādinu, ka skolas noteikumi aizliedz lamāties un saukt citus par idiotiem.', 'School rules forbid calling anyone an idiot.']);
  });

  it('still reads a name called beside a rule that does not forbid it', () => {
    expectHeld(['Tu esi idiots, un noteikumi to neaizliedz.'], 'insult');
  });
});

describe('the devil of a tale (session 19)', () => {
  it('is literal in a literature lesson', () => {
    expectClean(['На литературе читаем Гоголя, там чёрт украл месяц с неба.']);
  });

  it('stays a mild interjection elsewhere', () => {
    expectHeld(['Чёрт, опять забыл тетрадь.'], 'profanity');
  });
});

describe('a joke counted as "one more" (session 20)', () => {
  it('is the prank an ultimatum is about, not play', () => {
    expectDecisions([['Vēl viens tāds joks, un tev zobi būs kabatā.', 'block'], ['Ещё одна такая шутка — и получишь по шее, серьёзно.', 'block']], 'threat');
  });

  it('leaves a joke the writer makes alone', () => {
    expectClean(['Es tevi nogalināšu, joks 😂', 'Vēl viens tāds joks, un es nomiršu no smiekliem 😂']);
  });
});

describe('session 20 readings from train-zk and train-zl', () => {
  it('leaves a parent "killing" the writer, a relay race and an essay on the war alone', () => {
    expectClean([
      'Если я опять разобью телефон, папа меня прибьет 😂',
      'tētis mani nositīs, saskrāpēju viņa mašīnu ar velosipēdu 😬',
      'Завтра эстафета, всех порвем, приходите болеть! 🏃',
      'Esejā par Otro pasaules karu jāapraksta, kā nacisti iznīcināja ebreju kopienas Latvijā.',
    ]);
  });

  it('still blocks a parent named against the reader', () => {
    expectDecisions([['Mans tētis tevi nositīs, ja vēl reizi pieskarsies man.', 'block']], 'threat');
  });

  it('holds what someone claimed for review', () => {
    expectDecisions([["I'm reporting a message in the group chat claiming all Muslims should be deported.", 'review']], 'hate');
    expectDecisions([['Labvakar, dēla klasesbiedrs apgalvoja, ka atnesīs uz skolu tēva pistoli.', 'review']], 'threat');
  });
});
