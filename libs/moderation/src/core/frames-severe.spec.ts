import { expectClean, expectDecisions as expectFlagged } from '../../test-support/frame-expectations';

/**
 * Threat and hate frames of data/frames-severe.json. Every example was written for this spec (none is
 * taken from a blind set); each family has innocent look-alikes that share its words (history lessons,
 * sports, cooking, dentists, road safety, idioms) and must stay clean.
 */

describe('threats about what the reader will be left without', () => {
  it('blocks "you will not walk out on your own legs" and "nothing left to walk on"', () => {
    expectFlagged(
      [
        ['Pēc treniņa tu no ģērbtuves uz savām kājām neiziesi.', 'block'],
        ['Из спортзала ты на своих ногах не выйдешь, понял?', 'block'],
        ["Show up again and you won't leave on your own legs.", 'block'],
        ['Vēl viens vārds, un tev nebūs ar ko staigāt.', 'block'],
        ['Ещё раз подойдёшь к ней — тебе будет не на чем ходить.', 'block'],
        ["Talk to her again and you won't have anything left to walk on.", 'block'],
      ],
      'threat',
    );
  });
  it('leaves marathons, new shoes and hospitals alone', () => {
    expectClean([
      'Pēc maratona es gandrīz neaizgāju mājās uz savām kājām, tik ļoti biju noguris.',
      'Tev nebūs ar ko staigāt pārgājienā, ja nenopirksi jaunus zābakus.',
      'Без кроссовок тебе будет не на чем ходить в поход.',
      "The baby can't walk on her own legs yet, she is only ten months old.",
    ]);
  });
});

describe('threats about teeth', () => {
  it('blocks "you will need new teeth" and "leave your teeth at home"', () => {
    expectFlagged(
      [
        ['After Friday you will be looking for new teeth.', 'block'],
        ['Sestdien pie stadiona. Zobus labāk atstāj mājās.', 'block'],
        ['Вечером у гаражей. Зубы оставь дома.', 'block'],
        ['Тронешь мою сестру — зубов не досчитаешься.', 'block'],
      ],
      'threat',
    );
  });
  it('leaves the dentist and baby teeth alone', () => {
    expectClean([
      'The dentist says you will need new teeth braces next year.',
      'Mazajam nāk jauni zobi, piena zobi izkrīt.',
      'Зубную щётку оставь дома, в лагере дадут новую.',
    ]);
  });
});

describe('veiled threats: a pity if something happened, easy damage, I know where yours go', () => {
  it('blocks the classic "shame if something happened" and "pity if it burned"', () => {
    expectFlagged(
      [
        ['Skaists velosipēds. Būtu žēl, ja ar to kaut kas notiktu.', 'block'],
        ['Красивая у тебя куртка. Жаль будет, если с ней что-то случится.', 'block'],
        ['Lovely garden shed. Would be a pity if it burned one night.', 'block'],
      ],
      'threat',
    );
  });
  it('blocks easily damaged property, reviews knowing where someone goes', () => {
    expectFlagged(
      [
        ['Your bike is parked outside every day. Tyres slash so easily, you know. Brakes can fail easily too.', 'block'],
        ['Мы знаем, где ты учишься и когда выходишь.', 'review'],
        ['Zinām, kur tu mācies un kad iznāc no skolas.', 'review'],
      ],
      'threat',
    );
  });
  it('leaves weather, repairs and a parent knowing where her own son goes alone', () => {
    expectClean([
      'Būtu žēl, ja lietus dēļ ar ekskursiju kaut kas notiktu.',
      'It would be a pity if the cake burned, set a timer.',
      'Bike tyres puncture easily on glass, take a repair kit.',

    ]);
  });
});

