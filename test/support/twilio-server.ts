import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import twilio from 'twilio';
import { smsSize } from '../../libs/notifications/src/sms/segments';

/** An SMS the server accepted (answered 201, or took in and then hung up on, see {@link Scripted}). */
export interface AcceptedSms {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback?: string;
  numSegments: number;
}

/**
 * How the next requests are answered instead of the normal 201:
 * - an HTTP status with Twilio's error JSON (`code`, optional `Retry-After` in seconds);
 * - `hang`: the message is accepted and recorded, but no answer comes (past any client timeout);
 * - `reset`: the message is accepted and recorded, then the connection is destroyed unanswered;
 * - `drop`: the connection is destroyed before the message is created (nothing recorded).
 * The last three are the "it may have gone" cases: the client cannot know whether the SMS exists.
 */
export type Scripted = { status: number; code?: number; message?: string; retryAfterSeconds?: number } | { hang: true } | { reset: true } | { drop: true };

/** How the next list requests are answered instead of the list: an HTTP status with Twilio's error JSON. */
export type ScriptedList = { status: number; code?: number; message?: string };

export interface TwilioServerOptions {
  accountSid: string;
  authToken: string;
  /** Called as each SMS is accepted, e.g. to time it in a benchmark. */
  onAccepted?: (sms: AcceptedSms) => void;
  /**
   * Milliseconds each request waits after it arrived whole before it is recorded and answered: a
   * client that dies meanwhile has still sent its SMS (it is recorded), as with the real API.
   */
  delayMs?: number;
  /** Twilio's clock, stamped as each message's `date_created` (tests pass the app's injected clock). */
  now?: () => Date;
}

const API = '/2010-04-01';

/**
 * A local HTTP server speaking Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`,
 * form fields To/From/Body/StatusCallback, Basic auth; `GET` of the same path lists messages newest
 * first, filtered by To, From and DateSent / DateSent< / DateSent>, one page of PageSize), so the real
 * `twilio` package is tested over real HTTP. Every accepted SMS is recorded in `accepted`; `script()`
 * makes the next sends fail, `scriptList()` the next lists.
 */
