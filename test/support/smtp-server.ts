import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** One message the server accepted, parsed back the way a mail client would read it. */
export interface ReceivedMail {
  envelope: { mailFrom: string | null; rcptTo: string[] };
  messageId: string | undefined;
  subject: string | undefined;
  text: string | undefined;
  html: string | undefined;
  /** Header values by lower-case name, unfolded, as they were on the wire (the last one wins). */
  headers: Record<string, string>;
  /** Addresses of the To header. */
  to: string[];
  /** Attached files, their content decoded as UTF-8 text. */
  attachments: { filename: string | undefined; contentType: string; content: string }[];
}

/** 451 is temporary (the client should try again later), 550 permanent. */
export type RefusalCode = 451 | 550;
export type RefusalStage = 'rcpt' | 'data';

export interface TestSmtpServerOptions {
  /** Called as each message is accepted (before the reply), e.g. to time it in a benchmark. */
  onAccepted?: (mail: ReceivedMail) => void;
  /**
   * Milliseconds each message waits after its DATA arrived before it is recorded and answered, like
   * a busy provider: a client that dies meanwhile has sent a message that is delivered all the same.
   */
  delayMs?: number;
}

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
}

/**
 * A real SMTP server on 127.0.0.1 for tests: senders talk to it over TCP exactly as to a provider.
 * It records every accepted message and can be told to refuse the next messages with a 4xx or 5xx
 * (at RCPT TO or after DATA), counting how many it refused, so fault tests can count "0 lost, 0 twice".
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  /** Messages refused so far, by code. */
  readonly refused: Record<RefusalCode, number> = { 451: 0, 550: 0 };
  private refusals: { remaining: number; code: RefusalCode; stage: RefusalStage } | null = null;
  private waiters: Waiter[] = [];
  private port = 0;

  private constructor(
    private readonly server: SMTPServer,
    private readonly options: TestSmtpServerOptions,
  ) {}

  /** Errors of client connections (resets by a killed client), in order. */
  readonly connectionErrors: Error[] = [];

  static async start(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
    let self: TestSmtpServer | undefined;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (_address, _session, callback) => callback(self!.refusal('rcpt')),
      onData: (stream, session, callback) => self!.receive(stream, session, callback),
    });
    self = new TestSmtpServer(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    self.port = (server.server.address() as AddressInfo).port;
    // A client killed mid-session (the SIGKILL test) resets its connection; smtp-server reports that as
    // an 'error' event, which unheard would crash the test process. It is kept for tests to inspect.
    server.on('error', (err: Error) => self!.connectionErrors.push(err));
    return self;
  }

  /** The value for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Refuse the next `count` messages with `code` at `stage`, then accept again. */
  refuseNext(count: number, code: RefusalCode, stage: RefusalStage = 'rcpt'): void {
    this.refusals = { remaining: count, code, stage };
  }

  /** Accepted messages with this Message-ID (`<…>`). */
  withMessageId(messageId: string): ReceivedMail[] {
    return this.received.filter((m) => m.messageId === messageId);
  }

  /** Resolves with the first accepted message (already received or still to come) that matches. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 10_000): Promise<ReceivedMail> {
    const found = this.received.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (mail) => {
          clearTimeout(timer);
          resolve(mail);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`TestSmtpServer: no matching message within ${timeoutMs} ms (${this.received.length} received)`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The scripted refusal for this stage, if one is due; each refused message uses one up. */
  private refusal(stage: RefusalStage): Error | null {
    const r = this.refusals;
    if (!r || r.stage !== stage || r.remaining <= 0) return null;
    r.remaining -= 1;
    this.refused[r.code] += 1;
    const err = new Error(r.code === 451 ? 'Try again later (test refusal)' : 'Mailbox unavailable (test refusal)') as Error & {
      responseCode: number;
    };
    err.responseCode = r.code;
    return err;
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => void this.settle(chunks, session, callback));
  }

  private async settle(chunks: Buffer[], session: SMTPServerSession, callback: (err?: Error | null) => void): Promise<void> {
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    const refused = this.refusal('data');
    if (refused) return callback(refused);
    // Recorded before the reply, so a client whose send resolved finds its message here.
    simpleParser(Buffer.concat(chunks)).then(
      (parsed) => {
        const headers: Record<string, string> = {};
        for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
        const toField = parsed.to === undefined ? [] : Array.isArray(parsed.to) ? parsed.to : [parsed.to];
        const mail: ReceivedMail = {
          envelope: {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            rcptTo: session.envelope.rcptTo.map((a) => a.address),
          },
          messageId: parsed.messageId,
          subject: parsed.subject,
          text: parsed.text,
          html: parsed.html === false ? undefined : parsed.html,
          headers,
          to: toField.flatMap((group) => group.value.map((a) => a.address ?? '')),
          attachments: parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString('utf8') })),
        };
        this.received.push(mail);
        this.options.onAccepted?.(mail);
        this.waiters = this.waiters.filter((w) => {
          if (!w.predicate(mail)) return true;
          w.resolve(mail);
          return false;
        });
        callback();
      },
      (err: Error) => callback(err),
    );
  }
}