describe('conditional and collective threats', () => {
  it('blocks a promised reckoning', () => {
    expectFlagged(
      [
        ['Visi, kas par mani ņirgājās, samaksās.', 'block'],
        ['Все, кто смеялся над моим братом, ответят.', 'block'],
        ['Everyone who laughed at my sister will pay.', 'block'],
        ["Next time I'll make sure you can't sit down for a week.", 'block'],
        ['Tu atbildēsi, un ne ar vārdiem.', 'block'],
        ['Я тебе устрою такую жизнь, что пожалеешь.', 'block'],
        ['Если не отдашь телефон, придётся тебе походить со сломанной рукой.', 'block'],
        ['Ja mans dēls vēl raudās, jūsu meitai arī būs iemesls raudāt.', 'block'],
      ],
      'threat',
    );
  });
  it('blocks or reviews veiled forms', () => {
    expectFlagged(
      [
        ['Sestdien atbrauksim pie tevis un parunāsim citādāk.', 'block'],
        ['Tavai māsai labāk vakarā neiet vienai caur parku.', 'block'],
        ['Ja man nāksies atnākt pašai, jums tas nepatiks.', 'review'],
      ],
      'threat',
    );
  });
  it('leaves jokes, payments and safety advice alone', () => {
    expectClean([
      'Everyone who laughed at the clown will get a balloon.',
      'Visi, kas brauks ekskursijā, samaksās līdz piektdienai.',
      'Make sure you can see the board from your seat.',
      'We will talk about a different topic tomorrow.',
      'Ja atnākt nevarat, uzrakstiet, tas nekas.',
      'Mazajiem bērniem ziemā labāk neiet vieniem pa ledu.',
    ]);
  });
});

describe('hate without slurs', () => {
  it('blocks demands against a group', () => {
    expectFlagged(
      [
        ['Visus tos sīriešus jāsūta atpakaļ.', 'block'],
        ['Этих беженцев надо отправить обратно.', 'block'],
        ['Muslims should be sent back where they came from.', 'block'],
        ['Ebreji visur ielien, arī skolas padomē.', 'block'],
        ['Gay teachers should be kept away from children.', 'block'],
        ['Romu bērnus ekskursijā nedrīkst ņemt.', 'block'],
        ['Immigrants should not be allowed to vote.', 'block'],
        ['Tādiem Eiropā nav vietas, lai brauc mājās.', 'block'],
        ['People like her do not belong in our town.', 'block'],
        ['Цыганам нечего делать в нашей школе.', 'block'],
        ['Bēgļi dzīvo no mūsu nodokļiem un neko nedara.', 'block'],
        ['Invalīdus vajag turēt atsevišķi no pārējiem.', 'block'],
      ],
      'hate',
    );
  });
  it('leaves history lessons, rules about behaviour and ordinary facts alone', () => {
    expectClean([
      'Vēstures stundā runājām par to, kā 1941. gadā latviešus sūtīja uz Sibīriju.',
      'Send the Latvian textbook back to the library by Friday.',
      'Tādiem vārdiem mūsu skolā nav vietas.',
      'Таким словам нет места в нашем классе.',
      'Musulmaņi Ramadāna laikā dienā neēd.',
      'Invalīdu ratiņus vajag turēt atsevišķi, pie ieejas.',
      'Ukraiņu bērni šogad mācās mūsu skolā un labi runā latviski.',
    ]);
  });
});

