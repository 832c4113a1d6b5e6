import { expectClean, expectDecisions as expectFlagged, expectHeld } from '../../test-support/frame-expectations';

/**
 * Latvian frames of data/frames-lv.json: word classes (violent lemmas in every form, insult nouns and
 * adjectives, group nouns, body parts, self-harm verbs) combined by grammar rather than by sentence.
 * Every example was written for this spec (none is taken from a test set), with and without diacritics,
 * and each family has look-alikes that share its words (games, doctors, history lessons, birds, hot
 * soup, parents' ordinary plans) and must stay clean.
 */

describe('lv threats: a violent verb in an intention form aimed at a person', () => {
  it('blocks first- and third-person future, conditional, debitive, modal and urging forms', () => {
    expectFlagged(
      [
        ['Rīt es tevi nošaušu.', 'block'],
        ['Mēs viņu sadursim pēc treniņa.', 'block'],
        ['Mans brālis tevi nositīs, ja vēl reizi pienāksi.', 'block'],
        ['mans bralis tevi nositis', 'block'],
        ['Es tev nolauzīšu abas kājas.', 'block'],
        ['Es tevi nožņaugtu ar savām rokām.', 'block'],
        ['Tevi jāpiekauj, lai saprastu.', 'block'],
        ['Tevi vajadzētu kārtīgi sakropļot.', 'block'],
        ['Es gribu tevi nogalināt.', 'block'],
        ['Piekaujiet viņu pēc stundām!', 'block'],
        ['es tevi sadauzisu', 'block'],
      ],
      'threat',
    );
  });
  it('blocks consequences for the body and "you will suffer"', () => {
    expectFlagged(
      [
        ['Tev būs jācieš par to, ko izdarīji.', 'block'],
        ['Tev būs ellīte, to es apsolu.', 'block'],
        ['Pēc šitā tu vairs nevarēsi staigāt.', 'block'],
        ['Tu vairs nesmaidīsi, kad tevi sagaidīs mani čaļi.', 'block'],
        ['Tu no šejienes vesels neiziesi.', 'block'],
        ['Ar tevi drīz tiks izrēķināts.', 'block'],
      ],
      'threat',
    );
  });
  it('blocks or reviews veiled menace to family and pets', () => {
    expectFlagged([['Pamēģini vēl, un tavam brālim kaut kas notiks, padomā.', 'block']], 'threat');
  });
  it('leaves games, sport, doctors, payments and ordinary plans alone', () => {
    expectClean([
      'Vakar mūsu komanda sakāva pretiniekus ar 3:0.',
      'Es tevi sakaušu šahā, gatavojies!',
      'Ārsts teica, ka pēc operācijas viņš kādu laiku nevarēs staigāt.',
      'Tev būs jāmaksā par ekskursiju līdz piektdienai.',
      'Tev būs sāpīgi pēc potes, bet tas pāries.',
      'Es nošaušu šo video rīt pēc skolas.',
      'Mēs tevi gaidīsim ballītē, būs jautri!',
      'Sestdien tevi sagaidīs vecmāmiņa pie stacijas.',
      'Es viņu sagaidīšu pie skolas pēc stundām.',
      'Tu vairs nerunāsi ar mani?',
      'Vai tev vairs nesāp kāja?',
      'Izdarīšu mājasdarbu vakarā.',
    ]);
  });
});

describe('lv insults from ordinary nouns and adjectives', () => {
  it('reviews copula, vocative, "such a", adjective + person noun and comparisons', () => {
    expectHeld(
      [
        'Tu esi galīgs stulbenis.',
        'tu esi stulbenis',
        'Nu tu gan esi nejēga.',
        'Klausies, tu, muļķe.',
        'Kāda tu esi riebīga tante.',
        'Tāds sliņķis kā tu neko nesasniegs.',
        'Jūsu meita ir nekaunīga maita.',
        'Mans kaķis ir gudrāks par tevi.',
        'Tev smadzeņu vietā ir salmi.',
      ],
      'insult',
    );
  });
  it('leaves praise, comparisons between pets and horses alone', () => {
    expectClean([
      'Tu esi ļoti gudrs un čakls.',
      'Mans brālis ir vecāks par tevi.',
      'Kaimiņu suns ir gudrāks par mūsējo.',
      'Viņš ir mūsu klases labākais futbolists.',
      'Tu esi tik mīļa, paldies par palīdzību!',
      'Mans vecis teica, ka vakariņas būs septiņos.',
    ]);
  });
});

