import { MikroORM } from '@mikro-orm/core';
import type { Socket } from 'socket.io-client';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { Message, MessageRecipient } from '../../libs/post/src';
import { bearer } from '../support/fixtures';
import { buildSchool, type School } from '../support/school';
import { connectSocket, expectFenceAlone, messageNew, recordEvents, waitForEvent } from '../support/sockets';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the moderation gate', () => {
  let t: TestApp;
  let s: School;
  const sockets: Socket[] = [];
  const em = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await createTestApp({ env: { MESSAGE_RATE_LIMIT: '3', MESSAGE_RATE_WINDOW: '1h' } });
    s = await buildSchool(t);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t.close();
  });

  const send = (token: string, subject: string, body: string, to: Record<string, unknown>) =>
    t.http.post('/messages').set(bearer(token)).send({ institutionId: s.inst, subject, body, to });

  it('blocks strong abuse with the spans to fix and stores nothing', async () => {
    const fromThem = () => em().count(Message, { sender: { $in: [s.mother.id, s.father.id] } });
    const before = await fromThem();
    const res = await send(s.mother.token, 'Jautājums', '<p>Tu esi <b>mauka</b></p>', { users: [s.teacherA.id] }).expect(422);
    expect(res.body.error.code).toBe('MESSAGE_REJECTED');
    expect(res.body.error.details).toEqual([{ field: 'body', start: 7, end: 12, category: 'insult' }]);
    const subj = await send(s.father.token, 'fuck you', 'Labdien', { users: [s.teacherA.id] }).expect(422);
    expect(subj.body.error.details).toEqual([{ field: 'subject', start: 0, end: 4, category: 'profanity' }]);
    expect(await fromThem()).toBe(before);
  });

  it('holds a doubtful message until a moderator approves it; nobody receives it before', async () => {
    const parent = await connectSocket(t.url, s.parent3.token);
    const teacher = await connectSocket(t.url, s.teacherA.token);
    sockets.push(parent, teacher);
    const seen = recordEvents(parent);
    const res = await send(s.teacherA.token, 'Par uzvedību', '<p>Jūsu dēls uzvedās kā idiots.</p>', { users: [s.parent3.id] }).expect(201);
    expect(res.body).toEqual({ id: res.body.id, status: 'held', recipientCount: 1 });
    // A clean message to the same parent, sent after, arrives alone (from the head: teacherA's sends are counted below).
    const fence = await send(s.head.token, 'Sveiki', 'Rīt skolā koncerts.', { users: [s.parent3.id] }).expect(201);
    expect(fence.body.status).toBe('sent');
    await expectFenceAlone(parent, seen, messageNew(fence.body.id), messageNew(res.body.id));
    await t.http.get(`/messages/${res.body.id}`).set(bearer(s.parent3.token)).expect(404);
    const inbox = await t.http.get('/messages/inbox?limit=100').set(bearer(s.parent3.token)).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
    expect(await em().count(OutboxMessage, { dedupeKey: `message-alert:${res.body.id}` })).toBe(0);
    const mine = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(mine.body.items.find((i: { id: string }) => i.id === res.body.id)).toMatchObject({ status: 'held' });

    // only moderators of the institution see the queue and decide
    await t.http.get('/moderation/queue').set(bearer(s.teacherB.token)).expect(403);
    await t.http.post(`/moderation/${res.body.id}/approve`).set(bearer(s.teacherB.token)).expect(404);
    await t.http.post(`/moderation/${res.body.id}/approve`).set(bearer(s.otherTeacher.token)).expect(404);
    const queue = await t.http.get(`/moderation/queue?institutionId=${s.inst}`).set(bearer(s.deputy.token)).expect(200);
    const item = queue.body.items.find((i: { id: string }) => i.id === res.body.id);
    expect(item).toMatchObject({ sender: { id: s.teacherA.id }, categories: ['insult'], matches: [{ field: 'body', category: 'insult', text: 'idiots' }] });

    const arrives = waitForEvent(parent, 'message:new', (m: { id: string; subject: string }) => m.id === res.body.id);
    const updated = waitForEvent(teacher, 'message:updated', (m: { id: string }) => m.id === res.body.id);
    await t.http.post(`/moderation/${res.body.id}/approve`).set(bearer(s.deputy.token)).expect(200, { id: res.body.id, status: 'sent' });
    expect((await arrives).subject).toBe('Par uzvedību');
    expect(await updated).toEqual({ id: res.body.id, status: 'sent' });
    await t.http.get(`/messages/${res.body.id}`).set(bearer(s.parent3.token)).expect(200);
    expect(await em().count(OutboxMessage, { dedupeKey: `message-alert:${res.body.id}` })).toBe(1);
    // decided once: a second decision is a conflict
    const again = await t.http.post(`/moderation/${res.body.id}/reject`).set(bearer(s.head.token)).send({ reason: 'late' }).expect(409);
    expect(again.body.error.code).toBe('ALREADY_MODERATED');
    expect(await em().count(AuditEntry, { action: 'message.approved', objectId: res.body.id, actorId: s.deputy.id })).toBe(1);
  });

  it('a rejected message never arrives, and the sender is told why', async () => {
    const teacher = await connectSocket(t.url, s.teacherB.token);
    const parent = await connectSocket(t.url, s.parentB.token);
    sockets.push(teacher, parent);
    const seen = recordEvents(parent);
    const res = await send(s.teacherB.token, 'Piezīme', 'Jūs esat idioti.', { users: [s.parentB.id] }).expect(201);
    expect(res.body.status).toBe('held');
    const updated = waitForEvent(teacher, 'message:updated', (m: { id: string }) => m.id === res.body.id);
    await t.http.post(`/moderation/${res.body.id}/reject`).set(bearer(s.head.token)).send({}).expect(400);
    // the sender, other staff and another institution's management cannot decide
    await t.http.post(`/moderation/${res.body.id}/reject`).set(bearer(s.teacherB.token)).send({ reason: 'x' }).expect(404);
    await t.http.post(`/moderation/${res.body.id}/reject`).set(bearer(s.teacherA.token)).send({ reason: 'x' }).expect(404);
    await t.http.get(`/moderation/queue?institutionId=${s.other}`).set(bearer(s.deputy.token)).expect(403);
    await t.http.post(`/moderation/${res.body.id}/reject`).set(bearer(s.head.token)).send({ reason: 'Lūdzu, pārrakstiet pieklājīgi.' }).expect(200);
    expect(await updated).toEqual({ id: res.body.id, status: 'rejected', reason: 'Lūdzu, pārrakstiet pieklājīgi.' });
    const fence = await send(s.deputy.token, 'Sveiki', 'Rīt skolā koncerts.', { users: [s.parentB.id] }).expect(201);
    await expectFenceAlone(parent, seen, messageNew(fence.body.id), messageNew(res.body.id));
    const own = await t.http.get(`/messages/${res.body.id}`).set(bearer(s.teacherB.token)).expect(200);
    expect(own.body).toMatchObject({ status: 'rejected', moderationReason: 'Lūdzu, pārrakstiet pieklājīgi.' });
    await t.http.get(`/messages/${res.body.id}`).set(bearer(s.parentB.token)).expect(404);
    const rows = await em().find(MessageRecipient, { message: res.body.id });
    expect(rows.every((r) => r.deliveredAt === null)).toBe(true);
  });

  it('a moderator cannot approve their own held message', async () => {
    const res = await send(s.head.token, 'Par sapulci', 'Kolēģi, jūs visi esat idioti.', { institution: { audience: 'staff' } }).expect(201);
    expect(res.body.status).toBe('held');
    const own = await t.http.post(`/moderation/${res.body.id}/approve`).set(bearer(s.head.token)).expect(403);
    expect(own.body.error.code).toBe('OWN_MESSAGE');
    await t.http.post(`/moderation/${res.body.id}/approve`).set(bearer(s.deputy.token)).expect(200);
  });

  it('replies pass the gate too', async () => {
    const msg = await send(s.teacherA.token, 'Jautājums', 'Vai rīt būsiet?', { users: [s.father.id] }).expect(201);
    const reply = await t.http.post(`/messages/${msg.body.id}/replies`).set(bearer(s.father.token)).send({ body: 'fuck this' }).expect(422);
    expect(reply.body.error.code).toBe('MESSAGE_REJECTED');
  });

  it('limits how many messages one sender sends per window (429 with Retry-After)', async () => {
    // MESSAGE_RATE_LIMIT=3 for this app; teacherA already sent 2 above.
    await send(s.teacherA.token, 'Trešā', 'Sveiki', { users: [s.father.id] }).expect(201);
    const res = await send(s.teacherA.token, 'Ceturtā', 'Sveiki', { users: [s.father.id] }).expect(429);
    expect(res.body.error.code).toBe('TOO_MANY_MESSAGES');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // others are not affected
    await send(s.teacherB.token, 'Cits sūtītājs', 'Sveiki', { users: [s.parentB.id] }).expect(201);
  });
});
