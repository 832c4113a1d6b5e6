import { AsyncLocalStorage } from 'node:async_hooks';
import { Agent } from 'node:http';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { MessageInstance, MessagePage } from 'twilio/lib/rest/api/v2010/account/message';
import { smsSize } from '@app/notifications/sms/segments';
import type { AppConfig } from '@app/platform/config/app-config';
import { OutgoingSms, SendFailure, SendFailureKind, SmsAccepted, SmsLookup, SmsLookupResult, SmsSender } from './sender.ports';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  /** Twilio's API base (`https://api.twilio.com`), or a local server in tests. */
  apiUrl: string;
  /** How long one request may take before its outcome counts as unknown. */
  timeoutMs?: number;
}

/** The Twilio settings when all three credentials are set; otherwise SMS go to the file outbox. */
export function twilioSettings(config: AppConfig): TwilioSettings | null {
  const { TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_API_URL: apiUrl } = config.env;
  return accountSid && authToken && from ? { accountSid, authToken, from, apiUrl, timeoutMs: config.env.TWILIO_TIMEOUT } : null;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * Messages read per lookup: one page, newest first. Far more than one number gets from us in the
 * minutes a lookup covers, so a full page that does not reach back before the window is "unsure".
 */
const LOOKUP_PAGE = 50;
/** How far Twilio's clock may be from ours when its `date_created` is compared with our `handed_at`. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Concurrent requests to Twilio: the package's own default for its https agent. */
const TWILIO_MAX_SOCKETS = 20;

/** Sent, then refused: nothing left Twilio, so nothing is lost by trying again or giving up. */
const PERMANENT_CODES = new Set([21211, 21612, 21614, 21610]);
/** Our account or sender is wrong: every SMS would fail the same way until an operator acts. */
const CONFIGURATION_CODES = new Set([20003, 21606, 21408]);
/** Failed before a byte of the request left, so the SMS certainly was not sent. */
const NOT_SENT_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The response headers of the request made inside the current send (Retry-After is not on Twilio's exceptions). */
const responseHeaders = new AsyncLocalStorage<{ headers?: Record<string, unknown> }>();

/** Sends every request to `apiUrl`'s origin instead of *.twilio.com, keeping path and query. */
class RetargetedRequestClient extends twilio.RequestClient {
  constructor(
    private readonly origin: string,
    opts: RequestClient.RequestClientOptions,
  ) {
    super(opts);
    // The package sets a keep-alive agent for https only; a plain-http API base (a local server)
    // would otherwise go through the global agent, without its socket limit.
    this.axios.defaults.httpAgent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? TWILIO_MAX_SOCKETS });
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const original = new URL(opts.uri);
    const response = await super.request<TData>({ ...opts, uri: new URL(original.pathname + original.search, this.origin).href });
    const store = responseHeaders.getStore();
    if (store) store.headers = response.headers as Record<string, unknown>;
    return response;
  }
}

/**
 * SMS through Twilio's Messages API with the `twilio` package. Never retries by itself (autoRetry
 * off): the delivery row decides, and a blind retry after a timeout could send the SMS twice.
 */
export class TwilioSmsSender extends SmsSender {
  private readonly client: twilio.Twilio;
  private readonly timeoutMs: number;

