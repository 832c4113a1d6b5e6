import { IntlMessageFormat } from 'intl-messageformat';
import { AppConfig } from '@app/platform/config/app-config';
import { en } from './catalogues/en';
import { lv } from './catalogues/lv';
import { ru } from './catalogues/ru';
import { type EmailLayoutData, emailHtml, emailText, printableHtml } from './email-layout';
import {
  type Catalogue,
  type EmailKey,
  LANGUAGES,
  type PrepareContext,
  type Prepared,
  type SmsKey,
  TEMPLATES,
  type TemplateKey,
  type TemplateLanguage,
  type TemplateParams,
} from './template-definitions';

export const CATALOGUES: Readonly<Record<TemplateLanguage, Catalogue>> = { lv, ru, en };

/** How ICU messages are parsed everywhere (here and in the catalogue test): `<` in a message is text, not a rich-text tag. */
export const ICU_PARSE_OPTIONS = { ignoreTag: true } as const;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /**
   * List-Unsubscribe (RFC 2369): where the recipient changes their notification preferences. No
   * one-click List-Unsubscribe-Post (RFC 8058): that page needs sign-in, and a provider's POST has no
   * credentials; it needs a signed per-recipient link first.
   */
  headers: Record<string, string>;
}

export type Rendered<K extends TemplateKey> = (K extends EmailKey ? { email: RenderedEmail } : unknown) &
  (K extends SmsKey ? { sms: string } : unknown);

/** English dates the European way (20/10/2026, 18:00): the readers live in Latvia. */
const DATE_LOCALE: Record<TemplateLanguage, string> = { lv: 'lv', ru: 'ru', en: 'en-GB' };

type AnyDefinition = {
  channels: readonly string[];
  prepare(params: unknown, ctx: PrepareContext): Prepared<string, string>;
};
type Values = Record<string, string | number>;

/**
 * Renders a notification key in the recipient's language: the SMS text and/or the e-mail (subject,
 * text and HTML parts, headers). Every message is compiled when this is built, so a broken catalogue
 * stops the worker at start rather than at the first send.
 */
export class Templates {
  private readonly compiled = new Map<string, IntlMessageFormat>();
  /** Built once per language: an Intl formatter costs more to build than every render that uses it. */
  private readonly contexts = new Map<TemplateLanguage, PrepareContext>();
  private readonly publicUrl: string;
  private readonly appName: string;

  constructor(config: AppConfig) {
    this.publicUrl = config.env.PUBLIC_URL.replace(/\/+$/, '');
    this.appName = config.env.APP_NAME;
    for (const language of LANGUAGES) {
      this.contexts.set(language, this.context(language));
      const catalogue = CATALOGUES[language];
      for (const [name, message] of Object.entries(catalogue.layout)) this.compile(language, `layout.${name}`, message);
      for (const [key, parts] of Object.entries(catalogue.messages)) {
        for (const [part, message] of Object.entries(parts as Record<string, string>)) this.compile(language, `${key}.${part}`, message);
      }
    }
  }

  /** Where a recipient switches notifications off: the footer's link and List-Unsubscribe. */
  get preferencesUrl(): string {
    return `${this.publicUrl}/me/notification-preferences`;
  }

  render<K extends TemplateKey>(key: K, language: TemplateLanguage, params: TemplateParams<K>): Rendered<K> {
    const definition = TEMPLATES[key] as unknown as AnyDefinition;
    const prepared = definition.prepare(params, this.contexts.get(language) ?? this.context(language));
    const rendered: { email?: RenderedEmail; sms?: string } = {};
    if (definition.channels.includes('sms')) rendered.sms = this.format(language, `${key}.sms`, { ...prepared.args, link: prepared.link });
    if (definition.channels.includes('email')) rendered.email = this.email(key, language, prepared);
    return rendered as Rendered<K>;
  }

  /**
   * The e-mail's content as a standalone page to print or keep (no button, no footer): attached to
   * e-mails that are documents, such as the monthly grade statement.
   */
  page<K extends EmailKey>(key: K, language: TemplateLanguage, params: TemplateParams<K>): string {
    const definition = TEMPLATES[key] as unknown as AnyDefinition;
    return printableHtml(this.layoutData(key, language, definition.prepare(params, this.contexts.get(language) ?? this.context(language))));
  }

  private email(key: TemplateKey, language: TemplateLanguage, prepared: Prepared<string, string>): RenderedEmail {
    const data = this.layoutData(key, language, prepared);
    return {
      subject: data.subject,
      text: emailText(data),
      html: emailHtml(data),
      headers: {
        'List-Unsubscribe': `<${this.preferencesUrl}>`,
      },
    };
  }

  private layoutData(key: TemplateKey, language: TemplateLanguage, prepared: Prepared<string, string>): EmailLayoutData {
    const message = (part: string, values: Values = prepared.args) => this.format(language, `${key}.${part}`, values);
    const subject = message('subject').replace(/\s+/g, ' ').trim();
    const institution = prepared.args.institution;
    return {
      language,
      subject,
      heading: typeof institution === 'string' ? institution : this.appName,
      paragraphs: message('body').split(/\n{2,}/),
      items: (prepared.items ?? []).map((item) => ({ text: message('item', item.args), link: item.link })),
      table: prepared.table,
      action: message('action'),
      link: prepared.link,
      footer: this.format(language, 'layout.footer', { app: this.appName }),
      preferencesLabel: this.format(language, 'layout.preferences', {}),
      preferencesUrl: this.preferencesUrl,
    };
  }

  private context(language: TemplateLanguage): PrepareContext {
    const dates = new Intl.DateTimeFormat(DATE_LOCALE[language], {
      timeZone: 'Europe/Riga',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    const lists = new Intl.ListFormat(language, { type: 'conjunction', style: 'long' });
    const months = new Intl.DateTimeFormat(DATE_LOCALE[language], { timeZone: 'UTC', month: 'long', year: 'numeric' });
    return {
      language,
      publicUrl: this.publicUrl,
      messageLink: (messageId) => `${this.publicUrl}/messages/${encodeURIComponent(messageId)}`,
      dateTime: (instant) => dates.format(instant),
      list: (names) => lists.format(names),
      month: (month) => months.format(new Date(`${month}-01T00:00:00Z`)),
    };
  }

  private compile(language: TemplateLanguage, id: string, message: string): void {
    this.compiled.set(`${language}:${id}`, new IntlMessageFormat(message, language, undefined, ICU_PARSE_OPTIONS));
  }

  private format(language: TemplateLanguage, id: string, values: Values): string {
    const format = this.compiled.get(`${language}:${id}`);
    if (!format) throw new Error(`No message ${id} in ${language}`);
    return String(format.format(values));
  }
}
