import { createServer } from 'node:net';
import { TwilioServer } from '../../../../test/support/twilio-server';
import { SendFailure } from './sender.ports';
import { TwilioSmsSender, TwilioSettings } from './twilio-sms.sender';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'twilio-secret-auth-token-7f3a9c';
const TO = '+37120000001';

/** Each case over real HTTP: the `twilio` package talks to a local server speaking the Messages API. */
describe('TwilioSmsSender', () => {
  let server: TwilioServer;
  let settings: TwilioSettings;
  let sender: TwilioSmsSender;

  beforeAll(async () => {
    server = await TwilioServer.start({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    settings = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: 'Skola', apiUrl: server.url, timeoutMs: 500 };
    sender = new TwilioSmsSender(settings);
  });
  afterAll(() => server.close());

  const failureOf = async (s: TwilioSmsSender, to = TO): Promise<SendFailure> => {
    const err = await s.send({ deliveryId: 'd-1', to, body: 'Sveiki!' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SendFailure);
    return err as SendFailure;
  };

  it('sends through the API base it is given and returns the sid and the billed segments', async () => {
    const to = '+37120000010';
    const body = `Jauna ziņa: ${'x'.repeat(70)}`; // a Latvian letter: UCS-2, 82 characters, 2 segments
    const accepted = await sender.send({ deliveryId: 'd-ok', to, body, statusCallback: 'https://pasts.example.test/notifications/twilio/status' });

    expect(accepted.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(accepted.segments).toBe(2);
    expect(server.to(to)).toEqual([
      { sid: accepted.providerId, to, from: 'Skola', body, statusCallback: 'https://pasts.example.test/notifications/twilio/status', numSegments: 2 },
    ]);
  });

  it('429 with Retry-After is temporary and keeps the hint', async () => {
    server.script({ status: 429, code: 20429, retryAfterSeconds: 7, message: 'Too Many Requests' });
    const failure = await failureOf(sender);
    expect(failure).toMatchObject({ kind: 'temporary', code: '20429', retryAfterMs: 7000 });
  });

  it('429 without a code or a hint is temporary', async () => {
    server.script({ status: 429 });
    expect(await failureOf(sender)).toMatchObject({ kind: 'temporary', code: '429', retryAfterMs: undefined });
  });

  it('a 5xx is temporary', async () => {
    server.script({ status: 503 });
    expect(await failureOf(sender)).toMatchObject({ kind: 'temporary', code: '503' });
  });

  it('an invalid number (the server refuses a To that is not E.164) is permanent with code 21211', async () => {
    const before = server.accepted.length;
    expect(await failureOf(sender, '0037120000001')).toMatchObject({ kind: 'permanent', code: '21211' });
    expect(server.accepted).toHaveLength(before);
  });

  it.each([21211, 21614, 21612, 21610])('code %i is permanent and kept', async (code) => {
    server.script({ status: 400, code });
    expect(await failureOf(sender)).toMatchObject({ kind: 'permanent', code: String(code) });
  });

  it.each([21606, 21408])('code %i (our sender or account) is a configuration failure', async (code) => {
    server.script({ status: 400, code });
    expect(await failureOf(sender)).toMatchObject({ kind: 'configuration', code: String(code) });
  });

  it('wrong credentials (401, 20003) are a configuration failure that never shows the token', async () => {
    const wrong = new TwilioSmsSender({ ...settings, authToken: 'not-the-right-token-123' });
    const failure = await failureOf(wrong);
    expect(failure).toMatchObject({ kind: 'configuration', code: '20003' });
    const shown = `${failure.message} ${String(failure)} ${JSON.stringify(failure)} ${failure.stack}`;
    expect(shown).not.toContain('not-the-right-token-123');
  });

  it('a timeout after the request left is unknown, and the SMS did reach the provider', async () => {
    const to = '+37120000011';
    server.script({ hang: true });
    const failure = await failureOf(sender, to);
    expect(failure).toMatchObject({ kind: 'unknown', code: 'ETIMEDOUT' });
    expect(failure.message).not.toContain(AUTH_TOKEN);
    expect(server.to(to)).toHaveLength(1);
  });

  it('a connection reset after the request left is unknown', async () => {
    const to = '+37120000012';
    server.script({ reset: true });
    expect(await failureOf(sender, to)).toMatchObject({ kind: 'unknown', code: 'ECONNRESET' });
    expect(server.to(to)).toHaveLength(1);
  });

  describe('find', () => {
    const lookup = (to: string, body: string, handedAt = new Date()) => sender.find({ deliveryId: 'd-find', to, handedAt, isOurs: (listed) => listed === body });

    it('finds an SMS Twilio created although the send timed out, by number, sender and text', async () => {
      const to = '+37120000020';
      await sender.send({ deliveryId: 'd-other', to, body: 'Cita ziņa' });
      server.script({ hang: true });
      await failureOf(sender, to);
      const [, ours] = server.to(to);
      expect(await lookup(to, 'Sveiki!')).toEqual({ found: [{ providerId: ours.sid, status: 'sent', errorCode: null, segments: 1 }] });
    });

    it('answers absent when the list covers the window and holds no such text, and ignores messages outside the window', async () => {
      const to = '+37120000021';
      await sender.send({ deliveryId: 'd-old', to, body: 'Sveiki!' });
      expect(await lookup(to, 'Sveiki!', new Date(Date.now() + 3600_000))).toBe('absent');
      expect(await lookup('+37120000022', 'Sveiki!')).toBe('absent');
    });

    it('throws a SendFailure without the credentials when the list fails', async () => {
      server.scriptList({ status: 503 });
      const err = await lookup(TO, 'Sveiki!').catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'temporary', code: '503' });
      expect(JSON.stringify(err) + String((err as Error).stack)).not.toContain(AUTH_TOKEN);
    });
  });

  it('a refused connection (nothing sent) is temporary', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const unreachable = new TwilioSmsSender({ ...settings, apiUrl: `http://127.0.0.1:${closedPort}` });
    expect(await failureOf(unreachable)).toMatchObject({ kind: 'temporary', code: 'ECONNREFUSED' });
  });
});