describe('lv hate: a group noun with a dehumanising predicate, exclusion or a "place"', () => {
  it('blocks generalisations with and without diacritics', () => {
    expectFlagged(
      [
        ['Visi čigāni ir zagļi.', 'block'],
        ['cigani ir zagli', 'block'],
        ['Krievi ir lopi.', 'block'],
        ['Musulmaņi ir teroristi.', 'block'],
        ['Tie imigranti ir kā žurkas.', 'block'],
        ['Pideri ir slimi un pretīgi.', 'block'],
        ['Geji nav normāli cilvēki.', 'block'],
        ['Ebrejus vajag izsūtīt prom no šejienes.', 'block'],
        ['Nēģeri lai brauc atpakaļ uz Āfriku.', 'block'],
        ['Sieviešu vieta ir virtuvē.', 'block'],
        ['Meitenes nav spējīgas programmēt, tas ir ģenētiski.', 'block'],
      ],
      'hate',
    );
  });
  it('leaves history, rights, languages and help for refugees alone', () => {
    expectClean([
      'Vectēvs stāstīja, ka viņu ģimeni 1949. gadā izsūtīja uz Sibīriju.',
      'Stundā runājām par stereotipu, ka meitenes nav spējīgas mācīties fiziku.',
      'Invalīdiem ir tiesības uz pabalstu un atvieglojumiem.',
      'Šodien runājām par imigrantiem un viņu tiesībām.',
      'Ukraiņu bērniem vajag palīdzēt ar latviešu valodu.',
      'Bēgļiem vajag vietas skolā, lūdzu palīdziet.',
      'Krievu valodas stunda rīt būs 3. kabinetā.',
      'Krievi un latvieši kopā svinēja svētkus.',
      'Bērni ar autismu mācās mūsu klasē, un tas ir lieliski.',
      'Bēgļiem nav normālu dzīves apstākļu.',
      'Mana vecmāmiņa saka, ka visi kaķi ir vienādi.',
    ]);
  });
});

describe('lv harassment about body, poverty and family', () => {
  it('reviews nicknames, smell, poverty and an unwanted child', () => {
    expectHeld(
      [
        'Resnulis, ej prom no mūsu galda.',
        'klau, tauku bumba, kur tava porcija?',
        'Tu smirdi kā veca zeķe.',
        'Ubags, tev pat telefona nav.',
        'Tava ģimene ir nabagi, tāpēc tev nav telefona.',
        'Tavs tēvs ir žūpa, tāpēc tu arī tāds būsi.',
        'Nav brīnums, ka tava mamma tevi pameta.',
        'Ielikšu tavu smieklīgo bildi klases čatā visiem.',
      ],
      'harassment',
    );
  });
  it('leaves birds, pets, names, loans and class photos alone', () => {
    expectClean([
      'Putniem uz palodzes izliku tauku bumbu.',
      'Mūsu suns smird pēc peldes, jāmazgā.',
      'Valdis, nāc uz tāfeli.',
      'Tev nav naudas biļetei? Es aizdošu.',
      'Ielikšu bildes no ekskursijas klases čatā.',
      'Mūsu ģimene vasarā brauks uz laukiem.',
    ]);
  });
});

describe('lv sexual remarks to students', () => {
  it('reviews remarks on intimate body parts, "hot", "good in bed", "your first" and invitations', () => {
    expectHeld(
      [
        'Tev ir tik seksīgs dibens.',
        'Tev ir skaistas krūtis, parādi vēl.',
        'Tava mamma ir karsta.',
        'Tu būtu laba gultā.',
        'Es varu būt tavs pirmais.',
        'Vecāku nav mājās, nāc pie manis, parādīšu kaut ko interesantu.',
        'Gribētu tevi noskūpstīt, kad būsi viena.',
      ],
      'sexual',
    );
  });
  it('leaves hot soup, weather, shopping, cats and first tasks alone', () => {
    expectClean([
      'Tava mamma teica, ka zupa ir karsta, pagaidi.',
      'Šodien ir karsts laiks, paņem ūdeni.',
      'Kaķis gulēja gultā visu dienu.',
      'Tavs pirmais uzdevums ir izlasīt tekstu.',
      'Tavs pirmais vārds bija "mamma".',
      'Esmu pirmā rindā pie ēdnīcas.',
      'Vecmāmiņa saka, ka vecums ir tikai skaitlis.',
    ]);
  });
});