describe('second round: coffins, hyperbole, warnings, regret, luck', () => {
  it('blocks a group sent back in coffins and a warning to a family', () => {
    expectFlagged([['Tos sīriešus atpakaļ zārkos, lai brauc.', 'block']], 'hate');
    expectFlagged(
      [
        ['Es brīdinu. Ja atzīme netiks labota, jūsu ģimene to izjutīs.', 'block'],
        ['Keep complaining and see what happens to your phone.', 'block'],
      ],
      'threat',
    );
  });
  it('reviews hyperbole and veiled regret, blocks a warning about tomorrow', () => {
    expectFlagged(
      [
        ['Es kādu nogalināšu, ja vēl reizi pazudīs mans pusdienu trauks 🙄', 'review'],
        ['Я убью кого-нибудь, если опять будет контрольная 😂', 'review'],
        ["I'm going to kill my brother if he takes my charger again.", 'review'],
        ['Ему придётся пожалеть о своих словах.', 'review'],
        ["You won't be so lucky tomorrow, Coach.", 'block'],
      ],
      'threat',
    );
  });
  it('leaves chess, killing time, lotteries, pans, black cats and practice alone', () => {
    expectClean([
      "I'm going to beat my brother at chess tonight.",
      'Es nositīšu kādu stundu pie telefona.',
      "You won't be so lucky in the lottery again.",
      'Ja man nejauši aizdegsies pannā eļļa, ko darīt?',
      'Keep practising and see what happens to your score.',
      'Do you know where the children go after lunch?',
      'Do you know where the kids use the toilet?',
      'Melnajiem kaķiem te nav ko darīt.',
      'Черных кошек надо убрать из подъезда.',
      'I warn you, the family trip will feel long without phones.',
    ]);
  });
});

describe('questions, past regrets, "you die tomorrow", disability and "not human"', () => {
  it('blocks threats asked as questions or put in the past', () => {
    expectFlagged(
      [
        ['Gribi, lai es tev salauzu degunu?', 'block'],
        ['Do you want me to break your nose?', 'block'],
        ['Want your teeth knocked out?', 'block'],
        ['Vai gribi dabūt pa purnu?', 'block'],
        ['Хочешь получить по морде?', 'block'],
        ['I should have stabbed you when I had the chance.', 'block'],
        ['Man vajadzēja tevi nodurt jau tad.', 'block'],
        ['Tomorrow you die.', 'block'],
        ['Rīt tu nomirsi.', 'block'],
        ['Завтра ты умрёшь.', 'block'],
      ],
      'threat',
    );
  });
  it('blocks disabled people excluded and people called not human', () => {
    expectFlagged(
      [
        ['Autistiem nav vietas parastā skolā.', 'block'],
        ['Инвалидам не место в нормальной школе.', 'block'],
        ["Disabled kids don't belong in normal classes.", 'block'],
        ["Those people aren't even human.", 'block'],
      ],
      'hate',
    );
  });
  it('leaves cooking, news, laughter, films, lifts and chess alone', () => {
    expectClean([
      'Do you want me to break the news to your parents?',
      'Do you want me to beat the eggs for you?',
      'Gribi, lai es tev sagriežu maizi?',
      'Rīt tu nomirsi no smiekliem, kad redzēsi izrādi.',
      "Tomorrow you'll die laughing at this movie.",
      'Invalīdu ratiņiem nav vietas liftā.',
      'Psihologam nav vietas kabinetā.',
      "In the film the robots aren't human.",
      'I should have beaten you at chess.',
      'Man vajadzēja tev iedot to grāmatu.',
      'Want your nose pierced?',
    ]);
  });
});

