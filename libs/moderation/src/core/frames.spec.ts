import { BUILTIN_FRAMES, FrameMatcher } from './frames';
import { rulesOnly } from '../../test-support/frame-expectations';

const moderate = (t: string): ReturnType<typeof rulesOnly.moderate> => rulesOnly.moderate(t);
const decision = (t: string): [string, string] => [t, moderate(t).decision];
const cats = (t: string): string[] => moderate(t).categories;

describe('frames: threats made of ordinary words', () => {
  it.each([
    // Latvian: first-person futures, debitives and wishes of any violent verb, any word order
    'Es tevi nosistu, bet rīt es tevi tiešām piekaušu.',
    'Tavu brāli mēs sadursim ar nazi.',
    'Man būs jāpiekauj tevi pēc stundām.',
    'Tev būs beigas.',
    'Es nodedzināšu jūsu māju.',
    'Mēs atnesīsim pistoli uz skolu.',
    // Russian: perfective futures, any order, body as the target
    'Я тебя закопаю за гаражами.',
    'Мы вам головы оторвём.',
    'Порежу твою сестру.',
    'Ты пожалеешь об этом.',
    'Тебе конец, понял?',
    // English: intention × act × target, consequences, weapons
    "We're gonna stab you tomorrow.",
    "I'm going to burn your house down.",
    "You'll regret this.",
    "I'll bring a gun to school on Monday.",
    'I know where you live.',
    // third-person futures and passives aimed at the reader
    'Tevi piekaus pēc stundām.',
    "You're gonna get hurt.",
    "I'll make you pay for this.",
    'Tu dabūsi pa muti.',
    'Получишь по морде.',
    // A message in the condition before the threat does not make it "a text I'll shoot you".
    'If you text my daughter again I will find you and kill you.',
    // One hidden letter is read as each letter in turn.
    'я т3бя уб!ю после уроков',
    'I will k*ll you',
    'Aiztiksi manu brāli vēl vienu reizi — nākamo nedēļu pavadīsi slimnīcā.',
    'Ещё раз тронешь брата — неделю проведёшь в больнице.',
    "Touch my brother again and you'll spend next week in hospital.",
  ])('%s', (t) => {
    expect(decision(t)).toEqual([t, 'block']);
    expect(cats(t)).toContain('threat');
  });

  it.each([
    'Es tev neko nedarīšu, nomierinies.',
    'Es nekad tevi nesitīšu.',
    'Šahā es viņam nositu dāmu jau desmitajā gājienā.',
    'Mēs nogalinājām laiku, gaidot autobusu.',
    'Я тебя не трону, не бойся.',
    'Мы убили время в очереди.',
    'В 1812 году солдаты убили его на дуэли.',
    "I'll shoot you a message later.",
    'I will hit you with a message tonight.',
    "100% sure I'll pass, I will kill it",
    // A question about the reader's plans, and a stay after an operation.
    'Are you going to the hospital tomorrow?',
    'Will you spend the weekend at the hospital with your grandma?',
    'Tu pavadīsi nedēļu slimnīcā pēc operācijas?',
    "I won't hurt you, I promise.",
    'That new phone is a killer app machine.',
    'You killed it at the concert!',
    'Как тебе конец фильма?',
    // games and sports, encouragement
    'I will beat you at chess tomorrow!',
    'We are going to destroy you in the football match lol',
    'Es tev iesitīšu bumbu vārtos.',
    'Bring your gun for the water fight!',
    'Jump off the bridge in Minecraft to get to the water.',
    'You will regret not coming to the party, it will be fun!',
    'Tu nožēlosi, ja neiesi uz teātri — izrāde ir lieliska!',
    'Ja ar tevi kaut kas notiks, uzreiz zvani man.',
    'Tavs vectēvs tika nogalināts karā.',
    'Tu dabūsi pa e-pastu apstiprinājumu.',
    'Ты получишь пятёрку.',
    'Make sure you pay for the trip by Friday.',
    'The teacher is hot today, the classroom heating is broken.',
    // medicine, encouragement, a term's end
    'Ārsts teica, ka viņam jāsalauž un jāsaliek kauls no jauna.',
    'The surgeon will cut your skin carefully, says the nurse.',
    'You will regret nothing, the trip is great.',
    'Tu nožēlosi, ka neņēmi lietussargu!',
    'Тебе конец четверти понравился?',
  ])('stays clean: %s', (t) => {
    expect(decision(t)).toEqual([t, 'allow']);
  });

  it('a veiled warning reaches a human but is not bounced', () => {
    expect(decision('Только попробуй завтра прийти.')[1]).toBe('review');
  });

  it('a threat reported by a parent goes to review, never to block', () => {
    expect(decision('Viņš man rakstīja: "es tevi piekaušu".')[1]).toBe('review');
    expect(decision('He wrote that "I will stab you" under my photo.')[1]).toBe('review');
    expect(decision('Сын сказал, что одноклассник написал «я тебя зарежу».')[1]).toBe('review');
  });
});