describe('lv urging self-harm', () => {
  it('blocks imperatives and "you should" with a self-harm verb or method', () => {
    expectFlagged(
      [
        ['Labāk nomirsti.', 'block'],
        ['Ej nomirsti kaut kur.', 'block'],
        ['Pakaries, lūzer.', 'block'],
        ['Kāpēc tu vēl dzīvo? Nogalinies.', 'block'],
        ['Tev vajadzētu izdarīt pašnāvību.', 'block'],
        ['Labāk nolec no jumta.', 'block'],
        ['Iedzer visas tabletes un beidz dzīvot.', 'block'],
      ],
      'self-harm',
    );
  });
  it('leaves games, plants, pets, hospitals and bedtime alone', () => {
    expectClean([
      'Spēlē mans varonis nomira, un man bija jāsāk no sākuma.',
      'Puķes nomira, jo aizmirsām tās aplaistīt.',
      'Mūsu kaķis nomira pagājušonedēļ.',
      'Viņš nomira slimnīcā pēc ilgas slimības.',
      'Nolec no soliņa uzmanīgi, tur ir slidens.',
      'Ej pagulēt, tev jāatpūšas.',
      // Narration in the third person: a plot, not an urging.
      "Lasām 'Romeo un Džuljetu', beigās abi nogalina sevi, ļoti skumji.",
    ]);
    expectFlagged([['Tev vajadzētu nogalināt sevi.', 'block'], ['Labāk nogalini sevi.', 'block']], 'self-harm');
  });
});

describe('lv: more forms of the same classes', () => {
  it('blocks further violent lemmas, death wishes and a weapon brought', () => {
    expectFlagged(
      [
        ['Es tev nolauzīšu kaklu.', 'block'],
        ['Mēs tevi atradīsim un nogalināsim.', 'block'],
        ['Ja vēl reizi runāsi ar manu draudzeni, es tevi nobeigšu.', 'block'],
        ['Tev jāmirst.', 'block'],
        ['tu nebusi dzivs lidz piektdienai', 'block'],
        ['Tavas dienas ir skaitītas.', 'block'],
        ['Ja pateiksi skolotājai, tev būs vēl sliktāk.', 'block'],
        ['Rīt atnesīšu nazi, un tad redzēsim, kurš smiesies.', 'block'],
      ],
      'threat',
    );
  });
  it('reviews veiled threats: "I will get you!", "you will pay for this!", curses', () => {
    expectFlagged(
      [
        ['Es tevi dabūšu!', 'review'],
        ['Tu man par to samaksāsi!', 'review'],
        ['Tu nezini, ar ko esi sapinies.', 'review'],
      ],
      'threat',
    );
  });
  it('holds adjective insults about the reader and about staff', () => {
    expectHeld(['Lai tu nosprāgsti, maita.'], 'threat');
    expectHeld(['Tu esi tik nenormāls.', 'kads tu esi dumjs', 'Tā matemātikas skolotāja ir pilnīgi nekompetenta.'], 'insult');
  });
  it('blocks group stereotypes, killing and "no place here"', () => {
    expectFlagged(
      [
        ['Ebreji ir mantkārīgi un viltīgi.', 'block'],
        ['Čigānus vajag nošaut.', 'block'],
        ['Krieviem šeit nav vietas.', 'block'],
        ['Latvieši ir pārāki par krieviem.', 'block'],
      ],
      'hate',
    );
  });
  it('holds harassment about parents, looks and laughter', () => {
    expectHeld(
      ['tavi vecāki ir alkoholiķi', 'Ar tādu seju labāk nenāc uz skolu.', 'Tev vajag uz diētu, resnīt.', 'Visi par tevi smejas, lūzer.', 'tev nav tēva, tāpēc tu tāda esi'],
      'harassment',
    );
  });
  it('holds intimate requests and grade-for-favour offers', () => {
    expectHeld(
      ['parādi savas krūtis', 'Atsūti man bildi apakšveļā.', 'gribu tevi izģērbt', 'Ja atnāksi pie manis uz kabinetu, uzlabošu tev atzīmi.', 'Skolotājai ir laba pakaļa, vai ne?'],
      'sexual',
    );
  });
  it('blocks "end your existence", "go under a train", "why don\'t you disappear"', () => {
    expectFlagged(
      [
        ['Beidz savu eksistenci, lūzer.', 'block'],
        ['Ej zem vilciena.', 'block'],
        ['kapec tu vel neesi nomiris', 'block'],
        ['Kāpēc tu vienkārši nepazūdi?', 'block'],
      ],
      'self-harm',
    );
  });
  it('leaves look-alikes of these forms alone', () => {
    expectClean([
      'Es tev parādīšu, kā atrisināt šo uzdevumu.',
      'Es tevi atradīšu pie ieejas, gaidi tur.',
      'Tev nav ne jausmas, cik ļoti mēs tevi gaidām ballītē!',
      'Tu man samaksāsi par pusdienām rīt?',
      'Lai tev jauka diena!',
      'Tu esi tik stiprs un gudrs.',
      'Uzdevums bija stulbs, bet es to izpildīju.',
      'Šodien stundas beigsies agrāk, jo skolotāja ir slima.',
      'Visi smējās par tavu joku, tas bija lieliski!',
      'Neviens nepamanīja, ka tu ienāci.',
      'Ja uzlabosi atzīmi, tētis tev nopirks velosipēdu.',
      'Beidz tērēt savu dzīvi datorspēlēm.',
      'Tev vajag nomazgāt rokas pirms ēšanas.',
      'Kāpēc tu nenāc uz treniņu?',
      'Ar tādu degunu kā tev vari kļūt par smaržu ekspertu!',
      'Parādi savas pēdējās bildes no ekskursijas.',
      'Atsūti man bildi ar mājasdarbu.',
      'Tev nav naudas biļetei? Es aizdošu.',
      'Mani vecāki ir ārsti.',
      'Viņš runā ātri un dažreiz stostās, bet visi viņu saprot.',
      'Ebreju vēsturi mācījāmies stundā par holokaustu.',
    ]);
  });
});

