import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { bearer } from '../support/fixtures';
import { buildSchool, type Member, type School } from '../support/school';
import { connectSocket, emitWithAck, expectFenceAlone, messageNew, recordEvents, waitForEvent } from '../support/sockets';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';

describe('real time over socket.io', () => {
  let t: TestApp;
  let s: School;
  const sockets: Socket[] = [];
  const connect = async (token: string, url = t.url) => {
    const socket = await connectSocket(url, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp();
    s = await buildSchool(t);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  const sendToGroupA = (extra: Record<string, unknown> = {}) =>
    t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Sapulce', body: '<p>Rīt sapulce 18:00.</p>', to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] }, ...extra })
      .expect(201);
  // One user to another: the fences, which their socket is allowed to receive.
  const sendTo = (from: Member, to: Member, institutionId = s.inst) =>
    t.http
      .post('/messages')
      .set(bearer(from.token))
      .send({ institutionId, subject: 'Žogs', body: 'Ziņa', to: { users: [to.id] } })
      .expect(201);

  it('refuses a handshake without a token or with a bad one', async () => {
    // The server's own refusal, with its code: a connect timeout has no `data` and fails these.
    await expect(connectSocket(t.url)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(connectSocket(t.url, 'not.a.token')).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    await expect(connectSocket(t.url, `${s.mother.token}x`)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('delivers message:new to every guardian of the group, and to nobody else', async () => {
    const [mother, father, parent3, parentB, otherParent] = await Promise.all(
      [s.mother, s.father, s.parent3, s.parentB, s.otherParent].map((p) => connect(p.token)),
    );
    const [seenB, seenOther] = [recordEvents(parentB), recordEvents(otherParent)];
    const waiting = [mother, father, parent3].map((sock) => waitForEvent(sock, 'message:new'));
    const res = await sendToGroupA({ requiresAck: true, priority: 'urgent' });
    for (const event of await Promise.all(waiting)) {
      expect(event).toEqual({
        id: res.body.id,
        subject: 'Sapulce',
        preview: 'Rīt sapulce 18:00.',
        sender: { id: s.teacherA.id, displayName: expect.any(String) },
        sentAt: expect.any(String),
        priority: 'urgent',
        requiresAck: true,
      });
    }
    const [fenceB, fenceOther] = [await sendTo(s.teacherB, s.parentB), await sendTo(s.otherTeacher, s.otherParent, s.other)];
    await expectFenceAlone(parentB, seenB, messageNew(fenceB.body.id), messageNew(res.body.id));
    await expectFenceAlone(otherParent, seenOther, messageNew(fenceOther.body.id), messageNew(res.body.id));
  });

  it('tells the sender live when a guardian reads and confirms', async () => {
    const teacher = await connect(s.teacherA.token);
    const res = await sendToGroupA({ requiresAck: true });
    const read = waitForEvent(teacher, 'message:read', (e: { messageId: string }) => e.messageId === res.body.id);
    await t.http.post(`/messages/${res.body.id}/read`).set(bearer(s.father.token)).expect(204);
    expect(await read).toEqual({ messageId: res.body.id, userId: s.father.id, readAt: expect.any(String) });

    const acked = waitForEvent(teacher, 'message:acknowledged', (e: { messageId: string }) => e.messageId === res.body.id);
    const onConnect = connectSocket(t.url, s.mother.token).then(async (socket) => {
      sockets.push(socket);
      return { socket, count: (await waitForEvent<{ count: number }>(socket, 'unread:count')).count };
    });
    // the unread count arrives on connect, and again when the user's own reading changes it
    const { socket: mother, count } = await onConnect;
    expect(count).toBeGreaterThan(0);
    const lower = waitForEvent<{ count: number }>(mother, 'unread:count');
    expect(await emitWithAck(mother, 'message:ack', { messageId: res.body.id })).toEqual({ ok: true });
    expect((await lower).count).toBe(count - 1);
    expect(await acked).toEqual({ messageId: res.body.id, userId: s.mother.id, ackedAt: expect.any(String) });
    // reading over the socket works the same way, idempotently
    expect(await emitWithAck(mother, 'message:read', { messageId: res.body.id })).toEqual({ ok: true });
  });

  it('answers another family’s message id with not-found over the socket too', async () => {
    const res = await sendToGroupA({ requiresAck: true });
    const stranger = await connect(s.parentB.token);
    expect(await emitWithAck(stranger, 'message:read', { messageId: res.body.id })).toEqual({ error: { code: 'MESSAGE_NOT_FOUND', message: expect.any(String) } });
    expect(await emitWithAck(stranger, 'message:ack', { messageId: res.body.id })).toEqual({ error: { code: 'MESSAGE_NOT_FOUND', message: expect.any(String) } });
    expect(await emitWithAck(stranger, 'message:ack', { messageId: 'nope' })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(await emitWithAck(stranger, 'message:ack', { messageId: randomUUID() })).toMatchObject({ error: { code: 'MESSAGE_NOT_FOUND' } });
  });

  it('a socket whose connection drops gets what it missed when it comes back (connection-state recovery)', async () => {
    const toParent3 = (subject: string) =>
      t.http
        .post('/messages')
        .set(bearer(s.teacherA.token))
        .send({ institutionId: s.inst, subject, body: 'Ziņa', to: { users: [s.parent3.id] } })
        .expect(201);
    const socket = await connect(s.parent3.token);
    // A first message gives the client an offset to resume from.
    const first = waitForEvent(socket, 'message:new');
    await toParent3('Pirms pārtraukuma');
    await first;

    const dropped = new Promise((r) => socket.once('disconnect', r));
    // The connection ends without the client leaving: the server sees "transport close", a recoverable reason.
    socket.io.engine.close();
    await dropped;
    const missed = await toParent3('Kamēr savienojuma nebija');

    const arrives = waitForEvent<{ id: string }>(socket, 'message:new', (m) => m.id === missed.body.id);
    const back = new Promise<void>((r) => socket.once('connect', () => r()));
    socket.connect();
    await back;
    expect(socket.recovered).toBe(true);
    expect((await arrives).id).toBe(missed.body.id);
  });

  it('keeps each socket in its own room, whatever the client asks: another user’s messages never reach it', async () => {
    const stranger = await connect(s.parentB.token);
    const seen = recordEvents(stranger);
    // The gateway handles no join or subscribe (rooms come from the token at the handshake); a client may still try.
    stranger.emit('join', `user:${s.mother.id}`);
    stranger.emit('subscribe', { room: `user:${s.mother.id}` });
    // The server takes one socket's packets in order: once this is answered, the two above were handled.
    expect(await emitWithAck(stranger, 'message:read', { messageId: 'after-join' })).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    const forMother = await sendTo(s.teacherA, s.mother);
    const fence = await sendTo(s.teacherB, s.parentB);
    await expectFenceAlone(stranger, seen, messageNew(fence.body.id), messageNew(forMother.body.id));
  });

  it('disconnects a deactivated account’s sockets at once', async () => {
    const victim = await s.f.person([{ institutionId: s.inst, role: 'guardian' }]);
    await s.f.guard(victim.id, s.child3.id, 'other');
    const login = await t.http.post('/auth/login').send({ username: victim.username, password: victim.password }).expect(200);
    const socket = await connect(login.body.accessToken);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await t.http
      .post(`/institutions/${s.inst}/people/${victim.id}/deactivate`)
      .set(bearer(s.head.token))
      .send({ reason: 'left the school' })
      .expect(200);
    expect(await gone).toBe('io server disconnect');
    await expect(connectSocket(t.url, login.body.accessToken)).rejects.toMatchObject({ data: { code: 'SESSION_REVOKED' } });
  });
});

describe('two instances behind one Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let s: School;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Instances of one deployment share Redis, the database and the secrets.
    const shared = {
      REDIS_PREFIX: `two${randomUUID().slice(0, 8)}`,
      JWT_SECRET: randomUUID() + randomUUID(),
      SECRETS_KEY: randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, ''),
    };
    // ...and the time: one clock for both.
    const clock = new FixedClock(TEST_NOW);
    a = await createTestApp({ env: shared, clock });
    b = await createTestApp({ env: shared, clock });
    s = await buildSchool(a);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([a.close(), b.close()]);
  });

  it('a client on instance B gets what was sent through instance A, and receipts flow back', async () => {
    const mother = await connectSocket(b.url, s.mother.token);
    const teacher = await connectSocket(a.url, s.teacherA.token);
    sockets.push(mother, teacher);
    const incoming = waitForEvent(mother, 'message:new');
    const res = await a.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Divas instances', body: 'Sveiki!', to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] }, requiresAck: true })
      .expect(201);
    expect((await incoming).id).toBe(res.body.id);

    const acked = waitForEvent(teacher, 'message:acknowledged', (e: { messageId: string; userId: string }) => e.messageId === res.body.id);
    await b.http.post(`/messages/${res.body.id}/ack`).set(bearer(s.mother.token)).expect(204);
    expect((await acked).userId).toBe(s.mother.id);
  });

  it('a client that reconnects catches up through the inbox since its last message', async () => {
    const first = await a.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Pirms', body: 'Viens', to: { users: [s.parent3.id] } })
      .expect(201);
    const seen = await b.http.get(`/messages/${first.body.id}`).set(bearer(s.parent3.token)).expect(200);
    a.clock.advanceSeconds(1);
    const missed = await a.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .send({ institutionId: s.inst, subject: 'Kamēr bijāt prom', body: 'Divi', to: { users: [s.parent3.id] } })
      .expect(201);
    const since = new Date(new Date(seen.body.sentAt).getTime()).toISOString();
    const catchUp = await b.http.get(`/messages/inbox?since=${encodeURIComponent(since)}`).set(bearer(s.parent3.token)).expect(200);
    expect(catchUp.body.items.map((i: { id: string }) => i.id)).toEqual([missed.body.id]);
  });
});
