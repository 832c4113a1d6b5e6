import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { DeliveryStatus, NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { SmsOptOut } from '../../libs/notifications/src/sms/sms-opt-out.entity';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { twilioStatusCallbackUrl } from '../../apps/worker/src/delivery-status/twilio-status.service';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';
import { sendStatusCallback } from '../support/twilio-server';

const PUBLIC_URL = 'https://pasts.example.test';
const AUTH_TOKEN = 'e2e-twilio-auth-token-5b1d0c9e';
const TWILIO_ENV = { TWILIO_ACCOUNT_SID: `AC${'ab'.repeat(16)}`, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_FROM: 'Skola', PUBLIC_URL };
const SIGNED_FOR = `${PUBLIC_URL}/notifications/twilio/status`;

const newSid = () => `SM${randomBytes(16).toString('hex')}`;

/** Twilio's status callbacks through the real app: signature against PUBLIC_URL, status only forward. */
describe('POST /notifications/twilio/status', () => {
  let t: TestApp;
  let endpoint: string;

  beforeAll(async () => {
    t = await createTestApp({ env: TWILIO_ENV });
    endpoint = `${t.url}/notifications/twilio/status`;
  });
  afterAll(() => t.close());

  const insertDelivery = async (status: DeliveryStatus, providerId: string | null) => {
    const em = t.app.get(MikroORM).em.fork();
    const row = em.create(NotificationDelivery, {
      eventId: randomUUID(),
      userId: randomUUID(),
      channel: 'sms',
      category: 'message',
      status,
      providerId,
      availableAt: t.clock.now(),
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    await em.flush();
    return row.id;
  };
  const load = (id: string) => t.app.get(MikroORM).em.fork().findOneOrFail(NotificationDelivery, id);

  /** Posts a callback signed the way Twilio signs it: over the public URL it was given. */
  const report = (params: Record<string, string>, opts: { search?: string; wrongSignature?: boolean; signedUrl?: string } = {}) =>
    sendStatusCallback(`${endpoint}${opts.search ?? ''}`, { AccountSid: TWILIO_ENV.TWILIO_ACCOUNT_SID, ...params }, AUTH_TOKEN, {
      signedUrl: opts.signedUrl ?? `${SIGNED_FOR}${opts.search ?? ''}`,
      wrongSignature: opts.wrongSignature,
    });

  it('accepts a validly signed report without a bearer token and moves the delivery forward', async () => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    const res = await report({ MessageSid: sid, MessageStatus: 'delivered' });
    expect(res.status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'delivered', settledAt: new Date(TEST_NOW), providerId: sid });
  });

  it.each<[string, { wrongSignature?: boolean; ownUrl?: boolean }]>([
    ['a signature made with another token', { wrongSignature: true }],
    ["a signature over the request's own URL instead of PUBLIC_URL", { ownUrl: true }],
  ])('refuses %s with 403 and changes nothing', async (_, opts) => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    const res = await report(
      { MessageSid: sid, MessageStatus: 'failed', ErrorCode: '30008' },
      { wrongSignature: opts.wrongSignature, signedUrl: opts.ownUrl ? endpoint : undefined },
    );
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('INVALID_SIGNATURE');
    expect(await load(id)).toMatchObject({ status: 'sent', reason: null, settledAt: null });
  });

  it('refuses a report without a signature', async () => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ MessageSid: sid, MessageStatus: 'delivered' }).toString(),
    });
    expect(res.status).toBe(403);
    expect((await load(id)).status).toBe('sent');
  });

  it('ignores a late "sent" after "delivered", and a repeated "delivered"', async () => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    expect((await report({ MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
    const settledAt = t.clock.now();
    t.clock.advanceMinutes(3);
    expect((await report({ MessageSid: sid, MessageStatus: 'sent' })).status).toBe(204);
    expect((await report({ MessageSid: sid, MessageStatus: 'delivered' })).status).toBe(204);
    expect((await report({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30005' })).status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'delivered', settledAt, updatedAt: settledAt, reason: null });
  });

  it('records why the carrier gave up', async () => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    expect((await report({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '30005' })).status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'undelivered', reason: '30005', settledAt: t.clock.now() });
  });

  it('settles an unknown send with an early status as sent, and with a final one as final', async () => {
    const queuedSid = newSid();
    const queued = await insertDelivery('unknown', queuedSid);
    const deliveredSid = newSid();
    const delivered = await insertDelivery('unknown', deliveredSid);
    expect((await report({ MessageSid: queuedSid, MessageStatus: 'queued' })).status).toBe(204);
    expect((await report({ MessageSid: deliveredSid, MessageStatus: 'delivered' })).status).toBe(204);
    expect(await load(queued)).toMatchObject({ status: 'sent', sentAt: t.clock.now() });
    expect(await load(delivered)).toMatchObject({ status: 'delivered', settledAt: t.clock.now() });
  });

  it('finds an unknown send that never learned its sid through the delivery id in its callback URL', async () => {
    const id = await insertDelivery('unknown', null);
    const sid = newSid();
    const callback = new URL(twilioStatusCallbackUrl(loadConfig({ ...TWILIO_ENV, NODE_ENV: 'test' }), id));
    expect(callback.origin + callback.pathname).toBe(SIGNED_FOR);
    expect((await report({ MessageSid: sid, MessageStatus: 'sent' }, { search: callback.search })).status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'sent', providerId: sid });
  });

  it('does not let the delivery id in the URL override a sid the delivery already has', async () => {
    const ownSid = newSid();
    const id = await insertDelivery('sent', ownSid);
    const res = await report({ MessageSid: newSid(), MessageStatus: 'failed', ErrorCode: '30008' }, { search: `?delivery=${id}` });
    expect(res.status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'sent', providerId: ownSid, reason: null });
  });

  it('acknowledges a report about an unknown sid (Twilio would retry otherwise) and changes nothing', async () => {
    const id = await insertDelivery('sent', newSid());
    expect((await report({ MessageSid: newSid(), MessageStatus: 'failed', ErrorCode: '30008' })).status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'sent', reason: null });
  });

  it('remembers a number reported as unsubscribed (21610) for a delivery we sent, and only then', async () => {
    const phone = `+3712${String(Date.now()).slice(-7)}`;
    const other = `+3712${String(Date.now() + 1).slice(-7)}`;
    const optedOut = (to: string) => t.app.get(MikroORM).em.fork().findOne(SmsOptOut, { phone: to });
    expect((await report({ MessageSid: newSid(), MessageStatus: 'undelivered', ErrorCode: '21610', To: other })).status).toBe(204);
    expect(await optedOut(other)).toBeNull();
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    expect((await report({ MessageSid: sid, MessageStatus: 'undelivered', ErrorCode: '21610', To: phone })).status).toBe(204);
    expect(await load(id)).toMatchObject({ status: 'undelivered', reason: '21610' });
    expect(await optedOut(phone)).toMatchObject({ optedOutAt: t.clock.now() });
  });

  it('puts the form body through the input guard', async () => {
    const sid = newSid();
    const id = await insertDelivery('sent', sid);
    const res = await report({ MessageSid: sid, MessageStatus: 'delivered', Body: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    expect((await load(id)).status).toBe('sent');
  });

  it('parses form bodies on this route only', async () => {
    const res = await t.http.post('/auth/login').type('form').send({ username: 'nobody', password: 'nothing-at-all' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /notifications/twilio/status without Twilio configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL, TWILIO_AUTH_TOKEN: AUTH_TOKEN } });
    // Closing the app while its BullMQ connections still initialise raises an unhandled
    // "Connection is closed"; /health waits for every queue to answer.
    await t.http.get('/health');
  });
  afterAll(() => t.close());

  it('refuses every report with 403', async () => {
    const res = await sendStatusCallback(`${t.url}/notifications/twilio/status`, { MessageSid: newSid(), MessageStatus: 'delivered' }, AUTH_TOKEN, {
      signedUrl: SIGNED_FOR,
    });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('INVALID_SIGNATURE');
  });
});
