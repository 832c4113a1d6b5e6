import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import { loadConfig } from '@app/platform/config/load-config';
import { LANGUAGES, LAYOUT_ARGS, TEMPLATE_KEYS, TEMPLATES, type TemplateKey, type TemplateLanguage } from './template-definitions';
import { CATALOGUES, ICU_PARSE_OPTIONS, Templates } from './templates';

const PUBLIC_URL = 'https://pasts.example.lv';
const templates = new Templates(loadConfig({ NODE_ENV: 'test', PUBLIC_URL, APP_NAME: 'Skolas pasts' }));

interface Definition {
  channels: readonly string[];
  args: readonly string[];
  itemArgs: readonly string[];
  sample: unknown;
  prepare(params: unknown, ctx: unknown): { args: object; items?: { args: object }[] };
}
const definition = (key: TemplateKey) => TEMPLATES[key] as unknown as Definition;

/** The parts a key must have in every language, and the arguments each part may use. */
function expectedParts(key: TemplateKey): Record<string, readonly string[]> {
  const d = definition(key);
  const parts: Record<string, readonly string[]> = {};
  if (d.channels.includes('email')) Object.assign(parts, { subject: d.args, body: d.args, action: d.args });
  if (d.channels.includes('sms')) parts.sms = [...d.args, 'link'];
  if (d.itemArgs.length > 0) parts.item = d.itemArgs;
  return parts;
}

/** Every message of a language with the arguments it may use. */
function messagesOf(language: TemplateLanguage): { id: string; message: string; allowed: readonly string[] }[] {
  const catalogue = CATALOGUES[language];
  const layout = Object.entries(LAYOUT_ARGS).map(([name, allowed]) => ({
    id: `layout.${name}`,
    message: catalogue.layout[name as keyof typeof LAYOUT_ARGS],
    allowed,
  }));
  const keyed = TEMPLATE_KEYS.flatMap((key) =>
    Object.entries(expectedParts(key)).map(([part, allowed]) => ({
      id: `${key}.${part}`,
      message: (catalogue.messages[key] as Record<string, string>)[part],
      allowed,
    })),
  );
  return [...layout, ...keyed];
}

/** Walks a parsed message, nested plural and select branches included. */
function walk(elements: MessageFormatElement[], visit: (el: MessageFormatElement) => void): void {
  for (const el of elements) {
    visit(el);
    if (isPluralElement(el) || isSelectElement(el)) for (const option of Object.values(el.options)) walk(option.value, visit);
    if (isTagElement(el)) walk(el.children, visit);
  }
}

function argumentsOf(elements: MessageFormatElement[]): Set<string> {
  const names = new Set<string>();
  walk(elements, (el) => {
    if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el) || isSelectElement(el) || isPluralElement(el)) {
      names.add(el.value);
    }
  });
  return names;
}