export class TwilioServer {
  readonly accepted: AcceptedSms[] = [];
  /** Every send that reached the Messages endpoint, answered or not. */
  requests = 0;
  /** Every list request that reached the Messages endpoint, answered or not. */
  listRequests = 0;
  private readonly scripted: Scripted[] = [];
  private readonly scriptedLists: ScriptedList[] = [];
  /** `date_created` of each accepted SMS, by sid. */
  private readonly created = new Map<string, Date>();
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: TwilioServerOptions,
  ) {}

  static async start(options: TwilioServerOptions): Promise<TwilioServer> {
    let self: TwilioServer | undefined;
    const server = createServer((req, res) => void self?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('TwilioServer: no TCP address');
    self = new TwilioServer(server, `http://127.0.0.1:${address.port}`, options);
    server.on('connection', (socket) => {
      self?.sockets.add(socket);
      socket.on('close', () => self?.sockets.delete(socket));
    });
    return self;
  }

  /** The next `times` requests get `answer` (queued after anything scripted before). */
  script(answer: Scripted, times = 1): void {
    for (let i = 0; i < times; i++) this.scripted.push(answer);
  }

  /** The next `times` list requests get `answer`. */
  scriptList(answer: ScriptedList, times = 1): void {
    for (let i = 0; i < times; i++) this.scriptedLists.push(answer);
  }

  /** The accepted SMS to one number, oldest first. */
  to(number: string): AcceptedSms[] {
    return this.accepted.filter((m) => m.to === number);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const match = new RegExp(`^${API}/Accounts/([^/]+)/Messages\\.json$`).exec(new URL(req.url ?? '/', this.url).pathname);
    if (!match || (req.method !== 'POST' && req.method !== 'GET')) return sendError(res, 404, 20404, 'The requested resource was not found');
    if (req.method === 'GET') this.listRequests++;
    else this.requests++;
    if (!this.authorised(req.headers.authorization)) return sendError(res, 401, 20003, 'Authenticate');
    if (match[1] !== this.options.accountSid) return sendError(res, 404, 20404, 'The requested resource was not found');
    if (req.method === 'GET') return this.list(new URL(req.url ?? '/', this.url).searchParams, res);

    const form = new URLSearchParams(raw);
    const scripted = this.scripted.shift();
    if (scripted && 'drop' in scripted) return void req.socket.destroy();
    if (scripted && 'status' in scripted) {
      const headers: Record<string, string> = scripted.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(scripted.retryAfterSeconds) };
      return sendError(res, scripted.status, scripted.code, scripted.message ?? `Scripted failure ${scripted.code ?? scripted.status}`, headers);
    }
    const to = form.get('To') ?? '';
    const body = form.get('Body') ?? '';
    const from = form.get('From') ?? '';
    if (!to) return sendError(res, 400, 21604, "A 'To' phone number is required.");
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return sendError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from) return sendError(res, 400, 21603, "A 'From' phone number is required.");
    if (!body) return sendError(res, 400, 21602, 'Message body is required.');

    const sms: AcceptedSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from,
      body,
      statusCallback: form.get('StatusCallback') ?? undefined,
      numSegments: smsSize(body).segments,
    };
    this.accepted.push(sms);
    this.created.set(sms.sid, this.now());
    this.options.onAccepted?.(sms);
    if (scripted && 'hang' in scripted) return; // closed by close(), long after the client gave up
    if (scripted && 'reset' in scripted) return void req.socket.destroy();
    sendJson(res, 201, this.resource(sms, 'queued'));
  }

  /**
   * One page of the account's messages, newest first. A message is `queued` (no `date_sent`) in
   * the answer to its create and `sent` once listed: `DateSent` filters see only sent messages, as
   * Twilio's do.
   */
  private list(query: URLSearchParams, res: ServerResponse): void {
    const scripted = this.scriptedLists.shift();
    if (scripted) return sendError(res, scripted.status, scripted.code, scripted.message ?? `Scripted failure ${scripted.code ?? scripted.status}`);
    const pageSize = Math.min(Number(query.get('PageSize')) || 50, 1000);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const bound = (name: string) => (query.get(name) ? Date.parse(query.get(name)!) : undefined);
    const [on, before, after] = [query.get('DateSent'), bound('DateSent<'), bound('DateSent>')];
    const messages = [...this.accepted]
      .reverse()
      .filter((m) => {
        const sent = this.created.get(m.sid)!;
        if (query.get('To') && m.to !== query.get('To')) return false;
        if (query.get('From') && m.from !== query.get('From')) return false;
        if (on && day(sent) !== on.slice(0, 10)) return false;
        if (before !== undefined && sent.getTime() > before) return false;
        return after === undefined || sent.getTime() >= after;
      })
      .slice(0, pageSize);
    const uri = `${API}/Accounts/${this.options.accountSid}/Messages.json`;
    sendJson(res, 200, {
      messages: messages.map((m) => this.resource(m, 'sent')),
      end: Math.max(messages.length - 1, 0),
      first_page_uri: `${uri}?PageSize=${pageSize}&Page=0`,
      // One page is all the server keeps for a lookup; a client sees whether it reached back far enough.
      next_page_uri: null,
      page: 0,
      page_size: pageSize,
      previous_page_uri: null,
      start: 0,
      uri: `${uri}?PageSize=${pageSize}&Page=0`,
    });
  }

  private resource(sms: AcceptedSms, status: 'queued' | 'sent') {
    const stamp = (d: Date) => d.toUTCString().replace('GMT', '+0000');
    const created = stamp(this.created.get(sms.sid)!);
    return {
      account_sid: this.options.accountSid,
      api_version: '2010-04-01',
      body: sms.body,
      date_created: created,
      date_sent: status === 'sent' ? created : null,
      date_updated: created,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: sms.from,
      messaging_service_sid: null,
      num_media: '0',
      num_segments: String(sms.numSegments),
      price: null,
      price_unit: 'USD',
      sid: sms.sid,
      status,
      subresource_uris: { media: `${API}/Accounts/${this.options.accountSid}/Messages/${sms.sid}/Media.json` },
      to: sms.to,
      uri: `${API}/Accounts/${this.options.accountSid}/Messages/${sms.sid}.json`,
    };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private authorised(header: string | undefined): boolean {
    const expected = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`;
    return header === expected;
  }
}

/**
 * Posts a status callback the way Twilio does: form-encoded, signed over `signedUrl` (the public URL
 * the service was told, which differs from where the request really goes behind a proxy) plus the
 * sorted params. `wrongSignature` signs with another token, as a forger would.
 */
export async function sendStatusCallback(
  url: string,
  params: Record<string, string>,
  authToken: string,
  opts: { signedUrl?: string; wrongSignature?: boolean } = {},
): Promise<{ status: number; body: string }> {
  const token = opts.wrongSignature ? `${authToken}-forged` : authToken;
  const signature = twilio.getExpectedTwilioSignature(token, opts.signedUrl ?? url, params);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: await res.text() };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Twilio's (legacy) error shape: `{ code, message, more_info, status }`. */
function sendError(res: ServerResponse, status: number, code: number | undefined, message: string, headers: Record<string, string> = {}): void {
  const moreInfo = code === undefined ? undefined : `https://www.twilio.com/docs/errors/${code}`;
  sendJson(res, status, { code: code ?? null, message, more_info: moreInfo ?? null, status }, headers);
}
