import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryHits, type DictLang } from '../test-support/dictionary-hits';

/**
 * Every Latvian and Russian word form the Hunspell dictionaries generate is moderated. Only forms
 * reviewed by hand as genuinely offensive (test-data/dictionary-hits.json) may be flagged; any other
 * hit is a collision with an ordinary word and fails the test.
 */
const reviewed = JSON.parse(readFileSync(join(__dirname, '../test-data/dictionary-hits.json'), 'utf8')) as Record<DictLang, Record<string, string[]>>;

const INNOCENT: Record<DictLang, string[]> = {
  lv: ['uzmaukt', 'uzmauca', 'pīsies', 'atpīsies', 'pēdiņa', 'pēdiņām', 'ass', 'asas', 'sūdzība', 'sūdzēt', 'pistole', 'suka', 'sukas', 'zīds', 'zīda', 'šūdina', 'apēzdams', 'kopizdevums', 'viebis', 'negrūs', 'pāķis', 'tīts', 'Pidriķis', 'dirsties'],
  ru: ['Олеговна', 'саговниковый', 'страхуй', 'застрахуйте', 'употреблять', 'оскорблять', 'сабля', 'корабля', 'рубля', 'себя', 'хлеб', 'небо', 'педагог', 'педикюр', 'мандарин', 'Херсон', 'жидкий', 'жидок', 'скотинный', 'трахея', 'сравнить', 'чурбан', 'мудрый', 'стервятник', 'хохолок', 'требовать', 'учеба', 'погреб', 'гондола'],
};

describe.each(['lv', 'ru'] as const)('dictionary-%s collisions', (lang) => {
  const { forms, hits } = dictionaryHits(lang);
  const allowed = new Set(Object.values(reviewed[lang]).flat());

  it('expands the whole dictionary', () => {
    expect(forms).toBeGreaterThan(lang === 'lv' ? 4_000_000 : 1_000_000);
  });

  it('flags only reviewed offensive words', () => {
    const unexpected = [...hits].filter(([form]) => !allowed.has(form)).map(([form, terms]) => `${form} (${terms})`);
    expect(unexpected).toEqual([]);
  });

  it('does not flag the known look-alikes', () => {
    const flagged = INNOCENT[lang].filter((w) => hits.has(w));
    expect(flagged).toEqual([]);
  });

  it('still recognises offensive words the dictionary contains', () => {
    const expected = lang === 'lv' ? ['mauka', 'sūds', 'pimpis', 'kretīns'] : ['блядь', 'шлюха', 'дерьмо', 'ублюдок'];
    for (const w of expected) expect(hits.has(w)).toBe(true);
  });
});