  constructor(private readonly settings: TwilioSettings) {
    super();
    const timeout = (this.timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    this.client = twilio(settings.accountSid, settings.authToken, {
      httpClient: new RetargetedRequestClient(new URL(settings.apiUrl).origin, { timeout, autoRetry: false }),
      autoRetry: false,
      timeout,
    });
  }

  override async send(sms: OutgoingSms): Promise<SmsAccepted> {
    const context: { headers?: Record<string, unknown> } = {};
    try {
      const message = await responseHeaders.run(context, () =>
        this.client.messages.create({ to: sms.to, from: this.settings.from, body: sms.body, statusCallback: sms.statusCallback }),
      );
      // Twilio's count is what is billed; our own count stands in should an answer lack it.
      return { providerId: message.sid, segments: Number(message.numSegments) || smsSize(sms.body).segments };
    } catch (err) {
      throw toSendFailure(err, context.headers);
    }
  }

  /**
   * Reads the newest messages to the number from our sender (one page of the Messages list) and
   * keeps those created while the request could have been in flight whose text is ours. Not filtered
   * by `DateSent`: that is the date Twilio passed the message on, empty while it is still queued,
   * which is exactly when a filter by it would hide it (and the SMS would be sent twice).
   */
  override async find(sms: SmsLookup): Promise<SmsLookupResult> {
    const from = sms.handedAt.getTime() - CLOCK_SKEW_MS;
    const until = sms.handedAt.getTime() + this.timeoutMs + CLOCK_SKEW_MS;
    let listed: MessagePage;
    try {
      listed = await this.client.messages.page({ to: sms.to, from: this.settings.from, pageSize: LOOKUP_PAGE });
    } catch (err) {
      throw toSendFailure(err);
    }
    const messages = listed.instances;
    const created = (m: MessageInstance) => m.dateCreated?.getTime() ?? NaN;
    const found = messages
      .filter((m) => m.direction !== 'inbound' && created(m) >= from && created(m) <= until && sms.isOurs(m.body ?? ''))
      .sort((a, b) => created(a) - created(b))
      .map((m) => ({ providerId: m.sid, status: m.status, errorCode: m.errorCode == null ? null : String(m.errorCode), segments: Number(m.numSegments) || null }));
    if (found.length) return { found };
    // Newest first: the window is covered when the list ends, or reaches back before it.
    return messages.length < LOOKUP_PAGE || messages.some((m) => created(m) < from) ? 'absent' : 'unsure';
  }
}

/**
 * What a failed `messages.create` means for the delivery. Messages are ours, built from status,
 * code and errno only: the library's errors carry the request (and its Authorization header).
 */
export function toSendFailure(err: unknown, headers?: Record<string, unknown>): SendFailure {
  const e = err as { status?: unknown; code?: unknown; message?: unknown };
  if (typeof e?.status === 'number') {
    const status = e.status;
    const code = typeof e.code === 'number' ? e.code : undefined;
    const label = code === undefined ? `HTTP ${status}` : `HTTP ${status}, code ${code}`;
    const failure = (kind: SendFailureKind, retryAfterMs?: number) =>
      new SendFailure(kind, String(code ?? status), `Twilio refused the SMS (${label})`, retryAfterMs);
    if (status === 429 || code === 20429) return failure('temporary', retryAfterMs(headers));
    if (code !== undefined && CONFIGURATION_CODES.has(code)) return failure('configuration');
    if (code !== undefined && PERMANENT_CODES.has(code)) return failure('permanent');
    if (status >= 500) return failure('temporary', retryAfterMs(headers));
    if (status === 401 || status === 403) return failure('configuration');
    // Any other 4xx: Twilio looked at this request and said no; sending it again changes nothing.
    return failure('permanent');
  }
  const errno = typeof e?.code === 'string' ? e.code : 'UNKNOWN';
  if (NOT_SENT_ERRNOS.has(errno)) return new SendFailure('temporary', errno, `Twilio unreachable (${errno})`);
  // A timeout (axios: ECONNABORTED) or a reset after the request was written: Twilio may have the SMS.
  const code = errno === 'ECONNABORTED' ? 'ETIMEDOUT' : errno;
  return new SendFailure('unknown', code, `No answer from Twilio (${code}); the SMS may have been sent`);
}

function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
  const value = headers?.['retry-after'];
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  // An HTTP date is relative to the provider's clock; only its distance from the response matters.
  const date = typeof headers?.date === 'string' ? Date.parse(headers.date) : NaN;
  return Number.isFinite(at) && Number.isFinite(date) ? Math.max(0, at - date) : undefined;
}
