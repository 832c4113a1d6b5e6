/**
 * What each notification key is: the channels it goes out on, the parameters a caller passes, and
 * the ICU arguments its messages may use. The catalogues (one per language) supply the words; a key's
 * `prepare` turns its parameters into exactly the declared arguments (the types make a missing or
 * extra one a compile error, and the catalogue test checks every message uses only these).
 *
 * Parameters are what a recipient may see about their own notification and nothing else: a message
 * alert names its sender and subject and, when given, the recipient's own children — never other
 * recipients or families.
 */

export const LANGUAGES = ['lv', 'ru', 'en'] as const;
export type TemplateLanguage = (typeof LANGUAGES)[number];

type ChannelName = 'email' | 'sms';
type ArgValue = string | number;

/** Helpers a key's `prepare` uses, bound to one language and the service's public URL. */
export interface PrepareContext {
  language: TemplateLanguage;
  publicUrl: string;
  /** `PUBLIC_URL/messages/<id>`. */
  messageLink(messageId: string): string;
  /** A Riga-local date and time in the recipient's language. */
  dateTime(instant: Date): string;
  /** Names joined the language's way ("A, B un C"). */
  list(names: readonly string[]): string;
}

export interface Prepared<A extends string, I extends string> {
  args: Record<A, ArgValue>;
  /** Where the e-mail's button and the SMS's link lead (SMS messages get it as `{link}`). */
  link: string;
  /** The e-mail's list, each entry rendered with the key's `item` message (and linked, if it has a link). */
  items?: { args: Record<I, ArgValue>; link?: string }[];
  /** A table of figures under the text (plain strings; the HTML layout escapes them). */
  table?: EmailTable;
}

export interface EmailTable {
  head: string[];
  rows: string[][];
}

export interface TemplateDefinition<P, A extends string, I extends string, C extends ChannelName> {
  channels: readonly C[];
  args: readonly A[];
  itemArgs: readonly I[];
  prepare(params: P, ctx: PrepareContext): Prepared<NoInfer<A>, NoInfer<I>>;
  /** Parameters that render every branch of interest; the catalogue test renders each key with them. */
  sample: NoInfer<P>;
}

function define<P, A extends string, C extends ChannelName, I extends string = never>(
  definition: TemplateDefinition<P, A, I, C>,
): TemplateDefinition<P, A, I, C> {
  return definition;
}

export interface MessageAlertParams {
  sender: string;
  subject: string;
  messageId: string;
  institution: string;
  /** The recipient's own children the message concerns, if any. */
  children?: readonly string[];
}

const SAMPLE_MESSAGE_ID = '5f0c5a52-7d3e-4b8e-9f1a-2c6d8e4b1a00';

function messageAlert(params: MessageAlertParams, ctx: PrepareContext) {
  const children = params.children ?? [];
  return {
    args: {
      sender: params.sender,
      subject: params.subject,
      institution: params.institution,
      children: ctx.list(children),
      childCount: children.length,
    },
    link: ctx.messageLink(params.messageId),
  };
}

const messageAlertDefinition = {
  channels: ['email', 'sms'] as const,
  args: ['sender', 'subject', 'institution', 'children', 'childCount'] as const,
  itemArgs: [] as const,
  prepare: messageAlert,
  sample: {
    sender: 'Anna Bērziņa',
    subject: 'Ekskursija <script>alert(1)</script> & "Sigulda"',
    messageId: SAMPLE_MESSAGE_ID,
    institution: 'Rīgas 1. pamatskola',
    children: ['Jānis', 'Līga'],
  },
};

