import { cheapestText, librarySmsSize, smsSize } from './segments';

describe('smsSize', () => {
  it('agrees with the library on every kind of text, around every segment boundary', () => {
    // A seeded generator: the same 3,000 texts each run, from pools that take each path.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pools = [
      'abcXYZ 0189.,!?@£$¥èéùìòÇØøÅåÆæßÉ\n',
      'abc €{}[]~^|\\',
      'āčēģīķļņšūž ĀČĒ abc,.',
      'Здравствуйте, ёЁ абв 123',
      'abc\r\n',
      'e\u0301a\u0308 ā',
      'a😀👍🏽🇱🇻 b',
      '„quoted” – …',
    ];
    for (let i = 0; i < 3000; i++) {
      const pool = Array.from(pools[i % pools.length] + (i % 3 === 0 ? pools[Math.floor(next() * pools.length)] : ''));
      const length = [0, 1, 69, 70, 71, 134, 135, 153, 159, 160, 161, 306, 307][i % 13] + Math.floor(next() * 3);
      const text = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]).join('');
      expect([text, smsSize(text)]).toEqual([text, librarySmsSize(text)]);
    }
  });

  it.each(['ā', 'č', 'ē', 'ģ', 'ī', 'ķ', 'ļ', 'ņ', 'š', 'ū', 'ž', 'Ā', 'Š', 'Ž'])('Latvian %s forces UCS-2', (letter) => {
    expect(smsSize(`Labdien, ${letter}`).encoding).toBe('UCS-2');
  });

  it('counts Russian as UCS-2', () => {
    expect(smsSize('Здравствуйте')).toEqual({ encoding: 'UCS-2', segments: 1, characters: 12 });
  });

  it('counts plain Latin as GSM-7, including the diacritics GSM-7 has', () => {
    expect(smsSize('Hello, Émile Müller')).toEqual({ encoding: 'GSM-7', segments: 1, characters: 19 });
  });

  it.each(['€', '[', ']', '{', '}', '~', '^', '|', '\\'])('counts the GSM-7 extension character %s twice', (ch) => {
    expect(smsSize(ch.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, characters: 160 });
    expect(smsSize(ch.repeat(81))).toEqual({ encoding: 'GSM-7', segments: 2, characters: 162 });
  });

  it.each([
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
  ])('GSM-7: %i characters take %i segments (160 alone, 153 each when split)', (n, segments) => {
    expect(smsSize('x'.repeat(n))).toEqual({ encoding: 'GSM-7', segments, characters: n });
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])('UCS-2: %i characters take %i segments (70 alone, 67 each when split)', (n, segments) => {
    expect(smsSize('ž'.repeat(n))).toMatchObject({ encoding: 'UCS-2', segments });
    expect(smsSize('ж'.repeat(n))).toMatchObject({ encoding: 'UCS-2', segments });
  });

  it('one Latvian letter turns a one-segment GSM-7 text into three UCS-2 segments', () => {
    expect(smsSize('a'.repeat(150)).segments).toBe(1);
    expect(smsSize(`${'a'.repeat(149)}ā`).segments).toBe(3);
  });
});

describe('cheapestText', () => {
  it('drops Latvian diacritics when the result is GSM-7 and cheaper', () => {
    const text = `Jauna ziņa no skolotājas Ģertrūdes Ķēniņas: ${'x'.repeat(60)}. Šodien žurnālā čempionāts, ļoti īss.`;
    expect(smsSize(text)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const cheap = cheapestText(text);
    expect(cheap).toBe(`Jauna zina no skolotajas Gertrudes Keninas: ${'x'.repeat(60)}. Sodien zurnala cempionats, loti iss.`);
    expect(smsSize(cheap)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('makes typographic quotes and dashes plain, as the alert templates quote subjects „so”', () => {
    const text = `STEIDZAMI Rīgas skola: Ieva Ozola: „Ēdnīca slēgta – rīt nav pusdienu…” https://pasts.example.lv/messages/${'x'.repeat(36)}`;
    expect(smsSize(text)).toMatchObject({ encoding: 'UCS-2', segments: 3 });
    const cheap = cheapestText(text);
    expect(cheap).toBe(`STEIDZAMI Rigas skola: Ieva Ozola: "Ednica slegta - rit nav pusdienu..." https://pasts.example.lv/messages/${'x'.repeat(36)}`);
    expect(smsSize(cheap)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('handles decomposed input (a letter followed by a combining mark)', () => {
    expect(cheapestText('Sveiki, Ja\u0304nis! '.repeat(6))).toBe('Sveiki, Janis! '.repeat(6));
  });

  it('keeps the diacritics GSM-7 has while dropping the ones it lacks', () => {
    expect(cheapestText(`Émile Müller, Jānis: ${'x'.repeat(60)}`)).toBe(`Émile Müller, Janis: ${'x'.repeat(60)}`);
  });

  it('leaves text unchanged when it is GSM-7 already', () => {
    expect(cheapestText('Hello [world] €5')).toBe('Hello [world] €5');
  });

  it('leaves Russian (and mixed Russian and Latvian) unchanged: it stays UCS-2 either way', () => {
    expect(cheapestText('Здравствуйте, Jānis')).toBe('Здравствуйте, Jānis');
  });

  it('leaves text unchanged when stripping saves no segment', () => {
    expect(cheapestText('Labdien, Jāni!')).toBe('Labdien, Jāni!');
  });

  it('leaves text unchanged when a character has no GSM-7 form even without its marks', () => {
    expect(cheapestText(`Jānis 😀 ${'x'.repeat(80)}`)).toBe(`Jānis 😀 ${'x'.repeat(80)}`);
  });
});