/** What eta's autoescape turns a string into. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(stringsIn);
  return [];
}

const cases = LANGUAGES.flatMap((language) => messagesOf(language).map((m) => ({ language, ...m })));

describe('notification templates', () => {
  it.each(LANGUAGES)('%s has every key with exactly the parts its channels need, and the layout', (language) => {
    const catalogue = CATALOGUES[language];
    expect(Object.keys(catalogue.messages).sort()).toEqual([...TEMPLATE_KEYS].sort());
    for (const key of TEMPLATE_KEYS) {
      const parts = catalogue.messages[key] as Record<string, unknown>;
      expect({ key, parts: Object.keys(parts).sort() }).toEqual({ key, parts: Object.keys(expectedParts(key)).sort() });
      for (const part of Object.keys(parts)) expect({ key, part, type: typeof parts[part] }).toEqual({ key, part, type: 'string' });
    }
    expect(Object.keys(catalogue.layout).sort()).toEqual(Object.keys(LAYOUT_ARGS).sort());
  });

  it.each(cases)('$language $id parses, uses only declared arguments, and covers every plural category', ({ language, message, allowed }) => {
    const ast = parse(message, ICU_PARSE_OPTIONS);
    expect([...argumentsOf(ast)].filter((name) => !allowed.includes(name))).toEqual([]);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    walk(ast, (el) => {
      if (!isPluralElement(el)) return;
      expect({ plural: el.value, missing: categories.filter((c) => !(c in el.options)) }).toEqual({ plural: el.value, missing: [] });
    });
  });

  it.each(TEMPLATE_KEYS)('%s: prepare gives exactly the declared arguments', (key) => {
    const d = definition(key);
    const ctx = { publicUrl: PUBLIC_URL, messageLink: String, dateTime: String, list: String, month: String, language: 'en' };
    const prepared = d.prepare(d.sample, ctx);
    expect(Object.keys(prepared.args).sort()).toEqual([...d.args].sort());
    for (const item of prepared.items ?? []) expect(Object.keys(item.args).sort()).toEqual([...d.itemArgs].sort());
  });

  const renders = LANGUAGES.flatMap((language) => TEMPLATE_KEYS.map((key) => ({ language, key })));

  it.each(renders)('$language $key renders without placeholders and with the parameters escaped in HTML', ({ language, key }) => {
    const sample = definition(key).sample;
    const rendered = templates.render(key, language, sample as never) as { email?: Record<string, string>; sms?: string };
    const outputs = [rendered.sms, rendered.email?.subject, rendered.email?.text, rendered.email?.html].filter((s) => s !== undefined);
    expect(outputs).toHaveLength(expectedParts(key).sms ? (rendered.email ? 4 : 1) : 3);
    for (const output of outputs) expect(output).not.toMatch(/[{}]/);
    if (!rendered.email) return;
    const { html, text } = rendered.email;
    for (const value of stringsIn(sample).filter((s) => /[<>&"]/.test(s))) {
      expect(html).toContain(escapeHtml(value));
      expect(html).not.toContain(value);
      expect(text).toContain(value);
    }
    expect(html).toContain(`href="${PUBLIC_URL}/me/notification-preferences"`);
    expect(html).toContain(`<html lang="${language}">`);
    expect(rendered.email.headers).toEqual({
      'List-Unsubscribe': `<${PUBLIC_URL}/me/notification-preferences>`,
    });
  });

  it('a message alert links to the message, names sender, subject and the recipient’s own children', () => {
    const { email, sms } = templates.render('message-alert', 'lv', {
      sender: 'Anna Bērziņa',
      subject: 'Ekskursija',
      messageId: 'a1b2',
      institution: 'Rīgas 1. pamatskola',
      children: ['Jānis'],
    });
    expect(sms).toBe('Rīgas 1. pamatskola: jauna ziņa no Anna Bērziņa: „Ekskursija” https://pasts.example.lv/messages/a1b2');
    expect(email.text).toContain('Anna Bērziņa (Rīgas 1. pamatskola) jums nosūtīja ziņu „Ekskursija”. Par bērnu: Jānis.');
    expect(email.text).toContain('Atvērt ziņu: https://pasts.example.lv/messages/a1b2');
    expect(email.html).toContain('href="https://pasts.example.lv/messages/a1b2"');
    const withoutChildren = templates.render('message-alert', 'en', { sender: 'A', subject: 'S', messageId: 'a1b2', institution: 'I' });
    expect(withoutChildren.email.text).toContain('A (I) sent you the message “S”.\n');
  });

  it.each([
    ['lv', 1, 'Jums ir 1 nelasīta ziņa'],
    ['lv', 2, 'Jums ir 2 nelasītas ziņas'],
    ['lv', 11, 'Jums ir 11 nelasītu ziņu'],
    ['lv', 21, 'Jums ir 21 nelasīta ziņa'],
    ['ru', 1, 'У вас 1 непрочитанное сообщение'],
    ['ru', 3, 'У вас 3 непрочитанных сообщения'],
    ['ru', 5, 'У вас 5 непрочитанных сообщений'],
    ['ru', 22, 'У вас 22 непрочитанных сообщения'],
    ['en', 1, 'You have 1 unread message'],
    ['en', 2, 'You have 2 unread messages'],
  ] as const)('digest subject in %s for %i: %s', (language, count, subject) => {
    const messages = Array.from({ length: count }, (_, i) => ({ subject: `S${i}`, sender: 'X', messageId: `m${i}` }));
    expect(templates.render('digest', language, { messages }).email.subject).toBe(subject);
  });

  it('a digest lists each message with its sender and its own link, in the text and the HTML part', () => {
    const messages = [
      { subject: 'Ekskursija', sender: 'Anna Bērziņa', messageId: 'm1' },
      { subject: 'Ēdienkarte', sender: 'Skolas virtuve', messageId: 'm2' },
    ];
    const { email } = templates.render('digest', 'lv', { messages });
    expect(email.text).toContain('Skolas pastā jums ir 2 nelasītas ziņas:');
    expect(email.text).toContain('- Ekskursija (Anna Bērziņa)\n  https://pasts.example.lv/messages/m1\n- Ēdienkarte (Skolas virtuve)\n  https://pasts.example.lv/messages/m2');
    expect(email.html).toContain('<a href="https://pasts.example.lv/messages/m2" style="color:#1d4ed8">Ēdienkarte (Skolas virtuve)</a>');
    expect(email.text).toContain('Atvērt skolas pastu: https://pasts.example.lv/messages');
  });

  it.each([
    ['lv', 10, 'Skolas pastā jums ir 10 nelasītu ziņu:'],
    ['lv', 31, 'Skolas pastā jums ir 31 nelasīta ziņa:'],
    ['ru', 12, 'В школьной почте 12 непрочитанных сообщений:'],
    ['ru', 2, 'В школьной почте 2 непрочитанных сообщения:'],
  ] as const)('digest body in %s for %i: %s', (language, count, body) => {
    const messages = Array.from({ length: count }, (_, i) => ({ subject: `S${i}`, sender: 'X', messageId: `m${i}` }));
    expect(templates.render('digest', language, { messages }).email.text).toContain(body);
  });

  it('writes the acknowledgement deadline in Riga time, in the recipient’s language', () => {
    // 21:30 UTC on 31 October 2026 is 23:30 in Riga (EET, after the switch from summer time).
    const params = { subject: 'S', messageId: 'm', institution: 'I', deadline: new Date('2026-10-31T21:30:00Z') };
    expect(templates.render('ack-reminder', 'lv', params).sms).toContain('līdz 31.10.2026. 23:30');
    expect(templates.render('ack-reminder', 'ru', params).sms).toContain('до 31.10.2026, 23:30');
    expect(templates.render('ack-reminder', 'en', params).sms).toContain('by 31/10/2026, 23:30');
  });

  it('tells the sender how many and who have not confirmed', () => {
    const { email } = templates.render('ack-overdue', 'ru', {
      subject: 'Собрание',
      messageId: 'm',
      institution: 'I',
      unconfirmed: ['Пётр', 'Мария'],
    });
    expect(email.subject).toBe('2 получателя не подтвердили «Собрание»');
    expect(email.text).toContain('- Пётр\n- Мария');
    expect(email.html).toContain('<li>Пётр</li>');
  });
});