export const TEMPLATES = {
  /** The guardian's credentials: the clear password exists only inside this text. */
  'password-sms': define({
    channels: ['sms'],
    args: ['name', 'institution', 'username', 'password'],
    itemArgs: [],
    prepare: (p: { name: string; institution: string; username: string; password: string }, ctx) => ({ args: p, link: ctx.publicUrl }),
    sample: { name: 'Ilze', institution: 'Rīgas 1. pamatskola', username: 'ilze.kalnina', password: 'Kx7-mPq2-Rt9' },
  }),

  'message-alert': define(messageAlertDefinition),

  /** The same facts as a message alert, marked urgent (sent at once, quiet hours or not). */
  'urgent-alert': define(messageAlertDefinition),

  /** To a recipient who has not confirmed yet, some time before the deadline. */
  'ack-reminder': define({
    channels: ['email', 'sms'],
    args: ['subject', 'institution', 'deadline'],
    itemArgs: [],
    prepare: (p: { subject: string; messageId: string; institution: string; deadline: Date }, ctx) => ({
      args: { subject: p.subject, institution: p.institution, deadline: ctx.dateTime(p.deadline) },
      link: ctx.messageLink(p.messageId),
    }),
    sample: {
      subject: 'Vecāku sapulce',
      messageId: SAMPLE_MESSAGE_ID,
      institution: 'Rīgas 1. pamatskola',
      deadline: new Date('2026-10-20T15:00:00Z'),
    },
  }),

  /** To the sender after the deadline: who has not confirmed (the sender's own recipients). */
  'ack-overdue': define({
    channels: ['email'],
    args: ['subject', 'institution', 'count'],
    itemArgs: ['name'],
    prepare: (p: { subject: string; messageId: string; institution: string; unconfirmed: readonly string[] }, ctx) => ({
      args: { subject: p.subject, institution: p.institution, count: p.unconfirmed.length },
      link: ctx.messageLink(p.messageId),
      items: p.unconfirmed.map((name) => ({ args: { name } })),
    }),
    sample: {
      subject: 'Vecāku sapulce',
      messageId: SAMPLE_MESSAGE_ID,
      institution: 'Rīgas 1. pamatskola',
      unconfirmed: ['Pēteris Ozols', 'Мария Иванова', 'Tom <b>Smith</b>'],
    },
  }),

  /** The day's unread messages, instead of one alert each (opt-in). */
  digest: define({
    channels: ['email'],
    args: ['count'],
    itemArgs: ['subject', 'sender'],
    prepare: (p: { messages: readonly { subject: string; sender: string; messageId: string }[] }, ctx) => ({
      args: { count: p.messages.length },
      link: `${ctx.publicUrl}/messages`,
      items: p.messages.map((m) => ({ args: { subject: m.subject, sender: m.sender }, link: ctx.messageLink(m.messageId) })),
    }),
    sample: {
      messages: [
        { subject: 'Ekskursija <i>uz</i> Siguldu', sender: 'Anna Bērziņa', messageId: SAMPLE_MESSAGE_ID },
        { subject: 'Ēdienkarte', sender: 'Skolas virtuve', messageId: '0b9b1f8e-3c1d-4f6a-8e2b-7a5c9d0e1f22' },
      ],
    },
  }),

  /** A guardian's absence notice was received (made, ended early or extended). */
  'absence-confirmation': define({
    channels: ['email', 'sms'],
    args: ['name', 'child', 'institution', 'from', 'until'],
    itemArgs: [],
    prepare: (p: { name: string; child: string; institution: string; from: string; to: string | null }, ctx) => ({
      args: { name: p.name, child: p.child, institution: p.institution, from: p.from, until: p.to ?? 'open' },
      link: ctx.publicUrl,
    }),
    sample: { name: 'Ilze', child: 'Marta Bērziņa', institution: 'Daugavpils 12. PII', from: '2026-10-16', to: '2026-10-20' },
  }),

  /**
   * The kitchen's meal report for a day: the order (`next-day`) or the morning's final correction
   * (`final`, with the change per meal since the order). Counts only: no names, no notices.
   */
  'meal-report': define({
    channels: ['email', 'sms'],
    args: ['institution', 'date', 'kind', 'totals', 'change'],
    itemArgs: [],
    prepare: (p: { institution: string; date: string; final: boolean; totals: string; change: string | null; table: EmailTable }, ctx) => ({
      args: { institution: p.institution, date: p.date, kind: p.final ? 'final' : 'order', totals: p.totals, change: p.change ?? 'none' },
      link: `${ctx.publicUrl}/meals`,
      table: p.table,
    }),
    sample: {
      institution: 'Daugavpils 12. PII',
      date: '2026-10-19',
      final: true,
      totals: 'breakfast 18, lunch 20',
      change: 'lunch -1',
      table: { head: ['group', 'meal', 'standard', 'total'], rows: [['<Zīles>', 'lunch', '20', '20']] },
    },
  }),

  /**
   * New or corrected marks of one student in one subject, to their guardians (`self: false`) and the
   * student (`self: true`). Names that student only: never a classmate, never another child of the family.
   */
  'mark-alert': define({
    channels: ['email', 'sms'],
    args: ['child', 'institution', 'subject', 'count', 'self'],
    itemArgs: ['date', 'kind', 'value'],
    prepare: (
      p: { child: string; institution: string; subject: string; self: boolean; studentId: string; marks: readonly { date: string; kind: string; value: string | null }[] },
      ctx,
    ) => ({
      args: { child: p.child, institution: p.institution, subject: p.subject, count: p.marks.length, self: p.self ? 'yes' : 'no' },
      link: `${ctx.publicUrl}/students/${p.studentId}/marks`,
      items: p.marks.map((m) => ({ args: { date: m.date, kind: m.kind, value: m.value ?? 'none' } })),
    }),
    sample: {
      child: 'Marta <b>Bērziņa</b>',
      institution: 'Daugavpils Valsts ģimnāzija',
      subject: 'Matemātika & "fizika"',
      self: false,
      studentId: SAMPLE_MESSAGE_ID,
      marks: [
        { date: '2026-10-14', kind: 'test', value: '8' },
        { date: '2026-10-14', kind: 'lesson', value: 'pass' },
        { date: '2026-10-15', kind: 'semester', value: null },
      ],
    },
  }),

  /**
   * To a teacher at LESSON_REMINDER_TIME on a working day: their lessons still without a topic or
   * attendance — today's, or (`rule: 'two'`, interest education) those whose two working days end today.
   */
  'lesson-reminder': define({
    channels: ['email'],
    args: ['day', 'count', 'rule'],
    itemArgs: ['date', 'group', 'subject', 'missing'],
    prepare: (
      p: { day: string; rule: 'today' | 'two'; lessons: readonly { date: string; group: string; groupId: string; subject: string; missing: 'topic' | 'attendance' | 'both' }[] },
      ctx,
    ) => ({
      args: { day: p.day, count: p.lessons.length, rule: p.rule },
      link: ctx.publicUrl,
      items: p.lessons.map((l) => ({
        args: { date: l.date, group: l.group, subject: l.subject, missing: l.missing },
        link: `${ctx.publicUrl}/groups/${l.groupId}/lessons?from=${l.date}`,
      })),
    }),
    sample: {
      day: '2026-10-14',
      rule: 'today',
      lessons: [
        { date: '2026-10-14', group: '9.a', groupId: SAMPLE_MESSAGE_ID, subject: 'Matemātika <b>&</b>', missing: 'topic' },
        { date: '2026-10-14', group: '10.a', groupId: SAMPLE_MESSAGE_ID, subject: 'Fizika', missing: 'both' },
      ],
    },
  }),

  /** Someone who already had an account was added by an institution: a wrong link does not go unnoticed. */
  'person-linked': define({
    channels: ['email', 'sms'],
    args: ['name', 'institution'],
    itemArgs: [],
    prepare: (p: { name: string; institution: string }, ctx) => ({ args: p, link: ctx.publicUrl }),
    sample: { name: 'Ilze', institution: 'Rīgas 1. pamatskola' },
  }),
};

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