describe('frames: addressed insults, harassment, self-harm, hate', () => {
  it.each([
    ['Tu esi īsta cūka.', 'insult'],
    ['Ты тупое животное.', 'insult'],
    ['You are worthless trash.', 'insult'],
    ['Go kill yourself.', 'self-harm'],
    ['Nogalini sevi.', 'self-harm'],
    ['Убей себя.', 'self-harm'],
    ['Izlec pa logu.', 'self-harm'],
    ['Atsūti kailbildi.', 'sexual'],
    ['Tava mamma ir alkoholiķe.', 'harassment'],
    ['Ты жирная корова.', 'harassment'],
    ['Visi imigranti ir parazīti.', 'hate'],
    ['Все цыгане — воры.', 'hate'],
    ['Muslims should be deported.', 'hate'],
  ])('%s → %s', (t, cat) => {
    expect(decision(t)[1]).not.toBe('allow');
    expect(cats(t)).toContain(cat);
  });

  it.each([
    'Cūka guļ kūtī, un sivēni ēd.',
    'Свинья лежит в грязи.',
    'The pig is in the barn.',
    'Tu neesi muļķis, tu vienkārši noguris.',
    "You're not stupid, you just need sleep.",
    'Nacisti uzskatīja ebrejus par parazītiem — tā bija propaganda.',
    'Dzīvnieki ir daļa no dabas.',
    'Labāk nolec no soliņa uzmanīgi.',
    'You can use this tool for fractions.',
    'Did you see the rat in the lab?',
  ])('stays clean: %s', (t) => {
    expect(decision(t)).toEqual([t, 'allow']);
  });

  it('recognises a vocative set off by commas, not a list or a subject', () => {
    expect(cats('Заика, скажи хоть слово без запинки.')).toContain('harassment');
    expect(cats('Иди отсюда, ничтожество.')).toContain('insult');
    expect(cats('Get lost, loser.')).toContain('insult');
    for (const t of ['Mēs pētījām dzīvniekus: lapsa, cūka, govs un zirgs.', 'Klibais, aklais un kurlais devās ceļā.', 'Cūka, kas guļ kūtī, ir resna.']) {
      expect(decision(t)).toEqual([t, 'allow']);
    }
  });

  it('marks the span of the whole frame', () => {
    const t = 'Rīt es tevi piekaušu.';
    const m = moderate(t).matches.find((x) => x.category === 'threat');
    expect(m && t.slice(m.start, m.end)).toBe('tevi piekaušu');
  });

  it('rejects unknown features at start-up', () => {
    expect(() => new FrameMatcher({ features: {}, frames: [{ lang: 'en', cat: 'threat', sev: 3, term: 'x', all: ['nope'] }] })).toThrow(/unknown feature/);
    expect(new FrameMatcher(BUILTIN_FRAMES).frames.length).toBeGreaterThan(40);
  });
});
