import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { MikroORM } from '@mikro-orm/core';
import { Group } from '../../libs/directory/src/entities';
import { InstitutionClosure } from '../../libs/directory/src/entities/institution-closure.entity';
import { insertRows } from '../../libs/persistence/src/insert-rows';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Message, MessageRecipient } from '../../libs/post/src';
import { THREAD_MAX_MESSAGES } from '../../apps/mail/src/mailbox/mailbox.service';
import { bearer } from '../support/fixtures';
import { buildSchool, type Member, type School } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * What an attacker probing the running service found: each input gets a clear 4xx with a stable
 * code, never a 500 and never a silent change, and nothing is stored.
 */
describe('input hardening: hostile input gets a 4xx with a code and changes nothing', () => {
  let t: TestApp;
  let s: School;
  const em = () => t.app.get(MikroORM).em.fork();
  const messagesBy = (who: Member) => em().count(Message, { sender: who.id });

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock('2026-10-14T07:00:00Z') });
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  const message = (extra: Record<string, unknown> = {}) => ({
    institutionId: s.inst,
    subject: 'Ekskursija',
    body: '<p>Piektdien dosimies uz muzeju.</p>',
    to: { users: [s.parent3.id] },
    ...extra,
  });
  const send = (who: Member, body: Record<string, unknown>) => t.http.post('/messages').set(bearer(who.token)).send(body);
  /** A body sent byte for byte, for what JSON.stringify would not write (lone surrogates, __proto__). */
  const sendRaw = (who: Member, text: string | Buffer, headers: Record<string, string> = {}) =>
    t.http.post('/messages').set(bearer(who.token)).set({ 'Content-Type': 'application/json', ...headers }).send(text);
  const failure = (res: { status: number; body: { error?: { code?: string; details?: { field?: string }[] } } }) => ({
    status: res.status,
    code: res.body.error?.code,
    fields: res.body.error?.details?.map((d) => d.field),
  });

  /** Each case must be refused with VALIDATION_FAILED naming the field, and the sender stores nothing. */
  async function expectRefusedFields(who: Member, cases: [Record<string, unknown>, string][]) {
    const before = await messagesBy(who);
    for (const [body, field] of cases) {
      const res = await send(who, body);
      expect({ sent: body, ...failure(res) }).toEqual({ sent: body, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    expect(await messagesBy(who)).toBe(before);
  }

  it('refuses a NUL character in a subject, a body and a reply (was a 500)', async () => {
    await expectRefusedFields(s.teacherA, [
      [message({ subject: 'Ekskursija\u0000' }), 'subject'],
      [message({ body: '<p>Piektdien\u0000</p>' }), 'body'],
    ]);
    const first = await send(s.teacherA, message()).expect(201);
    const before = await messagesBy(s.parent3);
    const reply = await t.http.post(`/messages/${first.body.id}/replies`).set(bearer(s.parent3.token)).send({ body: 'Paldies\u0000' });
    expect(failure(reply)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['body'] });
    expect(await messagesBy(s.parent3)).toBe(before);
  });

  it('refuses a Content-Encoding it does not accept with 415 UNSUPPORTED_CONTENT_ENCODING (a plain body labelled gzip was a 500)', async () => {
    const before = await messagesBy(s.teacherA);
    const text = JSON.stringify(message({ subject: 'Gzip' }));
    for (const body of [text, gzipSync(text)]) {
      const res = await sendRaw(s.teacherA, body, { 'Content-Encoding': 'gzip' });
      expect(failure(res)).toEqual({ status: 415, code: 'UNSUPPORTED_CONTENT_ENCODING', fields: undefined });
      expect(res.headers['accept-encoding']).toBe('identity');
    }
    expect(await messagesBy(s.teacherA)).toBe(before);
    // identity is no encoding at all
    await sendRaw(s.teacherA, text, { 'Content-Encoding': 'identity' }).expect(201);
  });

  it('refuses JSON nested deeper than any request needs with 400 BODY_TOO_DEEP (20,000 deep was a 500)', async () => {
    const before = await messagesBy(s.teacherA);
    for (const depth of [20_000, 40]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const res = await sendRaw(s.teacherA, `{"institutionId":"${s.inst}","subject":"Dziļi","body":"x","to":{"users":${deep}}}`);
      expect(failure(res)).toEqual({ status: 400, code: 'BODY_TOO_DEEP', fields: undefined });
    }
    expect(await messagesBy(s.teacherA)).toBe(before);
  });

  it('refuses a cursor whose id is not a UUID or whose time is not an instant with 400 INVALID_CURSOR (was a 500)', async () => {
    const cursor = (at: string, id: unknown) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
    const bad = [
      cursor('2026-10-14T07:00:00.000Z', 'not-a-uuid'),
      cursor('2026-10-14T07:00:00.000Z', 42),
      cursor('2026-10-14T07:00', randomUUID()),
      cursor('1', randomUUID()),
      'bm9wZQ',
    ];
    for (const folder of ['inbox', 'sent', 'archive']) {
      for (const c of bad) {
        const res = await t.http.get(`/messages/${folder}?cursor=${c}`).set(bearer(s.teacherA.token));
        expect({ folder, c, ...failure(res) }).toEqual({ folder, c, status: 400, code: 'INVALID_CURSOR', fields: ['cursor'] });
      }
    }
    await t.http.get(`/messages/sent?cursor=${cursor('2026-10-14T07:00:00.000Z', randomUUID())}`).set(bearer(s.teacherA.token)).expect(200);
  });

  it('refuses subjects and bodies that are only whitespace or invisible characters', async () => {
    await expectRefusedFields(s.teacherA, [
      [message({ subject: '\u200B\u200C\u200D' }), 'subject'],
      [message({ subject: '\u2060\uFEFF \u00A0' }), 'subject'],
      [message({ subject: '   ' }), 'subject'],
      [message({ body: '\u200B\u200D\uFEFF' }), 'body'],
      [message({ body: ' \n\t ' }), 'body'],
    ]);
    const first = await send(s.teacherA, message()).expect(201);
    const reply = await t.http.post(`/messages/${first.body.id}/replies`).set(bearer(s.parent3.token)).send({ body: '\u2060\u200B' });
    expect(failure(reply)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['body'] });
    // Invisible text inside markup: only the sanitised text shows it is empty.
    const subject = `Tukšs ${randomUUID().slice(0, 8)}`;
    const markup = await send(s.teacherA, message({ subject, body: '<p>\u200B</p><p>&#8203;\u2060</p>' }));
    expect({ status: markup.status, code: markup.body.error?.code }).toEqual({ status: 422, code: 'EMPTY_MESSAGE' });
    const stored = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(stored.body.items.filter((m: { subject: string }) => m.subject === subject)).toEqual([]);
  });

  it('refuses right-to-left overrides and other bidi controls in subjects, names and reasons; bodies refuse overrides and embeddings', async () => {
    await expectRefusedFields(s.teacherA, [
      [message({ subject: 'Rēķins \u202Efdp.exe' }), 'subject'],
      [message({ subject: 'Rēķins \u2067x\u2069' }), 'subject'],
      [message({ body: '<p>Rēķins \u202Efdp.exe</p>' }), 'body'],
      [message({ body: '<p>Rēķins \u202Bx\u202C</p>' }), 'body'],
    ]);
    const name = `1.c \u202E${randomUUID().slice(0, 6)}`;
    const group = await t.http
      .post(`/institutions/${s.inst}/groups`)
      .set(bearer(s.head.token))
      .send({ name, kind: 'class', schoolYear: '2026/2027' });
    expect(failure(group)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['name'] });
    expect(await em().count(Group, { institution: s.inst, name })).toBe(0);
    const reason = `Brīvdienas \u202E${randomUUID().slice(0, 6)}`;
    const closure = await t.http
      .post(`/institutions/${s.inst}/closures`)
      .set(bearer(s.head.token))
      .send({ from: '2026-10-26', to: '2026-10-30', reason });
    expect(failure(closure)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['reason'] });
    expect(await em().count(InstitutionClosure, { institution: s.inst, reason })).toBe(0);
    // An isolate is how mixed-direction text is written correctly, so a body may carry one.
    await send(s.teacherA, message({ body: '<p>Vārds: \u2067שלום\u2069.</p>' })).expect(201);
  });

  it('refuses strings that are not well-formed Unicode (lone surrogates)', async () => {
    const before = await messagesBy(s.teacherA);
    const base = JSON.stringify(message());
    for (const [raw, field] of [
      [base.replace('"Ekskursija"', '"Ekskursija \\ud800"'), 'subject'],
      [base.replace('muzeju.', 'muzeju \\udc00.'), 'body'],
    ]) {
      const res = await sendRaw(s.teacherA, raw);
      expect(failure(res)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    expect(await messagesBy(s.teacherA)).toBe(before);
  });

  it('refuses __proto__, constructor and prototype keys with 400 FORBIDDEN_KEY instead of dropping them', async () => {
    const before = await messagesBy(s.teacherA);
    const base = JSON.stringify(message()).slice(1);
    for (const [raw, field] of [
      [`{"__proto__":{"isAdmin":true},${base}`, '__proto__'],
      [`{"constructor":{"prototype":{"x":1}},${base}`, 'constructor'],
      [`{"to":{"users":["${s.parent3.id}"],"prototype":1},${base.replace(/"to":\{[^}]*\}/, '"priority":"normal"')}`, 'to.prototype'],
    ]) {
      const res = await sendRaw(s.teacherA, raw);
      expect({ raw, ...failure(res) }).toEqual({ raw, status: 400, code: 'FORBIDDEN_KEY', fields: [field] });
    }
    expect(await messagesBy(s.teacherA)).toBe(before);
  });

  it('refuses page=1e308 and other non-decimal or huge numbers in queries', async () => {
    const cases: [string, string][] = [
      [`/institutions/${s.inst}/people?page=1e308`, 'page'],
      [`/institutions/${s.inst}/people?page=99999999999999999999`, 'page'],
      [`/institutions/${s.inst}/people?page=1.5`, 'page'],
      [`/institutions/${s.inst}/people?pageSize=1e1`, 'pageSize'],
      [`/institutions/${s.inst}/people?pageSize=0x10`, 'pageSize'],
      ['/messages/inbox?limit=1e1', 'limit'],
      ['/messages/inbox?limit=%2010', 'limit'],
      ['/moderation/queue?limit=5.0', 'limit'],
    ];
    for (const [path, field] of cases) {
      const res = await t.http.get(path).set(bearer(s.head.token));
      expect({ path, ...failure(res) }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    const ok = await t.http.get(`/institutions/${s.inst}/people?page=2&pageSize=10`).set(bearer(s.head.token)).expect(200);
    expect(ok.body).toMatchObject({ page: 2, pageSize: 10 });
  });

  it('refuses instants without an offset and ISO week dates, which would depend on the server’s time zone', async () => {
    await expectRefusedFields(
      s.teacherA,
      ['2026-12-03T10:00', '2026-W49-4', '2026-12-03', '2026-12-03T10:00:00.000', '20261203T100000Z'].map((ackDeadline) => [
        message({ requiresAck: true, ackDeadline }),
        'ackDeadline',
      ]),
    );
    for (const [path, field] of [
      ['/messages/inbox?since=2026-10-14T07:00', 'since'],
      ['/messages/inbox?since=2026-W42-3', 'since'],
      [`/institutions/${s.inst}/audit?from=2026-W42-3`, 'from'],
      [`/institutions/${s.inst}/audit?to=2026-10-14T07:00`, 'to'],
    ]) {
      const res = await t.http.get(path).set(bearer(s.head.token));
      expect({ path, ...failure(res) }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    const sent = await send(s.teacherA, message({ requiresAck: true, ackDeadline: '2026-12-03T10:00:00+02:00' })).expect(201);
    const stored = await em().findOneOrFail(Message, sent.body.id);
    expect(stored.ackDeadline?.toISOString()).toBe('2026-12-03T08:00:00.000Z');
    const since = await t.http.get('/messages/inbox?since=2026-10-14T06:59:59.999Z').set(bearer(s.parent3.token)).expect(200);
    expect(since.body.items.map((i: { id: string }) => i.id)).toContain(sent.body.id);
  });

  it('loads only the newest messages of a long thread and says there are more', async () => {
    const first = await send(s.teacherB, { ...message(), to: { users: [s.parentB.id] } }).expect(201);
    const start = new Date('2026-10-14T07:00:01Z').getTime();
    const replies = Array.from({ length: THREAD_MAX_MESSAGES }, (_, i) => ({
      id: randomUUID(),
      at: new Date(start + i * 1000),
      sender: i % 2 ? s.teacherB.id : s.parentB.id,
      to: i % 2 ? s.parentB.id : s.teacherB.id,
    }));
    const rows = (r: (typeof replies)[number]) => ({
      id: r.id,
      institution: s.inst,
      sender: r.sender,
      subject: 'Re: Ekskursija',
      bodyHtml: '<p>x</p>',
      bodyText: 'x',
      priority: 'normal',
      requiresAck: false,
      ackDeadline: null,
      ackScope: null,
      replyTo: first.body.id,
      threadId: first.body.id,
      status: 'sent',
      audience: { replyTo: first.body.id },
      recipientCount: 1,
      moderation: null,
      moderatedBy: null,
      moderatedAt: null,
      moderationReason: null,
      senderFolder: 'sent',
      createdAt: r.at,
      sentAt: r.at,
      idempotencyKey: null,
      requestHash: null,
    });
    await insertRows(em(), Message, replies.map(rows));
    await insertRows(
      em(),
      MessageRecipient,
      replies.map((r) => ({ id: randomUUID(), message: r.id, user: r.to, studentIds: [], deliveredAt: r.at, readAt: null, ackedAt: null, folder: 'inbox' })),
    );

    for (const who of [s.parentB, s.teacherB]) {
      const res = await t.http.get(`/messages/${first.body.id}`).set(bearer(who.token)).expect(200);
      // the newest THREAD_MAX_MESSAGES, oldest first; the first message is the one left out
      expect(res.body.thread.map((m: { id: string }) => m.id)).toEqual(replies.map((r) => r.id));
      expect(res.body.threadHasMore).toBe(true);
    }
    const short = await send(s.teacherB, { ...message(), to: { users: [s.parentB.id] } }).expect(201);
    const view = await t.http.get(`/messages/${short.body.id}`).set(bearer(s.parentB.token)).expect(200);
    expect(view.body.thread.map((m: { id: string }) => m.id)).toEqual([short.body.id]);
    expect(view.body.threadHasMore).toBe(false);
  });
});
