import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { Message, MessageRecipient } from '../../libs/post/src';
import { bearer } from '../support/fixtures';
import { buildSchool, type School } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';

describe('the post: sending, folders, receipts and acknowledgements', () => {
  let t: TestApp;
  let s: School;
  const em = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await createTestApp();
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  // Messages go out a second apart, so folders and threads have one defined order by time.
  const send = (token: string, body: Record<string, unknown>, key?: string) => {
    t.clock.advanceSeconds(1);
    const req = t.http.post('/messages').set(bearer(token));
    if (key) req.set('Idempotency-Key', key);
    return req.send({ institutionId: s.inst, subject: 'Ekskursija', body: '<p>Piektdien dosimies uz muzeju.</p>', ...body });
  };

  it('expands a group audience into one copy per guardian, naming each guardian’s children', async () => {
    const res = await send(s.teacherA.token, { to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] } }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'sent', recipientCount: 3 });
    const rows = await em().find(MessageRecipient, { message: res.body.id });
    const byUser = Object.fromEntries(rows.map((r) => [r.user.id, [...r.studentIds].sort()]));
    expect(byUser).toEqual({
      [s.mother.id]: [s.child1.id, s.child2.id].sort(),
      [s.father.id]: [s.child1.id],
      [s.parent3.id]: [s.child3.id],
    });
    // one offline-alert intent for the message, written with it; the worker expands it to the recipients
    const alerts = await em().find(OutboxMessage, { kind: 'message-alert', dedupeKey: { $like: `message-alert:${res.body.id}%` } });
    expect(alerts.map((a) => a.payload)).toEqual([{ messageId: res.body.id, priority: 'normal' }]);

    const mine = await t.http.get(`/messages/${res.body.id}`).set(bearer(s.mother.token)).expect(200);
    expect(mine.body).toMatchObject({
      subject: 'Ekskursija',
      body: '<p>Piektdien dosimies uz muzeju.</p>',
      bodyText: 'Piektdien dosimies uz muzeju.',
      sender: { id: s.teacherA.id },
      readAt: expect.any(String),
    });
    expect(mine.body.students.map((c: { displayName: string }) => c.displayName).sort()).toEqual(
      ['Anna', 'Jānis'].map((n) => expect.stringContaining(n)),
    );
    // privacy: a guardian never sees the other recipients
    expect(JSON.stringify(mine.body)).not.toContain(s.father.id);
    expect(mine.body.recipientCount).toBeUndefined();
  });

  it('lists the inbox newest first with an unread filter and cursor pagination', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await send(s.teacherB.token, { subject: `Ziņa ${i}`, to: { users: [s.parentB.id] } }).expect(201);
      ids.push(r.body.id);
    }
    await t.http.post(`/messages/${ids[4]}/read`).set(bearer(s.parentB.token)).expect(204);
    const page1 = await t.http.get('/messages/inbox?limit=2').set(bearer(s.parentB.token)).expect(200);
    expect(page1.body.items.map((i: { id: string }) => i.id)).toEqual([ids[4], ids[3]]);
    expect(page1.body.items[0]).toMatchObject({ subject: 'Ziņa 4', preview: 'Piektdien dosimies uz muzeju.', readAt: expect.any(String), priority: 'normal', requiresAck: false, ackedAt: null });
    const page2 = await t.http.get(`/messages/inbox?limit=2&cursor=${page1.body.nextCursor}`).set(bearer(s.parentB.token)).expect(200);
    expect(page2.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2], ids[1]]);
    const unread = await t.http.get('/messages/inbox?unread=true&limit=100').set(bearer(s.parentB.token)).expect(200);
    expect(unread.body.items.map((i: { id: string }) => i.id)).not.toContain(ids[4]);
    expect(unread.body.items.map((i: { id: string }) => i.id)).toContain(ids[3]);
    await t.http.get('/messages/inbox?cursor=bm9wZQ').set(bearer(s.parentB.token)).expect(400);
  });

  it('shows the sender’s sent folder with counts, and a 404 to anyone not party to a message', async () => {
    const r = await send(s.teacherA.token, { to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] } }).expect(201);
    await t.http.post(`/messages/${r.body.id}/read`).set(bearer(s.father.token)).expect(204);
    const sent = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(sent.body.items[0]).toMatchObject({ id: r.body.id, status: 'sent', recipientCount: 3, readCount: 1, ackCount: 0 });
    await t.http.get(`/messages/${r.body.id}`).set(bearer(s.parentB.token)).expect(404);
    await t.http.post(`/messages/${r.body.id}/read`).set(bearer(s.parentB.token)).expect(404);
    await t.http.post(`/messages/${r.body.id}/ack`).set(bearer(s.otherParent.token)).expect(404);
    await t.http.get(`/messages/${r.body.id}/receipts`).set(bearer(s.parentB.token)).expect(404);
    await t.http.get(`/messages/${r.body.id}/receipts`).set(bearer(s.mother.token)).expect(403);
  });

  it('acknowledges idempotently, audited once, and only when asked', async () => {
    const plain = await send(s.teacherA.token, { to: { users: [s.parent3.id] } }).expect(201);
    const res = await t.http.post(`/messages/${plain.body.id}/ack`).set(bearer(s.parent3.token)).expect(409);
    expect(res.body.error.code).toBe('ACK_NOT_REQUESTED');

    const asked = await send(s.teacherA.token, { to: { users: [s.parent3.id] }, requiresAck: true }).expect(201);
    await t.http.post(`/messages/${asked.body.id}/ack`).set(bearer(s.parent3.token)).expect(204);
    await t.http.post(`/messages/${asked.body.id}/ack`).set(bearer(s.parent3.token)).expect(204);
    const audits = await em().find(AuditEntry, { action: 'message.acknowledged', objectId: asked.body.id });
    expect(audits).toHaveLength(1);
    expect(audits[0].actorId).toBe(s.parent3.id);
    const receipts = await t.http.get(`/messages/${asked.body.id}/receipts`).set(bearer(s.teacherA.token)).expect(200);
    expect(receipts.body).toMatchObject({ total: 1, read: 1, acknowledged: 1, pending: [] });
    // the sender has no copy to confirm
    await t.http.post(`/messages/${asked.body.id}/ack`).set(bearer(s.teacherA.token)).expect(409);
  });

  it('one-per-student: one guardian’s confirmation counts for the child; the rest stay pending', async () => {
    const r = await send(s.teacherA.token, {
      to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] },
      requiresAck: true,
      ackScope: 'one-per-student',
      ackDeadline: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    }).expect(201);
    await t.http.post(`/messages/${r.body.id}/ack`).set(bearer(s.father.token)).expect(204);
    const v = (await t.http.get(`/messages/${r.body.id}/receipts`).set(bearer(s.teacherA.token)).expect(200)).body;
    expect(v.total).toBe(3);
    expect(v.acknowledged).toBe(1);
    const child = (id: string) => v.students.find((x: { id: string }) => x.id === id);
    expect(child(s.child1.id)).toMatchObject({ acknowledged: true, acknowledgedBy: s.father.id });
    expect(child(s.child2.id)).toMatchObject({ acknowledged: false });
    expect(child(s.child3.id)).toMatchObject({ acknowledged: false });
    // mother still owes child 2, parent3 owes child 3; father is done
    expect(v.pending.map((p: { userId: string }) => p.userId).sort()).toEqual([s.mother.id, s.parent3.id].sort());
    const mother = v.recipients.find((x: { userId: string }) => x.userId === s.mother.id);
    expect(mother.students.find((c: { id: string }) => c.id === s.child1.id).acknowledged).toBe(true);

    // management sees receipts too, and the CSV export has one row per recipient
    const csv = await t.http.get(`/messages/${r.body.id}/receipts.csv`).set(bearer(s.deputy.token)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('recipient,user_id,children,delivered_at,read_at,acknowledged_at,children_confirmed');
    expect(lines).toHaveLength(4);
    await t.http.get(`/messages/${r.body.id}/receipts`).set(bearer(s.teacherB.token)).expect(404);
    await t.http.get(`/messages/${r.body.id}/receipts.csv`).set(bearer(s.teacherB.token)).expect(404);
    await t.http.get(`/messages/${r.body.id}/receipts.csv`).set(bearer(s.father.token)).expect(403);
  });

  it('replies: a guardian answers the sender only; the thread shows what each may see', async () => {
    const r = await send(s.teacherA.token, { to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] } }).expect(201);
    t.clock.advanceSeconds(1);
    const reply = await t.http.post(`/messages/${r.body.id}/replies`).set(bearer(s.mother.token)).send({ body: 'Paldies, būsim.' }).expect(201);
    expect(reply.body).toMatchObject({ status: 'sent', recipientCount: 1 });
    const seen = await t.http.get(`/messages/${reply.body.id}`).set(bearer(s.teacherA.token)).expect(200);
    expect(seen.body).toMatchObject({ subject: 'Re: Ekskursija', replyTo: r.body.id, threadId: r.body.id, sender: { id: s.mother.id } });
    expect(seen.body.thread.map((m: { id: string }) => m.id)).toEqual([r.body.id, reply.body.id]);
    // the father is in the thread's first message but not in the mother's reply
    const father = await t.http.get(`/messages/${r.body.id}`).set(bearer(s.father.token)).expect(200);
    expect(father.body.thread.map((m: { id: string }) => m.id)).toEqual([r.body.id]);
    await t.http.get(`/messages/${reply.body.id}`).set(bearer(s.father.token)).expect(404);
    // someone outside the thread cannot reply into it
    await t.http.post(`/messages/${r.body.id}/replies`).set(bearer(s.parentB.token)).send({ body: 'Sveiki' }).expect(404);
  });

  it('idempotency: a retried POST returns the same message and sends nothing twice', async () => {
    const key = `retry-${randomUUID()}`;
    const body = { to: { users: [s.parent3.id] }, subject: 'Vienreiz' };
    const [a, b] = await Promise.all([send(s.teacherA.token, body, key), send(s.teacherA.token, body, key)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    const c = await send(s.teacherA.token, body, key).expect(201);
    expect(c.body).toEqual(a.body);
    expect(await em().count(Message, { sender: s.teacherA.id, subject: 'Vienreiz' })).toBe(1);
    const other = await send(s.teacherA.token, { ...body, subject: 'Cits' }, key).expect(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('trash hides a message for that user only; receipts and the sender’s record stay', async () => {
    const r = await send(s.teacherA.token, { to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] } }).expect(201);
    await t.http.post(`/messages/${r.body.id}/trash`).set(bearer(s.mother.token)).expect(204);
    const inbox = await t.http.get('/messages/inbox?limit=100').set(bearer(s.mother.token)).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).not.toContain(r.body.id);
    const trash = await t.http.get('/messages/trash').set(bearer(s.mother.token)).expect(200);
    expect(trash.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
    const fatherInbox = await t.http.get('/messages/inbox?limit=100').set(bearer(s.father.token)).expect(200);
    expect(fatherInbox.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
    const receipts = await t.http.get(`/messages/${r.body.id}/receipts`).set(bearer(s.teacherA.token)).expect(200);
    expect(receipts.body.total).toBe(3);
    await t.http.post(`/messages/${r.body.id}/archive`).set(bearer(s.teacherA.token)).expect(204);
    const archive = await t.http.get('/messages/archive').set(bearer(s.teacherA.token)).expect(200);
    expect(archive.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
    await t.http.post(`/messages/${r.body.id}/restore`).set(bearer(s.mother.token)).expect(204);
    const back = await t.http.get('/messages/inbox?limit=100').set(bearer(s.mother.token)).expect(200);
    expect(back.body.items.map((i: { id: string }) => i.id)).toContain(r.body.id);
    await t.http.post(`/messages/${r.body.id}/trash`).set(bearer(s.parentB.token)).expect(404);
    await t.http.post(`/messages/${r.body.id}/archive`).set(bearer(s.otherParent.token)).expect(404);
    await t.http.post(`/messages/${r.body.id}/restore`).set(bearer(s.parentB.token)).expect(404);
  });

  it('needs a signed-in caller for every folder and message route', async () => {
    const r = await send(s.teacherA.token, { to: { users: [s.parent3.id] } }).expect(201);
    for (const path of ['/messages/inbox', '/messages/sent', '/messages/archive', '/messages/trash', `/messages/${r.body.id}`, `/messages/${r.body.id}/receipts`]) {
      await t.http.get(path).expect(401);
    }
    await t.http.post('/messages').send({}).expect(401);
    await t.http.post(`/messages/${r.body.id}/ack`).expect(401);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    // teacherA is this file's own (buildSchool makes new people): their messages are the rows a wrongly accepted case would add.
    const mine = () => em().count(Message, { sender: s.teacherA.id });
    const before = await mine();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ to: {} }, 422, 'NO_RECIPIENTS'],
      [{ to: { users: ['not-a-uuid'] } }, 400, 'VALIDATION_FAILED'],
      [{ subject: 'x'.repeat(201), to: { users: [s.parent3.id] } }, 400, 'VALIDATION_FAILED'],
      [{ body: 'x'.repeat(50_001), to: { users: [s.parent3.id] } }, 400, 'VALIDATION_FAILED'],
      [{ body: '<script>alert(1)</script>', to: { users: [s.parent3.id] } }, 422, 'EMPTY_MESSAGE'],
      [{ ackScope: 'one-per-student', to: { users: [s.parent3.id] } }, 400, 'ACK_OPTIONS_WITHOUT_ACK'],
      [{ requiresAck: true, ackDeadline: '2020-01-01T00:00:00Z', to: { users: [s.parent3.id] } }, 400, 'ACK_DEADLINE_PASSED'],
      [{ to: { groups: [{ groupId: s.otherGroup, audience: 'guardians' }] } }, 404, 'GROUP_NOT_FOUND'],
      [{ priority: 'loud', to: { users: [s.parent3.id] } }, 400, 'VALIDATION_FAILED'],
      [{ extra: 1, to: { users: [s.parent3.id] } }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await send(s.teacherA.token, body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    }
    const badKey = await send(s.teacherA.token, { to: { users: [s.parent3.id] } }, 'bad key with spaces');
    expect(badKey.status).toBe(400);
    expect(await mine()).toBe(before);
  });
});