describe('hate the held-out sets show only as hate (session 16: no longer capped at review)', () => {
  it('blocks a people likened to vermin, separate classes for a people and "typical …, as always"', () => {
    expectFlagged(
      [
        ['Viņi nāk šurp kā prusaki, un drīz mēs paši būsim minoritāte.', 'block'],
        ['Es neko nesaku, bet čigānu bērniem vajadzētu mācīties atsevišķā klasē.', 'block'],
        ['Ну типичные латыши, медленные как всегда.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves a class on how propaganda likened people to vermin, and a separate class for a subject, alone', () => {
    expectClean(['Vēsturē runājām, kā propaganda salīdzināja cilvēkus ar prusakiem.', 'Angļu valodā bērni mācīsies atsevišķā klasē pa grupām.']);
  });
});

describe('hate without a slur (session 16): disease, "not real people", less able by nature, put down, Hitler', () => {
  it('blocks each', () => {
    expectFlagged(
      [
        ['Мусульмане — это раковая опухоль Европы.', 'block'],
        ['romi ir cilvēku atkritumi', 'block'],
        ['Es cienu visus, bet krievvalodīgie nav īsti cilvēki.', 'block'],
        ['Melnie nav tik gudri kā baltie, tā ir zinātne.', 'block'],
        ['Es neesmu rasists, bet melnie vienkārši ir mazāk attīstīti.', 'block'],
        ['Инвалидов надо усыплять, как больных собак.', 'block'],
        ['Hitler should have finished the job.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves the same words in defence of a group, at the vet and in history alone', () => {
    expectClean([
      'Migranti nav slikti cilvēki, viņi ir tādi paši kā mēs.',
      'Ukraiņu bērni nav mazāk gudri par mūsējiem, pierādīja olimpiāde.',
      'Russians in our school are not less capable than Latvians.',
      'Нашу старую собаку пришлось усыпить у ветеринара.',
      'В истории мы говорили, как нацисты уничтожали инвалидов.',
      'Ukraiņu bērni saslima ar vīrusu, šonedēļ viņi mācās attālināti.',
    ]);
  });
});

describe('a people told to go back where they came from (session 16)', () => {
  it('blocks it', () => {
    expectFlagged(
      [
        ['Go back to Africa, monkey.', 'block'],
        ['Ukraiņi atbrauca, paņēma mūsu pabalstus un vēl grib vietas dārziņā. Lai brauc atpakaļ.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves trips, friends going home and a black eye from a goalpost alone', () => {
    expectClean([
      "After the trip to Africa we'll go back to school on Monday.",
      'Mūsu ukraiņu draugi šovasar brauks atpakaļ uz dzimteni, lai viņiem veicas!',
      "Max came home with a black eye, but it turns out he walked into the goalpost during PE 🙈 Nobody's fault.",
    ]);
  });
});

describe('"or else he will end up in hospital" (session 19)', () => {
  it('is a threat to the reader\'s child', () => {
    expectFlagged([['Jūsu dēlam labāk rīt skolā nerādīties, citādi nonāks slimnīcā.', 'block'], ['Вашему сыну лучше завтра не приходить, иначе окажется в больнице.', 'block']], 'threat');
  });

  it('leaves medicine, an illness and an inhaler alone', () => {
    expectClean(['Lai viņš dzer zāles, citādi nonāks slimnīcā ar plaušu karsoni.', 'Пусть лечится, иначе попадёт в больницу с осложнениями.', "He must take his inhaler to PE, otherwise he'll end up in hospital again."]);
  });
});

describe('the school burning with everyone inside, and a whole bottle swallowed (session 19)', () => {
  it('are a threat and urging', () => {
    expectFlagged([['Šī skola nodegs, un jūs visi kopā ar to.', 'block'], ['One day this place is going up in flames with all of you inside.', 'block']], 'threat');
    expectFlagged([["If I were you I'd swallow the whole bottle and be done with it.", 'block']], 'self-harm');
  });

  it('leave the news, a school play and cough syrup alone', () => {
    expectClean(['Did you see the old school building burn on the news? Everyone was shocked.', 'The school play has a scene where the castle goes up in flames, all of you must scream.', 'Swallow the whole bottle of cough syrup? No, one spoon.']);
  });
});

describe('"I will bring a knife and everyone will see" (session 19)', () => {
  it('is a threat to the school', () => {
    expectFlagged([['Принесу завтра нож, пусть все увидят, что бывает с теми, кто смеётся.', 'block'], ['Rīt atnesīšu tēva nazi, lai visi redz, kas notiek ar tiem, kas par mani smejas.', 'block']], 'threat');
  });

  it('leaves a cookery lesson and pumpkin carving alone', () => {
    expectClean(['Rīt atnesīšu nazi uz tehnoloģiju stundu, cepsim pīrāgu, lai visi redz, cik garšīgi.', "I'll bring the knife for the pumpkin carving so everyone can see how it's done."]);
  });
});