describe('lv: rude commands, settling it outside, ugly body parts', () => {
  it('holds "shut your mouth", "go to hell", "get lost", "let us settle it outside" and body shaming', () => {
    expectHeld(['Aizver savu smirdīgo muti.', 'Ej ellē, nejēga.'], 'insult');
    expectHeld(['Vācies prom no mūsu galda.', 'Tev ir tik greizi zobi.', 'Tavs deguns ir milzīgs kā banāns.'], 'harassment');
    expectFlagged([['Nāc ārā pēc stundām, aiz garāžām izrunāsimies.', 'block']], 'threat');
    expectHeld(['Tu izskaties ļoti pievilcīgi šodien.'], 'sexual');
  });
  it('leaves windows, going home, project talks, pretty eyes, hurrying and rain alone', () => {
    expectClean([
      'Aizver logu, lūdzu, ir auksti.',
      'Ej mājās, tev jāpaēd.',
      'Parunāsim pēc stundām par tavu projektu.',
      'Tev ir tik skaistas acis.',
      'Vācies ātrāk, autobuss aiziet!',
      'Ārā līst, paņem lietussargu.',
    ]);
  });
});

describe('lv: being next, things coming back at you, ending it all, superlatives', () => {
  it('blocks or reviews "you will be next", "it will come back at you", "just end it all" and holds superlative insults', () => {
    expectFlagged([['Tu būsi nākamais.', 'block'], ['Tev tas vēl atspēlēsies.', 'review']], 'threat');
    expectHeld(['Labāk vienkārši izbeidz to visu.'], 'self-harm');
    expectHeld(['Tu esi klases neglītākā meitene.'], 'insult');
    expectHeld(['Viņa ir tik resna, ka aizsedz pusi klases.'], 'harassment');
  });
  it('leaves the next pupil to answer, stopping a game, jokes, holidays and a fat cat alone', () => {
    expectClean([
      'Tu būsi nākamais, kas atbildēs pie tāfeles.',
      'Labāk izbeidz spēlēt un ej gulēt.',
      'Tas bija stulbākais joks, ko esmu dzirdējis, haha.',
      'Tev būs jauki brīvdienās!',
      'Viņa ir resna kaķene, bet ļoti mīļa.',
      'Mūsu kaķene Mince ir tik resna, viņa ir tik resna!',
    ]);
  });
});

describe('lv hate: exclusion verbs in every form, more group nouns', () => {
  it('blocks debitive and modal exclusion of a group', () => {
    expectFlagged(
      [
        ['Krievi ir jāizsūta.', 'block'],
        ['Čurkas jāizdzen no Latvijas.', 'block'],
        ['Visus gejus vajadzētu izolēt.', 'block'],
        ['Transi ir slimi.', 'block'],
      ],
      'hate',
    );
  });
  it('leaves deportations in history, a team rule, shelter and the sick bay alone', () => {
    expectClean([
      '1941. gadā padomju vara izsūtīja tūkstošiem latviešu uz Sibīriju.',
      'Krievus no komandas izslēdza par noteikumu pārkāpšanu.',
      'Bēgļus izmitināja skolas sporta zālē.',
      'Slimos skolēnus izolē medpunktā.',
    ]);
  });
});
