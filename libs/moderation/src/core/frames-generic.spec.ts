import { expectClean, expectDecisions, expectHeld, verdict } from '../../test-support/frame-expectations';

/**
 * data/frames-generic.json: frames over broad classes (a group with a generalised bad trait, remarks
 * on a child's body or maturity, questions about a pupil's sex life, nude pictures sought, veiled
 * consequences) and the helper-written vocabulary of everyday nouns used as insults. Each family has
 * its innocent neighbours beside it.
 */

describe('a group said to share a bad trait', () => {
  it('blocks the generalisation in each language', () => {
    expectDecisions(
      [
        ['Tipiski čigāni, protams, viņi to nozaga.', 'block'],
        ['These refugees are all lazy and dirty.', 'block'],
        ['Эти мигранты вечно воруют.', 'block'],
        ['No tiem bēgļiem neko labu negaidi.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves neutral statements, lessons about prejudice and negations alone', () => {
    expectClean([
      'Visi latvieši 18. novembrī svin valsts dzimšanas dienu.',
      'Stundā runājām par stereotipu, ka visi čigāni zog, un kāpēc tas ir nepareizi.',
      'Refugees are not lazy; most of them work two jobs.',
      'My Latvian is not good, sorry.',
    ]);
  });
});

describe('sexual remarks about a child', () => {
  it('blocks remarks on a child’s body or maturity and questions about her sex life', () => {
    expectDecisions(
      [
        ['Jūsu meitai tādas kājiņas, tik nobriedusi savam vecumam.', 'block'],
        ['Сколько парней у тебя уже было? С кем ты уже спала?', 'block'],
        ['Kurš pirmais dabūs viņas kailbildes?', 'block'],
        ['Paliksi pēc stundām ar mani divatā?', 'review'],
      ],
      'sexual',
    );
  });

  it('a parent quoting such a remark to ask for help is reviewed, not blocked', () => {
    expect(verdict('Vīrietis pie vārtiem teica meitenēm, ka viņām „skaistas kājiņas“. Lūdzu, palīdziet!').decision).toBe('review');
  });

  it('leaves growth, sport and safety talks alone', () => {
    expectClean([
      'Jūsu meitai ir ļoti spēcīgas kājas, viņa skrien ātrāk par visiem.',
      'Nekad nesūti savas kailbildes nevienam, pat draugiem.',
      'How many hours did you sleep before the test?',
      // Maturity alone is praise; a body word, secrecy or a photo request makes it a remark.
      'Your daughter is so mature for her age, she organised the whole trip.',
      'Tu esi ļoti nobriedusi savam vecumam – tava prezentācija bija labākā klasē!',
    ]);
  });
});

describe('veiled consequences', () => {
  it('reaches a human or blocks', () => {
    expectDecisions(
      [
      ["If he keeps it up, someone's going to get hurt.", 'block'],
        ['Skaties sev aiz muguras.', 'block'],
        ['Rīt labāk nenāc uz skolu.', 'review'],
        ['Vari sūdzēties, bet kameras nav visur.', 'block'],
        ['I know which bus you take.', 'review'],
        ['Tev paveicās, ka biji ar mammu. Nākamreiz tā nepaveiksies.', 'block'],
        ['Bring your friends, it won’t help you.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves encouragement, posture advice and protection alone', () => {
    expectClean([
      'Šoreiz nepaveicās, bet nākamreiz noteikti paveiksies!',
      'Watch your back posture when lifting heavy bags.',
      'Nobody will burn your car, we have cameras now.',
      'Labāk nenāc uz skolu, ja tev ir temperatūra.',
    ]);
  });
});

describe('everyday nouns used as insults', () => {
  it('reviews them when aimed at the reader or at a member of staff', () => {
    expectDecisions(
      [
        ['Tu esi īsts klucis.', 'review'],
        ['Ты чайник.', 'review'],
      ["You're such a beanpole.", 'review'],
        ['Наша химичка – старая кошёлка.', 'review'],
        ['Viņš ir pilnīgs resnulis.', 'review'],
      ],
      'insult',
    );
  });

  it('leaves their literal senses alone', () => {
    expectClean(['Mums ir klucis malkai.', 'Мама купила новый чайник.', 'The beanpole in the garden fell over.', 'Рыбаки поймали воблу.']);
  });
});

describe('sarcasm, pestering, invitations and "never born"', () => {
  it('reviews sarcastic praise, pestering and a hot remark to a pupil, blocks an invitation while the parents are away', () => {
    expectDecisions(
      [
        ['Oh wow, genius answer 🙄', 'review'],
        ['Наш «отличник» опять всё забыл.', 'review'],
      ],
      'insult',
    );
    expectDecisions(
      [
        ['Kāpēc tu klusē? Es redzu, ka izlasīji. Atbildi tūlīt.', 'review'],
        ['I will text you every night until you change the mark.', 'review'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Come over tonight, my parents are away, we can do more than homework.', 'block'],
        ['Ты сегодня прям огонь, малышка.', 'review'],
      ],
      'sexual',
    );
    expectDecisions([['Tev vienkārši nevajadzēja piedzimt.', 'block']], 'self-harm');
  });

  it('leaves sincere praise, homework, project titles and the weather alone', () => {
    expectClean([
      'Paldies par ātro atbildi!',
      'Projekts „Gudrs bērns“ sāksies rīt.',
      'Homework: read pages 12–15 and answer questions 1–4.',
      'Мы будем каждый урок приносить корм для котят, пока не соберём мешок.',
      'You look hot, take off your jacket, it is 30 degrees.',
      'Nāc pie manis vakarā, vecāku nebūs, paspēlēsim playstation.',
    ]);
  });
});

describe('veiled consequences, exposure, exclusion and grooming (third round)', () => {
  it('blocks a consequence for the reader’s body and the plainer veiled ones, reviews the rest', () => {
    expectDecisions(
      [
        ['Ещё раз откроешь рот — зубов не соберёшь.', 'block'],
        ['Vēl reizi pieiesi pie viņas, un tev būs jāiet uz skolu ar kruķiem.', 'block'],
        ['Tu vēl redzēsi, kas notiek ar tiem, kas sūdzas.', 'block'],
        ['Būtu žēl, ja jūsu dēlam kaut kas atgadītos.', 'block'],
        ['Я знаю, на какой машине вы ездите.', 'review'],
      ],
      'threat',
    );
  });

  it('reviews mocking exposure and a class told to shut someone out, blocks blackmail', () => {
    expectDecisions(
      [
        ['Shared your diary page in the group chat, everyone is dying 😂', 'review'],
        ['Скинешь 20 евро до пятницы, иначе все увидят твою переписку.', 'block'],
        ['Mēs visi vienojāmies, ka ar tevi neviens nesēdēs.', 'review'],
        ['Все договорились с тобой не разговаривать.', 'review'],
      ],
      'harassment',
    );
  });

  it('blocks a pupil told to come alone, gifts for pictures and questions about a boyfriend', () => {
    expectDecisions(
      [
        ['Atnāc uz noliktavu starpbrīdī, bet viena un klusi.', 'block'],
        ['Я куплю тебе кроссовки, а ты мне пришлёшь пару фоток.', 'block'],
        ['Have you done anything with your boyfriend yet? You can tell me.', 'block'],
      ],
      'sexual',
    );
  });

  it('leaves hospitals, experiments, trip photos and friendship alone', () => {
    expectClean([
      'Ārsts teica, ka nākamnedēļ viņš būs slimnīcā.',
      'Keep practising and see what happens to your score.',
      'The teacher shared the trip photos in the group chat 😂 so funny',
      'Ты сокровище, с тобой все хотят дружить.',
      "Send me a photo of your bedroom wall, I'll buy the right paint.",
    ]);
  });
});

describe('knowing where someone lives', () => {
  it('blocks it bare and publishing it', () => {
    expectDecisions(
      [
        ['Es zinu, kur tu dzīvo.', 'block'],
        ['Я знаю, где ты живёшь.', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Я выложу твой адрес в чат.', 'block']], 'harassment');
  });

  it('leaves it alone when the sentence offers a lift, a book or a walk together', () => {
    expectClean([
      'Zinu, kur tu dzīvo, vakarā atnesīšu tev aizmirsto burtnīcu 🙂',
      'Мы знаем, где ты живёшь, завтра зайдём за тобой и вместе пойдём на олимпиаду.',
      'The school posted your timetable and the office phone number in the group chat.',
    ]);
  });
});

describe('consequences, school warnings, starving and underwear (fourth round)', () => {
  it('blocks paying with health, a school warning, urging starvation and asking about underwear', () => {
    expectDecisions(
      [
        ['Līdz piektdienai atdod naudu, citādi maksāsi ar veselību.', 'block'],
        ['Tev būs jāmaksā, un ne ar naudu.', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Something will happen at school tomorrow. Stay home if you want to be safe.', 'block']], 'threat');
    expectDecisions(
      [
        ['Не ешь ничего до пятницы, может похудеешь наконец.', 'block'],
        ['Turpini neēst, vēl divi kilogrami un būsi normāla.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['What colour is your underwear today? Send a pic.', 'block']], 'sexual');
    expectDecisions([['Nākamreiz tu uz skolu nāksi ar ģipsi, to es tev apsolu.', 'block']], 'threat');
  });

  it('leaves payments, announcements, healthy eating, packing lists and recovery alone', () => {
    expectClean([
      'Par ekskursiju varēs maksāt arī ar karti, ne tikai ar naudu skaidrā veidā.',
      'Rīt skolā notiks apkures remonts, tāpēc palieciet mājās un mācieties attālināti.',
      "Please don't skip breakfast before the race; nobody expects you to lose weight.",
      'Uz nometni ielieciet somā rezerves apakšveļu un sporta tērpu.',
      'Vēl divas nedēļas, un tu atkal staigāsi bez kruķiem, malacis!',
    ]);
  });
});

describe('groups by disability and gender identity, traits in the blood (fourth round)', () => {
  it('blocks a group said to be a burden, servants or thieves by nature', () => {
    expectDecisions(
      [
        ['Invalīdi ir tikai slogs, visi to zina.', 'block'],
        ['Цыгане все такие, воровство у них в крови.', 'block'],
        ['Latvieši vienmēr bijuši kalpu tauta.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves facts about a group and ill children kept at home alone', () => {
    expectClean([
      'Invalīdiem pienākas bezmaksas transports uz skolu.',
      'Autistic pupils can ask for a quiet room during exams.',
      'Ukraiņu bērni, kuri ir slimi, lai paliek mājās līdz ārsta zīmei.',
    ]);
  });
});

describe('shutting someone out (fourth round)', () => {
  it('reviews a class agreeing to leave someone out', () => {
    expectDecisions(
      [
        ["Nobody's sitting with you at the trip, we voted.", 'review'],
        ['Uz tavu ballīti neviens nenāks, mēs visi norunājām.', 'review'],
        ['Мы сделали новый чат класса без тебя.', 'review'],
      ],
      'harassment',
    );
  });

  it('leaves seating plans, new chats for parents and invitations alone', () => {
    expectClean(['We are all sitting with you at the concert, save us seats!', 'Mēs izveidojām jaunu čatu vecākiem, bez skolēniem.', 'Uz tavu ballīti nāks visi, mēs jau norunājām!']);
  });
});

describe('mocking poverty (fourth round)', () => {
  it('reviews mocking someone’s clothes for their family’s money', () => {
    expectDecisions([['Tev atkal tās pašas bikses, jums mājās naudas nav?', 'review']], 'harassment');
  });

  it('leaves a parent’s or a teacher’s talk about money and clothes alone', () => {
    expectClean([
      'Mums šomēnes nav naudas jaunām kurpēm, vai dēls var nākt ar vecajiem zābakiem?',
      'Can you tell me if the school can afford new PE shoes for the team?',
      'Если у вашей семьи нет денег на куртку, школьный фонд поможет.',
    ]);
  });
});

describe('broken fingers, waiting parties, the laughers, camera grooming, "if I were you" (fifth round)', () => {
  it('blocks or reviews each', () => {
    expectDecisions(
      [
        ['Touch my phone again and I smash your face.', 'block'],
        ['Не придёшь после уроков — сами найдём.', 'block'],
        ['Visi, kas par mani smējās, pirmdien redzēs.', 'block'],
        ['Мы тебя у гаражей подождём, готовься.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Ieslēdz kameru un novelc džemperi.', 'block'],
        ['Удали эту переписку, это наш секрет.', 'block'],
      ],
      'sexual',
    );
    expectDecisions([["If I were you I'd have ended it long ago."], ['Tu pati teici, ka gribi nomirt, tad izdari to beidzot.']].map(([t]) => [t, 'block'] as const), 'self-harm');
  });

  it('leaves injuries, surprises, replacements, jokes, camera etiquette and essays alone', () => {
    expectClean([
      'How did you break your leg? Get well soon!',
      'Mēs tevi sagaidīsim pie skolas ar pārsteigumu dzimšanas dienā, sagatavojies!',
      'Ja neatnāksi uz treniņu, atradīsim tev aizvietotāju.',
      'Tie, kas smējās par manu joku, rīt redzēs turpinājumu!',
      'Izdzēs to čatu, tas ir noslēpums — pārsteigums mammai dzimšanas dienā!',
      'Please turn on your camera and take off your headphones for the oral exam.',
      'Никогда не раздевайся на камеру и сразу расскажи взрослым, если просят.',
      "If I were you I'd have ended the essay with a question.",
    ]);
  });
});

describe('veiled threats to pets and family, school attacks, hinted self-harm, grooming by gifts (sixth round)', () => {
  it('blocks each', () => {
    expectDecisions(
      [
        ['Piektdien skolā būs apšaude, labāk paliec mājās.', 'block'],
        ['Кто хочет жить, завтра в школу не приходите.', 'block'],
        ['Эту гимназию давно пора сжечь.', 'block'],
        ['Es atnākšu ar kanisteri benzīna, tad redzēsiet.', 'block'],
        ['We will track you down, and your little sister too.', 'block'],
        ['После уроков ты до дома уже не дойдёшь.', 'block'],
        ['Знаю твой адрес. Жди гостей.', 'block'],
        ["Keep talking and you'll eat through a tube till Easter.", 'block'],
        ['Cute puppy you have. Shame if it went missing one day.', 'block'],
        ['Хочешь, чтобы твою кошку нашли дохлой?', 'block'],
        ['Your mum walks the dog alone every night. Think about that.', 'block'],
        ['Tev tas ir beigas, saprati? Tev būs konec.', 'block'],
        ['Pie vārtiem tevi gaidīs mani draugi, neizbēgsi.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Skolas jumts ir pietiekami augsts, ja tev interesē.', 'block'],
        ['Tavā vietā es sen būtu izdzēris visas tabletes.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions(
      [
        ['Nopirkšu tev jaunu telefonu, ja satiksimies divatā.', 'block'],
        ['Tev ir tikai 12, bet tu esi tik nobriedusi. Lai tas paliek starp mums.', 'block'],
        ['Vote: which girl in 7A has the biggest boobs?', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Invalīdiem nav vietas kopā ar normāliem bērniem, lai mācās atsevišķi.', 'block'],
        ['Visi krievvalodīgie ir nodevēji.', 'block'],
      ],
      'hate',
    );
  });

  it('reviews the milder ones', () => {
    expectDecisions([['Даже у табуретки больше мыслей, чем у тебя.', 'review']], 'insult');
    expectDecisions([['Давайте все делать вид, что Олега не существует.', 'review']], 'harassment');
  });

  it('leaves drills, lost pets, warnings, surprises and lessons alone', () => {
    expectClean([
      'Rīt skolā būs evakuācijas mācības, trauksme skanēs 10:00.',
      'Šodien ziņās rādīja apšaudi ASV skolā, bērni ir satraukti.',
      'Our dog went missing yesterday, it would be a shame if he never came back. Please call if you see him!',
      'Ваша дочь ходит одна из школы? Подумайте о телефоне с GPS.',
      'Osторожнее на лестнице зимой: пожилые люди падают и не могут встать.',
      'Mēs nopirksim jums dāvanu pārsteigumam dzimšanas dienā, satiksimies divatā pie kafejnīcas.',
      'Vai tev patika filmas beigas? Tev tas konec bija saprotams?',
      'Dinosaurs disappeared forever 66 million years ago.',
      'Pēc zoba izraušanas tu kādu laiku ēdīsi tikai caur salmiņu, teica zobārsts.',
      'Disabled pupils will use a separate entrance while the lift is repaired.',
      'Mošejas, baznīcas un sinagogas pandēmijas laikā bija slēgtas.',
    ]);
  });
});

describe('faces rearranged, counted days, "don\'t wake up", farewell letters, a school in the air (seventh round)', () => {
  it('blocks or reviews each', () => {
    expectDecisions(
      [
        ['Tev sejas vaibstus pārkārtos, ja vēl runāsi.', 'block'],
        ['Школа взлетит на воздух на третьем уроке.', 'block'],
        ['Считай дни.', 'review'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Visiem būtu labāk, ja tu rīt vienkārši nepamostos.', 'block'],
        ['Почему ты ещё мучаешься, всё же просто.', 'block'],
        ['Write your farewell letter tonight, nobody will read it anyway.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves make-up, holidays, babies, novels and experiments alone', () => {
    expectClean([
      'Your face will look different with this make-up tutorial, promise!',
      'Считаем дни до каникул!',
      "Please don't wake up the baby when you come in.",
      'Uzrakstiet atvadu vēstuli romāna varoņa vārdā.',
      'На уроке химии ракета взлетит в воздух, не волнуйтесь.',
    ]);
  });
});

describe('a dare to say it again is no report', () => {
  it('blocks the threat that follows "say that again"', () => {
    expectDecisions([['Скажи это ещё раз, и я тебе нос сломаю.', 'block']], 'threat');
  });
});

describe('a bang at school, something sharp, funeral money, "they should not live", young ones (seventh round, second part)', () => {
  it('blocks each', () => {
    expectDecisions(
      [
        ['Piektdien skolā būs tāds sprādziens! Palieciet mājās.', 'block'],
        ['Paņemšu rīt kaut ko asu, tad redzēsi.', 'block'],
        ['Передай матери, пусть копит на похороны.', 'block'],
        ['Тебя порежут у гаражей.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Tādiem cilvēkiem vispār nevajadzētu dzīvot.', 'block'],
        ['Романи детей держать отдельно от нормальных детей, романи это цыгане.', 'block'],
      ],
      'hate',
    );
    expectDecisions([['Just jump off the roof already.', 'block']], 'self-harm');
    expectDecisions(
      [
        ['Я люблю молоденьких, напиши мне.', 'block'],
        ['Man ir 30, bet vecums ir tikai skaitlis. Satiksimies?', 'block'],
      ],
      'sexual',
    );
  });

  it('leaves science shows, craft lessons, condolences, pools and contests alone', () => {
    expectClean([
      'Fizikas šovā būs liels sprādziens! Slimie, lūdzu, palieciet mājās.',
      'Rīt atnesīšu kaut ko asu papīra griešanai darbmācībā.',
      'Соболезнуем семье, похороны в субботу, соберём деньги.',
      'We jumped off the roof of the boat into the lake!',
      'Gribi nopelnīt? Sūti savas bildes uz fotokonkursu!',
      'Vecums ir tikai skaitlis — vecmāmiņa noskrēja maratonu!',
    ]);
  });
});

describe('"for now", "just saying", against the wall, sterilising, banned from school (eighth round)', () => {
  it('blocks or reviews each', () => {
    expectDecisions(
      [
        ['Skaists tev velosipēds. Būtu žēl, ja tas nonāktu upē.', 'block'],
        ['Mēs tevi atradīsim, nav jēgas slēpties.', 'block'],
        ['Ja tev dārga tava mašīna, klusē.', 'block'],
        ['Tu slimnīcā būsi biežāk nekā skolā, ja nepārstāsi.', 'block'],
        ['Your car tyres were slashed last night. Next time it will be you.', 'block'],
        ['Хорошая у тебя кошка. Пока что.', 'block'],
        ['Your brother trains at the rink on Tuesdays. Just saying.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Их всех к стенке, и дело с концом.', 'block'],
        ['Labs žīds ir miris žīds.', 'block'],
        ['Таких надо стерилизовать.', 'block'],
        ['Мигрантам вход в нашу школу должен быть запрещён.', 'block'],
        ['Viņi nav cilvēki, viņi ir lopi.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves storms, lifts, jars, pets and Ramadan alone', () => {
    expectClean([
      'Your windows are open — it would be a shame if they broke in the storm tonight.',
      'Your cat can stay in the classroom for now.',
      'Стерилизовать банки нужно 10 минут.',
      'Musulmaņiem ramadāna laikā aizliegts ēst līdz saulrietam, skolā tas jāņem vērā.',
      'Pupils with disabilities will use a separate entrance while the lift is repaired.',
      'Поставьте всех стулья к стенке после урока.',
    ]);
  });
});

describe('garages, casts, "not empty-handed", "go back", "a defect of nature" (eighth round, second part)', () => {
  it('blocks or reviews each', () => {
    expectDecisions(
      [
        ['Завтра за гаражами поговорим.', 'block'],
        ['Pēc stundām tev tā sadošu, ka mamma tevi nepazīs.', 'block'],
        ['Я знаю номер твоей квартиры.', 'block'],
        ['Uzmanies, mēs tevi noķersim piektdien.', 'block'],
        ['Иди домой, пока ты ещё целый.', 'block'],
        ['Приду в школу не с пустыми руками.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Тем мигрантам пора домой, пусть едут обратно.', 'block'],
        ['Аутисты — брак природы.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves crutches coming off, parties, promises not to hurt and cat food alone', () => {
    expectClean([
      'Vēl viens mēnesis, un tu atkal staigāsi bez kruķiem, malacis!',
      'Mēs tev sarīkosim tādu dzimšanas dienas ballīti, ka pat mamma klasi nepazīs!',
      "I'm not going to hurt you, I promise — I just want my pencil case back.",
      'Будем приносить корм для котят, пока не соберём целый мешок.',
      'Ukraiņu ģimenes vasarā brauks atpakaļ ciemos pie radiem.',
    ]);
  });
});

describe('insults by comparison and smell, walking things, empty heads (ninth round)', () => {
  it('reviews each', () => {
    expectDecisions(
      [
        ['Tev smadzeņu ir mazāk nekā manam zelta zivtiņai.', 'review'],
        ['Your brain is the size of a peanut.', 'review'],
        ['Tava galva ir tukša kā bundža.', 'review'],
        ['Тебя в детстве уронили на голову.', 'review'],
        ['Ты ходячее недоразумение, отойди.', 'review'],
        ["You're the human version of a wet sock.", 'review'],
      ],
      'insult',
    );
    expectDecisions(
      [
        ['Look at him, he looks like a boiled sausage lol', 'review'],
        ['You smell like old cabbage, sit somewhere else.', 'review'],
      ],
      'harassment',
    );
  });

  it('leaves tiredness, roses, football, dictionaries and dumps for furniture alone', () => {
    expectClean([
      'lol you look like a zombie today, did you even sleep?',
      'You smell like roses, new perfume?',
      'You smell like the gym after that football match, go shower!',
      'Tu esi staigājoša enciklopēdija!',
      'Mamma aizveda vecās mēbeles uz izgāztuvi.',
    ]);
  });
});

describe('hate in polite words, exposure, grooming and veiled threats (tenth round)', () => {
  it('blocks a group called second-class, purged, kept out or better unborn', () => {
    expectDecisions(
      [
        ['Imigranti ir otrās šķiras cilvēki, lai zina savu vietu.', 'block'],
        ['Предлагаю, чтобы детей мигрантов не принимали в нашу школу.', 'block'],
        ["I really don't think refugees belong in our school.", 'block'],
        ['Vajag beidzot iztīrīt mūsu klasi no tiem čigāniem.', 'block'],
        ['Invalīdi tikai tērē mūsu nodokļus.', 'block'],
        ['Bēgļiem nevajadzētu ļaut mācīt mūsu bērnus.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves facts, sport, chores and taxes alone', () => {
    expectClean([
      'Refugee children were not admitted to our school last year because places were full.',
      "I don't think Latvians belong to the same group as Estonians linguistically.",
      'Latvieši vienmēr ir bijuši otrās vietas ieguvēji sportā.',
      'Iztīrīsim skolas pagalmu no lapām kopā ar ukraiņu bērniem!',
      'Ārzemnieki tērē daudz naudas tūrismā, tas palīdz mūsu nodokļu ieņēmumiem.',
      'Vecāki nedrīkst būt kopā ar bērniem ģērbtuvē normālos apstākļos.',
      'Bērni ir dārzeņi ēduši pusdienās, paldies virtuvei!',
    ]);
  });

  it('blocks clothes-off pictures, named harm, a meeting after deleted chats and a secret gift; reviews veiled threats', () => {
    expectDecisions([['Скинь фотку без кофты, никто не узнает.', 'block']], 'sexual');
    expectDecisions(
      [
        ['Izdzēs mūsu saraksti, kad izlasīsi. Sestdien gaidu tevi pie manis, vienu pašu.', 'block'],
        ['Это наш секрет, я куплю тебе телефон, только никому ни слова.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ["Snitch again and you're getting battered after school.", 'block'],
        ['Ещё раз так сделаешь — получишь по морде.', 'block'],
        ['Tavu kaķi atradīs grāvī, ja neaizvērsi muti.', 'block'],
        ['Kad tavs brālis ies mājās, mēs būsim tur.', 'review'],
        ['Nekur tu no mums nepaslēpsies.', 'review'],
      ],
      'threat',
    );
    expectDecisions([['Share the video of Tom crying in the toilets with everyone 😂', 'block']], 'harassment');
  });

  it('leaves gifts, surprises, cyclists, balls, needles and lost pets alone', () => {
    expectClean([
      'It is a secret: we are buying our teacher a gift, do not tell anyone!',
      'Это наш секрет — подарим учительнице цветы, никому ни слова!',
      'Sestdien tiksimies pie skolas, izdzēsiet veco sarakstu un atnāciet laicīgi.',
      'Nekur neaizbēgsi no mājasdarbiem šovakar 😂',
      'Тебя встретят на вокзале, не переживай, тебе понравится лагерь.',
      'Skaties pār plecu, kad brauc ar riteni pa ceļu.',
      'Our dog was lost, they found him in the woods, thank God.',
      'If you are getting stabbed by a needle, tell the nurse.',
      'Send me a photo of your new top, I want to buy the same one!',
      'Visiem pārsūtiet video, kur Roberts raud no laimes, saņemot balvu!',
      'Set the candles inside the lanterns, do not burn the table.',
    ]);
  });
  it('blocks a group called Nazis or a fifth column, or bad by nature, and leaves history and myths alone', () => {
    expectDecisions(
      [
        ['Visi lietuvieši ir nacisti, ar viņiem nerunā.', 'block'],
        ['Эти эстонцы — фашисты, и дети у них такие же.', 'block'],
        ['Every refugee here is a fifth column.', 'block'],
        ['Čigāni pēc dabas ir zagļi, tas viņiem asinīs.', 'block'],
      ],
      'hate',
    );
    expectClean([
      'Vācieši tajā laikā bija nacisti, mācījāmies par to stundā.',
      'Latvians and Russians are genetically very close, we learned today.',
      'Ukrainian children adapt quickly by nature, the psychologist said.',
      'Saying that Muslims are violent by nature is a prejudice.',
      'Roma people have a rich music tradition, it is in their blood, says the festival poster.',
    ]);
  });
  it('blocks named harm to come, a fire-insurance hint and "you\'re next", and leaves queues and patients alone', () => {
    expectDecisions(
      [
        ['Vēl viens vārds, un tu vairs nestaigāsi.', 'block'],
        ['Ещё раз пожалуешься — будешь ходить со сломанными рёбрами.', 'block'],
        ['Бейте его, пока не упадёт!', 'block'],
        ['Ты у меня ещё попляшешь.', 'block'],
        ['Tu esi nākamais.', 'block'],
        ['Ceru, ka jūsu mājai ir laba apdrošināšana. Īpaši pret uguni.', 'block'],
      ],
      'threat',
    );
    expectClean([
      'Tu esi nākamais rindā pie ārsta, sagatavojies.',
      'You are next, come up to the board please.',
      'Pēc operācijas vecmāmiņa vairs nestaigās bez spieķa.',
      'Cooking club safety rule: never walk around holding a knife.',
      'Бей по мячу, не его!',
      'Ceru, ka mājai ir apdrošināšana pret uguni, pārbaudiet polisi.',
      "You'll be limping after that marathon, haha.",
      'На выпускном ещё попляшем!',
    ]);
  });
  it('blocks meeting just us two in secret, a changing video and death wishes dressed as favours', () => {
    expectDecisions([['Send me a video of you getting changed, nobody will know.', 'block']], 'sexual');
    expectDecisions([['Satiksimies pēc treniņa, tikai mēs divi, nevienam nesaki.', 'block']], 'sexual');
    expectDecisions(
      [
        ['Tavam tētim būtu vieglāk bez tevis.', 'block'],
        ['Pārstāj ēst vispār, tad tevi varbūt pamanīs.', 'block'],
      ],
      'self-harm',
    );
    expectClean([
      "Please don't skip lunch before the race – stop eating altogether and you'll run out of energy.",
      'Satiksimies pēc treniņa, tikai mēs divi, tas ir pārsteigums mammas dzimšanas dienai!',
      'Mammai būtu vieglāk, ja tu palīdzētu ar traukiem.',
      'Lūdzu, līdz piektdienai atsūtiet bērnu apģērba izmērus skolas formām.',
    ]);
  });
  it('blocks coercion by exposure, veiled threats and a pet that will not come home', () => {
    expectDecisions(
      [
        ['Atsūti man savu paroli, citādi visi uzzinās, ko tu rakstīji.', 'block'],
        ['Do my homework or the whole class sees your chats.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Tell anyone and your cat won’t come home.', 'block'],
        ['Ja rīt nāksi uz skolu, iziesi no tās ar ātro.', 'block'],
        ['Надеюсь, ваша квартира застрахована.', 'block'],
        ['Ты не знаешь, с кем связался.', 'review'],
        ["We'll find you.", 'block'],
      ],
      'threat',
    );
    expectClean([
      'Never share your password, or the whole school reads your DMs.',
      'If you come to the concert, everyone sees your performance.',
      'Our cat didn’t come home last night, has anyone seen her? Tell anyone who lives nearby.',
      "We'll find you a seat at the front.",
      "Don't worry, we'll find you!",
      'Он связался со мной вчера по телефону.',
      'Nāc uz karaoke vakaru, ja uzdrošinies 😄',
      'Hope your house is insured — the storm tonight looks bad.',
    ]);
  });
  it('blocks sexism and crime pinned on a group, and leaves victims, everyone and history alone', () => {
    expectDecisions(
      [
        ["Girls just aren't made for programming.", 'block'],
        ["A woman's place is in the kitchen.", 'block'],
        ['Vairāk bēgļu nozīmē vairāk noziegumu, tā ir statistika.', 'block'],
      ],
      'hate',
    );
    expectClean([
      'Migrants are more often victims of crime than its cause, the study showed.',
      "Maths isn't for everyone, girls or boys, but everyone can try.",
      "Our girls' team loves physics, and the olympiad place went to Anna!",
    ]);
  });
  it('reviews the worst teacher ever and dead weight, and leaves luggage and a denial alone', () => {
    expectDecisions(
      [
        ['Jūs esat vissliktākais skolotājs, kādu esmu redzējis.', 'review'],
        ['Tu esi lieks svars šai komandai.', 'review'],
      ],
      'insult',
    );
    expectClean(['Tu neesi lieks svars, tu esi svarīga komandai.', 'Mana soma ir lieks svars ekskursijā.']);
  });
  it('blocks "age is just a number", a locked door, a gifted little secret and urging after a wish to die', () => {
    expectDecisions(
      [
        ['Тебе всего 13, но возраст — это просто цифра 😉', 'block'],
        ["Come to my room after class, we'll lock the door and discuss your grade.", 'block'],
        ['Nopirku tev jaunu telefonu. Tas būs mūsu mazais noslēpums.', 'block'],
        ['Скинь фото без штанов, никто не узнает.', 'block'],
      ],
      'sexual',
    );
    expectDecisions([['Ты же хотела умереть — так давай, вперёд.', 'block']], 'self-harm');
    expectClean([
      'Age is just a number — my grandma ran a marathon at 80!',
      "Lock the door when you leave, and we'll talk about your grade tomorrow in class.",
      'Ja tev slikti, medmāsas kabinets otrajā stāvā ir vaļā.',
      'Tu teici, ka gribi nomirt no garlaicības — uz priekšu, izlasi grāmatu!',
      'Nopirku tev dāvanu dzimšanas dienā, tas ir mūsu mazais noslēpums līdz piektdienai!',
      'Take your shirt off the chair and send me the homework photo.',
    ]);
  });
});

describe('"tell anyone and you won\'t make it home" (session 16)', () => {
  it('blocks a threat on the way home after telling or talking', () => {
    expectDecisions(
      [
        ['Ещё раз пожалуешься учителю — домой не дойдёшь.', 'block'],
        ['Скажешь учителю — до школы завтра не дойдёшь.', 'block'],
        ['Ja vēl vienu reizi pateiksi skolotājai, tu rīt netiksi līdz mājām.', 'block'],
        ["Keep talking and you won't make it to the bus stop tomorrow.", 'block'],
      ],
      'threat',
    );
  });

  it('leaves being late for dinner and safety advice alone', () => {
    expectClean([
      "Can you tell me if you won't make it home by six?",
      'Скажи, если не доберёшься домой до темноты, я заеду.',
      "Tell mum I won't make it home for dinner, training runs late again.",
      "If anyone ever makes you feel unsafe on the way home, tell a teacher straight away. You won't get in trouble.",
      'Pasaki mammai, ka šodien netiksi mājās pirms sešiem.',
    ]);
  });
});

describe('sextortion: more pictures or the old ones are shown (session 16)', () => {
  it('blocks a demand for more pictures under the threat of showing the earlier ones', () => {
    expectDecisions(
      [
        ['Если не пришлёшь ещё фото, покажу старые всему классу.', 'block'],
        ['Ja neatsūtīsi vēl bildes, es tās vecās parādīšu visai klasei.', 'block'],
        ["I've got your pics. Send me more or I'm posting them on the school page.", 'block'],
      ],
      'sexual',
    );
  });

  it('leaves trip photos, an exhibition and safety advice alone', () => {
    expectClean([
      "Please send more photos from the trip, or I'll post only mine on the class page 😊",
      'Ja neatsūtīsi bildes līdz piektdienai, parādīšu klasei tikai savējās no ekskursijas.',
      "Send me a pic of your new top, I want to see if it'd suit me too!",
      "If you don't send the photos of your project, I can't show them at the exhibition.",
      "Never send pics to strangers: if you don't send more, they may show the old ones to everyone.",
    ]);
  });
});

describe('"tell anyone and your family gets hurt" (session 16)', () => {
  it('blocks harm to the reader\'s family or pet if they tell', () => {
    expectDecisions(
      [
        ['Tell anyone about this and your little brother gets hurt.', 'block'],
        ['Ещё одно слово — и твоему младшему брату тоже достанется.', 'block'],
        ['Ja vēl reizi pieminēsi manu vārdu, tavai mazajai māsai būs problēmas.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves queues, homework trouble and a surprise alone', () => {
    expectClean([
      "Tell your little sister she's next for the dentist.",
      'Pastāsti mammai, ka tavai māsai ir problēmas ar matemātiku, palīdzēsim.',
      "Don't tell your mum, your sister is next to get the surprise!",
      'If you tell your brother, he will be next to help with the photo.',
    ]);
  });
});

describe('"stay home if you want to live" (session 16)', () => {
  it('blocks a warning to stay away on pain of life', () => {
    expectDecisions(
      [
        ["There's going to be a shooting at school on Friday. Stay home if you want to live.", 'block'],
        ['Labāk piektdien neej uz diskotēku, ja gribi palikt dzīvs.', 'block'],
        ['Завтра сиди дома, если хочешь жить.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves healthy living, a fever and the dormitory alone', () => {
    expectClean([
      'If you want to live a healthy life, stay away from sugar.',
      'Stay home if you have a fever, we want everyone to be well.',
      'Ja gribi dzīvot kopmītnē, paliec pēc stundām un aizpildi anketu.',
      'Stay home on Sunday if you want to live like a king: pancakes for everyone!',
    ]);
  });
});

describe('"something at school everyone will remember" and "no laughing matter" (session 16)', () => {
  it('blocks a hint of an attack on the school; a teacher\'s teaser names the event', () => {
    expectDecisions(
      [
        ['Rīt ienesīšu skolā kaut ko tādu, ka visi atcerēsies šo dienu.', 'block'],
        ['Tomorrow something is going to happen at this school and nobody will ever forget it.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks bringing something to school that is no laughing matter', () => {
    expectDecisions([['Завтра принесу в школу кое-что, и всем будет не до смеха.', 'block']], 'threat');
  });

  it('leaves graduation, a fair, a show and a lesson in kindness alone', () => {
    expectClean([
      'Rīt skolā notiks kaut kas tāds, ko visi atcerēsies — izlaidums!',
      'Something happened at school today that everyone should remember: be kind.',
      'Завтра в школе будет кое-что, что все запомнят: ярмарка!',
      'Tomorrow at school there will be something nobody will forget — the magic show!',
    ]);
  });
});

describe('"don\'t eat, then you\'ll fit into your jeans" (session 16)', () => {
  it('blocks urging the reader to starve for their looks', () => {
    expectDecisions(
      [
        ['Stop eating for a week, you might finally fit into your jeans 🙃', 'block'],
        ['Neēd vispār, tad varbūt beidzot izskatīsies normāli.', 'block'],
        ['Vienkārši pārstāj ēst, badojies, līdz redzēsies ribas.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves sweets before dinner, breakfast before an exam and a costume alone', () => {
    expectClean([
      'Neēd saldumus pirms vakariņām, tad būsi skaista un vesela! 😊',
      "Don't skip breakfast before the exam, you'll feel fit and focused!",
      "Stop eating chips before dinner, you won't fit into the costume otherwise 😄",
    ]);
  });
});

describe('threats, grooming and self-harm urging without the older frames’ words (session 17)', () => {
  it('blocks a family member who will not come home unharmed, a body in the river, a gun brought, "на ножи", "or it will hurt"', () => {
    expectDecisions(
      [
        ['Ja tu vēlreiz kādam pastāstīsi, tava mazā māsa vairs nenāks mājās vesela.', 'block'],
        ['Если расскажешь, твоя сестра не вернётся домой целой.', 'block'],
        ["Your little brother won't make it home in one piece if you tell.", 'block'],
        ['Сделаю так, что тебя найдут в Даугаве.', 'block'],
        ['Если сына исключат, я приду с ружьём.', 'block'],
        ['Всех их на ножи.', 'block'],
        ['Отдай телефон, или будет больно.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks grooming: money for pictures, a private app and tell nobody, a ride between us, talks kept from the parents', () => {
    expectDecisions(
      [
        ['Gribi nopelnīt kabatas naudu? Vajag tikai dažas bildes.', 'block'],
        ['Давай дружить, пиши мне в телегу, только никому.', 'block'],
        ['Могу подвозить тебя с бассейна, только пусть это будет между нами.', 'block'],
        ['Родителям про наши разговоры знать не обязательно.', 'block'],
        ['Izdzēs šo saraksti. Gribu tevi satikt parkā, nāc viena.', 'block'],
        ['Nāc pie manis, vecāku nebūs… neviens neuzzinās.', 'block'],
        ['Tev ir tik skaistas kājas, gribētu tās aptaustīt.', 'block'],
        ['Gribu tevi izdrāzt starpbrīdī.', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks urging: happier at your funeral, the only good thing is to die, "if I were you I would have hanged myself", fix that mistake, jump', () => {
    expectDecisions(
      [
        ['Honestly the class would be happier at your funeral than at your birthday.', 'block'],
        ['Tu esi tāda nulle, ka vienīgais labais, ko tu vari izdarīt, ir nomirt.', 'block'],
        ['Ja es būtu tik neglīta kā tu, es jau sen būtu nolēkusi no tilta.', 'block'],
        ['Если бы я был тобой, я бы давно уже удавился.', 'block'],
        ['Зачем ты вообще родилась? Исправь эту ошибку.', 'block'],
        ['Девятый этаж, окно открыто, вперёд, все ждут.', 'block'],
        // The reader's own words thrown back report nothing.
        ['You keep saying you want to die. Stop talking about it and get on with it.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks following a teacher home, a language called a dog’s, and girls called stupid', () => {
    expect(verdict('Skolotāj, es sekoju jums no skolas līdz mājām. Vai rīt atkal iesiet pa to pašu ceļu?')).toEqual({ decision: 'block', categories: ['harassment'] });
    expect(verdict('Латышский язык — собачий язык, учить его унизительно.').decision).toBe('block');
    expect(verdict('Girls are too stupid for physics, just stick to cooking.').decision).toBe('block');
  });

  it('leaves the look-alikes alone', () => {
    expectClean([
      'Mana māsa šodien nenāks uz skolu, jo nav vesela.',
      'Tava mamma vēl nenāks mājās, viņa ir veselības centrā.',
      'Положите на стол ножи и вилки.',
      'Надень перчатки, иначе будет больно.',
      'Klases foto maksā 12 eiro, naudu lūdzu līdz piektdienai.',
      'Gribi nopelnīt kabatas naudu? Skolas kafejnīcai vajag palīgus.',
      'Ja ir jautājumi, rakstiet man WhatsApp, šeit es skatos reti.',
      'Родителям важно знать о наших разговорах с психологом.',
      'Ārsts gribētu aptaustīt tavas kājas, lai pārbaudītu locītavas.',
      "I'm happy to help with your grandfather's funeral.",
      'Если бы я был тобой, я бы подготовился к контрольной.',
      'Исправь эту ошибку в задаче, пожалуйста.',
      'На девятом этаже окно открыто, закройте, пожалуйста.',
      'Es sekoju tev instagramā.',
      'Es gāju tev līdz mājām, lai atdotu grāmatu.',
      'Meitenes nav stulbas, tas ir stereotips.',
      'Nobody is going to hurt you, we have spoken to the other boy’s parents.',
      "You said your tummy hurts, so stay home and rest, I hope you don't die of boredom.",
    ]);
  });
});

describe('an ambush announced with a cue that help or running will not save the reader (session 17)', () => {
  it('blocks the ambush in each language', () => {
    expectDecisions(
      [
        ['Mēs tevi sagaidīsim pie autobusa pieturas. Neceri, ka kāds palīdzēs.', 'block'],
        ['Мы тебя встретим у школы, возьми с собой бинты.', 'block'],
        ["We'll be waiting for you after practice, and running won't help.", 'block'],
      ],
      'threat',
    );
  });

  it('leaves a welcome, a pick-up and flowers alone', () => {
    expectClean([
      'Neuztraucies, pie skolas vārtiem mēs tevi sagaidīsim četratā un kopā iesim uz autobusu.',
      'Mēs tevi sagaidīsim pie vārtiem ar ziediem!',
      'Встретим вас у автобуса, советую взять зонты.',
      "We'll be waiting for you at the bus, don't bother bringing lunch, we have pizza!",
    ]);
  });
});

describe('self-harm taunts and dehumanised groups, second round (session 17)', () => {
  it('blocks "if I were you I would have ended myself", "when will you finally hang yourself", "you said you want to die, so do it"', () => {
    expectDecisions(
      [
        ['Ja es būtu tu, es jau sen būtu sevi nobeidzis.', 'block'],
        ['Будь я тобой, давно бы шагнул с крыши.', 'block'],
        ["If I looked like you I'd have ended it years ago.", 'block'],
        ['Когда ты уже повесишься? весь класс ждёт', 'block'],
        ['tu tiešām vēl neesi sevi pakārusi? gaidām', 'block'],
        ['Tu taču teici, ka gribi nomirt. Nu tad dari, nerunā tikai.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks a group called animals or vegetables', () => {
    expectDecisions(
      [
        ['Ar tiem autistiem nevar normāli strādāt, viņi ir kā dzīvnieki.', 'block'],
        ['Autisti ir dārzeņi, kāpēc tādus vispār laiž skolā', 'block'],
      ],
      'hate',
    );
  });

  it('leaves a chance jumped at, a break-up, a graduation, wild children on a trip and a gym lesson alone', () => {
    expectClean([
      "If I were you I'd have jumped at the chance.",
      "If I were you I'd have ended it with him months ago.",
      'Ja es būtu tu, es būtu beidzis skolu ar izcilību.',
      'Bērni ekskursijā uzvedās kā dzīvnieki, viņiem vajag runāt par uzvedību.',
      'Bioloģijā runāsim par migrējošiem dzīvniekiem, like birds and whales, un kāpēc tie pārceļas.',
    ]);
  });
});

describe('violent verbs and weapons the classes missed (session 17)', () => {
  it('blocks slaughter and hunting down, "зарежу, если…", coming with a knife, a knife bought, days left to live, "make you bleed"', () => {
    expectDecisions(
      [
        ['Es noslaktēšu visu jūsu ģimeni, ja vēl vienu reizi piezvanīsiet manai sievai.', 'block'],
        ['mēs tevi nomedīsim kā zaķi, tikai pagaidi', 'block'],
        ['Зарежу, если ещё раз тронешь мой телефон', 'block'],
        ['nākamreiz ar nazi atnākšu, понял?', 'block'],
        ['Es zinu, kurā stundā tu beidz. Būšu pie vārtiem ar nazi.', 'block'],
        ['Nopirku nazi. Rīt redzēsi, kam tas paredzēts.', 'block'],
        ['Tev paliek dzīvot līdz piektdienai.', 'block'],
        ['Rīt tu vairs nestāvēsi uz kājām, to es tev apsolu.', 'block'],
        ['If my daughter fails this class I swear I will come to that school and make you bleed.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves a joke in Latin-letter Russian, salads, a history lesson, camping, a forgotten knife and a dorm alone', () => {
    expectClean([
      'ja ne ubju tebja posle urokov, ne bojsja 😅 shutka byla glupaja, izvini',
      'Rīt atnākšu ar nazi un dēli, taisīsim salātus.',
      'Vēstures stundā atnākšu ar grāmatu par nacistiem.',
      'Es būšu pie vārtiem ar nazi, ko aizmirsi mājturībā.',
      'Nopirku nazi kempingam, rīt redzēsi!',
      'Tev paliek dzīvot kopmītnē līdz piektdienai.',
    ]);
  });
});

describe('Russian threats the classes missed (session 17)', () => {
  it('blocks a stretcher, a door set on fire, a car finished, a safe, a brick, not reaching school on Monday', () => {
    expectDecisions(
      [
        ['Если ещё раз сядешь за мою парту, тебя отсюда вынесут на носилках.', 'block'],
        ['Вашу дверь кто-нибудь ночью подожжёт, и никто ничего не докажет.', 'block'],
        ['Если учительница поставит мне двойку, её машине конец, обещаю.', 'block'],
        ['Принесу в понедельник кое-что из папиного сейфа, посмотрим, как вы тогда запоёте.', 'block'],
        ['Окна твоей квартиры на первом этаже, да? Кирпич долетит.', 'block'],
        ['Мы с пацанами решили: в понедельник ты до школы не дойдёшь.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves snow, documents, wind and an alarm alone', () => {
    expectClean([
      'Завтра ты до школы не дойдёшь — автобусы не ходят из-за снега.',
      'Принесу из сейфа документы, посмотрим вместе.',
      'Окна закройте, на улице ветер, камень может прилететь с дороги.',
      'Set your house alarm before the holidays.',
    ]);
  });
});

describe('after blind-23 (session 17)', () => {
  it('blocks "in your place I would have stepped out of the window", "when will you finally die", following someone home', () => {
    expectDecisions(
      [
        ['На твоём месте я бы давно шагнул из окна.', 'block'],
        ['Когда ты уже наконец сдохнешь? Помочь с верёвкой?', 'block'],
      ],
      'self-harm',
    );
    expect(verdict("I've been following you home every day this week.").decision).toBe('block');
  });

  it('leaves an apology, a follow on TikTok and a fire drill alone', () => {
    expectClean([
      'На твоём месте я бы шагнул навстречу и извинился.',
      "I've been following you on TikTok since summer, love your videos!",
      'We have a fire drill at 10 am, please make sure the kids know where to go.',
    ]);
    // "make sure" is no drill: the threat stays.
    expect(verdict('I know where your mum goes every evening, make sure you think twice.').decision).toBe('block');
  });
});

describe('"occupier" said to someone', () => {
  it('is hate when it addresses the reader', () => {
    expectDecisions([['Runā latviski, okupant, vai aizveries.', 'block'], ['tu esi okupants', 'block'], ['ты оккупант, вали отсюда', 'block']], 'hate');
  });

  it('leaves a history lesson about occupiers alone', () => {
    expectClean(['Okupācijas muzejā mācījāmies par okupantiem.', 'Vai jūs esat lasījuši grāmatu par okupantiem?', 'В учебнике написано, что оккупанты сожгли деревню.']);
  });
});

describe('чухна and негр (session 19)', () => {
  it('are hate said of a classmate', () => {
    expectDecisions([['Чухна, учи русский, пока не поздно.', 'block'], ['Негр в нашей команде? Вы серьёзно?', 'block'], ['чухонцы все тупые', 'block']], 'hate');
  });

  it('leave a history lesson and a cocktail alone', () => {
    expectClean(['В учебнике истории про негров-рабов в Америке', 'Негрони — это коктейль']);
  });
});

describe('a people to be deported to Siberia or in cattle wagons (session 19)', () => {
  it('is hate', () => {
    expectDecisions([['Krievus vajag sadzīt atpakaļ uz Sibīriju, visus līdz pēdējam.', 'block'], ['Ivanus vajag sūtīt atpakaļ lopu vagonos.', 'block']], 'hate');
  });

  it('leaves the history of the deportations and library books alone', () => {
    expectClean(['Vēsturē mācījāmies, ka 1941. gadā latviešus sadzina lopu vagonos un aizveda uz Sibīriju.', 'Mums vajag aizsūtīt krievu valodas grāmatas atpakaļ uz bibliotēku.']);
  });
});

describe('session 20 frames (from blind-28 after its measurement)', () => {
  it('blocks hate said to the reader or of a group that "corrupts children"', () => {
    expectDecisions(
      [
        ['Ar tādu ādas krāsu tev jābrauc atpakaļ uz savu Āfriku, nevis jāmācās šeit.', 'block'],
        ['Ej atpakaļ uz savu valsti!', 'block'],
        ['Lezbietes nedrīkst strādāt skolā, tās samaitā bērnus.', 'block'],
        ['Visi geji samaitā bērnus.', 'block'],
      ],
      'hate',
    );
  });

  it('blocks urging someone to leave life or to take a razor and do it', () => {
    expectDecisions([['Такие, как ты, должны сами уходить из жизни.', 'block'], ['Paņem žileti un izdari to, ko tāpat gribi.', 'block']], 'self-harm');
  });

  it('blocks sexual approaches made of plain words', () => {
    expectDecisions(
      [
        ['What are you wearing under that uniform? 😏', 'block'],
        ['Дай потрогать, не ломайся.', 'block'],
        ['Nākamreiz ģērbtuvē tevi aizskaršu tā, ka tev patiks.', 'block'],
        ['Gribi, es tev parādīšu, ko lielie puiši dara ar tādām meitenēm kā tu?', 'block'],
        ['Tu esi ļoti nobriedusi savam vecumam, varam satikties bez taviem vecākiem?', 'block'],
        ['Это будет наш маленький секрет, маме не рассказывай, хорошо?', 'block'],
        ["I'll pay you fifty bucks for a nude, easy money.", 'block'],
      ],
      'sexual',
    );
  });

  it('blocks filming someone to shame them and following them home unnoticed', () => {
    expectDecisions(
      [
        ['I recorded you crying in the bathroom, the whole school gets it tomorrow.', 'block'],
        ['Я каждый день провожаю тебя до дома, а ты даже не замечаешь.', 'block'],
        ['Es katru dienu eju tev pakaļ līdz mājām, tu vēl neesi pamanījusi?', 'block'],
        ['Uztaisīju mēmi ar tavu seju uz cūkas ķermeņa 🤣', 'block'],
      ],
      'harassment',
    );
  });

  it('holds a deadline followed by "no mercy" for review', () => {
    expectDecisions([['Tev ir laiks līdz piektdienai, pēc tam vairs nežēlošu.', 'review']], 'threat');
  });

  it('leaves their look-alikes alone', () => {
    expectClean([
      'Brauc droši atpakaļ uz savu valsti, paldies par apmaiņas programmu!',
      'Ты должна знать: уйти из жизни — не выход, позвони на линию доверия.',
      "I walk past you every day and you don't even notice me 😢",
      'I recorded you singing, everyone will see it at the assembly!',
      'Дай потрогать котёнка, не жадничай и не ломайся',
      "What are you wearing under your coat? It's freezing.",
      'Nestāsti mammai par mūsu čatu, gatavojam viņai pārsteigumu dzimšanas dienā!',
      'Tev ir laiks līdz piektdienai nodot darbu, pēc tam vairs nežēlošu ar atzīmēm 😉',
      'Lezbietes un geji ir tādi paši cilvēki, viņi nesamaitā bērnus.',
      'Vēsturē: komunisti teica, ka ebreji samaitā bērnus, tā bija propaganda.',
      'Nofilmēju tevi dziedam, visa skola redzēs rīt koncertā!',
      'Наш учитель ушёл из жизни, выражаем соболезнования семье.',
    ]);
  });
});

describe('session 20 frames (from train-zk and train-zl)', () => {
  it('blocks a humiliating video of the reader already shared', () => {
    expectDecisions(
      [
        ['Видео, где ты падаешь в столовой, уже у всей школы, скоро до родителей дойдёт 😂', 'block'],
        ['Tas video, kur tu krīti sporta stundā — уже у всех, it\'s going viral 😂', 'block'],
      ],
      'harassment',
    );
  });

  it('blocks "you will be found in a ditch" and "nobody will find you in the forest"', () => {
    expectDecisions(
      [
        ['Ja vēlreiz tevi redzēšu ar viņu, tevi atradīs grāvī.', 'block'],
        ['Увижу тебя с ней ещё раз — найдут в канаве.', 'block'],
        ['Будешь лежать в лесу под Огре, и никто тебя не найдет.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks urging someone who self-harms to go further or to end it', () => {
    expectDecisions(
      [
        ['Keep cutting, maybe next time go deeper.', 'block'],
        ['Ты и так режешь руки, так доведи дело до конца.', 'block'],
        ['Слушай, я серьезно: если тебе так плохо, просто закончи это, и все.', 'block'],
        ['Tu esi tik nožēlojams, ka vienīgais pareizais solis būtu atņemt sev dzīvību.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves their look-alikes alone', () => {
    expectClean([
      'Video, kur tu dziedi, jau ir skolas grupā, visi saka super! 😍',
      'The video of you scoring the goal has 300 views already!',
      'Фото, где ты на сцене, уже у всех в чате, ты звезда! 🌟',
      'Nofilmēju tevi uz skatuves, visa klase redzēs video vecāku sapulcē',
      'Bilde, kur tu ēd saldējumu, jau ir klases grupā 😂',
      'I recorded you at the science fair, the whole school will see it on the website!',
      'Я снял, как ты забиваешь гол, вся школа увидит!',
      'Tevi atradīs mežā, ja paslēpsies aiz lielā ozola — spēlējam paslēpes!',
      'Ja pazaudēsi telefonu upē, to neviens neatradīs.',
      'Cut the paper deeper along the line next time.',
      'Если тебе плохо, закончи это упражнение и отдохни.',
      'Ja tev ir slikti, izbeidz treniņu un pasaki trenerim.',
      'Hamlets apsver atņemt sev dzīvību – apspriedīsim monologu.',
      'Ja kāds saka, ka grib atņemt sev dzīvību, tev vajadzētu zvanīt 116123.',
      'Tu griezies pareizi, dziļāk nevajag — frizūra izskatās lieliski',
      'Which page of the workbook did we have to do? I wrote down the wrong number 🙈',
    ]);
  });
});

describe('session 20: stalking by routine and groups as vermin or zoo animals', () => {
  it('blocks "I see you at your stop every day" with what was worn or "see you tomorrow"', () => {
    expectDecisions(
      [
        ['I see you at the bus stop every morning. You looked tired today. See you tomorrow.', 'block'],
        ['Каждое утро вижу, как ты в 7:40 выходишь из подъезда. Красная куртка тебе идет.', 'block'],
      ],
      'harassment',
    );
  });

  it('blocks a group said to be cockroaches, extremists or zoo animals', () => {
    expectDecisions(
      [
        ['ukraiņu bērni mūsu skolā ir kā tarakāni, nāk un nāk arvien vairāk.', 'block'],
        ['Black people belong in a zoo, not in our class.', 'block'],
        ["Muslim families in? They're all extremists waiting to blow something up", 'block'],
      ],
      'hate',
    );
  });

  it('leaves a classmate at the stop and a zoo trip alone', () => {
    expectClean([
      'I see you at the bus stop every morning, want to walk together tomorrow?',
      'Katru rītu redzu tevi pieturā, rīt atkal brauksim kopā uz skolu?',
      'Ukraiņu bērni rīt brauks uz zoodārzu kopā ar 3.b klasi.',
      "See you every morning at the bus stop, don't forget your hat!",
      'I see you every day at the bus stop, you always wear that cool jacket, where did you buy it?',
      'Каждое утро вижу тебя на остановке, у тебя классная куртка, где купила?',
      "They're all cheering for us, every one of them!",
    ]);
  });
});

describe('session 20: plain-word sexual remarks and approaches (train-zk, train-zl)', () => {
  it('blocks money for pictures, remarks on clothes and bodies, and "come when everyone has gone, I will show you something"', () => {
    expectDecisions(
      [
        ['Varu samaksāt 50 eiro par dažām bildēm apakšveļā. Nauda uzreiz.', 'block'],
        ['Сколько ты хочешь за пару откровенных видео? Деньги сразу на карту.', 'block'],
        ['Tev šodien tik īsi svārki, visa klase skatījās uz tavām kājām 😏', 'block'],
        ['Miss, those jeans really show off your figure, hard to focus on Shakespeare.', 'block'],
        ['Зайди после тренировки в раздевалку, когда все уйдут, хочу тебе кое-что показать.', 'block'],
      ],
      'sexual',
    );
  });

  it('leaves a photo contest, dress code, a shop, gym and tidying up alone', () => {
    expectClean([
      'Konkursā par labākajām bildēm uzvarētājs saņems 50 eiro naudu.',
      'Svārki ir par īsu skolas noteikumiem, lūdzu, ievērojiet formu.',
      'Šie šorti tev ļoti labi pieguļ, ņem M izmēru!',
      'Look at the short film we made, it is only 5 minutes!',
      'Kājas jāpaceļ augstāk, vingrojam šortos.',
      'Tev tik skaisti svārki, visi skatījās 😍',
      'Great figure skating show, your new dress was amazing!',
      'Nāc uz ģērbtuvi pēc treniņa, kad visi aizies, jāsakārto inventārs.',
    ]);
  });
});

describe('session 20: more severe shapes from train-zk and train-zl', () => {
  it('blocks threats without a violent word aimed at the reader', () => {
    expectDecisions(
      [
        ['Es parūpēšos, lai tu pēc sestdienas vairs nekad nevarētu normāli staigāt.', 'block'],
        ['Ja man būtu spridzeklis, es sāktu tieši ar jūsu klasi.', 'block'],
        ['В понедельник школа запомнит этот день надолго. Я подготовился.', 'block'],
        ["Someone is going to get stabbed if this keeps up, and it won't be me.", 'block'],
        ["Keep snitching and you'll be found floating in the Daugava.", 'block'],
        ['Nodursim tevi kā cūku, tikai pagaidi līdz Līgo.', 'block'],
      ],
      'threat',
    );
  });

  it("blocks mocking someone's dead parent and urging to a high place or out of life", () => {
    expectDecisions([['Tavs tētis nomira, un pareizi, viņš droši vien negribēja tādu dēlu kā tu.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Vanšu tilts ir augsts, tev tur vajadzētu aiziet.', 'block'],
        ['Мой совет вам как учителю: уйдите с работы, а лучше сразу из жизни.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves recovery, water pistols, condolences, a concert, a sunset, a film, school rules and the league alone', () => {
    expectClean([
      'Es parūpēšos, lai tu pēc operācijas atkal varētu normāli staigāt.',
      'Ja man būtu ūdens pistole, es sāktu ar tevi 😂',
      'Tavs tētis nomira, esam ar tevi, ļoti žēl.',
      'Твой папа умер? Мне так жаль, держись.',
      'Skola atcerēsies šo dienu ilgi — koncerts bija lielisks, esam gatavi nākamajam!',
      'Vanšu tilts ir augsts, tev tur vajadzētu aiziet nofotografēt saulrietu.',
      'In the film someone is going to get shot at the end, no spoilers',
      'School rules reminder: knives, lighters, vapes and fireworks are strictly banned on school grounds.',
    ]);
  });
});

describe('after blind-29 was measured (session 20)', () => {
  it('leaves a fever that went down, a school weapons policy and "вы просто бомба" alone', () => {
    expectClean([
      'Спасибо, что позвонили, температура у Димы уже спала.',
      'School policy: knives, lighters, vapes and any weapons are strictly forbidden on campus.',
      'Спасибо вам, вы просто бомба! Лучший классный руководитель 💣❤️',
    ]);
    expectDecisions([['Я принесу бомбу в школу, вы все увидите', 'block']], 'threat');
    expectDecisions([['Уже спала с ним?', 'block']], 'sexual');
  });
});

describe('session 21: threats without a violent word (blind-30, train-zm, train-zn)', () => {
  it('blocks "some will not wake up", "if you want to stay alive", "in pieces", found wherever you hide', () => {
    expectDecisions(
      [
        ['Ja mani izmetīs, daži no jums vairs nepamodīsies.', 'block'],
        ['Ещё раз нажалуешься — больше не проснёшься.', 'block'],
        ['Some of you will never wake up after Friday.', 'block'],
        ['Если хочешь остаться живым, держи язык за зубами.', 'block'],
        ['If you want to stay in one piece, drop the complaint.', 'block'],
        ['Ja gribi palikt dzīvs, aizmirsti par to.', 'block'],
        ['Скажешь хоть слово — тебя соберут по частям.', 'block'],
        ['Tevi atradīs, lai kur tu slēptos.', 'block'],
        ['You will be found, no matter where you hide.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks a school in smoke, a loud day to stay away from, a weapon "you will all see", extortion and family routines', () => {
    expectDecisions(
      [
        ['Rīt te viss būs dūmos, es apsolu.', 'block'],
        ['On Monday school is going to be loud. Sit near the exit.', 'block'],
        ['Labāk rīt paliec mājās. Es nopietni.', 'block'],
        ['Купил нож. В пятницу все поймёте.', 'block'],
        ['Nes 10 eiro katru pirmdienu, un neviens tevi neaiztiks.', 'block'],
        ['Твоя мама работает в аптеке? Я знаю, во сколько она заканчивает.', 'block'],
        ["I know where your brother waits for the bus. Remember that.", 'block'],
        ['Mēs zinām tavu adresi. Naktī labāk aizslēdz durvis.', 'block'],
        ['Pēc stundām aiz sporta zāles, viens pats. Citādi būs sliktāk.', 'block'],
        ['Vakarā parunāsim bez lieciniekiem.', 'block'],
        ['Ja pasūdzēsies, tavs brālis vairs nenāks mājās.', 'block'],
        ['Лучше переводись, пока ещё можешь ходить.', 'block'],
        ["He thinks he's safe at home. He's wrong.", 'block'],
      ],
      'threat',
    );
  });

  it('leaves grief, waking up on time, health advice, games, a cooking knife, a lost child, a concert and a password alone', () => {
    expectClean([
      'Vecmāmiņa vairs nepamodīsies, tāpēc Jānis rīt nebūs skolā.',
      'Ja tu iesi gulēt pusnaktī, tu vairs nepamodīsies laicīgi.',
      'Бабушка больше не проснётся, мы в трауре, простите за пропуск.',
      'You never wake up on time, set two alarms!',
      'If you want to stay healthy, eat vegetables and sleep well.',
      'If you want to stay alive in Minecraft, build a shelter before night.',
      'Давай разберём его по частям, этот текст сложный.',
      'Rīt ķīmijas stundā viss būs dūmos 😂 eksperiments!',
      'We will be waiting for you at the party 😈',
      'Nopirku nazi kulinārijas stundai, pirmdien redzēsiet, kā griežu.',
      'Ja apmaldīsies mežā, tevi atradīs, nekur neslēpies, stāvi uz vietas.',
      'Ekskursijas maksa 15 eiro, ja nesamaksāsiet, nekas nenotiks, varat vēlāk.',
      'Piektdien koncertā būs skaļi, sēdiet tuvāk izejai, ja jums ir mazi bērni.',
      'Labāk rīt paliec mājās, ja esi slims. Tikai saku.',
      'Enjoy the park while you can still walk there before it closes.',
      'Ты думаешь, что пароль в безопасности? Ошибаешься.',
      'If you complain to the teacher, your mum will come home early to talk.',
      'Tava mamma strādā slimnīcā, vai ne? Es zinu, viņa ir lieliska ārste.',
    ]);
  });
});

describe('session 21: grooming, stalking, sharing and urging in plain words', () => {
  it('blocks secrecy about "our friendship", pictures as "our secret", gifts for coming alone, age questions and parents away', () => {
    expectDecisions(
      [
        ['Никто не должен знать о нашей переписке, поняла?', 'block'],
        ['Vecāki taču nezina, ka mēs sarakstāmies, vai ne?', 'block'],
        ['Send me a selfie before bed, it will be our secret.', 'block'],
        ['Nopirkšu tev jaunas austiņas, ja atnāksi pie manis viena.', 'block'],
        ['Stay after practice, I will show you some grown-up things.', 'block'],
        ['Cik tev gadu? Tu izskaties daudz vecāka 😏', 'block'],
        ['Your parents do not need to know about this, okay?', 'block'],
        ['Когда твои родители уезжают? Могу забрать тебя покататься.', 'block'],
        ['Включи камеру, когда будешь в душе.', 'block'],
        ['Я хочу тебя везде целовать.', 'block'],
        ['Skolotāja šodien tādos svārkos 🥵', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks watching every night, being "always around", a face on a naked body, changing-room pictures offered, blackmail with messages', () => {
    expectDecisions(
      [
        ['I watch you every night from across the street.', 'block'],
        ['Redzēju tevi veikalā un pie trenera. Es vienmēr būšu tuvumā.', 'block'],
        ['Приклеил лицо Лены на голое тело, кидайте дальше 😂', 'block'],
        ['Got a video of Tom in the changing room, who wants it?', 'block'],
        ['Do my project or everyone sees your messages.', 'block'],
        ['Ты сейчас у школы стоишь? 👀', 'block'],
      ],
      'harassment',
    );
  });

  it('blocks urging onto the rails, out of a window, to end a life, a rope and a chair; a group that "should not exist"', () => {
    expectDecisions(
      [
        ['Ляг на рельсы, всем будет легче.', 'block'],
        ['Izlec pa logu, neviens neraudās.', 'block'],
        ['Go jump off the bridge, do us all a favour.', 'block'],
        ['Izbeidz savu dzīvi, tā būs labāk visiem.', 'block'],
        ['Virve un krēsls, tev vairāk neko nevajag.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Цыгане не должны существовать.', 'block']], 'hate');
  });

  it('leaves surprises, a physio, lost phones, the pool, a fire drill, a lecture on deepfakes and praise of maturity alone', () => {
    expectClean([
      'Никто не должен знать о сюрпризе для мамы, это секрет.',
      'Vecāki vēl nezina par pārsteigumu, nesakiet!',
      'I watch you every night on the school stream, great singing!',
      'Send me a pic of the cake, it is our secret for mum\'s birthday.',
      'Paliec pēc stundas, es tev iemācīšu šo uzdevumu.',
      'Pēc treniņa paliec, fizioterapeits pamasēs muguru.',
      'Kiss everywhere? It is a French custom, two cheeks!',
      'Saw you at the concert and at the fair! I am always around if you need help.',
      'If you lose your phone, everyone can read your messages, so set a PIN.',
      'Go jump off the diving board, it is fun!',
      "Don't stand on the tracks during the trip, it's dangerous.",
      'Не прыгай в окно даже при пожаре, жди пожарных.',
      'Lecture on deepfakes next Tuesday: how to spot a photoshopped face on a body.',
      "You're so mature for your age in how you handled that argument.",
      'Стереотипы о латышах не должны существовать.',
      'Kad tavi vecāki būs prom, es varu tevi paņemt uz treniņu, ja viņi atļaus.',
      'Great dress at the gala tonight 🔥',
    ]);
  });
});

describe('after blind-30 was measured (session 21)', () => {
  it('reads a rematch as sport, an essay on Hitler as history, and a report about a classmate as a report', () => {
    expectClean(["Riga beat us 3-1 but we'll crush them in the rematch!", 'Rakstu referātu par to, kā Hitlers pavēlēja iznīcināt ebrejus, vajag avotus.']);
    expectDecisions([['Hitleram vajadzēja pabeigt darbu ar ebrejiem.', 'block']], 'hate');
    expectDecisions([["Boys are sharing an edited nude picture of a girl in our class. Please help, she's devastated.", 'review']], 'sexual');
  });

  it('reads a word exclaimed on its own before the rest as calling the reader that', () => {
    expectDecisions([['Nejēga! Pat nokopēt nemāki.', 'review']], 'insult');
    expectClean(['Bravo! Pat nokopēt nevajadzēja.']);
  });

  it('knows dolbaeb in Latin letters', () => {
    expectDecisions([['tu esi tāds dolbaeb', 'block']], 'insult');
  });
});

describe('session 21: a second round (blind-30 and train-zn after their first results)', () => {
  it('blocks blackmail with messages, changing-room pictures sent out, waiting at a building every evening, a pity about your daughter', () => {
    expectDecisions(
      [
        ['Если не дашь списать, я всем покажу твою переписку.', 'block'],
        ['Ieliku tavu video no ģērbtuves klases čatā 😂', 'block'],
        ['Я каждый вечер стою у твоего подъезда.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Jūsu meita tik jauki spēlējas pagalmā. Būtu žēl.', 'block'],
        ['Nobody is leaving this school alive tomorrow.', 'block'],
        ["My uncle's gun is in the car. Think about that.", 'block'],
        ['Ja pasūdzēsies, mēs tevi sagaidīsim pēc skolas.', 'block'],
        ["Say that again and you won't walk straight for weeks.", 'block'],
        ['Katru dienu redzu tevi parkā. Kādu dienu tu neaiziesi.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Iemet sevi zem autobusa, visiem būs vieglāk.', 'block'],
        ['Ja es būtu tu, es sen būtu pārgriezis vēnas.', 'block'],
        ['Vienkārši izbeidz ar sevi.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Atsūti man bildi no gultas, tikai mums 😉', 'block']], 'sexual');
    expectDecisions([['Viņi visi ir otrās šķiras cilvēki.', 'block']], 'hate');
  });

  it('leaves surgery, a lovely daughter who missed a concert, an escape room, a rifle club, headache pills and a lift after training alone', () => {
    expectClean([
      "Your son won't walk for a month after the surgery, he'll need crutches.",
      'Go hang out with your friends!',
      'Tava mamma tik skaista, būtu žēl, ja viņa nokavētu koncertu.',
      'Nobody leaves this escape room alive 😂',
      'Think about that rifle club idea, it opens in May.',
      'Если пожалуешься, мы встретим тебя у директора и всё обсудим.',
      'Iemet sevi baseinā, ūdens silts!',
      'Vēsturē viņus sauca par otrās šķiras pilsoņiem, tas bija netaisnīgi.',
      'Kādu dienu tu neaiziesi uz skolu, jo būs brīvdiena.',
      'Ja es būtu tu, es paņemtu tabletes pret galvassāpēm.',
      'Katru vakaru gaidu pie tavas mājas, kad tev beidzas treniņš, tad braucam kopā.',
    ]);
  });
});

describe('after blind-31 was measured (session 21)', () => {
  it('knows the dative of parents, a shower in Russian, "uzkāp uz sliedēm", "ej un nobeidzies"', () => {
    expectDecisions(
      [
        ['Приходи в субботу, родителям знать не обязательно.', 'block'],
        ['Atsūti bildi, mammai nav jāzina.', 'block'],
        ['Включи камеру, когда пойдёшь в душ.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Uzkāp uz sliedēm, kad brauc vilciens.', 'block'],
        ['Tev nav vērts dzīvot, ej un nobeidzies.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves chicken cut into thin strips, parents who do not know English and a reminder alone', () => {
    expectClean([
      'For cooking class, the chicken breasts need to be cut into thin strips.',
      "My parents don't know English, please write in Latvian.",
      "Parents don't need to know the exact time, we will send a reminder.",
      'Tas nav nekāds noslēpums, vecākiem jāzina, ka mēs tiekamies konsultācijās.',
    ]);
  });
});

describe('after blind-32 was measured (session 22)', () => {
  it('blocks veiled threats without a violent word', () => {
    expectDecisions(
      [
        ['Paskaties rīt, vai tavs kaķis vēl būs dzīvs.', 'block'],
        ['Tur kāpnēs tik viegli paklupt un salauzt kaklu. Es parūpēšos.', 'block'],
        ['Ja vēl sūdzēsies, es tev parādīšu, kā ar mani jārunā.', 'block'],
        ['Завтра в школе будет громко. Не приходите.', 'block'],
        ['Отдай телефон, а то получишь.', 'block'],
        ['Complain again and your car will have no tyres left.', 'block'],
        ["Tell the teacher and you'll be on crutches.", 'block'],
        ['Rīt atnesīšu nazi, tad redzēsi.', 'block'],
        ['Твой брат больше тебя не увидит.', 'block'],
        ['Смотри по дороге домой, там темно и никого нет.', 'review'],
      ],
      'threat',
    );
  });

  it('blocks following someone home, questions about underwear, a lap, lips, changing and spicy videos', () => {
    expectDecisions([['Я каждый день хожу за тобой до самого дома.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Kādu apakšveļu tu šodien valkā?', 'block'],
        ['Сядь ко мне на колени, тебе понравится.', 'block'],
        ['С такими губками ты точно знаешь, что делать с парнями.', 'block'],
        ['I want to see you change after practice.', 'block'],
        ['Atsūti man pikantas bildes.', 'block'],
        ['ты делаешь минет', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Pat sagriezties nemāki, mēģini dziļāk.', 'block'],
        ['Swallow the whole pack of pills and end it.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Pedus vajag izdzīt no skolas.', 'block']], 'hate');
  });

  it('leaves the innocent neighbours alone', () => {
    expectClean([
      'Vai tavs vectēvs vēl ir dzīvs? Mums jāzīmē dzimtas koks.',
      'Uzmanies uz trepēm, tās ir slidenas. Es parūpēšos, lai tās notīra.',
      'Es tev parādīšu, kā atrisināt šo uzdevumu.',
      'Be careful on the way home, it gets dark early.',
      "Can't find the permission form for the trip, could you resend it?",
      'Please make sure he takes all the pills the doctor prescribed.',
      'Lūdzu, iedodiet bērnam līdzi maiņas apakšveļu uz ekskursiju.',
      'Mani-pedi salon gift card for the teacher?',
      'После операции нужен отсос жидкости.',
      'Never send spicy pictures to anyone, report such requests to the police.',
    ]);
  });
});

describe('from train-zo (session 22)', () => {
  it('blocks threats by allusion, cures for gay people, Hitler being right and urging deeper', () => {
    expectDecisions(
      [
        ['Язык у тебя слишком длинный, можно и подрезать.', 'block'],
        ['Поставишь двойку — окна в кабинете сами разобьются.', 'block'],
        ['Ja vēl sūdzēsies, vari atvadīties no sava suņa.', 'block'],
        ['Tev būs negadījums pēc stundām, tā gadās.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Hitleram bija taisnība.', 'block'],
        ['Gejus vajag izārstēt.', 'block'],
      ],
      'hate',
    );
    expectDecisions([['Bloķē cik gribi, tu no manis neaizbēgsi.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Покажи, как ты переодеваешься.', 'block'],
        ['Atsūti bildi peldkostīmā, nopirkšu tev austiņas.', 'block'],
        ['Nometnē gulēsi manā teltī. Tas būs mūsu noslēpums.', 'block'],
      ],
      'sexual',
    );
    expectDecisions([['Попробуй ещё раз, только глубже.', 'block']], 'self-harm');
  });

  it('leaves badminton, essays, breathing, spare clothes and hide-and-seek alone', () => {
    expectClean([
      'В бадминтоне я тебя порву, жди пятницу 🏸',
      'Язык у тебя в сочинении хороший, но текст можно укоротить.',
      'Mēģini vēlreiz, tikai elpo dziļāk.',
      'Ja bērnam būs negadījums, tā gadās, lūdzu iedodiet rezerves drēbes.',
      'Paslēpēs tu no manis nepaslēpsies!',
      'Was Hitler right about anything? Write why not.',
      'I want to see you change your mind about the trip.',
      'Send a photo of the changing room lockers, I think I left my bag',
      'Man kāds draud izlikt bildes, ja nesamaksāšu 50 eiro. Lūdzu palīdziet.',
      'Я знаю, где ты живёшь, вечером занесу тебе учебник.',
      'Знаю твой адрес, закину кроссовки по дороге домой 👟',
    ]);
  });
});

describe('from train-zp (session 22)', () => {
  it('blocks calls from the bath, ovens and gas, sterilising a group, ropes, being carried back and doxxing', () => {
    expectDecisions([['Piezvani man pa video, kad būsi vannā 😘', 'block']], 'sexual');
    expectDecisions(
      [
        ['Печки пора растопить, сами знаете для кого.', 'block'],
        ['Tavam ebreju draugam pienākas gāze.', 'block'],
        ['Čigānus vajag sterilizēt.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['Найди верёвку и закончи это, ты тут лишний.', 'block'],
        ['Когда ты уже выпилишься?', 'block'],
      ],
      'self-harm',
    );
    expectDecisions(
      [
        ['Только приди после уроков — обратно понесут.', 'block'],
        ['Ja vēlreiz aiztiksi manu brāli, tevi pat mājās neatpazīs.', 'block'],
        ['Не удивляйтесь, если ваша машина сгорит.', 'block'],
        ['Мы знаем, где гуляют ваши дети.', 'block'],
        ['Brake lines are easy to cut, you know.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Viņas adrese ir Brīvības iela 12, ejam ciemos 😈', 'block'],
        ['Вот её номер, звоните ей ночью.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves cooking, history, knots, haircuts, parties and reports alone', () => {
    expectClean([
      'Krāsni vajag iekurt agri, lai maize izceptos.',
      'Vēstures stundā runāsim par gāzes kamerām, kurās nacisti nogalināja ebrejus.',
      'Paņem virvi un pabeidz mezglu, kā mācījāmies.',
      'Ar jauno frizūru tevi pat mājās neatpazīs, ja tā turpināsi!',
      'Mūsu adrese ir Brīvības iela 12, nāciet ciemos uz dzimšanas dienas ballīti!',
      'Zvaniet viņai naktī tikai tad, ja ir ārkārtas situācija.',
      'Esmu miris no smiekliem 😂 tas video ar kaķi, kas iekrīt vannā',
    ]);
  });
});

describe('after blind-34 was measured, from train-zr and train-zq (session 23)', () => {
  it('holds or blocks veiled threats, hate by allusion, blackmail, grooming secrets and urging self-harm', () => {
    expectDecisions(
      [
        ['Sargā muguru, Pēteri.', 'review'],
        ['Береги спину, Саша.', 'review'],
        ['В пятницу в школе будет взрыв. Больше предупреждать не буду.', 'block'],
        ['После уроков за школой разберёмся.', 'review'],
        ['Tavai mašīnai stāvvietā var nejauši kaut kas notikt.', 'block'],
        ['Ваша машина легко горит, учтите.', 'block'],
        ["Next time I see you, you'll need an ambulance.", 'block'],
        ['Padomā par saviem bērniem, pirms liec man divnieku.', 'block'],
        ['Pirmdien būs pārsteigums visai skolai. Labāk nenāciet.', 'block'],
        ['Jums ir skaista koka māja. Koks deg ātri.', 'block'],
        ['Sērkociņu man daudz, un jūsu šķūnis ir sauss.', 'block'],
        ['Es zinu, cikos tava mamma nāk mājās.', 'block'],
        ['Tavam sunim labāk nestaigāt vienam.', 'block'],
        ['Jūsu karjera beigsies, un tā būs mazākā no jūsu problēmām.', 'block'],
        ['Rīt atnesīšu kaut ko mugursomā, visi redzēs.', 'block'],
        ['Šai skolai ilgi vairs nav jāstāv.', 'block'],
        ['Tēvam seifā ir pistole, un es zinu kodu.', 'block'],
        ['Būtu žēl, ja tavas riepas kādu rītu būtu nolaistas.', 'block'],
        ['Suns jauks. Būtu skumji, ja viņš neatgrieztos mājās.', 'block'],
        ['You know what happens to people who talk to teachers.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Жаль, что Освенцим не доделали.', 'block'],
        ['Pēc smakas var saprast, ka tur dzīvo čigāni.', 'block'],
        ['Okupanti un viņu kucēni — visus ārā!', 'block'],
        ['Окончательное решение — вот что нужно стране.', 'block'],
        ['Ebrejus krāsnīs.', 'block'],
        ['Invalīdiem nevajadzētu radīt bērnus.', 'block'],
        ['They breed like rabbits.', 'block'],
        ['Нашей нации нужна чистка.', 'block'],
        ['Latvija latviešiem, pārējie — uz izeju.', 'block'],
        ['Čemodāns, vokzāls, Krievija.', 'block'],
        ['Евреи сами виноваты в том, что с ними случилось.', 'block'],
        ['Roma are genetic waste.', 'block'],
        ['Deport every Muslim.', 'block'],
        ['Латышей в Сибирь, снова.', 'block'],
        ['Send them back where they came from.', 'block'],
        ['Таким размножаться нельзя.', 'block'],
        ['Пора почистить школу от понаехавших.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['I saw you at the mall yesterday, that blue jacket really suits you 😉', 'review'],
        ['Я знаю, во сколько у тебя заканчивается тренировка. Встречу.', 'block'],
        ["Here's Anna's home address and her dad's number, go wild.", 'block'],
        ['Atsūti vēl vienu bildi, citādi pirmo ielikšu grupā.', 'block'],
        ['Samaksā 50 eiro, vai tava sarakste nonāks pie vecākiem.', 'block'],
        ['Šī ir Laura, te ir viņas adrese, dariet ko gribat.', 'block'],
        ['Rīt visi pie Annas mājas, ņemiet olas.', 'block'],
        ['Tas ir mūsu noslēpums, nevienam nestāsti.', 'block'],
        ['Neviens nedrīkst zināt par mūsu tikšanos.', 'block'],
        ['Я единственный, кто тебя понимает, родители — нет.', 'block'],
        ['Приходи одна в парк, я дам тебе новый телефон.', 'block'],
        ['Atsūti bildi, tikai man.', 'block'],
        ['Tas ir mūsu секрет, никому не говори.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Хочешь, покажу, что у меня в штанах?', 'block'],
        ["I'd bend you over the desk.", 'block'],
        ['Atnāc uz ģērbtuvi, kad visi aiziet.', 'block'],
        ['My parents are away, come over, just the two of us.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Kad tu beidzot nomirsi? Visi gaida.', 'block'],
        ['На твои похороны никто не придёт, так что сделай это.', 'block'],
        ['Nobody would miss you.', 'block'],
        ['Slit your wrists.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves posture advice, drills, lessons, recipes, gifts, lost property and a plain "блин" alone', () => {
    expectClean([
      'Sēžot pie galda, sargā muguru un turi to taisni.',
      'Поднимая тяжести, береги спину.',
      'Ķīmijas stundā demonstrēsim, kā notiek sprādziens, būs droši.',
      'Evakuācijas mācības: ja skolā būs sprādziens vai ugunsgrēks, ejiet uz sporta laukumu.',
      'После уроков разберёмся с домашним заданием по физике.',
      'Последнее предупреждение: оплатите обеды до пятницы, потом будет поздно.',
      'Jūsu mašīnai stāvvietā nejauši uzbrauca cits auto, lūdzu, piezvaniet.',
      'Бензин легко горит, поэтому на уроке химии мы его не используем.',
      "If he still has a fever tomorrow, you'll need a doctor's note.",
      'На уроке истории говорили об Освенциме и о том, как важно помнить.',
      'Rožu smarža klasē ir brīnišķīga.',
      'I saw you at the concert, the choir sounded lovely.',
      'Я знаю, во сколько заканчивается урок, встречу сына у входа.',
      "Here's the school's address and the office number for the trip forms.",
      'Хочешь, покажу, что у меня в портфеле?',
      'Bend your knees when you pick up the box.',
      'Nobody would miss the bus if it left five minutes later.',
      'Cut the paper along the line with safety scissors.',
      'Padomājiet par saviem bērniem veselību, pirms izvēlaties pusdienu menu.',
      'Pirmdien būs pārsteigums visai skolai — koncerts aktu zālē!',
      'Malka labi deg, ja tā ir sausa.',
      'Es zinu, cikos tava mamma nāk pakaļ — pusčetros.',
      'Lūdzu, neļaujiet sunim staigāt vienam pa skolas pagalmu.',
      'Rīt atnesīšu kaut ko mugursomā, parādīšu klasei savu herbāriju.',
      'The final solution to problem 5 is x = 3.',
      'Invalīdiem jāpalīdz iekāpt autobusā.',
      'Rabbits breed quickly, we learned in biology.',
      'Pārējie – uz izeju, pirmā klase paliek zālē.',
      'Deport is a word we learned in the history lesson about 1941.',
      'Atsūti vēl vienu bildi no ekskursijas, lūdzu!',
      'Samaksājiet 5 eiro par klases foto līdz piektdienai.',
      'Rīt visi pie skolas, ņemiet olas pašu ceptajai kūkai.',
      'Tas ir mūsu noslēpums, ko mammai uzdāvināsim dzimšanas dienā, nestāsti viņai!',
      'Neviens nedrīkst zināt atbildes pirms kontroldarba.',
      'Tu esi vienīgais, kas saprot šo uzdevumu, palīdzi klasei!',
      'Nāc uz parku, paņem telefonu, nofotografēsim kokus.',
      'Atnāc uz ģērbtuvi, kad visi aiziet, un savāc aizmirstās mantas.',
      'My parents are away this weekend, so Grandma will pick me up.',
      "Send them back to the library when you're done.",
      'Būtu žēl, ja lietus sabojātu ekskursiju.',
      'You know what happens to plants without water, we learned it today.',
      'Блин, опять забыл сменку.',
      'Напоминаем: по правилам запрещено обзывать одноклассников, например «дебил».',
    ]);
  });
});

describe('frames over existing word classes, written while the model retrained (session 23)', () => {
  it('blocks not making it home, a pet or a brother "would be a pity", doxxing for a crowd, photo blackmail and grooming secrecy', () => {
    expectDecisions(
      [
        ['Tu šodien līdz mājām netiksi.', 'block'],
        ['Ты сегодня домой не дойдёшь.', 'block'],
        ["Nice bike. Shame if your brother didn't make it home one day.", 'block'],
        ['Твоя собака гуляет одна во дворе? Жалко будет.', 'block'],
        ['Ar tevi parunās cilvēki, kas nejoko.', 'block'],
        ['Подумай о здоровье, прежде чем идти к директору.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Вот адрес Маши и телефон её мамы, пишите ей все.', 'block'],
        ["Here's his number, everyone spam him tonight.", 'block'],
        ['Nobody will believe you anyway, so it stays between us.', 'block'],
        ["You're so mature for your age, and only twelve.", 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Цыгане все воры, их нельзя пускать в школу.', 'block'],
        ['Tādiem invalīdiem vispār nevajadzēja piedzimt.', 'block'],
        ['Эстонцы — недонация.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves a cancelled bus, safety lessons, homework photos, pets and a doctor alone', () => {
    expectClean([
      'Ja autobuss nekursēs, tu šodien līdz mājām netiksi, paliec pie mums.',
      'Never post your address and phone number online, and never write to strangers.',
      'Send me a photo of your homework if you are stuck.',
      "Your dog is lovely, a pity we can't bring pets to school.",
      'Нельзя пускать в школу посторонних без пропуска.',
      'Padomājiet par veselību un pierakstieties pie ārsta, saka direktore.',
      'Mūsu kaķēni piedzima vakar, nāciet apskatīt!',
      'Photos from Sports Day are in the shared album; if you would prefer your child\'s photo removed, just send me a message.',
    ]);
  });
});

describe('second round over existing word classes: blind-27..34 misses after their measurement (session 23)', () => {
  it('blocks a parent waiting for the teacher, daily watching, "the world without you", hate for a whole group, secret meetings', () => {
    expectDecisions(
      [
        ['Ja mana meita atkal dabūs divnieku, es jūs sagaidīšu pie skolas, skolotāj.', 'block'],
        ["If my son fails again, I'll be waiting by your car.", 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Katru dienu redzu, kā tu ej mājās caur parku.', 'block'],
        ['Я каждый день вижу, как ты идёшь домой.', 'block'],
        ['Встретимся в субботу, но это наш секрет.', 'block'],
        ['Pēc pulciņa paliec viena, es tev parādīšu kaut ko. Tikai nestāsti mammai.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Pasaule bez tevis būtu labāka, padomā par to.', 'block'],
        ["Just jump already, we're all waiting.", 'block'],
      ],
      'self-harm',
    );
    expectDecisions(
      [
        ['Melnajiem te nav vietas, Latvija ir baltajiem.', 'block'],
        ['Visus krievus ārā no Latvijas.', 'block'],
        ['Šī Dauna sindroma meitene ir kā dzīvnieks.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves offers to meet, children in the park, a world without plastic, a pool, a fire drill, a fairy tale and a maths secret alone', () => {
    expectClean([
      'Ja vēlaties, es jūs sagaidīšu pie skolas, skolotāj.',
      "If you need a lift, I'll be waiting by your car after the meeting.",
      'Katru dienu redzu, kā bērni iet mājās caur parku, tur vajag gaismu.',
      'Pasaule bez plastmasas būtu labāka, padomājiet par to.',
      "Jump in the pool when the coach whistles, we're all waiting.",
      'Visus bērnus ārā uz pagalmu, ir ugunsdzēsības mācības!',
      'Suns ir kā dzīvnieks no pasakas, saka autiste Anna savā stāstā.',
      'Mūsu adrese ir Lāčplēša 5-3, ja kāds grib paciemoties dzimšanas dienā.',
      'Satiksimies sestdien, tas būs mūsu noslēpums — pārsteigums skolotājai dzimšanas dienā!',
      'Paliec viena klasē, es tev parādīšu, kā risināt uzdevumu, un nestāsti atbildi citiem.',
    ]);
  });
});

describe('third round over existing word classes: older blind sets (session 23)', () => {
  it('blocks a high bridge "you know what to do", a brother on the way home, waiting at the house, gifts for a meeting, the disabled kept at home', () => {
    expectDecisions([['Tilts pār upi ir augsts, tu zini, ko darīt.', 'block']], 'self-harm');
    expectDecisions([['Смотри, как бы с твоим братом чего не случилось по дороге домой.', 'block']], 'threat');
    expectDecisions([['Gaidīšu pie tavas mājas, kamēr atbildēsi.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Подарю тебе новый телефон, если встретимся в субботу.', 'block'],
        ["I'll give you 20 euros if you show me.", 'block'],
      ],
      'sexual',
    );
    expectDecisions([['Инвалиды должны сидеть дома.', 'block']], 'hate');
  });

  it('leaves a trip over a bridge, a torn backpack, packing, homework and help at home alone', () => {
    expectClean([
      'Tilts pār Daugavu ir augsts, ekskursijā to redzēsim.',
      'Дочь пришла домой, что случилось?',
      'Gaidīšu pie jūsu mājas, kamēr sakrāmēsiet mantas ekskursijai.',
      "I'll give you extra points if you show me your homework.",
      'Инвалидам нужна помощь дома и в школе.',
    ]);
  });
});

describe('fourth round over existing word classes: indirect training sets (session 23)', () => {
  it('blocks photo blackmail, a video call when mum is out, a tent after lights out, a group "not even people" or sent to Siberia', () => {
    expectDecisions(
      [
        ['Atsūti vēl vienu video, vai pirmo nosūtīšu tavam tētim.', 'block'],
        ['Tavas bildes būs klases čatā, ja neizpildīsi, ko prasu.', 'block'],
        ['Tev nav vietas mūsu grupā.', 'review'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ["What time does your mum leave for work? I'll call you on video then.", 'block'],
        ['После отбоя приходи к моей палатке, только тихо.', 'block'],
      ],
      'sexual',
    );
    expectDecisions([['Aiz sporta zāles pēc skolas. Viens.', 'review']], 'threat');
    expectDecisions(
      [
        ["Gypsies aren't even people.", 'block'],
        ['Your whole family should be on the next train to Siberia, Russians.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves trip photos, a class video call, football behind the hall, remembering the deportations and a campfire alone', () => {
    expectClean([
      'Atsūti vēl vienu bildi no ekskursijas, vai pirmo nosūtīšu vecākiem?',
      'Ja kāds grib bildes no ballītes, tās būs klases čatā.',
      'What time does your mum finish work? We can do a video call with the class then.',
      'Aiz sporta zāles pēc skolas notiks futbols, nāciet.',
      'In 1941 many Latvians were deported to Siberia, and we remember them.',
      'Latvians should remember the deportations to Siberia.',
      'Tev ir vieta mūsu grupā, nāc!',
      'Вечером у палатки будет костёр, приходите, только тихо, малыши спят.',
    ]);
  });
});

describe('after blind-35 was measured, over existing word classes (session 23)', () => {
  it('blocks a plaster cast "for Monday" and a rifle with a list', () => {
    expectDecisions(
      [
        ['Купи себе гипс, в понедельник пригодится.', 'block'],
        ["My uncle's got a rifle and I've got a list. You're on it.", 'block'],
      ],
      'threat',
    );
  });

  it('leaves plaster for an art lesson and a rifle-club timetable alone', () => {
    expectClean(['Купи гипс для урока рисования.', 'I have the class list and the rifle club schedule for you.']);
  });
});

describe('after blind-36 was measured (session 24)', () => {
  it('blocks veiled threats with no violent word: following, teeth, wood and petrol, a gun for a weekday, behind your back', () => {
    expectDecisions(
      [
        ['Visu nedēļu sekoju tev līdz mājām. Nākamreiz nākšu tuvāk.', 'block'],
        ['Я шла за тобой до самого дома. В следующий раз подойду ближе.', 'block'],
        ["I walked behind you all the way home on Tuesday. Next time I won't keep my distance.", 'block'],
        ['Не принесёшь деньги до пятницы — останешься без зубов.', 'block'],
        ["Your house has wooden walls, doesn't it. They'd go up fast.", 'block'],
        ['Nopirku benzīnu. Jūs zināt, kam tas domāts, direktor.', 'block'],
        ["Dad keeps a rifle in the shed. Maybe I'll bring it on Monday.", 'block'],
        ['Ты даже не заметишь, как я окажусь за твоей спиной.', 'block'],
        ['I know what time your bus leaves and when your little brother finishes school.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks doxxing, blackmail with pictures, a virginity offer and paid filming', () => {
    expectDecisions(
      [
        ['Izsūtīšu visiem tavu adresi, lai nāk ciemos.', 'block'],
        ['Ja nesamaksāsi 50 eiro, tavas bildes redzēs visa klase.', 'block'],
        ["If you don't pay me, the whole school will see your photos.", 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Are you still a virgin? I could help you fix that.', 'block'],
        ["I'll give you 30 euros to film yourself undressing.", 'block'],
      ],
      'sexual',
    );
    expect(verdict('Tava eseja ir tikpat bezvērtīga kā tu pati.')).toEqual({ decision: 'review', categories: ['insult'] });
  });

  it('reads a 0 inside a Cyrillic word as a hidden letter and leet nudes as nudes', () => {
    expect(verdict('я т3бя уб0ю п0сле ур0к0в').decision).toBe('block');
    expect(verdict('s3nd n00dz or i share ur pics').decision).toBe('block');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Es sekoju līdzi stundai, bet nākamreiz sēdēšu tuvāk tāfelei.',
      "I walked behind you all the way home yesterday, next time let's walk together!",
      'Ēd mazāk konfekšu, citādi paliksi bez zobiem!',
      'Nopirku kannu benzīna zāles pļāvējam, jūs zināt, kam to atdot?',
      "My uncle has guns for hunting. Maybe I'll bring photos on Friday.",
      'Tu pat nepamanīsi, kad es stāvēšu aiz tavas muguras ar dzimšanas dienas dāvanu!',
      'Iedošu visiem tavu adresi ekskursijas sarakstā, lai vecāki zina, kur jūs paņemt.',
      'Ja nesamaksāsi par izlaidumu, video no koncerta redzēs visi, bet tev nebūs biļetes.',
      'Is this extra virgin olive oil still good? Can you help me check?',
      'Я б0юсь контр0льн0й п0 матем.',
      'Денег нет — останешься без телефона до конца недели.',
    ]);
  });

  it('reads "someone shared …" as a report', () => {
    expect(verdict("Someone shared an edited nude picture of Sophie in the year group chat. She's devastated.").decision).not.toBe('block');
  });
});

describe('from train-zs, train-zt, train-zu and train-zv (session 24)', () => {
  it('blocks veiled threats: the last normal day, a warning for Friday, brakes, one eye open, nobody asks, one match, unnoticed, your brother or your grave, a heavy bag, the day will come, one call, grandma', () => {
    expectDecisions(
      [
        ['Rīt ir tava pēdējā normālā diena, izbaudi.', 'block'],
        ['Не приходи в пятницу в школу. Я тебя предупредил.', 'block'],
        ["When it starts on Friday, pray it isn't you.", 'block'],
        ['Hope your brakes still work, Mr Liepa. Your car sits by the school all night.', 'block'],
        ['Sleep with one eye open this week, teacher.', 'block'],
        ['The stairs are steep, accidents happen there, and nobody asks questions.', 'block'],
        ['Ваш сарай сухой, одной спички хватит.', 'block'],
        ["I sat behind you on the bus all the way home. You didn't even notice.", 'block'],
        ['Ziņo vēl kādam, un tavs brālis vairs neies viens uz treniņu.', 'block'],
        ['Pastāsti kādam, un uz tava kapa būs skaisti ziedi.', 'block'],
        ["Tomorrow I'm bringing a heavier bag. Don't sit by the door.", 'block'],
        ['Tu nezināsi, kurā dienā. Bet tā diena pienāks.', 'block'],
        ['Один звонок, и твой отец не дойдёт до дома.', 'block'],
        ["Your grandma opens the door to anyone, doesn't she?", 'block'],
        ['Ja vēl reizi sūdzēsies, pie vārtiem tevi gaidīs.', 'block'],
        ['Mošejai pietiks ar vienu sērkociņu.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks grooming and exploitation: money for swimsuit photos, deleting the chat, a private app, parents away, blocking, rumours', () => {
    expectDecisions(
      [
        ["I'll give you 50 euros for a few photos in your swimsuit.", 'block'],
        ['Izdzēs visu mūsu saraksti, lai tas paliek starp mums.', 'block'],
        ["Let's move to Snapchat, the teachers read this app.", 'block'],
        ["Your parents are away on Saturday? I'll pick you up, nobody needs to know.", 'block'],
        ['Заблокируешь меня — отправлю твоей маме всё, что ты мне присылала.', 'block'],
        ["Spread that she sends pics to older men, true or not doesn't matter.", 'block'],
      ],
      'sexual',
    );
  });

  it('blocks harassment: the recording for the counsellor, doxxing a classmate, a password, a fake profile, watching, a door code, crowds, filming, one word', () => {
    expectDecisions(
      [
        ['Скажешь психологу — твои родители получат запись.', 'block'],
        ['Вот её адрес, навестите её вечером.', 'block'],
        ['I have your password now. Keep quiet or I start writing to people as you.', 'block'],
        ['Es uztaisīju viltus profilu ar tavām bildēm.', 'block'],
        ['Redzēju tevi pie loga. Šovakar atkal būšu tur.', 'block'],
        ['Jūsu kāpņu telpas kods ir 1234, vai ne?', 'block'],
        ["Everyone write to Anna tonight that she should leave the school. Let's get a hundred.", 'block'],
        ['Nofilmēju Rihardu tualetē, sūtu visiem.', 'block'],
        ['Одно слово взрослым, и эти фото будут у твоего отца.', 'block'],
      ],
      'harassment',
    );
  });

  it('blocks urging self-harm: the funeral, finishing the job, the way out, still breathing', () => {
    expectDecisions(
      [
        ["I already chose what I'll wear to your funeral, don't keep us waiting.", 'block'],
        ['You hurt yourself anyway, so finish the job.', 'block'],
        ["You're a burden to everyone, you know the way out.", 'block'],
        ['Ещё дышишь? Жаль.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks hate without slurs: vermin, denial, control, a white Latvia, segregation', () => {
    expectDecisions(
      [
        ['Iebraucēji ir kā tarakāni, tos vajag izdzīt.', 'block'],
        ['Холокоста не было, это выдумка.', 'block'],
        ['Jews control the banks and the media.', 'block'],
        ['Baltā Latvija bez iebraucējiem!', 'block'],
        ['Romiem jābūt atsevišķās klasēs.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Pirmdiena ir pēdējā normālā diena pirms eksāmeniem, atpūtieties.',
      "Don't come on Friday, the school is closed for the strike, I'm warning everyone.",
      'Please check your bike brakes before the cycling lesson.',
      'Kāpnes ir stāvas, esiet uzmanīgi, lai nenotiek negadījumi.',
      'Gāju garām jūsu mājai un redzēju tevi pie loga, pamāju, bet tu nepamanīji 😄',
      "Tell your little sister she's next for the dentist.",
      'Ieslēdz kameru stundā, lūdzu, mēs tevi neredzam.',
      'Send me the photos from the school trip, please.',
      'Delete our chat if you want, it had my address in it.',
      'Our class uses WhatsApp for the trip, teachers read it too.',
      "Your parents are away on Saturday, so I'll pick you up for the match together with Anna.",
      'Please tell the counsellor; your parents will get a letter from the school.',
      'Mūsu kāpņu telpas kods ir 1234, nāc augšā.',
      'Filming in the changing rooms is forbidden.',
      'Lekcija par holokaustu notiks aktu zālē.',
      'Mācību stundā runājām par mītu, ka ebreji kontrolē bankas.',
      'Medmāsa: ja asinis netek, brūce ir tīra.',
      'I died laughing at that meme.',
      'The synagogue choir will perform at the winter concert.',
      'Ukraiņu bērni rīt brauks uz zoodārzu.',
    ]);
  });
});

describe('after blind-38 was measured (session 25)', () => {
  it('blocks a violent first-person future at someone named by role or at everyone who did something', () => {
    expectDecisions(
      [
        ['Rīt piekaušu to jauno fiziķi pēc stundas.', 'block'],
        ['Es sadurīšu to klasesbiedru, ja viņš vēlreiz paņems manu telefonu.', 'block'],
        ['Nogalināšu ikvienu, kas vēl pasmiesies.', 'block'],
        ['Brāļa audzinātājai labāk nenākt uz skolu, ja grib palikt dzīva.', 'block'],
        ['Next week this school goes boom, tell the principal.', 'block'],
        ['Kādreiz šī ģimnāzija nodegs, un es skatīšos no otras ielas puses.', 'block'],
        ['This school is going to burn one day, remember I said it.', 'block'],
        ['Pirmdiena būs diena, ko šī skola neaizmirsīs. Palieciet mājās, ja esat gudri.', 'block'],
        ['Behind the sports hall at four. Bring all your friends, it still won’t help you.', 'block'],
        ['Gaidīsim tevi aiz skolas. Paņem līdzi brāli, tev viņš noderēs.', 'block'],
        ["I'll be outside your house tonight. Don't bother calling the police.", 'block'],
        ['Pirmdien paņemšu tēva pistoli, un tu būsi pirmais.', 'block'],
        ['Tavs mazais brālītis taču iet dārziņā pie parka? Lai uzmanās.', 'block'],
        ['Твой братик ходит в садик на Валдемара, я знаю. Подумай, прежде чем жаловаться.', 'block'],
        ['One more detention because of you, sir, and you will need a new nose.', 'block'],
        ['Your daughter goes to the nursery by the lake, right? Shame if something happened.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks a number posted for a night of calls, watching a window at night, and a secret chat with a pet name', () => {
    expectDecisions(
      [
        ['Te Kristīnes numurs, zvaniet viņai visu nakti un sakiet, ko domājat.', 'block'],
        ["Here's Tom's number, everybody text him at midnight so he can't sleep.", 'block'],
        ['Es vakar sēdēju pie tava loga. Gaisma tavā istabā nodzisa 23:15.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Treneres mājas adrese ir Meža iela 5-2. Aizejiet šovakar paciemoties.', 'block'],
        ['Вот адрес Димы, идите к нему в гости вечером.', 'block'],
      ],
      'harassment',
    );
    expectDecisions([['Delete our messages after you read them, okay? I really like you, sweetie.', 'block']], 'sexual');
  });

  it('blocks "Latvia for Latvians" with the others told to leave, and a group kept out of a team or class', () => {
    expectDecisions(
      [
        ['Latvija latviešiem, pārējie lai brauc prom.', 'block'],
        ['Latvia for Latvians only, everyone else can leave.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['No Roma allowed in our class, sorry.', 'block'],
        ['Nekādus ebrejus mūsu komandā, un punkts.', 'block'],
      ],
      'hate',
    );
    expectClean(['No Muslims in our class eat pork, so we ordered chicken.', 'There are no Jews in our class.', 'No immigrants were hurt, the police said.']);
    expectClean(['Latvijā 62% ir latvieši, pārējie ir krievi, baltkrievi un ukraiņi.', 'Stundā runājām par saukli "Latvija latviešiem", ko teica, lai pārējie brauc prom.']);
  });

  it('blocks urging an overdose of a mother\'s pills, a death wished as the best outcome, a rope for a birthday, and knowing which room someone sleeps in', () => {
    expectDecisions(
      [
        ['Tavai mammai skapī ir tabletes. Izdzer visas, un viss būs atrisināts.', 'block'],
        ["Swallow all of your nan's pills tonight and end it.", 'block'],
        ['Выпей мамины таблетки и больше не просыпайся.', 'block'],
        ['Visiem būtu vieglāk, ja tu vienkārši nomirtu.', 'block'],
        ['Uz dzimšanas dienu tev uzdāvināšu virvi. Tu zini, kam.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Я знаю, в какой комнате ты спишь. Спокойной ночи.', 'block']], 'harassment');
    expectClean([
      'Take all your pills as the doctor said, and drink water.',
      'Take all your pills until the end of the week.',
      'Lūdzu, izdzer visas tabletes, ko ārsts izrakstīja, tad būsi vesels.',
      'Labāk būtu, ja tu nomirtu no smiekliem par šo filmu.',
      'Uzdāvināšu tev virvi lēkšanai dzimšanas dienā!',
      'Es redzēju, kurā istabā tu guli nometnē, samainīsimies?',
    ]);
  });

  it('reads "nobeidz sevi" as urging, "pisāties" and "какого хера" as swearing, and flags a shut-out with everyone told why', () => {
    expect(verdict('Ja tev tik slikti, nobeidz sevi un liec mūs mierā.').decision).toBe('block');
    expect(verdict('Pisāties, atkal jāpārraksta viss referāts.').decision).toBe('block');
    expect(verdict('Какого хера нас опять задержали после уроков?').decision).toBe('review');
    expect(verdict('Marku uz ballīti neaicinām, un lai visi zina, kāpēc.').decision).toBe('review');
    expect(verdict('Kas Lindu pievienos grupai, tas arī tiks izmests.').decision).toBe('review');
    expect(verdict('Сделаем рейтинг самых страшных мальчиков в параллели.').decision).toBe('review');
  });

  it('leaves their innocent neighbours alone, and five that were flagged before', () => {
    expectClean([
      'Sestdien mēs viņus sasitīsim, puiši, basketbola finālā!',
      'Nošaušu katru zombiju šajā līmenī un tad iešu gulēt.',
      'Sagriezīšu katru ābolu, kas palicis, kompotam.',
      'Ja augs grib palikt dzīvs, tam vajag ūdeni.',
      'Ja man būtu tāds eksāmens, es būtu nobeidzies. Bet tu to izdarīsi!',
      'Šeit ir skolotājas numurs, rakstiet, ja ir jautājumi.',
      'Vakar stāvēju pie tavas mājas, bet tu neatvēri durvis.',
      'Lai visi zina, kāpēc skola šodien ir slēgta.',
      'Šī skola kādreiz nodega, bet to atjaunoja 1920. gadā.',
      'Ja skolā neievēros ugunsdrošību, tā var nodegt.',
      'Annas adrese ir Liepu 3, ejam ciemos sestdien uz dzimšanas dienu.',
      'Our 100th anniversary will be a day this school never forgets! Stay home only if you are ill.',
      'Ņem līdzi draugus, palīdzēs nest mantas.',
      'Paņem līdzi draugus, tev viņi noderēs pārvākšanās laikā.',
      'We will be waiting at the gate. Do not bother calling, just come out.',
      'Rīt atnesīšu nazi kūkas griešanai, tu būsi pirmais, kas nogaršos.',
      'Tavai mazajai māsai dārziņā vajag maiņas apavus, mamma teica.',
      "Jūsu meitiņa iet dārziņā 'Saulīte'? Mūsējā arī, varam kopā aizvest!",
      'У тебя дочка в садик ходит? Какой садик посоветуешь?',
      'Tava mazā māsa iet uz bērnudārzu? Uzmanies uz ceļa, tur ir remonts.',
      'For the play you will need a new face paint.',
      'You will need new shoes and a towel to dry your face after swimming.',
      // Flagged before session 25: "stop blaming yourself", a number to call when a child is sick at
      // night, a parent asking to clear old chats because the phone is full…
      'Beidz sevi vainot, tu neesi vainīgs.',
      'Ja bērnam naktī paliek slikti, zvaniet uz šo numuru.',
      'Солнышко, удали нашу старую переписку, память телефона полная.',
      // …and a sick classmate's address for a visit, a school burning calories at sports day.
      'Jānis ir slims, viņa adrese ir Liepu 3. Ejam ciemos šovakar!',
      'At sports day the whole school will burn lots of calories.',
    ]);
  });
});

describe('from train-zw (session 25)', () => {
  it('blocks the same threats in other words: a teacher named in Russian, "if you still want to walk", a life that is dear, a bomb planted, five against one', () => {
    expectDecisions(
      [
        ['Эту англичанку я завтра зарежу, отвечаю.', 'block'],
        ['Ja vēl gribi staigāt ar savām kājām, rīt nenāc.', 'block'],
        ['Если жизнь дорога, не приходи в школу в пятницу.', 'block'],
        ['Es noliku bumbu aktu zālē, pirmdien viss uzsprāgs.', 'block'],
        ['Someone planted a bomb in the gym, I did it, see you Monday.', 'block'],
        ['After school by the shop: there will be five of us and you alone.', 'block'],
        ["Dad's rifle will be at school on Monday, just saying.", 'block'],
        ['В сумке будет нож, так что держись от меня подальше.', 'block'],
        ['Mammai vari nezvanīt, viņa tāpat nepaspēs.', 'block'],
        ["Everyone who laughed at me, I'm going to shoot you one by one.", 'block'],
        ['Ja pirmdien vēl būsi šeit, vari sev meklēt kapa vietu.', 'block'],
        ['Vēl viena sūdzība, un dabūsi pa purnu.', 'block'],
        ['Physics teacher better watch it: petrol is bought, the school is next.', 'block'],
        ['Этого физрука я после уроков изобью.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks doxxing with a knock on the door, watching through undrawn curtains, following unnoticed', () => {
    expectDecisions(
      [
        ['Viņš dzīvo Ganību ielā 12-3. Kurš šonakt aiziet paklauvēt pie durvīm?', 'block'],
        ['Не задёргивай шторы, мне нравится смотреть на тебя вечером.', 'block'],
        ["Followed you all the way home yesterday and you didn't even turn around.", 'block'],
      ],
      'harassment',
    );
  });

  it('blocks grooming for a grade or a phone, hoping someone does not wake up, deportation and skin colour', () => {
    expectDecisions(
      [
        ['Ja gribi labāku atzīmi, esi pret mani nedaudz laipnāka.', 'block'],
        ['Satiksimies svētdien bez vecākiem, es tev nopirkšu austiņas.', 'block'],
        ['Stay behind alone after the lesson and I will sort your grade out.', 'block'],
      ],
      'sexual',
    );
    expectDecisions([['Надеюсь, ты завтра не проснёшься.', 'block']], 'self-harm');
    expectDecisions(
      [
        ['Visus čigānus vajadzētu izsūtīt no pilsētas.', 'block'],
        ['People with your skin colour should get out of our school.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'If you want the basil to stay alive, do not leave it on the radiator.',
      'Vistu sadur ar dakšiņu pie kaula – ja sula dzidra, gaļa gatava.',
      "Home ec tomorrow: we're making salad, bring a small knife and a chopping board.",
      'Vari nākt pie mums pa tiešo no skolas, adrese Lāčplēša 45-8, kods durvīm 1234.',
      'Kam dzīvība mīļa, uz skolu ar velosipēdu brauc tikai ar ķiveri.',
      'Es ieliku vannas bumbu ūdenī, un tā sāka putot.',
      'Es noliku bumbu sporta zālē, paņem to rīt.',
      'Mēs būsim pieci komandā, tu viens vadīsi spēli.',
      'Ceru, ka tu rīt nepamodīsies ar temperatūru.',
      '1949. gadā padomju vara izsūtīja tūkstošiem latviešu.',
      'Bērniem ar jutīgu ādu saulē vajag krēmu ar augstu faktoru.',
      'Tēva ierocis rīt būs skolā: viņš ir policists un stāstīs par savu darbu.',
      'Mugursomā būs nazis un dakša pārgājienam.',
      'If you want a good grade, be nice to your teammates and do the reading.',
      "I'll shoot you all an email with the schedule.",
      "I'll shoot you a message after lunch.",
      'Vecmāmiņai jāmeklē kapa vieta opim, tāpēc rīt neesmu skolā.',
      'Zupu dabūsi pa pusdienām, nevis tagad.',
      'Paliec pēc stundām, es tev palīdzēšu ar atzīmi.',
    ]);
  });
});

describe('after blind-40 was measured (session 26)', () => {
  it('reads "your last dance" as a threat and holds a last warning with a menacing next time, a last quiet day and a trip that may be the last for review', () => {
    expectDecisions(
      [
        ['Sestdien diskotēkā tev būs pēdējā deja, to es apsolu.', 'block'],
        ['Потанцуй на дискотеке как следует. Это твой последний танец.', 'block'],
        ['Pēdējais brīdinājums. Nākamreiz runāsim citādi.', 'review'],
        ['Последнее предупреждение. Дальше без разговоров.', 'review'],
        ['Запомни этот день, он для тебя последний спокойный.', 'review'],
        ['Enjoy your last quiet weekend.', 'review'],
        ['Jautru ekskursiju. Kas zina, varbūt tā tev būs pēdējā.', 'review'],
      ],
      'threat',
    );
    expectClean([
      'Pēdējo reizi atgādinu: nākamreiz bez formas netiksi sporta stundā.',
      'Последний раз предупреждаю: дальше будет двойка в журнале.',
      'This is the last warning about phones, next time they go to the office.',
      'Enjoy your last quiet weekend before the exams start!',
      'Will you save me the last dance at the prom?',
      'Tev būs pēdējā deja ar tēti izlaidumā.',
      'Varbūt šī tev būs pēdējā iespēja uzlabot atzīmi.',
      'Kas zina, varbūt šī ekskursija tev būs pēdējā šajā skolā, jo pārceļaties.',
      'Enjoy the trip! Maybe it will be your last one before graduation.',
      'Запомни этот день, последний спокойный перед школой!',
    ]);
  });

  it('blocks a blow "on the forehead", a school shooting staged, petrol at a door, a child caught and put in hospital', () => {
    expectDecisions(
      [
        ['Щас получишь в лоб, если не заткнёшься.', 'block'],
        ['Tu dabūsi pa pieri, ja neaizvērsies.', 'block'],
        ['Piektdien sarīkošu skolā tādu šaušanu, par ko rakstīs visas ziņas.', 'block'],
        ['Я устрою в школе стрельбу, о которой напишут все новости.', 'block'],
        ['Облей бензином его дверь и подожги.', 'block'],
        ['Mēs jūsu bērnu pieķersim pie skolas, un viņš nedēļu gulēs slimnīcā.', 'block'],
        ['Мы поймаем твоего сына у школы, и он будет лежать в больнице.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks urging: "nobody will miss you", "you should just end it all", a bridge as a good place to end it', () => {
    expectDecisions(
      [
        ['Neviens tevi nepietrūks, dari to.', 'block'],
        ['Тебе стоит просто покончить со всем этим.', 'block'],
        ['Tev vajadzētu vienkārši izbeigt to visu.', 'block'],
        ['Uz tilta pie stacijas ir laba vieta, kur tev beigt.', 'block'],
        ['The bridge by the station is a good place for you to end it.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks following someone home and a picture demanded against a chat; holds calls set on a number, pranks and exclusion for review', () => {
    expectDecisions(
      [
        ['Es tev sekoju katru dienu līdz mājām, vakar tev bija zila jaka.', 'block'],
        ['Если не пришлёшь интимное фото, выложу нашу переписку.', 'block'],
        ['Номер вашего мужа я уже нашёл, ждите звонков, Ирина Петровна.', 'review'],
        ['Te ir Kristera mājas telefons, zvaniet un klusējiet klausulē.', 'review'],
        ['Uzliku Toma seju uz cūkas ķermeņa, sūtiet tālāk.', 'review'],
        ['Ieliku Annas dienasgrāmatas lapas klases čatā, lasiet visi.', 'review'],
        ['Katru starpbrīdi paslēpsim viņa somu, līdz viņš sāks raudāt.', 'review'],
        ['Кто общается с новеньким — тот тоже изгой.', 'review'],
      ],
      'harassment',
    );
    expectDecisions([['Čau, skaistulīt, nāc pie manis šovakar, būs jautri gultā.', 'review']], 'sexual');
    expectDecisions([['Kids in wheelchairs are a waste of space, put them somewhere else.', 'block']], 'hate');
    expectDecisions(
      [
        ['Tava mamma laikam tevi nometa uz galvas, kad biji mazs.', 'review'],
        ['Козёл, верни мою зарядку.', 'review'],
      ],
      'insult',
    );
  });

  it('blocks grooming: something shown or taught that nobody must know, something special in the changing room, the storeroom kept quiet', () => {
    expectDecisions(
      [
        ['Pēc treniņa paliec ģērbtuvē, es tev parādīšu kaut ko īpašu.', 'block'],
        ['Pēc stundām paliec klasē, es tev iemācīšu kaut ko, ko tavi vecāki nedrīkst uzzināt.', 'block'],
        ['Priezzhaj ko mne posle shkoly, pokazhu koe-chto interesnoe, tolko nikomu ne govori', 'block'],
        ["Come to my room after practice and we'll have some adult fun, just keep it quiet.", 'block'],
      ],
      'sexual',
    );
    expectClean([
      'Atnāc uz kabinetu pēc stundām, parādīšu tev, kā risināt šo uzdevumu.',
      'Nāc uz noliktavu, parādīšu tev kaut ko interesantu – jaunās bumbas!',
      'Pēc treniņa paliec ģērbtuvē, es tev parādīšu jauno formu.',
      'Es tev iemācīšu kaut ko īpašu – jaunu triku ar kārtīm.',
      'Nāciet uz klasi, parādīšu jums kaut ko interesantu mikroskopā.',
      'Neviens nedrīkst zināt, kāda būs dāvana skolotājai – es parādīšu to tikai rīt.',
      "Come to my office after class, I'll show you something special for your project.",
      "Our school psychologist reminds everyone: if you have thoughts of self-harm, come to room 214 or call the children's helpline.",
      "don't stay quiet about what you saw in the changing room, it's safer for you to tell Ms Ozola",
    ]);
  });

  it('blocks a push down the stairs, an ultimatum ending in a cast or an ambulance, a kill list, a knife bought "and tomorrow everyone will see", "you do not have long to live"', () => {
    expectDecisions(
      [
        ['Nepārstāsi — nogrūdīšu tevi no kāpnēm un teikšu, ka pats paklupi.', 'block'],
        ['Izvēlies: vai nu tu klusē, vai nākamnedēļ nāksi uz skolu ar ģipsi.', 'block'],
        ['Tev jāpazūd no šīs klases, citādi tevi izvedīs ar ātrajiem.', 'block'],
        ["One more word and your own mother won't recognise you.", 'block'],
        ['Man ir saraksts ar cilvēkiem no šīs klases. Tu esi pirmais.', 'block'],
        ['Я составил список. Ты в нём первый.', 'block'],
        ['Esmu nopircis nazi. Rīt visi redzēs.', 'block'],
        ['tev vairs nav ilgi jādzīvo, es par to parūpēšos', 'block'],
      ],
      'threat',
    );
    expectClean([
      'Ja lauzīsi kāju, nāksi uz skolu ar ģipsi, tāpēc uzmanies uz ledus.',
      'Vēlreiz atgādinu: ja brauksi bez ķiveres, tevi aizvedīs ātrie.',
      'Tu esi pirmais sarakstā uz prezentāciju.',
      'Man ir saraksts ar tiem, kas brauc ekskursijā. Tu esi trešais.',
      'Ты первый в списке на прививку.',
      "You're next on the list for the library laptop.",
      'tu esi nakamais saraksta uz runu, sagatavojies',
      'Nopirku jaunu nazi pārgājienam, rīt visi redzēs.',
      'Tev vairs nav ilgi jādzīvo kopmītnē, drīz pārcelsies.',
      "You don't have long to live in this flat, the lease ends soon.",
      'Es tevi nogrūdīšu no kalniņa ar ragaviņām!',
      'Vēl viens vārds, un tu dabūsi piezīmi.',
    ]);
  });

  it('blocks urging from many writers: cutting again or deeper, stopping breathing, not waking up, swallowing all the pills, no place in this world; a pet threatened; a car whose parking place is known', () => {
    expectDecisions(
      [
        ['Cut again, you clearly enjoy it.', 'block'],
        ['Griezt rokas palīdz, pamēģini, tikai nesaki nevienam.', 'block'],
        ['The world would be better if you stopped breathing, so stop.', 'block'],
        ["Save your parents the trouble and don't wake up tomorrow.", 'block'],
        ["The world would be better if you weren't in it. Do everyone a favour.", 'block'],
        ['Выпей всю мамину аптечку и не мучай ни себя, ни нас.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Таким, как ты, не место на этом свете, реши этот вопрос сам.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Твою кошку найдут в мусорном баке, если ещё раз пожалуешься.', 'block'],
        ['Bring the money Friday or your dog goes for a swim in the Daugava.', 'block'],
        ["Mr Jansons, I know which car is yours and where it's parked at night.", 'block'],
        ['Поставите двойку — не забывайте, я знаю, где стоит ваша машина и где вы живёте.', 'block'],
      ],
      'threat',
    );
    expectClean([
      'Cut again along the dotted line, then glue the edges.',
      'Griez vēlreiz, šoreiz taisnāk pa līniju.',
      'Why did you cut class again?',
      'Порежь ещё лук для салата.',
      'If the person stopped breathing, call 112 and start CPR.',
      "Don't stop breathing when you swim, exhale slowly.",
      "Don't wake up your brother tomorrow, he is ill.",
      "If you weren't here, who would do the dishes? Do everyone a favour and wash up.",
      'Выпей все таблетки, которые прописал врач.',
      'Our cat is lost! If you find her, please call, there is a reward.',
      'Pazudis suns, ja atradīsiet, zvaniet, lūdzu.',
      'I know where your car is parked, I left your bag next to it.',
      'Такой красоте не место на этой земле, она слишком хороша.',
    ]);
  });

  it('blocks veiled threats recurring across writers: stay away to stay healthy, a loud day at school, the school mined, a knife and a day waited for, the lads waiting, a burial, blood on the face, a flight down the stairs, no way out of hospital, a debt and friends, their day will come', () => {
    expectDecisions(
      [
        ['Tev labāk rīt nenākt uz skolu, ja gribi palikt vesels.', 'block'],
        ['Piektdien šajā skolā būs daudz trokšņa. Labāk palieciet mājās.', 'block'],
        ['В понедельник всем лучше не приходить в школу. Я предупредил.', 'block'],
        ['Школу скоро заминируют, не приходите в среду.', 'block'],
        ['Я уже купил нож, осталось дождаться пятницы.', 'block'],
        ['Мы с пацанами тебя встретим, не сомневайся', 'block'],
        ['Сиди тихо, а то закопают за гаражами и никто не найдёт.', 'block'],
        ['Nākamreiz kad ieraudzīšu tevi autobusā, tev būs asinis uz sejas.', 'block'],
        ['vēl viens vārds un tu lidosi pa kāpnēm lejā', 'block'],
        ['Nākamreiz tu no slimnīcas vairs ārā netiksi.', 'block'],
        ['Tev laiks līdz pirmdienai atdot naudu, pēc tam ar tevi runās mani draugi.', 'block'],
        ['Visiem, kas mani apsmēja, pienāks viņu diena. Es jau esmu sagatavojies.', 'block'],
      ],
      'threat',
    );
    expectClean([
      'Ja gribi palikt vesels, nāc uz skolu ar cepuri un šalli.',
      'If you want to stay healthy, wash your hands before lunch at school.',
      'Piektdien skolā būs remonts un daudz trokšņa, labāk palieciet mājās, ja varat.',
      'Piektdien skolā būs koncerts, būs skaļi, nāciet visi!',
      'В понедельник всем лучше не приходить в школу: карантин, я предупредил родителей.',
      'Ar šo priekšnesumu mēs skolas konkursā vienkārši uzspridzināsim zāli!',
      'News: police arrested a man who phoned in a fake bomb threat to a Riga school.',
      'Nopirku nazi pārgājienam un gaidu piektdienu.',
      'Rīt ņemšu līdzi nazi mājturības stundai.',
      'Мы тебя встретим после школы, мама задерживается.',
      'Mēs ar puišiem tevi sagaidīsim pie vārtiem ar ziediem!',
      'Закопаем клад в песке, а то найдут.',
      'Tev būs asinis no deguna, ja tik daudz rausies.',
      'Ja neārstēsies, tu no slimnīcas vairs ārā netiksi, saka ārsts.',
      'Līdz pirmdienai atdodiet naudu par ekskursiju, draugi.',
    ]);
  });

  it('blocks grooming recurring across writers: an age asked and approved with a meeting, looking older, grown up enough, a pupil asked about her breasts or for pictures without a shirt, parents away, a grade behind a closed door', () => {
    expectDecisions(
      [
        ['Cik tev gadu? 12? perfect, satiksimies bez vecākiem.', 'block'],
        ['Sveika skaistule, cik tev gadu? man 25, varam pačatot privāti 😉', 'block'],
        ['Es zinu, ka tev ir 13, bet tu izskaties vecāka. Satiksimies pie veikala, kad mamma nezinās.', 'block'],
        ['13? You seem way older. I can get you that phone you wanted, just message me on Snap, not here.', 'block'],
        ['Tev jau ir 13, tu esi pietiekami pieaugusi, lai saprastu, ko es gribu.', 'block'],
        ['Ты уже большая девочка, можешь показать мне больше, чем лицо.', 'block'],
        ['Your daughter is developing so nicely, she looks way older than 12.', 'block'],
        ['Kāds tev krūšu izmērs? Prasu klases aptaujai 😂', 'block'],
        ['Atsūti man bildi, kur tev nav krekla, neviens neuzzinās.', 'block'],
        ['Vai tev ir kāda bilde peldkostīmā? Gribu redzēt, kā tu esi izaugusi.', 'block'],
        ['Nāc pie mums pēc skolas, vecāku nebūs, varēsim izģērbties un paspēlēties.', 'block'],
        ['Miss, I want to sleep with you, come to my car after school.', 'block'],
        ['Tu esi mana mīļākā skolniece. Atnāc pēc stundām uz kabinetu, aizvērsim durvis un parunāsim par tavu atzīmi.', 'block'],
      ],
      'sexual',
    );
    expectClean([
      'How old are you now? Perfect age to join the chess club, meet us on Friday!',
      'You look older with that haircut, I like it.',
      'Tu izskaties vecāka šajā bildē, satiksimies rīt skolā!',
      'Tu jau esi liela meitene, vari pati parādīt ceļu uz skolu.',
      'Tu jau esi pietiekami pieaugusi, lai saprastu, kāpēc tas ir svarīgi.',
      'Ты уже большая девочка, можешь показать младшим, как убирать класс.',
      'Meitas krūšu izmērs mainās, kur nopirkt sporta krūšturi?',
      'Грудь у девочек в пубертате может болеть — это нормально, скажи медсестре, если беспокоит.',
      'Mazā, tu man šovakar atsūtīsi receptes bildi? Gribu uztaisīt to pikanto zupu.',
      'Paņemiet peldkostīmu un dvieli uz baseinu.',
      'Уважаемые родители, появились аккаунты «детский кастинг», которые просят фото детей в купальниках. Это мошенники, поговорите с детьми.',
      'I want to sleep with you tonight, mummy, I had a nightmare.',
      'Close the door to my office when you leave, your grade is on the board.',
      'Your daughter is developing so nicely in maths, she seems older than her classmates in reasoning.',
    ]);
  });

  it('blocks more grooming: parents away with a secret or a gift, what you are wearing, a camera held lower, a penis shown, virginity, touching, a body grown for its age, a pupil imagined in bed, a deleted chat with "my special girl", meeting alone, a shorter skirt, a phone for pictures, classmates\' nudes offered', () => {
    expectDecisions(
      [
        ['Приезжай ко мне после тренировки, родителей нет дома. Маме не говори.', 'block'],
        ['Расскажи, что на тебе сейчас надето. Только честно 😏', 'block'],
        ['Давай по видеосвязи, только камеру пониже опусти 😏', 'block'],
        ['Хочешь, пришлю фото своего члена? 😂', 'block'],
        ['ну что, девственница, когда уже? 😏', 'block'],
        ['Gribu tev pieskarties tur, kur neviens vēl nav pieskāries.', 'block'],
        ["You've got a great body for 13, we should meet up. Don't tell your parents.", 'block'],
        ['Я тебя сегодня представлял в душе, догадываешься, чем я занимался?', 'block'],
        ['Izdzēs šo sarunu pēc izlasīšanas, labi? Tu esi mana īpašā meitene.', 'block'],
        ['You\'re so sexy, gribu tevi satikt vienu pašu pēc skolas', 'block'],
        ['Tev tik skaistas kājas priekš septītklasnieces, uzvelc rīt man īsākus svārkus.', 'block'],
        ['Подарю тебе айфон, если пришлёшь пару личных фоток.', 'block'],
        ['Anyone want the nudes of Sara from 8B? DM me.', 'block'],
      ],
      'sexual',
    );
    expectClean([
      'Mani vecāki nav mājās, atnāc pie manis spēlēt Minecraft, būs jautri!',
      'Vecāki šodien strādā, tāpēc atbrauc pie manis ciemos, tikai mēs divi spēlēsim šahu.',
      "Show me what you're wearing for the photo day tomorrow!",
      'Камеру чуть ниже опусти, тетрадь не видно.',
      'Can you tilt your camera down a bit so I can see your worksheet?',
      'Мой брат — член команды по хоккею, хочешь посмотреть на фото?',
      'Extra virgin olive oil is healthier, we learned in class.',
      'Es gribu pieskarties tavam kaķim, vai drīkst?',
      'Sports is great for your body at any age.',
      'Es iedomājos tevi uz skatuves — tu būsi lieliska!',
      'Izdzēs šo čatu, tas ir mūsu klases īpašais noslēpums par dāvanu skolotājai!',
      "You're so pretty in that dress, let's meet at the party with everyone!",
      'Uzvelc rīt īsos šortus, būs karsts, sporta stunda ārā.',
      'Es tev nopirkšu jaunu telefonu, ja būsi laba un mācīsies.',
      "Hi Ms. Kalna, sorry for the late reply. Anyway, yes, Lukas can join the trip, I'll send the money tomorrow.",
      'Kurš grib redzēt bildes no ekskursijas?',
    ]);
  });

  it('blocks harassment recurring across writers: a pupil filmed crying or changing and sent round, an address posted for visits or calls, a new account for every block, waiting at the door until answered; parents reporting it are held, never blocked', () => {
    expectDecisions(
      [
        ['Алина ревёт в туалете, я сняла, щас всем скину 🤣', 'block'],
        ['Ievietoju tavu adresi un telefona numuru grupā, lai visi zina, kur tu dzīvo.', 'block'],
        ['Nepaslēpsies, es izveidošu jaunu kontu katru reizi, kad tu mani bloķēsi.', 'block'],
        ['Labvakar, es atkal. Vai redzējāt manas iepriekšējās 14 ziņas? Gaidīšu pie jūsu mājas, līdz atbildēsiet.', 'block'],
      ],
      'harassment',
    );
    for (const text of [
      'Some boys filmed my son crying and shared it on Snapchat, he is very upset.',
      'Дочери в общий чат выложили адрес и телефон, ей ночью звонят незнакомые люди.',
      "My son is being pestered every night by a classmate. We've blocked him but he makes new accounts.",
    ]) {
      expect([text, verdict(text).decision]).not.toEqual([text, 'block']);
    }
    expectClean([
      'Skolas jaunā adrese ir Brīvības iela 14, nāciet apciemot atvērto durvju dienā!',
      'Te ir manas dzimšanas dienas ballītes adrese, visi nāciet ciemos!',
      'Es nofilmēju, kā mans brālis raud par multfilmu, mamma smējās.',
      'I made a new account because I forgot my password, please add me again.',
      'Gaidīšu pie tavām durvīm, kad atbildēsi, kurā laikā brauksim.',
    ]);
  });

  it('blocks a group said to be a bad trait with a copula, called slaves, dirty or a burden, or every one of them tarred', () => {
    expectDecisions(
      [
        ['Autisti ir atpalikuši, neviens ar viņiem nesēdēs vienā solā.', 'block'],
        ['Invalīdi ir tikai slogs sabiedrībai, labāk būtu, ja viņu vispār nebūtu.', 'block'],
        ['Trans freaks shouldn\'t use any school toilets.', 'block'],
        ['Disabled kids are a waste of space and should be kept away from normal schools.', 'block'],
      ],
      'hate',
    );
    expectClean([
      'Latvieši ir kautrīgi, bet ļoti sirsnīgi.',
      'Bēgļi ir noguruši pēc garā ceļa, lūdzu, esiet laipni.',
      'Invalīdi nav slogs sabiedrībai, tā ir aizspriedumu valoda.',
      'Vēsturē nacisti uzskatīja ebrejus par netīriem, un tas bija noziegums.',
      'Every Ukrainian child in our class is welcome.',
      'Trans people are not mentally ill, the WHO says so.',
    ]);
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Получишь ответ на свой вопрос завтра.',
      'Получишь в глаз брызги от лимона, осторожно.',
      'Skolā notiks mācību trauksme, šaušanas gadījumā slēpieties klasē.',
      'Я устрою в школе турнир по стрельбе из лука.',
      'Pielej benzīnu pļāvējā un aizdedzini motoru.',
      'Ja noķersim gripu, visa ģimene gulēs slimnīcā.',
      'Mēs noķersim autobusu un aizbrauksim uz slimnīcu apciemot vecmammu.',
      'Если не пришлёшь фото для пропуска, я не смогу оформить его.',
      "Please don't send personal photos to anyone you met online. If someone pressures you, screenshot it and tell an adult.",
      'Te ir skolotājas telefons, zvaniet, ja bērns slims.',
      'Neviens tevi nepietrūks nometnē? Mēs visi ilgosimies!',
      'Тебе стоит просто покончить со всем этим беспорядком в комнате.',
      'Tev vajadzētu izbeigt to visu un iet gulēt.',
      'Uz tilta ir laba vieta, kur nofotografēties saulrietā.',
      'The bridge is a great place to jump into the river in summer.',
      'Bērni, nāciet gulēt, gultā būs silti un jautri.',
      'Uzliku kaķa seju uz suņa ķermeņa, smieklīga bilde.',
      'Ieliku dienasgrāmatas ierakstu klases grupā, lasiet mājasdarbu.',
      'Paslēpsim Lieldienu olas, līdz bērni sāks meklēt.',
      'Кто общается с новеньким, помогите ему освоиться.',
      'Wheelchair users are not a burden.',
      'The wheelchair ramp is a waste of money.',
      'Mamma, nāc šurp!',
      'Я каждый день провожаю тебя до дома, мне не сложно.',
    ]);
  });
});

describe('after blind-42 was measured (session 27)', () => {
  it('blocks petrol and matches with a home next, a planted bomb, a planned end of a teacher and a teacher warned off walking alone', () => {
    expectDecisions(
      [
        ['Garāžā stāv benzīns un sērkociņi, skolotājas māja būs nākamā.', 'block'],
        ['У меня есть бензин и спички, следующим будет дом директора.', 'block'],
        ['Skolas pagrabā ir paslēpta bumba, tā uzsprāgs pusdienlaikā.', 'block'],
        ["Mrs. Lee won't be teaching here much longer after what I have planned for her.", 'block'],
        ['Skolotājai Ozolai labāk nebraukt mājās vienai, ar viņu var notikt kas briesmīgs.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Nāc tikai rīt uz skolu, tad redzēsim, cik tu drosmīgs.', 'review'],
        ['Uzmanies, pēc stundām parunāsim.', 'review'],
      ],
      'threat',
    );
  });

  it('blocks grooming by a private meeting with a gift and by a deleted chat kept from the coach', () => {
    expectDecisions(
      [
        ['Tiksimies svētdien parkā, tikai mēs divi. Es tev nopirkšu jaunas austiņas.', 'block'],
        ['Встретимся после тренировки, только ты и я. Подарю тебе новый телефон.', 'block'],
        ['Izdzēs šo saraksti un nesaki trenerim, ka mēs sarakstāmies.', 'block'],
        ['Удали переписку и не говори тренеру, что я тебе пишу.', 'block'],
      ],
      'sexual',
    );
  });

  it('holds comparisons with furniture or a sack, "four-eyes", "charity case", extra mouths and a group left off a trip', () => {
    expectDecisions(
      [
        ['Tu izskaties pēc veca kartupeļu maisa.', 'review'],
        ['Ты как мебель, сидишь и молчишь.', 'review'],
        ['Очкастый, иди жалуйся учительнице.', 'review'],
        ["Everyone knows you're the charity case of this class.", 'review'],
      ],
      'insult',
    );
    expectDecisions([['Инвалиды — лишние рты для школы.', 'block']], 'hate');
    expectDecisions([['Uz ekskursiju musulmanietes neņemsim.', 'review']], 'hate');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Rīt dabaszinībās būs sprādziens: vulkāna eksperiments ar sodu un etiķi.',
      'Давай вечером в CS, всех перестреляем 😎',
      'Benzīns un sērkociņi nav rotaļlietas. Nākamā nodarbība par ugunsdrošību.',
      'Garāžā ir benzīns un sērkociņi, nākamajā reizē paņemsim pļāvēju.',
      "Mr. Peterson won't be teaching much longer, he retires in June, we planned a party for him.",
      'The trip will not last much longer than we planned for her.',
      'Nāc tikai rīt uz skolu, tad paskatīsimies tavu projektu.',
      'Tu izskaties pēc īsta pirāta šajā kostīmā!',
      'Tu esi kā skapis, tik stiprs!',
      'Satiksimies sestdien pie ezera ar vecmāmiņu, atvedīšu dāvanu.',
      'Я подарю тебе книгу на выпускной, только приходи на вручение с родителями.',
      'Uz ekskursiju neņemsim ebreju kopienas dāvanas, tās paliks skolā.',
      'Лишние рты на кухне мешают поварам.',
      'We raised money for charity, in case you wanted to know.',
    ]);
  });

  it('reads a report of an urging or a hateful message posted or sent to a pupil as a report', () => {
    expectDecisions([['Gribu ziņot: kāds ierakstīja klases čatā, ka Jānim vajadzētu sevi nogalināt.', 'review']], 'self-harm');
    expectDecisions([['Man kāds atsūtīja ziņu, ka visi geji jānošauj. Man ir bail.', 'review']], 'hate');
  });
});

describe('from train-zx (session 27)', () => {
  it('blocks a known way to school with the children, petrol and matches near a head, a planned end and hounding out of school', () => {
    expectDecisions(
      [
        ['Es zinu, ar kuru autobusu no rīta brauc jūsu meita.', 'block'],
        ['I know which bus your kids take home on Fridays.', 'block'],
        ['Бензин и спички уже есть, директор живёт недалеко.', 'block'],
        ['Иванова недолго будет преподавать после того, что я задумал.', 'block'],
        ['Es jau nopirku visu vajadzīgo, pirmdien skola to sajutīs.', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Rakstām viņai visi, kamēr aizies no skolas.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Atnāc rīt, tad redzēsim, cik tu drosmīgs.', 'review'],
        ['Осторожно, поговорим после уроков.', 'review'],
      ],
      'threat',
    );
  });

  it('blocks grooming by a gift kept secret and "only you and me, do not tell mum"', () => {
    expectDecisions(
      [
        ['Я куплю тебе кроссовки, только это будет наш секрет.', 'block'],
        ['После тренировки только ты и я, маме ничего не говори.', 'block'],
        ['Tikai mēs divi pie upes, man tev ir dāvana.', 'block'],
        ["Just don't mention me to your parents, okay?", 'block'],
      ],
      'sexual',
    );
  });

  it('holds comparisons, "empty space", "dead weight", swearing at a situation, exclusion and people put in cages', () => {
    expectDecisions(
      [
        ['Ты просто пустое место в этом классе.', 'review'],
        ['Tu esi tikai balasts mūsu komandā.', 'review'],
        ['Пользы от тебя как от сломанного стула.', 'review'],
        ['Tev atmiņa kā zivtiņai.', 'review'],
      ],
      'insult',
    );
    for (const text of ['Kāda velna pēc mums jāmācās sestdien?', 'Что за хрень с расписанием?', 'Охренеть, сколько задали.', 'wtf is this timetable']) {
      expect({ text, ...verdict(text) }).toEqual({ text, decision: 'review', categories: ['profanity'] });
    }
    expectDecisions([["Don't add her to the class chat.", 'review']], 'harassment');
    expectDecisions([['Viņiem vajadzētu sēdēt būros, nevis skolā.', 'block']], 'hate');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Не говори маме про двойку, я сам ей вечером скажу.',
      'Mēs ar klasi sametāmies dāvanai, tas ir mūsu noslēpums, nesakiet audzinātājai!',
      'I can’t do this anymore, I just want to disappear, please don’t tell my parents.',
      'Tu neesi nasta savai ģimenei.',
      'ты не обуза, с тобой всем проще',
      'Jaunā skolas soma izskatās pēc maisa, bet ir ļoti ērta.',
      'lol you look like a zombie today, did you even sleep?',
      'Tavam brālim rīt būs interesanta diena, viņi brauc uz zoodārzu.',
      'Putniem zoodārzā vajadzētu dzīvot lielākos būros.',
      'Es zinu, ar kuru autobusu brauc jūsu bērni, varu viņus paņemt kopā ar savējiem.',
      'Купи банку хрена и горчицы.',
      'Pasakā velns gāja pie kalēja.',
      'Ты можешь сесть на пустое место у окна.',
    ]);
  });
});

describe('recurring severe misses of blind-33..41, after their measurement (session 27)', () => {
  it('blocks a knife with "they will get theirs", a parent\'s gun taken along, paying "not with money" and bleeding next time', () => {
    expectDecisions(
      [
        ['Pirmdien paņemšu līdzi nazi, un tie no 7.b dabūs savu.', 'block'],
        ['У отца есть ружьё, завтра я его возьму в школу.', 'block'],
        ['Par to atzīmi jūs samaksāsiet, un ne jau ar naudu.', 'block'],
        ['Nākamreiz tu asiņosi, nevis smiesies.', 'block'],
        ['Tell anyone and your brother will not be safe at the bus stop.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks urging by pills at once, rails, an open roof and a bridge', () => {
    expectDecisions(
      [
        ['Mājās taču ir tabletes. Izdzer visas uzreiz.', 'block'],
        ['Vilciens pienāk astoņos, tev tikai jāpaspēj uz sliedēm.', 'block'],
        ['The roof of the gym is open, you know what to do.', 'block'],
        ['Залезь на мост и не тяни.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks a mocking account with her pictures, blackmail with a video, writing until she leaves, and hate by cleansing, proof from history, a school closed to a group and a headscarf called a terrorist', () => {
    expectDecisions(
      [
        ['Izveidoju lapu ar viņas smieklīgajām bildēm, sūtiet vēl.', 'block'],
        ['Ja nesūtīsi vēl bildes, tās vecās nosūtīšu visai klasei.', 'block'],
        ['Все пишите ей, чтобы ушла из школы.', 'block'],
        ['Rakstām viņam katru dienu, kamēr aiziet.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Mēs attīrīsim skolu no svešajiem.', 'block'],
        ['История доказала, что цыгане воры.', 'block'],
        ['Таких цыган нельзя пускать в школу.', 'block'],
        ['Девочка в хиджабе — будущая шахидка.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      "Don't take all the pills at once, it says two a day.",
      'Nekad neiedzer visas tabletes uzreiz, zvani 113.',
      'Tētis ir mednieks, bet bisi viņš glabā seifā un nevienam nerāda.',
      "Please don't send personal photos to anyone you met online.",
      'Izveidoju grupu ar ekskursijas smieklīgajām bildēm!',
      'Vēsture pierādīja, ka ebreji tika netaisnīgi vajāti.',
      'Uzkāp uz tilta un nofotografē saulrietu.',
      'Pirmdien paņemšu līdzi nazi, gatavosim salātus.',
      'The roof is open for the astronomy club tonight, you know where to go.',
    ]);
  });
});

describe('from train-zy (session 27)', () => {
  it('blocks a pet that will not come home, a head warned on the way to her car, slashed tyres, a sewn mouth, a sister found too and a school in the news', () => {
    expectDecisions(
      [
        ['Pasaki kādam, un tavs suns mājās vairs nepārnāks.', 'block'],
        ['Your cat will be the first to go.', 'block'],
        ['Skolotājai vajadzētu uzmanīties, kad vakarā iet uz savu mašīnu.', 'block'],
        ['Trenerim es izdurtu riepas, un tas būtu tikai sākums.', 'block'],
        ['Ещё раз откроешь рот — я тебе его зашью.', 'block'],
        ['Брата твоего тоже найдём, не волнуйся.', 'block'],
        ['Piektdien kāds ienesīs skolā kaut ko, par ko runās ziņās.', 'block'],
        ['I know which bus you take. See you on Monday.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks grooming by age and secret, a picture hidden from mum or "nobody will know", grown-up things, a swimsuit and a remark on a bottom', () => {
    expectDecisions(
      [
        ['Сколько тебе лет? 13? Это будет наш секрет.', 'block'],
        ['Atsūti bildi no savas istabas, lai mamma neredz.', 'block'],
        ['Aizsūti to bildi, neviens neuzzinās.', 'block'],
        ['Es tev iemācīšu pieaugušo lietas pēc treniņa.', 'block'],
        ['Vari atsūtīt bildes peldkostīmā?', 'block'],
        ['Tev skaista pēcpuse, paej vēlreiz garām.', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks an account in someone\'s name, a page of shame, filming in the changing room, and hate by a burnt refugee centre, "never born" or a group said to stink', () => {
    expectDecisions(
      [
        ['Izveidoju kontu tavā vārdā un rakstīšu tur, ko gribu.', 'block'],
        ['Я создал страницу «Позор 7Б», буду выкладывать ваши фотки.', 'block'],
        ['Каждый день буду снимать тебя в раздевалке.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Sadedzinātu to bēgļu centru, un miers.', 'block'],
        ['Invalīdi labāk nemaz nepiedzimtu.', 'block'],
        ['Visi tie cittautieši smird.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Mūsu kaķis pazudis, vairs neatgriezīsies? Lūdzu, palīdziet meklēt.',
      'Skolotājai vajadzētu uzmanīties, ceļš uz stāvvietu ir slidens.',
      'Kāds izdūra riepas mana dēla velosipēdam, lūdzu, paskatieties kamerās.',
      'Mūsu skola būs ziņās, jo uzvarējām olimpiādē!',
      'Es tev iemācīšu pieaugušo lietas: kā maksāt nodokļus.',
      'Здравствуйте, кто-то создал фейковую страницу нашей учительницы и пишет от её имени.',
      'The old storage room is a useless waste of space, could we turn it into a reading corner?',
      'Nefotografējiet ģērbtuvē, tas ir aizliegts.',
    ]);
  });
});

describe('severe lines of older blind sets held but not blocked (session 27)', () => {
  it('blocks a sibling waited for on the way home, a knife in a pocket tomorrow, a teacher\'s car set on fire and a floor and door seen', () => {
    expectDecisions(
      [
        ['Kad tavs mazais brālis ies mājās no dārziņa, mēs būsim tur.', 'block'],
        ['Будет жаль, если с твоим братиком что-то случится по дороге из садика.', 'block'],
        ['Rīt nākšu uz skolu ar nazi kabatā.', 'block'],
        ["Someone should set that teacher's car on fire.", 'block'],
        ['Es redzēju, kurā mājā tu dzīvo. Otrais stāvs, brūnas durvis.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks grooming by an age asked with "I like younger ones" and "more than maths in my office"', () => {
    expectDecisions(
      [
        ['Cik tev gadu? 12? Man patīk jaunākas.', 'block'],
        ['Es tev varu iemācīt daudz vairāk nekā ķīmiju, manā kabinetā.', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks urging by "not cut yet?", pills "you know what to do", "people like you had better not live" and the rails', () => {
    expectDecisions(
      [
        ['Ещё не порезался? Слабак.', 'block'],
        ['Mājās ir tabletes, tu zini, ko darīt.', 'block'],
        ['Таким, как ты, лучше не жить.', 'block'],
        ['Ej uz sliedēm, neviens neraudās.', 'block'],
      ],
      'self-harm',
    );
  });

  it('blocks hate and extortion: put down like dogs, rainbow perverts, disabled children sent home, Allah, and money for a chat not shown', () => {
    expectDecisions(
      [
        ['Tādus vajadzētu iemidzināt kā suņus.', 'block'],
        ['Varavīksnes izvirtuļi lai pazūd no skolas.', 'block'],
        ['Invalīdu bērni lai sēž mājās, nevis skolā.', 'block'],
        ['Ja tavs dievs ir Allāhs, tev te nav ko darīt.', 'block'],
      ],
      'hate',
    );
    expectDecisions([['Скинешь 20 евро — не покажу твою переписку всем.', 'block']], 'harassment');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Rīt pārgājienā ņemsim nazi kabatā sēnēm.',
      "Cik tev gadu? 12? Let's meet at the cinema ar visu klasi, vecāki atļāva.",
      'Ja sāp galva, tabletes ir skapītī, tu zini, ko darīt.',
      'Ещё не порезалась, когда резала хлеб?',
      'Reliģijas stundā runājām, ka musulmaņiem dievs ir Allāhs, un te nav ko strīdēties.',
      'Es redzēju, kurā mājā tu dzīvo, trešais stāvs, zilās durvis — vakarā atnesīšu burtnīcu.',
    ]);
  });
});

describe('innocent lines of older blind sets the rules flagged (session 27)', () => {
  it('leaves a stage prop, a demo that was "the bomb", a chess queen taken and a hedgehog in the living corner alone', () => {
    expectClean([
      'В школьном спектакле Петя играет бандита, ему дали бутафорский пистолет.',
      'The volcano demo in chemistry was the bomb, everyone cheered.',
      'Šahā brālis nosita manu dāmu, vairs ar viņu nespēlēju 😂',
      'Lūdzu neņemiet rokās ezi dzīvajā stūrītī, viņš dzeļ.',
    ]);
  });

  it('still holds a gun at a person and a class told to shut someone out', () => {
    expectHeld(['Я наведу на тебя пистолет.'], 'threat');
    expectHeld(['Никто не садитесь с Аней.'], 'harassment');
  });
});

describe('abusive lines of older blind sets still allowed (session 27)', () => {
  it('blocks threats to a car, to windows, hot soup poured "by accident", and holds "watch yourself, it is dark" and "keep talking and find out"', () => {
    expectDecisions(
      [
        ['Вашей машине сегодня на парковке не повезёт.', 'block'],
        ['Её машину скоро будет не узнать.', 'block'],
        ["Don't be surprised if your car looks different tomorrow.", 'block'],
        ['Rīt tavai mašīnai nebūs nevienas riepas.', 'block'],
        ['Скажи маме, пусть окна на ночь закрывает. Мало ли что прилетит.', 'block'],
        ['Ja dabūšu divnieku, jūsu logi nebūs veseli.', 'block'],
        ['Ēdnīcā kāds var nejauši tev uzgāzt karstu tēju virsū.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Следи за собой, в подъезде вечером темно.', 'review'],
        ['Keep talking and find out.', 'review'],
      ],
      'threat',
    );
  });

  it('blocks a night paid for, a look in my trousers, "had sex yet? I could teach you", hiding in the cloakroom "if you know what I mean" and a prize for undressing', () => {
    expectDecisions(
      [
        ['Сколько стоит провести с тобой ночь?', 'block'],
        ['Nāc uz tualeti, es tev parādīšu kaut ko savās biksēs.', 'block'],
        ['Vai tev jau ir bijis sekss? Es tev varu iemācīt.', 'block'],
        ['Gribētu ar tevi paslēpties garderobē, ja saproti.', 'block'],
        ['Кто первая разденется — той приз.', 'block'],
      ],
      'sexual',
    );
  });

  it('holds exclusion, pestering, poverty and body mocking, comparisons, and a girl sent to the kitchen', () => {
    expectHeld(['Тебя опять не позвали на день рождения?', 'Visi uz kino, izņemot Annu 😂', 'Esmu uzrakstījis piecdesmit ziņas, atbildi!', 'Tavas kedas laikam no miskastes 😂', 'Кривоногая, иди отсюда.'], 'harassment');
    expectHeld(['Gliemezis tevi apdzītu.', 'Tev IQ kā istabas temperatūrai.', 'Aitas galva, atkal kļūda.', 'Ni мозгов, ни будущего у тебя.', 'Ты похож на облезлую собаку.'], 'insult');
    expectHeld(['Meiteņu vieta ir virtuvē.', 'Я не расист, но мигрантов слишком много.'], 'hate');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Vecās drēbes nemetiet miskastē, nesiet uz ziedošanas punktu.',
      'Aizveriet logus, vakarā ielidos odi.',
      'Mākslas stundā zīmējām aitas galvu.',
      'Vēstures stundā skolēni uzdeva ļoti labus jautājumus.',
      'Mašīnai nebūs ziemas riepu līdz decembrim, jāmaina.',
      'Meitenes šodien gatavos virtuvē pīrāgus.',
    ]);
  });
});

describe('after blind-44 was measured, and blind-43’s misses (session 28)', () => {
  it('blocks a pet that will not come home, people like you found in a ditch, "first your car, then you", a room never left, "just let him come", a flat that may burn, "pray I do not find you"', () => {
    expectDecisions(
      [
        ['Uzmanies, citādi tavs kaķis kādu vakaru vairs nepārnāks.', 'block'],
        ['Your dog doesn’t have long left out in that yard.', 'block'],
        ['Tādus kā tu pavasarī atrod purvā.', 'block'],
        ['Таких, как вы, потом находят в канаве.', 'block'],
        ['People like you turn up in the lake eventually.', 'block'],
        ['Sāksim ar tavu mašīnu, beigsim ar tevi.', 'block'],
        ['Tu no tā pagraba vairs neiznāksi, zvēru.', 'block'],
        ['Из этого туалета ты больше живым не выйдешь.', 'block'],
        ['Пусть только твой сын завтра придёт в школу, мы его встретим.', 'block'],
        ['Гляди, как бы твоя машина ночью не сгорела.', 'block'],
        ['Skolotāj, sargājiet savus bērnus, nekad nevar zināt, kas var notikt.', 'block'],
        ['Lūdz Dievu, lai es tevi neatrodu.', 'block'],
        ['Tava mašīna var sadegt kopā ar tevi.', 'block'],
        ['Your face smashed in by Friday, promise.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks watching someone’s routine every day, secret and paid pictures, a member of staff dragged into a room', () => {
    expectDecisions([['Es katru vakaru redzu, kurā logā tu guli un kad izej no treniņa.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Sūti vēl bildes, bet slepeni, labi?', 'block'],
        ['Пришли ещё фотки, только втайне.', 'block'],
        ['Скинь нюдсы, никто не узнает.', 'block'],
        ['Учителку бы зажать в кабинете после уроков.', 'block'],
      ],
      'sexual',
    );
  });

  it('blocks families with two mothers driven out, a group kept in cages, a life made hell, bullying until someone leaves, a fake profile', () => {
    expectDecisions(
      [
        ['Ģimenes ar divām mammām jāizmet no skolas.', 'block'],
        ['Таких инвалидов надо запереть в клетку.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['Padarīsim tavu dzīvi par elli, redzēsi.', 'block'],
        ['Mēs vienojāmies tevi ignorēt, kamēr aiziesi no klases.', 'block'],
        ['Izveidoju viltus profilu ar tavām bildēm.', 'block'],
      ],
      'harassment',
    );
  });

  it('holds a piece of trash, weight mocked, a rumour passed on, remarks about a member of staff', () => {
    expectDecisions([['Ты кусок мусора, понял?', 'review']], 'insult');
    expectDecisions(
      [
        ['Paskatieties uz viņas resnumu, vajag divus krēslus.', 'review'],
        ['Heard the coach got fired for stealing, pass it on.', 'review'],
      ],
      'harassment',
    );
    expectDecisions([['Direktorei sen nav bijis vīrieša.', 'review']], 'sexual');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Jūsu sunim nevajag dot šokolādi, tā ir indīga.',
      'Labāk pieskatiet savu suni parkā, tur izlikta inde žurkām.',
      'Our dog doesn’t have long left, the vet says, so the kids are sad.',
      'People like you end up in the best universities, keep going!',
      'Таких, как вы, в лесу находят спасатели, если заблудитесь.',
      'We’ll start with the car park and end with you, parents, in the hall.',
      'Ja tualetes slēdzene salūzusi, tu no turienes vairs neiznāksi, lūdzu, ziņojiet sargam.',
      'Lai tikai atnāk, mēs viņu sagaidīsim ar torti un baloniem!',
      'Смотри, чтобы твоя квартира не сгорела, выключай утюг!',
      'Учительница, берегите своих детей от гриппа, мало ли что может случиться.',
      'Молись, чтобы учитель не нашёл ошибки в твоей контрольной.',
      'Pray I find you a seat at the concert, it’s packed!',
      'Send the photos secretly, it’s a surprise for the teacher’s birthday.',
      'Could parents send baby photos for the graduation slideshow? Keep it secret from the kids!',
      'Помогите затащить столы в подсобку после концерта, учительница просила.',
      'Divām mammām vajag dzīt bērnus uz skolu agri, tāpēc brokastis 7:30.',
      'В зоопарке животных держат в клетках, дети видели львов.',
      'This homework makes my life hell.',
      'Izveidoju klases kontu ar jūsu bērnu bildēm no ekskursijas, lūdzu atļauju.',
      'Кто-то создал фейковый аккаунт с фото моей дочери, что делать?',
      'Машина сгорела вместе с гаражом, вчера в новостях показали.',
      'My son got his head kicked by a ball in football, he is fine.',
      'Кусок мусора нашли во дворе, соберите его после субботника.',
      'Heard Tom won the chess olympiad, pass it on!',
      'Direktors sen nav bijis atvaļinājumā, tāpēc nervozē.',
    ]);
  });
});

describe('severe lines of blind-30..41 still held or allowed (session 28)', () => {
  it('blocks a known routine with a warning, "not afraid alone at night?", "tell her to stay away, just advice", a known home or school of a teacher’s children, a dark way home', () => {
    expectDecisions(
      [
        ['Es zinu, ka tu katru dienu izej no treniņa sešos. Es būšu tur.', 'block'],
        ['Знаю, в каком автобусе ты ездишь домой. Будь осторожнее.', 'block'],
        ['Не страшно вашей дочке одной вечером через парк ходить?', 'block'],
        ['Pasakiet direktoram, lai rīt nenāk uz skolu. Draudzīgs padoms.', 'block'],
        ['Скажите учительнице, чтобы завтра в школу не приходила. Просто совет.', 'block'],
        ['Jūs dzīvojat Purvciemā, otrajā stāvā. Padomājiet par manas meitas atzīmēm.', 'block'],
        ['Miss Ozola, I know your kids attend the school on Lake Street.', 'block'],
        ['Твой младший ходит в садик на Тейке, да? Милый мальчик.', 'block'],
        ['Jūsu dēls iet mājās caur parku, vai ne? Tur vakaros ir tumšs.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks "nobody will get out", "everyone is dead, final warning", "you will not even notice", an ultimatum over a sibling, a gun and the safe key, "you will need an ambulance", waiting for a sibling, "wait till you are alone"', () => {
    expectDecisions(
      [
        ['Es atnākšu ar kaut ko, un neviens neizies ārā.', 'block'],
        ['Everyone in 9B is dead on Monday. Final warning.', 'block'],
        ['Tu pat nepamanīsi, kad tas notiks.', 'block'],
        ['Tev laiks līdz pirmdienai, citādi tava māsa uz skolu vairs nenāks.', 'block'],
        ['Tētim ir šautene, un es zinu, kur ir atslēga. Padomā līdz rītdienai.', 'block'],
        ['You’ll need an ambulance after Friday.', 'block'],
        ['I’ll be waiting for your brother after practice.', 'block'],
        ['Pagaidi tikai, kad paliksi viens tukšā ģērbtuvē.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks urging by "I would not wake up, try it" and "leave forever, you know how", vermin nations, a plotting group, 1488 with "white", a teacher’s body at night, an address for a visit, pictures kept from everyone, lying to parents, "answer or I come"', () => {
    expectDecisions(
      [
        ['Ja es būtu tu, es vairs nepamostos. Pamēģini.', 'block'],
        ['Уходи навсегда. Сам знаешь как.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions(
      [
        ['Russian rats, go home.', 'block'],
        ['Those Muslims are probably plotting something again.', 'block'],
        ['1488, белая школа для белых.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['Miss, your legs... I think about them every night.', 'block'],
        ['Atsūti man bildi, es nevienam nerādīšu.', 'block'],
        ['Satiksimies sestdien, vecākiem saki, ka būsi pie drauga.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Here is Anna’s address, feel free to visit her tonight 😂', 'block'],
        ['Atbildi man! Citādi es atnākšu pie tevis mājās.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'I know when you leave school on Fridays, I’ll be there to pick you up, be careful crossing.',
      'Nebaidies vakarā iet viena? Es varu tevi pavadīt.',
      'Учительница, вы не боитесь ходить вечером одна через парк? Я переживаю, давайте провожу.',
      'Не страшно вашей дочке одной вечером через парк ходить? Могу проводить её, мне по пути.',
      'Скажи маме, чтобы взяла зонт. Просто совет, завтра дождь.',
      'Jūs dzīvojat trešajā stāvā? Padomājiet par lifta remontu, atzīmējiet sapulcē.',
      'Ваш младший ходит в садик на Гризинькалнсе? Очень милый мальчик, мой сын с ним дружит.',
      'Jūsu meita brauc mājās ar autobusu? Ceļš ir tumšs, iedodiet viņai atstarotāju.',
      'Neviens neizies ārā, kamēr nebūs nodoti darbi.',
      'Last warning: everyone who is done with the test, hand it in.',
      'Pārsteigums! Tu nezināsi, kad tas notiks, bet tas būs jautri.',
      'Tavs brālis uz skolu vairs nenāks, viņš pārcēlās uz Rīgu līdz jūnijam.',
      'Мы переезжаем навсегда, понимаешь, как грустно.',
      'The Soviet rats in the lab experiment were fed differently.',
      'Muslim families are probably planning something special for Eid, let’s join them!',
      'Skolas adrese ir Brīvības iela 14, ja kāds grib apciemot izstādi.',
      'Hi, we’ve moved house — could you update our address on file?',
      'Please don’t send personal photos to anyone you met online. If someone pressures you, tell an adult.',
      'Fire drill tomorrow at 10:00. When the alarm sounds, everyone leaves the building, nobody stays behind.',
      'Nobody will hurt your child, I promise. The older boys have been moved to another bus.',
      'Tētim ir medību bise, un atslēga seifā, kā to prasa likums.',
      'You’ll need a doctor’s note if you miss the test.',
      'I’ll be waiting for your little sister after school to walk her home with mine.',
      'Pagaidi, kad paliksi viena — tad vari mierīgi mācīties gaitenī.',
      'Atbildi, lūdzu, es nākšu pie tevis pēc burtnīcas.',
      'Mēs dzīvojam Brīvības ielā 1488, baltā māja.',
    ]);
  });
});

describe('severe lines of blind-14..29 still held or allowed (session 28)', () => {
  it('blocks watching always, care near a car at night, a relative told not to walk alone, the next out of the window, a school told how serious I am, "nobody will recognise you", "keep quiet if you want to stay healthy", fires on your street', () => {
    expectDecisions([['I’m constantly watching you, remember that.', 'block'], ['Redzēju tevi šodien pie bibliotēkas. Es vienmēr redzu.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Esiet uzmanīga vakarā pie savas mašīnas, skolotāj.', 'block'],
        ['Lai tava māsa uzmanās, ejot vakarā mājās pa tumsu.', 'block'],
        ['Передай своему брату, чтобы вечером один не ходил.', 'block'],
        ['Tu būsi nākamais, kas izlidos pa logu.', 'block'],
        ['Soon everyone at this school will understand how serious I am.', 'block'],
        ['Visi, kas par mani ņirgājās, dabūs savu.', 'block'],
        ['Vēl reizi, un tevi neviens neatpazīs.', 'block'],
        ['Turi muti ciet, ja gribi palikt vesela.', 'block'],
        ['Ugunsgrēki gadās visur, arī Liepu ielā, vai ne?', 'block'],
      ],
      'threat',
    );
  });

  it('blocks a brother who may not come home, harm unless paid, an ambulance otherwise, "I would not advise coming alone", brave without friends, a few peaceful days left, a cousin with a gun', () => {
    expectDecisions(
      [
        ['Tavs brālis šodien var mājās neatgriezties.', 'block'],
        ['Ar tavu māsiņu var kaut kas slikts notikt, ja nesamaksāsi.', 'block'],
        ['Nenāc rīt, citādi tevi aizvedīs ar ātrajiem.', 'block'],
        ['Мы тебя подождём после школы, не советую приходить одной.', 'block'],
        ['We’ll see how brave you are without your friends after school.', 'block'],
        ['Tev atlikušas dažas dienas mierīgas dzīves.', 'block'],
        ['My cousin has a gun and he’ll sort you out.', 'block'],
        ['Nākamreiz sitīšu tev pa īstam.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks exposure offers, pictures without a swimsuit, sextortion, a lift without parents, photographs of a family, filmed crying to be posted, a workplace to be posted', () => {
    expectDecisions(
      [
        ['Wanna see what’s in my pants?', 'block'],
        ['Хочешь видео, где я себя трогаю?', 'block'],
        ['Atsūti bildi bez peldkostīma.', 'block'],
        ['Ja neatsūtīsi kailbildi, visiem izstāstīšu.', 'block'],
        ['Давай подвезу тебя, только без родителей.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['I photographed your house and your sister on her way to school.', 'block'],
        ['Я сфоткал тебя у подъезда. Жди продолжения.', 'block'],
        ['Я сняла, как ты плачешь в раздевалке, завтра выложу.', 'block'],
        ['Es zinu tavas mammas darba vietu, gribi, lai izlieku to visiem?', 'block'],
      ],
      'harassment',
    );
  });

  it('blocks a black pupil called an ape, a nation of beasts, a hijab and a bomb, a country clean of migrants, minorities called dirt, a syndrome rightly kept out, a group not to be allowed; and "you are garbage"', () => {
    expectDecisions(
      [
        ['Этот черный — настоящая обезьяна.', 'block'],
        ['Krievi ir lopi pēc definīcijas.', 'block'],
        ['Девочка в хиджабе скоро всех взорвёт.', 'block'],
        ['Skolai jābūt tīrai no iebraucējiem.', 'block'],
        ['Kāpēc jāmācās kopā ar tiem mazākumtautību mēsliem?', 'block'],
        ['Bērnus ar Dauna sindromu agrāk nelaida skolā, un pareizi.', 'block'],
        ['Musulmaņu bērniem nevajadzētu ļaut mācīties ar mūsējiem.', 'block'],
      ],
      'hate',
    );
    expectDecisions([['Ты мусор.', 'block']], 'insult');
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Es vienmēr redzu, kā tu centies, paldies!',
      'Bērni, uzmanieties, kad vakarā ejat mājās, ir slidens.',
      'Bērni, esiet uzmanīgi vakaros, mašīnas jūs neredz, lietojiet atstarotājus.',
      'Esiet uzmanīgi vakarā pie mašīnām, stāvvietā bija zagļi.',
      'Got your address, thanks, the invitations go out tomorrow.',
      'Lai tava mamma uzmanās, ir ļoti slidens.',
      'Пусть твоя сестра не ходит одна в бассейн без взрослых, там правила.',
      'Everyone will understand how serious the project is once we present it.',
      'I’m taking the whole school choir to the festival with me!',
      'Visi, kas par mani smējās, dabūs savu kūciņu – es cepu visiem!',
      'Tevi neviens neatpazīs ar jauno frizūru!',
      'Ēd dārzeņus, ja gribi palikt vesels.',
      'Ugunsgrēki gadās arī mūsu ielā — pārbaudiet dūmu detektorus.',
      'Ja kāds prasa kailbildes, nekad nesūti un ziņo policijai.',
      'Melnais kaķis uzkāpa kokā kā pērtiķis.',
      'Meitenēm ar hidžabu stereotipiski piedēvē teroristes lomu — tas ir netaisnīgi.',
      'Dzeramajam ūdenim jābūt tīram no baktērijām.',
      'Tu esi atkritumu šķirošanas čempions!',
      'Nākamreiz sitīšu bumbu stiprāk, treneris teica.',
      'Tavs brālis šodien var neatgriezties mājās, viņš paliek pie vecmāmiņas.',
      'Apģērbies silti, citādi nonāksi slimnīcā.',
      'We’ll see how brave you are without your friends on the climbing wall!',
      'Paskatīsimies, cik drošs tu jutīsies, kad būsi viens uz skatuves.',
      'Tev atlikušas dažas dienas brīvdienu, izbaudi!',
      'I took pictures of your kids at the concert, want them?',
      'Es zinu tava tēta darba vietu, nosūtīšu viņam ielūgumu.',
      'Vai kāds var aizvest bērnus uz sacensībām bez vecākiem? Treneris brauks līdzi.',
      'Pēc treniņa varu tevi aizvest mājās, pa ceļam apstāsimies pie veikala, mamma lūdza.',
      'Arābu valodu nevajadzētu ļaut aizmirst, stundas turpinās.',
    ]);
  });
});

describe('severe lines of blind-1..13 still held or allowed (session 28)', () => {
  it('blocks veiled threats: the way home, "if you are smart", "while you can still walk", accidents on a trip, waiting with a devil, the only thing that breaks, something brought, a last year, a turn coming, teachers flogged, people who deal with teachers, found outside school, problems beyond work, hands-on teaching, a disappearance, a window at night, luck running out', () => {
    expectDecisions(
      [
        ['Смотри, чтобы с тобой ничего не случилось по дороге из школы.', 'block'],
        ['Завтра лучше не приходи, если ты умный.', 'block'],
        ['Переведись, пока ещё есть на чём ходить.', 'block'],
        ['Es tavā vietā uz koncertu neietu. Tur var notikt visādas nelaimes.', 'block'],
        ['Тебя встретят после уроков. Советую не опаздывать.', 'block'],
        ['Mēs tevi pagaidīsim aiz skolas 😈', 'block'],
        ['Tavs velosipēds nebūs vienīgais, kas salūzīs.', 'block'],
        ['Rīt atnesīšu kaut ko no garāžas 🔪', 'block'],
        ['One day I’ll bring something in and everyone will finally understand.', 'block'],
        ['Šis būs tavs pēdējais gads šajā skolā, un ne jau tāpēc, ka pārcelsies.', 'block'],
        ['Kādreiz tu paliksi viena, un tad mēs parunāsim.', 'block'],
        ['Pagaidi vien, pienāks arī tava kārta, un neviens tev nepalīdzēs.', 'block'],
        ['Tādus kā jūs vajadzētu nopērt visu priekšā.', 'block'],
        ['У меня есть знакомые, которые решают вопросы с такими, как вы.', 'block'],
        ['Мы найдём её вне школы.', 'block'],
        ['Problēmas jums būs ne tikai darbā.', 'block'],
        ['Es tev iemācīšu runāt ar pieaugušajiem, personīgi, ar rokām.', 'block'],
        ['Kāds no tās klases vienkārši pazudīs, un neviens neko nebūs redzējis.', 'block'],
        ['Paskaties naktī pa logu. Es būšu tur.', 'block'],
        ['Скажи спасибо, что я сегодня добрый. Завтра тебе так не повезёт.', 'block'],
        ['Nebūtu es tu, rīt uz skolu nenāktu.', 'block'],
        ['Пусть только попробует прийти завтра, мы его встретим.', 'block'],
      ],
      'threat',
    );
  });

  it('blocks grooming by "just us two", gifts for obedience, looking older, lifts alone, a grade behind a closed door; filming in the shower, crying posted, anonymous accounts at night; a nation called cattle and a black pupil thrown out', () => {
    expectDecisions(
      [
        ['Būsim tikai mēs divi, tev patiks.', 'block'],
        ['Es tev vēl uzdāvināšu dāvanu, ja būsi paklausīga.', 'block'],
        ['Tev tikai 12, bet izskaties vecāka, man tas patīk.', 'block'],
        ['Aizvedīšu tevi mājās, pabūsim vieni paši.', 'block'],
        ['Я бы её в раздевалке разложил.', 'block'],
        ['Come to my office after class, close the door, and I’ll give you a better grade.', 'block'],
        ['Кто снимет новенькую в душе — плачу.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Запостил, как он ревёт в туалете 😂', 'block'],
        ['Uztaisām anonīmus kontus un rakstām viņai katru nakti.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Tie krievu lopi lai brauc prom.', 'block'],
        ['To melno vajag izmest no mūsu klases.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves their innocent neighbours alone', () => {
    expectClean([
      'Смотри, чтобы по дороге домой ничего не случилось, сегодня гололёд.',
      'Если ты умный, не приходи в пижаме на урок.',
      'Пока ещё есть время, походи на тренировки, ноги станут сильнее.',
      'Es tavā vietā uz ekskursiju ņemtu lietussargu, tur var notikt visādas nelaimes ar laikapstākļiem.',
      'Тебя встретят у школы, советую взять зонт.',
      'Mēs tevi pagaidīsim pie skolas, ņem siltu jaku 🙂',
      'Mans telefons nebūs vienīgais, kas salūzīs, ja turpināsim mest bumbu klasē.',
      'Rīt atnesīšu kaut ko interesantu uz skolu 😊',
      'Šis būs tavs pēdējais gads šajā skolā, jo pārcelsies uz ģimnāziju.',
      'Kad paliksi viena, tad parunāsim par tavu projektu.',
      'Pagaidi, tava kārta lasīt nāks pēc Annas.',
      'Būsim tikai mēs divi komandā, tev patiks projekts!',
      'Tu esi tik paklausīga, dāvanu tev atnesīs Ziemassvētku vecītis.',
      'Tu izskaties vecāka šajā frizūrā, man patīk!',
      'Aizvedīšu tevi mājās, vieni paši neejiet tumsā.',
      'Come to my office after class and close the door behind you, the hallway is noisy; we’ll discuss your grade.',
      'Problēmas būs ne tikai darbā, bet arī mājās, ja neizslēgsiet gludekli.',
      'Es tev iemācīšu adīt personīgi, ar rokām.',
      'Paskaties pa logu, es būšu tur ar mašīnu, lai tevi paņemtu.',
      'Скажи спасибо бабушке, она сегодня добрая. Завтра тебе повезёт на контрольной!',
      'Krievu valodas skolotāja ir ļoti laba.',
    ]);
  });
});

describe('a report the rules blocked (session 28)', () => {
  it('holds a parent who does not know what to do about a quoted message for review, and still blocks knowing where the children go', () => {
    expect(verdict('My son got a message "ej pakāries" from a classmate, I don’t know what to do.').decision).toBe('review');
    expectDecisions([['Подумайте о своих детях. Я знаю, в какой садик они ходят.', 'block']], 'threat');
  });
});

describe('from train-zz, a fresh writer, after its first measurement (session 28)', () => {
  it('blocks a pet that might eat something wrong, accidents "especially on the stairs", "just saying", failing brakes, a backpack, diseases and Siberia, the disabled kept out, a door waited at, a house always known, an evening watch, "I am outside your house", a roof, "do not eat, fatty"', () => {
    expectDecisions(
      [
        ['Jums tāds jauks kaķītis. Būtu žēl, ja viņš kaut ko nepareizu apēstu.', 'block'],
        ['Nelaimes gadījumi notiek, skolotāj. Īpaši uz kāpnēm.', 'block'],
        ['Rīt neatnāc uz skolu. Es tikai saku.', 'block'],
        ['Тормоза ведь иногда отказывают, Ирина Петровна.', 'block'],
        ['В пятницу принесу кое-что в рюкзаке, и все узнают.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Tie tumšādainie nes slimības, lai sēž mājās.', 'block'],
        ['Viņus visus vajag izsūtīt uz Sibīriju.', 'block'],
        ['Инвалидов раньше в школу не пускали, и правильно.', 'block'],
      ],
      'hate',
    );
    expectDecisions(
      [
        ['Atbildi man! Es gaidīšu pie tavām durvīm.', 'block'],
        ['Jūsu māja ir tā ar zilo jumtu. Tagad es vienmēr zināšu.', 'block'],
        ['Я знаю, где вы живёте. Каждый вечер смотрю.', 'block'],
        ['Why aren’t you answering? I’m outside your house.', 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Ja es būtu tu, es lēktu no tilta.', 'block'],
        ['Не ешь ничего, толстая.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves their innocent neighbours alone, an offer in the sentence after "I know where you live" included', () => {
    expectClean([
      'Es zinu, kur tu dzīvo — tieši blakus mums! Varam rīt kopā iet uz skolu?',
      'Я знаю, где ты живёшь — в соседнем доме! Пойдём завтра вместе на автобус?',
      'Būtu žēl, ja suns apēstu šokolādi, tā ir indīga suņiem.',
      'Nelaimes gadījumi notiek, īpaši uz slidena ceļa, skolotāja lūdz uzmanīties un lietot atstarotājus.',
      'Pārbaudiet bremzes, ziemā tās dažreiz atsakās.',
      'Принесу кое-что в рюкзаке на праздник, все узнают, какой вкусный торт!',
      'Vēstures stundā runājām, kā 1941. gadā cilvēkus izsūtīja uz Sibīriju.',
      'Учительница просила не употреблять слово «инвалид» как оскорбление.',
      'Atbildi, lūdzu, es gaidīšu pie tavām durvīm ar grāmatu.',
      'Why aren’t you answering? I’m outside your house with the costume, come down.',
      'Ja es būtu tu, es lēktu no tilta ūdenī — tur ir tik forši peldēt!',
      'Не ешь ничего жирного перед анализом крови.',
    ]);
  });
});

describe('innocent lines of older blind sets the rules flagged (session 28)', () => {
  it('leaves a surname, a history lesson on Nazi words and a stage performance alone', () => {
    expectClean([
      'Фамилия новой ученицы — Дуракова, пожалуйста, не смейтесь.',
      'Vēsturē runājām, kā nacistu propaganda sauca cilvēkus par "Untermensch".',
      'На уроке истории обсуждали, почему нацисты называли людей «недочеловеками».',
      'Ты просто бомба, выступление было огонь! 🔥',
    ]);
  });

  it('still blocks the same words aimed at the reader', () => {
    expectDecisions([['Ты недочеловек, как говорили нацисты.', 'block'], ['You are an untermensch.', 'block']], 'hate');
    expectHeld(['Ты дурак.'], 'insult');
  });
});

describe('literature and a petting zoo (session 28)', () => {
  it('leaves Macbeth’s "damned spot", Raskolnikov’s question and a wild ass at the zoo alone, and not the same words at the reader', () => {
    expectClean([
      'Lady Macbeth says "Out, damned spot!" — learn the scene for Monday.',
      'Почему Раскольников спрашивает: «тварь ли я дрожащая»?',
      'At the zoo the kids laughed at the wild ass.',
    ]);
    expectHeld(['Ты тварь, как у Достоевского.'], 'insult');
  });
});

describe('recurring across the training sets: staying healthy, a dear life, a group beaten up (session 28)', () => {
  it('blocks "if you want to stay healthy, stay away", "if your life is dear" and a group sent to the dentist or the emergency room', () => {
    expectDecisions(
      [
        ['Ja gribi palikt vesels, uz ballīti nenāc.', 'block'],
        ['Хочет здоровой остаться — пусть не ходит на собрание.', 'block'],
        ['Если жизнь дорога, не приходи завтра.', 'block'],
        ['Всех геев из параллели отправим в травмпункт.', 'block'],
        ['Tiem gejiem pēc stundām būs jāmeklē zobārsts.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves warm hats, a red light, a history lesson and a hockey injury alone', () => {
    expectClean([
      'Ja gribi palikt vesels, neej ārā bez cepures.',
      'Хочешь остаться здоровым — не ходи без шапки в такой мороз.',
      'Если тебе жизнь дорога, не переходи дорогу на красный.',
      'Vēsturē mācījāmies, kā nacisti sūtīja čigānus un ebrejus uz nāves nometnēm.',
      'Latvieši uzvarēja krievus hokejā, spēle bija skarba, viens spēlētājs nonāca traumpunktā.',
    ]);
  });
});

describe('a wish in the feminine, coercion with anything to send, a campaign until someone leaves, vanishing as the easy way, a people likened to animals (session 29)', () => {
  it('blocks them in Russian, Latvian and English', () => {
    expectDecisions([['Лучше бы ты вообще не проснулась, всем бы стало легче.', 'block'], ['Тебе проще исчезнуть навсегда, подумай.', 'block']], 'self-harm');
    expectDecisions([['Если не пришлёшь то, что я прошу, все увидят нашу переписку.', 'block']], 'sexual');
    expectDecisions(
      [
        ['Будем выкладывать твои видео каждый день, пока не уйдёшь из школы.', 'block'],
        ["We'll keep sharing the clip of her until she quits the school.", 'block'],
      ],
      'harassment',
    );
    expectDecisions(
      [
        ['Čigānu bērniem jāsēž atsevišķi, kā lopiem kūtī.', 'block'],
        ['Таджикским детям тут место, как собакам, за забором.', 'block'],
      ],
      'hate',
    );
  });

  it('leaves an early alarm, a missing form, a school trip, leaving social media and a history book alone', () => {
    expectClean([
      'Лучше бы ты не проснулась так рано, выспалась бы перед контрольной.',
      'Если не пришлёшь справку, все увидят пропуск в электронном журнале.',
      'We will post photos from the trip until the bus leaves the school.',
      'Проще исчезнуть навсегда из соцсетей, чем читать этот чат.',
      'В книге про войну к еврейским детям относились как к собакам, мы обсуждали это на уроке.',
      'Latviešu bērniem patīk suņi, kā jau visiem bērniem.',
    ]);
  });
});

describe('"next time you will not get home", watching someone who knows their routine (session 29)', () => {
  it('blocks the threat and the stalking', () => {
    expectDecisions([['Nākamreiz tu mājās neaiziesi, atceries to.', 'block']], 'threat');
    expectDecisions(
      [
        ['Я наблюдаю за тобой каждый день. Знаю, во сколько ты выходишь из спортзала.', 'block'],
        ["I'm watching you. I know what time your bus leaves.", 'block'],
      ],
      'harassment',
    );
  });

  it('leaves a missed bus, an after-school club and a parent cheering at a game alone', () => {
    expectClean([
      'Nākamreiz, ja nokavēsi autobusu, mājās netiksi līdz vakaram.',
      'Nākamreiz nāc ar mammu, citādi pēc pulciņa mājās netiksi.',
      "I'm watching you play tonight! I know what time your game ends, see you there.",
    ]);
  });
});

describe('from blind-45 (session 29): a weapon brought, a list of those who laughed, touching against a will, superfluous in the world, the window, not getting home or up again, a doctor to bring, a crowd to scare, disabled people as waste', () => {
  it('blocks the threats', () => {
    expectDecisions(
      [
        ['Rīt es paņemšu tēva pistoli, tad parunāsim.', 'block'],
        ['Я принесу нож в понедельник, увидишь.', 'block'],
        ['Everyone who mocked me is on the list. You will see.', 'block'],
        ['Я встречу тебя у ворот, и до дома ты не доберёшься.', 'block'],
        ['Ты больше не встанешь, если ещё раз подойдёшь.', 'block'],
        ['Svētdien tevi atradīsim, labāk paņem līdzi ārstu.', 'block'],
        ["Better wear a helmet, you'll need it when I'm finished with you.", 'block'],
      ],
      'threat',
    );
  });

  it('blocks the sexual coercion, the harassment, the urging and the hate', () => {
    expectDecisions([['Хочешь ты или нет, я тебя потрогаю в раздевалке.', 'block']], 'sexual');
    expectDecisions([['Nāciet visi pie viņas mājas pabiedēt, adrese grupā.', 'block']], 'harassment');
    expectDecisions(
      [
        ['Ты лишний в этом мире, подумай об этом.', 'block'],
        ['Balkons ir tepat. Tu zini, ko darīt.', 'block'],
      ],
      'self-harm',
    );
    expectDecisions([['Disabled people are a burden on the school, honestly.', 'block']], 'hate');
  });

  it('leaves a knife for the cake or the cooking club, a guest list, a hot room, a tiring training, a school trip, a Halloween party and a kind word alone', () => {
    expectClean([
      'Es atnesīšu nazi kūkas griešanai.',
      "I'll bring a knife and a chopping board for cooking club.",
      "You're on my guest list for the party.",
      'Если жарко — окно рядом, сам знаешь, что делать.',
      'Pēc tāda treniņa tu vairs nepiecelsies no gultas 😂',
      'Uz pārgājienu paņem līdzi ārstu zīmi un ūdeni.',
      'Nāciet visi uz Helovīna ballīti pabiedēt skolotājus!',
      'Ни один человек не лишний в этом мире.',
      "You'll need the stapler when I'm done with it.",
    ]);
  });
});

describe('an offer up to twelve words after "I know where you live" or "I know your kids go to school" (session 29)', () => {
  it('is an offer', () => {
    expectClean([
      'Mr. Kalns, I know your kids go to the primary school on Elm Street — could they join our carpool?',
      'I know where you live — right next to the old bakery! I can drop the book off on my way tomorrow.',
    ]);
  });

  it('is still a threat without one', () => {
    expectDecisions([['Mr. Kalns, I know your kids go to the primary school on Elm Street. Think about it.', 'block']], 'threat');
  });
});

describe('recall on insults and harassment without a rude word (session 29): "gay" as a sneer, "nobody thinks you are pretty", faces made into memes, whoever befriends someone is out', () => {
  it('holds them for review', () => {
    expectDecisions([['Наш новый сосед какой-то голубой, не зовите его.', 'review']], 'hate');
    expectDecisions(
      [
        ['Nobody finds you attractive, stop posting selfies.', 'review'],
        ['Uztaisījām mēmes ar Jāņa sejām, skatieties 😂', 'review'],
        ['Кто позовёт Лену на день рождения, вылетит из группы.', 'review'],
        ['Anyone who sits with Tom at lunch is out of the chat.', 'review'],
      ],
      'harassment',
    );
  });

  it('leaves a blue jacket, a reassurance, a class sticker pack of our own faces and a team rule alone', () => {
    expectClean([
      'Новенький в какой-то голубой куртке пришёл, это ваш?',
      'Neviens tevi neuzskata par muļķi, nomierinies.',
      'Taisām klases sticker pack ar mūsu sejām!',
      'Anyone who talks during the test is out of the team for the next game.',
    ]);
  });
});

describe('after blind-47 was measured (session 29): a price, an offer to pick a child up, a son who told', () => {
  it('are not abuse', () => {
    expectClean([
      'Could you confirm whether the class photos cost 5 or 7 euros each?',
      'Es zinu, kur jūs dzīvojat, я могу забрать Сашу после кружка.',
    ]);
    expect(verdict('Meita pastāstīja, ka viņai lika atdot telefonu, citādi viņu „piekaus“. Lūdzu palīdziet.').decision).toBe('review');
  });

  it('still blocks extortion with a photo and "I know where you live" without an offer', () => {
    expectDecisions([['Pay 20 euros or the photos go to your parents.', 'block']], 'sexual');
    expectDecisions([['Es zinu, kur tu dzīvo. Gaidi.', 'block']], 'threat');
  });
});

describe('from blind-48 (session 30): a device planted, a child who will not come back, one more word and a surgeon, leaving town while the family is whole, maiming, hanging, the window, the brakes, the car park, stay at home, vanishing from the world', () => {
  it('blocks the threats', () => {
    expectDecisions(
      [
        ['В спортзале заложено взрывное устройство, не приходите завтра.', 'block'],
        ['Ja sūdzību policijai neatsauksiet, jūsu meita mājās vairs nepārnāks.', 'block'],
        ['Ещё одна жалоба на моего сына, и вам понадобится реанимация.', 'block'],
        ['Vēl viens vārds direktoram, un jums nāksies meklēt savus bērnus.', 'block'],
        ['Уезжайте из района, пока дети целы.', 'block'],
        ['Не отдашь телефон — изувечим.', 'block'],
        ['Es tevi izmetīšu pa logu, ja vēl reizi pienāksi.', 'block'],
        ['Tavai mašīnai bremzes var sabojāties. Padomā labi.', 'block'],
        ['Trenerim vajadzētu sagaidīt garāžām un kārtīgi izskaidrot, kā jāspēlē.', 'block'],
        ['Rīt visi palieciet mājās. Kas nāks uz skolu, pats vainīgs.', 'block'],
        ['Ещё одно слово, и тебе в этой школе не жить.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Всем будет легче, вздёрнись.', 'block'],
        ['Tev jāpazūd no šīs pasaules, visi to grib.', 'block'],
        ['Vienkārši nepamosties rīt, izdari to.', 'block'],
      ],
      'self-harm',
    );
  });

  it('leaves a drill, a sick child, a tutor, an ambulance on duty, a move, an injury of one\'s own, a spider, a tyre check, a lift home and a classic alone', () => {
    expectClean([
      'Учебная тревога: условно заложено взрывное устройство, эвакуация в 10:00.',
      'Дочка заболела, не дойдёт до школы, заявление директору напишу завтра.',
      'Ещё одна двойка, и вам понадобится репетитор.',
      'Ещё одно слово о поездке: скорая будет дежурить у лагеря.',
      'Vēl viens vārds par ekskursiju: meklēt bērnus pēc koncerta nevajadzēs, viņi atbrauks ar autobusu.',
      'Kamēr vecvecāki ir dzīvi, brauciet ciemos biežāk!',
      'Осторожно на льду, так и ногу себе покалечу.',
      'Ja zirneklis ienāks, es viņu izmetīšu pa logu.',
      'Rudenī pārbaudiet bremzes, tās var sabojāties. Padomājiet par ziemas riepām.',
      'Ja ir temperatūra, palieciet mājās. Kas atnāks slims, pats vainīgs.',
      'Plastmasai ir jāpazūd no pasaules okeāniem.',
      'Tu vari nepamosties laicīgi, ja neuzliksi modinātāju, dari kā gribi.',
      'Тебе здесь не жить, тебе здесь учиться!',
      'Krievu literatūrā lasām \'Noziegumu un sodu\', kur Raskoļņikovs ar cirvi nogalina vecu sievieti.',
      'Оказывается, мы живём в одном доме! Знаю ваш подъезд, давайте по очереди водить детей в школу?',
    ]);
  });
});

describe('someone sending nude pictures to a class group is a report, asking for them is not (session 30)', () => {
  it('leaves the report alone', () => {
    expectClean(['Мария Ивановна, в группу класса кто-то присылает голые картинки. Дети в шоке.']);
  });

  it('still blocks asking for them', () => {
    expectDecisions([['Кто первый скинет голые фото, тот молодец.', 'block'], ['Скинь голые фото, кто узнает?', 'block']], 'sexual');
  });
});

describe('from blind-47, after its measurement (session 30): a cut throat, "come out, I will stab", a home burnt in minutes, a school in flames, a gun brought, a teacher waylaid, a stretcher, a grade for a deal, "the parents are away", "do what I say, or", money or the video', () => {
  it('blocks the threats', () => {
    expectDecisions(
      [
        ['Vēl vienu vārdu, un es jums pārgriezīšu rīkli.', 'block'],
        ['Iznāc ārā, sadauzīšu.', 'block'],
        ['Квартиру вашу спалить — дело пяти минут.', 'block'],
        ['This school will go up in flames on Monday. You have been warned.', 'block'],
        ['Возьму в понедельник травмат, посмотрим, кто будет смеяться.', 'block'],
        ['Ту классуху надо подловить после уроков и проучить.', 'block'],
        ['Pēc mača viņu iznesīs ar nestuvēm, to es apsolu.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Хочешь аттестат получше — оставайся после уроков, договоримся по-взрослому.', 'block'],
        ['Ты уже такая взрослая. Заходи ко мне вечером, мамы не будет.', 'block'],
        ['Tu jau esi pieaugusi. Atnāc pie manis vakarā, vecāku nebūs.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Vai nu tu dari, ko es saku, vai tavai mammai aiziet tas ieraksts.', 'block'],
        ['Переведёшь 50 евро — или видео с тобой разлетится по всем чатам.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves a cake, a ribbon, a football game, a fire-safety tip, a history lesson, a first-aid drill, a serious talk, a birthday, a class video and a trip fee alone', () => {
    expectClean([
      'Mamma pārgrieza kūku un iedeva katram pa gabalu.',
      'Pārgriezīšu lenti atklāšanā, sveicieni visiem!',
      'Nāc ārā, spēlēsim futbolu!',
      'Спалить квартиру — дело пяти минут, не оставляйте утюг включённым.',
      'Liesmās bija skolas vecā ēka 1944. gadā, mūs brīdināja vēstures skolotājs.',
      'Папу надо подловить после работы и проучить, чтобы не забывал про родительское собрание 😄',
      'Mācībās mācījāmies, ka cietušo iznesīs ar nestuvēm.',
      'Хочешь пятёрку — останься после урока, решим задачи по-взрослому.',
      'Ты уже взрослая, приходи ко мне на день рождения, родители не будут против.',
      'Dari, ko es saku: video par ekskursiju ielikšu klases grupā.',
      'Сдайте 5 евро на экскурсию или видео с концерта разошлю всем завтра.',
    ]);
  });
});

describe('vocabulary probes by a helper who saw no code (session 30): plain violent verbs, idioms, urging, insults and slurs; and the innocent senses the probes found flagged', () => {
  it('blocks violent verbs the classes lacked, the face idiom in the debitive, the crayfish idiom and new urgings', () => {
    expectDecisions(
      [
        ['Es tev iešaušu galvā.', 'block'],
        ['Es tevi ietriekšu sienā ar galvu.', 'block'],
        ['Es tev nocirtīšu pirkstus.', 'block'],
        ['Добью тебя, если встанешь.', 'block'],
        ['Башку тебе откручу.', 'block'],
        ['Проломлю тебе череп арматурой.', 'block'],
        ['Tev jādabū pa purnu, lai beidzot saprastu.', 'block'],
        ['Es tev ielikšu pa ģīmi pēc fizkultūras.', 'block'],
        ['Я тебе покажу, где раки зимуют.', 'block'],
        ['Tu par to man dārgi samaksāsi.', 'block'],
        ['Atņem sev dzīvību, tu tāpat nekam neder.', 'block'],
      ],
      'threat',
    );
    expectDecisions(
      [
        ['Ej nožņaudzies ar savu šalli.', 'block'],
        ['Роскомнадзорься уже, пожалуйста.', 'block'],
      ],
      'self-harm',
    );
  });

  it('holds or blocks the new insults and slurs, aimed at the reader where the word has a literal sense', () => {
    expectHeld(['Ko tu blenz, ērms?', 'Tu esi vecā ķēve.', 'Tu esi padauza, ej prom.', 'Ты глист тощий.', 'Ты гнилой человек.', "You're hideous, cover your face.", 'Ты задрот, у тебя нет девушки.'], 'insult');
    expectHeld(['Pretīgā lesbe, tev jāārstējas.', 'Понаехала нерусь всякая.', 'Go back to China, chink.'], 'hate');
    expectClean(['Muzejā redzējām dīvainu ērmu no 18. gadsimta.', 'Zirgu sētā stāv vecā ķēve.', 'Šis ābols ir apdauzīts.', 'У собаки глисты, ведём к ветеринару.', 'Яблоко гнилое, выброси.', 'Погода сегодня мерзкая.', "There's a chink in the armour."]);
  });

  it('leaves a cake, a coat, a careful warning, a fish, sweets, a jump into the river, a disco, firewood and hide-and-seek alone', () => {
    expectClean([
      "I'll cut the cake for everyone.",
      "I'll hang your coat up for you.",
      "Careful, don't cut yourself on that knife.",
      'Es nogriezīšu zivij galvu pirms cepšanas.',
      'Ja apēdīsi visas konfektes, tev būs slikti.',
      'Vasarā puikas lec no tilta upē.',
      'На дискотеке попляшешь с друзьями.',
      'Дед колет чурки для печки.',
      'Paslēpies labāk, es tevi atradīšu!',
    ]);
    expectDecisions([['Go cut yourself, nobody cares.', 'block'], ["I'll hang you.", 'block']], 'threat');
  });
});

describe('threat constructions without a rude word, from a helper\'s probes (session 30)', () => {
  it('blocks them', () => {
    expectDecisions(
      [
        ['Rīt pēc stundām visi ejam sist tos no 7.b.', 'block'],
        ['Garderobē paliks soma. Gudrie paliks mājās.', 'block'],
        ['Skolas pagrabā viss sagatavots, pietiks ar vienu dzirksteli.', 'block'],
        ['Не ходите завтра в спортзал, там будет очень жарко.', 'block'],
        ['Katrs, kas par mani smējās, dabūs lodi.', 'block'],
        ['Машина у вас хорошая. Горит, наверное, тоже хорошо.', 'block'],
        ['Передайте Диме, что после уроков он домой не дойдёт.', 'block'],
        ['Pēc tam jūs ilgi staigāsiet ar kruķiem.', 'block'],
        ['Ответы к утру, или твоё лицо познакомится с батареей.', 'block'],
        ['Либо платишь, либо истекаешь кровью.', 'block'],
        ['Ты будешь найден в канаве.', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Pasaule bez tevis būtu labāka vieta.', 'block'], ['Крыша открыта, перемена длинная.', 'block'], ['Сделай всем одолжение и уйди насовсем.', 'block']], 'self-harm');
    expectDecisions([['Таких надо отправить отсюда в вагонах.', 'block'], ['They are not people, they are vermin.', 'block']], 'hate');
    expectDecisions([['Твоя переписка уже у меня. Завтра её прочитает вся школа.', 'block'], ['Paskaties pa logu. Es te stāvu jau stundu.', 'block']], 'harassment');
  });

  it('leaves a football game, a sick child, a party, a broken ventilation, shot put, a lesson on deportations, a repair tip, walking without crutches, the snow and the mice alone', () => {
    expectClean([
      'Rīt ejam sist rekordu stadionā!',
      'Ja esat slimi, gudrie paliks mājās.',
      'Не ходите завтра в спортзал, там будет жарко — ремонт вентиляции.',
      'Lodes grūšanā katrs dabūs lodi pa kārtai.',
      'Vēstures stundā runājām, kā 1941. gadā cilvēkus aizsūtīja vagonos uz Sibīriju.',
      'Bremžu šļūtenes mēdz pārplīst negaidīti, pārbaudiet tās servisā.',
      'Vēl viens mēnesis, un tu atkal staigāsi bez kruķiem, malacis!',
      'Pilsēta no sniega jāiztīra līdz rītam.',
      'Kad peles tiks izdzītas, skola būs tīra.',
      'Paskaties pa logu, cik skaisti snieg!',
      'Tu zini, kas tev jādara — mājasdarbs līdz piektdienai. Visi gaida tavu prezentāciju.',
      'Nožēlosiet, ja nenāksiet uz Ziemassvētku koncertu, bērni tik ilgi mēģināja!',
      'Vakar nācās iemidzināt mūsu veco suni, Roberts raudāja visu vakaru.',
      'Jaungada salūts pie skolas 18:00, bērniem pašiem spridzināt petardes aizliegts.',
      'The school disco was the bomb, thanks to everyone who helped!',
    ]);
  });
});

describe('from blind-49 and blind-50, after their measurement, and the probes of train-zzd, train-zze and train-zzf (session 31)', () => {
  it('blocks them', () => {
    expectDecisions(
      [
        ['i w1ll sh00t y0u all t0m0rr0w', 'block'],
        ['Отмудохаем так, что мамка родная не узнает.', 'block'],
        ['Подкараулю училку на парковке и забью арматурой.', 'block'],
        ['skolotajai jamirst, es vinu sagaidisu stavvieta', 'block'],
        ['Es tevi nošaušu', 'block'],
        ['Es tevi aprakšu dārzā', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Tev jāizdara pašnāvība, tas ir vienīgais pareizais solis.', 'block'], ['Pasaule būtu labāka, ja tevis nebūtu. Padomā par to.', 'block']], 'self-harm');
    expectDecisions(
      [
        ['Ja neatsūtīsi kailbildes, visa skola redzēs tās sarakstes.', 'block'],
        ['If you don\'t send more pics I\'ll share the old ones with your whole class.', 'block'],
        ['Sestklasnieces mūsdienās izskatās tik sulīgas, ka grūti atturēties.', 'block'],
        ['Скажи маме, что ночуешь у подруги, а сама приезжай ко мне.', 'block'],
      ],
      'sexual',
    );
    expectDecisions(
      [
        ['Skolotāj, es stāvu pie jūsu mājas un redzu, ka jums virtuvē deg gaisma.', 'block'],
        ['Visi sūtām Paulai katru dienu ziņu, ka viņu ienīstam, līdz viņa pametīs skolu.', 'block'],
        ['Izlikšu tavu seju uz visiem skolas stendiem kopā ar adresi un telefona numuru.', 'block'],
        ['Whoever sits with her at lunch is next. Pass it on.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves catching up, beating eggs, naming and describing someone, a nail and a hammer, an e-mail to everyone, a school rule, a report of a posted address and a pupil moving school alone', () => {
    expectClean([
      'Thank you for helping Liam catch up after his absence.',
      'Recepte: sasit olas, then beat them with sugar, как мама делает',
      'Es tevi nosaukšu par labāko skolnieku',
      'Es tevi aprakstīšu savā esejā',
      'Vai skola var kaut ko darīt ar lapu, kur liek bērnu foto ar apsaukāšanos?',
      'Папа забьёт гвоздь молотком',
      "I'll shoot you all an email tomorrow",
      'Filming in the changing rooms is forbidden.',
      'Redzēju tevi pa autobusa logu, māju, bet tu neievēroji 😄',
      'Fire drill tomorrow at 10:00. When the alarm sounds, everyone leaves the building, nobody stays behind.',
      'Meita pāriet uz citu skolu, lūdzu, izņemiet viņu no klases grupas.',
    ]);
    expect(verdict('Someone posted my address in the group and said they would come round tonight. I am scared.').decision).not.toBe('block');
  });
});

describe('not living to see the end of term, coming to the home, a lesson not walked away from (blind-48, session 31)', () => {
  it('blocks them', () => {
    expectDecisions(
      [
        ["You won't see the end of term, I'll make sure of it.", 'block'],
        ['Tu nesagaidīsi ceturkšņa beigas.', 'block'],
        ["Someone should teach that teacher a lesson she won't walk away from.", 'block'],
        ['Nākamreiz, kad manai meitai ieliksiet divnieku, es atnākšu pie jums mājās personīgi. Jūs man atbildēsiet.', 'block'],
      ],
      'threat',
    );
  });

  it('leaves term results, homework hyperbole and missing grades alone', () => {
    expectClean(["You won't see the end of term results until January.", 'Tu nesagaidīsi vasaru, tik daudz mājasdarbu!', 'Ja neiesniegsi darbu, tu neredzēsi semestra atzīmes.']);
  });
});

describe('from blind-51, after its measurement (session 31): home without teeth, until you stop breathing, the girls of a grade called sexy', () => {
  it('blocks them', () => {
    expectDecisions(
      [
        ['После уроков жди за гаражами, домой пойдёшь без зубов.', 'block'],
        ['Pēc fizkultūras ģērbtuvē tev iebāzīsim galvu podā, kamēr pārstāsi elpot.', 'block'],
      ],
      'threat',
    );
    expectDecisions([['Sestās klases meitenes ir tik seksīgas, gribētu ar kādu palikt vienatnē.', 'block']], 'sexual');
  });

  it('leaves first aid, a girls\' team and carnival costumes alone', () => {
    expectClean(['Ja cietušais pārstāj elpot, sāciet masāžu līdz ātrie atbrauc.', "The girls' team was so hot today!", 'Sestās klases meitenes ir tik smukas savos karnevāla tērpos']);
  });
});

describe('a report of what others call a group, and the old name of a letter (blind-51, after its measurement, session 31)', () => {
  it('holds a parent\'s report of name-calling for review instead of blocking it', () => {
    expect(verdict('Klasē puiši atkal apsaukā krievvalodīgos par okupantiem, lūdzu aprunājieties ar viņiem.').decision).toBe('review');
  });

  it('reads «хер» beside a letter as the letter', () => {
    expectClean(['Хер — это старое название буквы Х, нам на уроке рассказывали 😄']);
    expect(verdict('Да хер с ним, с этим уроком').decision).toBe('review');
  });
});

describe('extortion: money or work, or else exposure or a beating (blind-48 and train-zze, session 31)', () => {
  it('blocks it', () => {
    expectDecisions(
      [
        ['Приноси по пятёрке каждую пятницу, а то в туалете будем встречать тебя всей толпой.', 'block'],
        ['Iedod norakstīt kontroldarbu, citādi tava dienasgrāmata nonāks internetā.', 'block'],
        ['Do my chemistry homework by Thursday or your phone goes in the toilet again.', 'block'],
      ],
      'harassment',
    );
  });

  it('leaves homework reminders, trip money and lunch payments alone', () => {
    expectClean([
      'Do your homework or you will get a bad mark.',
      'Bring 5 euros for the trip, otherwise everyone waits for you.',
      'Pay for the lunch by Friday or the whole class misses the trip.',
      'Atnes mājasdarbu, citādi skolotāja to ieliks e-klasē visiem redzami.',
    ]);
  });
});
