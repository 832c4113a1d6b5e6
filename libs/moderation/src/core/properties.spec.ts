import fc from 'fast-check';
import { moderate } from './moderate';

const SEEDED = { seed: 20250117, numRuns: 300 };

const BAD = ['fuck', 'pisies', 'mauka', 'хуй', 'пиздец', 'сука', 'f*ck', 'п.и.з.д.а', 'f u c k', 'sh1t', 'хyй'];
const unicode = fc.string({ unit: 'binary', maxLength: 200 });
const mixed = fc.string({
  unit: fc.constantFrom('a', 'ā', 'š', 'я', 'й', ' ', '.', '*', '1', '\u200d', '\u0301', '\u202e', '👨‍👩‍👧', '😀', 'f', 'u', 'c', 'k', 'х', 'у', '\n', '"'),
  maxLength: 300,
});

function checkOffsets(text: string): void {
  const r = moderate(text);
  for (const m of r.matches) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.start).toBeLessThan(m.end);
  }
  expect(['allow', 'review', 'block']).toContain(r.decision);
  if (r.decision === 'allow') expect(r.matches).toEqual([]);
}

describe('properties', () => {
  it('never throws and offsets stay inside arbitrary Unicode input', () => {
    fc.assert(fc.property(unicode, (t) => checkOffsets(t)), SEEDED);
    fc.assert(fc.property(mixed, (t) => checkOffsets(t)), SEEDED);
  });

  it('finds an inserted bad word and its match covers exactly the inserted characters', () => {
    const words = fc.array(fc.constantFrom('labdien', 'rīt', 'skola', 'завтра', 'урок', 'the', 'class', '12:30', '5.b', 'Anna'), { maxLength: 8 });
    fc.assert(
      fc.property(words, fc.constantFrom(...BAD), words, (before, bad, after) => {
        const prefix = before.length ? `${before.join(' ')} ` : '';
        const text = `${prefix}${bad}${after.length ? ` ${after.join(' ')}` : ''}`;
        const r = moderate(text);
        expect(r.decision).not.toBe('allow');
        const start = prefix.length;
        const end = start + bad.length;
        const covering = r.matches.filter((m) => m.start <= start && m.end >= end);
        expect(covering.length).toBeGreaterThan(0);
        // The match must not spill into neighbouring words.
        for (const m of covering) expect(text.slice(m.start, m.end)).toBe(bad);
      }),
      SEEDED,
    );
  });

  it('clean school text made of ordinary words stays allowed', () => {
    const words = fc.array(
      fc.constantFrom('Labdien', 'rīt', 'skolā', 'ekskursija', 'uzmauciet', 'cepures', 'sūdzība', 'Здравствуйте', 'застрахуйте', 'сабля', 'употреблять', 'the', 'cockpit', 'classic', 'assessment', '12.03.2024', '9/10', 'Hui', 'Dickens'),
      { maxLength: 30 },
    );
    fc.assert(fc.property(words, (ws) => expect(moderate(ws.join(' ')).decision).toBe('allow')), SEEDED);
  });

  it('hexadecimal codes (commits, colours, message tags) are not read as disguised words', () => {
    // Tests tag their data with randomUUID().slice(0, 8); one in a hundred used to read as «еб…» or «до…».
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 6, maxLength: 40 }).filter((t) => /\d/.test(t));
    fc.assert(fc.property(hex, (code) => expect(moderate(`Pēc atjaunošanas ${code}`).decision).toBe('allow')), { ...SEEDED, numRuns: 3000 });
    for (const code of ['e620a8bc', 'eb31ab2d', 'd0a1b2c3', '38ab1c2d', 'E6A1FA8D']) expect(moderate(`Kods ${code}`).decision).toBe('allow');
    // Shorter or non-hex leet is still read.
    for (const word of ['e6ать', 'ты e6aл0', 'sh1t']) expect(moderate(word).decision).not.toBe('allow');
  });

  it('a threat frame is found inside any clean text, in its own sentence', () => {
    const clean = fc.array(fc.constantFrom('Labdien', 'rīt', 'skolā', 'ekskursija', 'Здравствуйте', 'урок', 'the', 'homework', 'is', 'due'), { maxLength: 20 });
    const threat = fc.constantFrom('Es tevi piekaušu.', 'Я тебя зарежу.', "I'm going to stab you.", 'Tev būs beigas.');
    fc.assert(
      fc.property(clean, threat, clean, (a, t, b) => {
        const r = moderate(`${a.join(' ')}. ${t} ${b.join(' ')}`);
        expect(r.decision).toBe('block');
        expect(r.categories).toContain('threat');
      }),
      SEEDED,
    );
  });

  it('one endless sentence of frame words costs time linear in its length', () => {
    // CPU time of this process, as a ratio of two lengths: what other work on the machine does to
    // the wall clock cancels out, and a quadratic matcher (16× for 4× the words) cannot pass.
    const sentence = (n: number) => 'es tevi tev nogalināšu you will kill your я тебя убью visi imigranti ir parazīti send nudes bitch puppy you pig play if someone never call jk genius 🙄 '.repeat(n);
    const cpu = (text: string) => {
      const before = process.cpuUsage();
      expect(moderate(text).decision).toBe('block');
      const used = process.cpuUsage(before);
      return used.user + used.system;
    };
    cpu(sentence(500));
    const short = Math.min(cpu(sentence(2_500)), cpu(sentence(2_500)));
    const long = cpu(sentence(10_000));
    expect(long / short).toBeLessThan(8);
  });

  it('handles 1 MB input and 100 KB of separators', () => {
    const big = 'Labdien, vecāki! Rīt ekskursija. Здравствуйте! fuck 👨‍👩‍👧 '.repeat(20_000).slice(0, 1_000_000);
    const r = moderate(big);
    expect(r.decision).toBe('block');
    expect(r.matches.length).toBeGreaterThan(1000);
    for (const sep of [' ', '.', '*', '\u200b', '\u0301', '\u202e', '-_', ' . ']) {
      expect(moderate(sep.repeat(Math.ceil(100_000 / sep.length))).decision).toBe('allow');
    }
  });
});