type DefinitionOf<K extends TemplateKey> = (typeof TEMPLATES)[K];
export type TemplateParams<K extends TemplateKey> = Parameters<DefinitionOf<K>['prepare']>[0];
type ChannelsOf<K extends TemplateKey> = DefinitionOf<K>['channels'][number];
export type EmailKey = { [K in TemplateKey]: 'email' extends ChannelsOf<K> ? K : never }[TemplateKey];
export type SmsKey = { [K in TemplateKey]: 'sms' extends ChannelsOf<K> ? K : never }[TemplateKey];
type ListKey = { [K in TemplateKey]: DefinitionOf<K>['itemArgs'][number] extends never ? never : K }[TemplateKey];

export interface EmailMessages {
  subject: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  /** The label of the link to `link`. */
  action: string;
}

/** One language's words for every key: e-mail parts, SMS text, list entries, as ICU messages. */
export type KeyMessages<K extends TemplateKey> = (K extends EmailKey ? EmailMessages : unknown) &
  (K extends SmsKey ? { sms: string } : unknown) &
  (K extends ListKey ? { item: string } : unknown);

export const LAYOUT_ARGS = { preferences: [], footer: ['app'] } as const;

export interface Catalogue {
  /** Words of the e-mail layout shared by every key. */
  layout: { [M in keyof typeof LAYOUT_ARGS]: string };
  messages: { [K in TemplateKey]: KeyMessages<K> };
}
