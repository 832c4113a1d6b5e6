/** Deterministic generator of school-like messages in lv/ru/en with a realistic share of abuse. */

export type GenLang = 'lv' | 'ru' | 'en';

export interface GeneratedMessage {
  lang: GenLang;
  text: string;
}

/** mulberry32: tiny, fast, good enough for reproducible benchmark data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTS: Record<GenLang, { open: string[]; body: string[]; close: string[]; abuse: string[] }> = {
  lv: {
    open: ['Labdien!', 'Sveiki, vecāki!', 'Labrīt,', 'Cienījamie vecāki,', 'Sveika, skolotāj!', 'Labvakar!'],
    body: [
      'Rīt {n}.b klasei ekskursija uz Siguldu, lūdzu, paņemiet līdzi pusdienas.',
      'Vecāku sapulce notiks ceturtdien plkst. {h}:00 aktu zālē.',
      'Matemātikas kontroldarbā vidējā atzīme {n},{n}.',
      'Lūdzu, uzmauciet bērniem cepures, ārā ir -{n} grādi.',
      'Skolā konstatētas utis, lūdzu, pārbaudiet matus un izmantojiet suku.',
      'Mūsu sūdzība par ēdnīcas rindām ir iesniegta direktorei.',
      'Mājasdarbs: {n}. lappuse, {n}. uzdevums, termiņš {d}.',
      'Sporta diena pārcelta uz {d}, līdzi jāņem ūdens pudele.',
      'Dēls šodien aizmirsa sporta formu, vai drīkst atnest rīt?',
      'Paldies par skaisto koncertu un ziedojumiem tirdziņam!',
    ],
    close: ['Paldies!', 'Ar cieņu, klases audzinātāja', 'Jauku dienu!', 'Līdz rītam.', ''],
    abuse: ['Ej pisies ar saviem noteikumiem.', 'Tu esi stulba mauka.', 'Es tevi nogalināšu.', 'Kāds sūds, pizdec.', 'Visi krievi ir cūkas.', 'Tu esi debils.'],
  },
  ru: {
    open: ['Здравствуйте!', 'Добрый день, родители!', 'Уважаемые родители,', 'Привет всем!', 'Добрый вечер!'],
    body: [
      'Завтра у {n}Б класса экскурсия в Ригу, отправление в {h}:00.',
      'Родительское собрание состоится в четверг в {h}:00 в актовом зале.',
      'Просим застраховать детей перед поездкой — застрахуйте до пятницы.',
      'На уроке истории говорили о кораблях и саблях.',
      'Не употребляйте сладкое перед контрольной, пусть дети поедят нормально.',
      'Контрольная по математике перенесена на {d}, оценки: {n}, {n}, {n}.',
      'В школе обнаружены гниды, проверьте, пожалуйста, головы детей.',
      'Спасибо классному руководителю Анне Олеговне за поддержку!',
      'Сменная обувь обязательна, физкультура в {h}:30.',
      'Оплата за обеды — {n} евро до {d}.',
    ],
    close: ['Спасибо!', 'С уважением, классный руководитель', 'Хорошего дня!', 'До встречи.', ''],
    abuse: ['Ты сука, верни телефон.', 'Пошёл нахуй со своими оценками.', 'Я тебя убью после уроков.', 'Пиздец, а не школа.', 'Все цыгане — животные.', 'Ты дебил.'],
  },
  en: {
    open: ['Dear parents,', 'Hello everyone!', 'Hi,', 'Good morning!', 'Dear Mrs. Smith,'],
    body: [
      'The school trip to Riga leaves at {h}:00 tomorrow, please bring a packed lunch.',
      'The parent-teacher meeting is on Thursday at {h} pm in the main hall.',
      'Our class visited the cockpit of a real plane at the aviation museum.',
      'Homework: read pages {n}-{n} and answer questions {n}-{n} by {d}.',
      'The school therapist is available on Mondays, please book a slot.',
      'Please sign the consent form for the online safety lesson.',
      'Tom passed his maths assessment with a grade of {n}/10, well done!',
      'We are collecting scrap paper and cardboard for recycling.',
      'Sports day has been moved to {d} because of rain.',
      'Mr. Hancock will run the chess club in room {n}{n}.',
    ],
    close: ['Thanks!', 'Kind regards, the class teacher', 'Have a nice day!', 'See you soon.', ''],
    abuse: ['Fuck off, you useless teacher.', 'You are a stupid bitch.', 'I will kill you after school.', 'This school is a shithole.', 'All immigrants are parasites.', 'What a f*cking joke.'],
  },
};

function fill(template: string, rnd: () => number): string {
  return template.replace(/\{([nhd])\}/g, (_, k: string) => {
    if (k === 'n') return String(1 + Math.floor(rnd() * 12));
    if (k === 'h') return String(8 + Math.floor(rnd() * 10));
    return `${1 + Math.floor(rnd() * 28)}.${1 + Math.floor(rnd() * 12)}.2025`;
  });
}

function pick<T>(xs: readonly T[], rnd: () => number): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** Messages until `targetBytes` of UTF-8 text; about 10% contain abuse. Language mix: 45% lv, 35% ru, 20% en. */
export function generateMessages(seed: number, targetBytes: number): GeneratedMessage[] {
  const rnd = prng(seed);
  const out: GeneratedMessage[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const r = rnd();
    const lang: GenLang = r < 0.45 ? 'lv' : r < 0.8 ? 'ru' : 'en';
    const p = PARTS[lang];
    const pieces = [pick(p.open, rnd)];
    const sentences = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < sentences; k++) pieces.push(fill(pick(p.body, rnd), rnd));
    if (rnd() < 0.1) pieces.splice(1 + Math.floor(rnd() * sentences), 0, pick(p.abuse, rnd));
    pieces.push(pick(p.close, rnd));
    const text = pieces.filter(Boolean).join(' ');
    out.push({ lang, text });
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return out;
}
