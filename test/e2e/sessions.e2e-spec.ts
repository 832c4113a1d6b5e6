import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { io, type Socket } from 'socket.io-client';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { RoleAssignment } from '../../libs/directory/src/entities';
import { MessageRecipient } from '../../libs/post/src/entities/message-recipient.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { bearer, type Person } from '../support/fixtures';
import { buildSchool, type School } from '../support/school';
import { connectSocket, emitWithAck, recordEvents, waitForEvent } from '../support/sockets';
import { createTestApp, type TestApp } from '../support/test-app';

const NEW_PASSWORD = 'Mākoņi-pār-Daugavu-42';

/** Sockets live only as long as their sign-in session (issue 10, findings 1–4). */
describe('sessions and their sockets', () => {
  const clock = new FixedClock('2026-10-14T07:00:00Z');
  let t: TestApp;
  let s: School;
  const sockets: Socket[] = [];
  const track = (socket: Socket) => {
    sockets.push(socket);
    return socket;
  };
  const connect = async (token: string) => track(await connectSocket(t.url, token));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    s = await buildSchool(t);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  /** A guardian of group A (so teacher A may write to them), with no session yet. */
  const guardian = async (opts: { mustChangePassword?: boolean } = {}): Promise<Person> => {
    const p = await s.f.person([{ institutionId: s.inst, role: 'guardian' }], opts);
    await s.f.guard(p.id, s.child3.id, 'other');
    return p;
  };
  const signIn = async (p: Person): Promise<{ accessToken: string; refreshToken: string }> =>
    (await t.http.post('/auth/login').send({ username: p.username, password: p.password }).expect(200)).body;
  const sendTo = async (userId: string, extra: Record<string, unknown> = {}): Promise<string> =>
    (
      await t.http
        .post('/messages')
        .set(bearer(s.teacherA.token))
        .send({ institutionId: s.inst, subject: 'Ziņa', body: 'Sveiki', to: { users: [userId] }, ...extra })
        .expect(201)
    ).body.id;
  /** Proves a socket is still connected and in its room: a message sent now reaches it. */
  const stillReceives = async (socket: Socket, userId: string) => {
    const arrives = waitForEvent<{ id: string }>(socket, 'message:new');
    const id = await sendTo(userId);
    expect((await arrives).id).toBe(id);
  };
  const disconnected = (socket: Socket) => waitForEvent<string>(socket, 'disconnect');

  describe('ending a session ends its sockets at once', () => {
    it('logout disconnects that session’s sockets, and only those', async () => {
      const p = await guardian();
      const [one, two] = [await signIn(p), await signIn(p)];
      const [a, b] = [await connect(one.accessToken), await connect(two.accessToken)];
      const gone = disconnected(a);
      await t.http.post('/auth/logout').set(bearer(one.accessToken)).expect(204);
      expect(await gone).toBe('io server disconnect');
      await stillReceives(b, p.id);
      expect(a.connected).toBe(false);
    });

    it('a password change ends the other sessions’ sockets and keeps its own', async () => {
      const p = await guardian();
      const [mine, other] = [await signIn(p), await signIn(p)];
      const [kept, ended] = [await connect(mine.accessToken), await connect(other.accessToken)];
      const gone = disconnected(ended);
      await t.http
        .post('/auth/password')
        .set(bearer(mine.accessToken))
        .send({ currentPassword: p.password, newPassword: NEW_PASSWORD })
        .expect(204);
      expect(await gone).toBe('io server disconnect');
      await stillReceives(kept, p.id);
    });

    it('reusing a rotated refresh token ends that session’s sockets', async () => {
      const p = await guardian();
      const first = await signIn(p);
      const rotated = (await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
      const socket = await connect(rotated.accessToken);
      const gone = disconnected(socket);
      const reuse = await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
      expect(await gone).toBe('io server disconnect');
    });

    it('an admin password reset ends every socket of the account', async () => {
      const p = await guardian();
      const [a, b] = [await connect((await signIn(p)).accessToken), await connect((await signIn(p)).accessToken)];
      const gone = [disconnected(a), disconnected(b)];
      await t.http.post(`/institutions/${s.inst}/people/${p.id}/password-reset`).set(bearer(s.head.token)).expect(200);
      expect(await Promise.all(gone)).toEqual(['io server disconnect', 'io server disconnect']);
    });

    it('a role change keeps the sockets: they act with the rights read at each event', async () => {
      const p = await guardian();
      const em = t.app.get(MikroORM).em.fork();
      em.create(RoleAssignment, { user: p.id, institution: s.other, role: 'teacher' });
      await em.flush();
      const socket = await connect((await signIn(p)).accessToken);
      // Ends the guardian role here; the account stays open for the other school, so this announces 'roles'.
      await t.http.post(`/institutions/${s.inst}/people/${p.id}/deactivate`).set(bearer(s.head.token)).send({ reason: 'moved' }).expect(200);
      expect(await emitWithAck(socket, 'message:read', { messageId: randomUUID() })).toMatchObject({ error: { code: 'MESSAGE_NOT_FOUND' } });
      expect(socket.connected).toBe(true);
    });
  });

  describe('every socket event checks the session first', () => {
    it('an event from a socket whose session has expired is refused, changes nothing, and drops the socket', async () => {
      const p = await guardian();
      const messageId = await sendTo(p.id, { requiresAck: true });
      const socket = await connect((await signIn(p)).accessToken);
      // Expiry announces nothing: only the check at the event can notice it.
      clock.advanceDays(31);
      try {
        const gone = disconnected(socket);
        expect(await emitWithAck(socket, 'message:ack', { messageId })).toEqual({
          error: { code: 'SESSION_REVOKED', message: expect.any(String) },
        });
        expect(await gone).toBe('io server disconnect');
      } finally {
        clock.advanceDays(-31);
      }
      const em = t.app.get(MikroORM).em.fork();
      const copy = await em.findOneOrFail(MessageRecipient, { message: messageId, user: p.id });
      expect(copy.ackedAt ?? null).toBeNull();
      expect(copy.readAt ?? null).toBeNull();
      expect(await em.count(AuditEntry, { actorId: p.id, action: 'message.acknowledged', objectId: messageId })).toBe(0);
    });

    it('an event from a logged-out session that missed the announcement is refused too', async () => {
      const p = await guardian();
      const messageId = await sendTo(p.id, { requiresAck: true });
      const session = await signIn(p);
      const socket = await connect(session.accessToken);
      // Ended in the database without the pub/sub announcement, as when Redis drops it.
      const em = t.app.get(MikroORM).em.fork();
      await em.getConnection().execute(`update auth_session set revoked_at = ?, revoked_reason = 'logout' where user_id = ?`, [clock.now(), p.id]);
      expect(await emitWithAck(socket, 'message:read', { messageId })).toMatchObject({ error: { code: 'SESSION_REVOKED' } });
      const copy = await em.findOneOrFail(MessageRecipient, { message: messageId, user: p.id });
      expect(copy.readAt ?? null).toBeNull();
    });
  });

  describe('connection-state recovery', () => {
    it('another user presenting a dropped socket’s private id gets a fresh session: neither its room nor what it missed', async () => {
      const [owner, intruder] = [await guardian(), await guardian()];
      const ownerSocket = await connect((await signIn(owner)).accessToken);
      const first = waitForEvent(ownerSocket, 'message:new');
      await sendTo(owner.id);
      await first;
      const { _pid: pid, _lastOffset: offset } = ownerSocket as unknown as { _pid: string; _lastOffset: string };
      expect(typeof pid).toBe('string');
      expect(typeof offset).toBe('string');
      const dropped = disconnected(ownerSocket);
      ownerSocket.io.engine.close(); // "transport close": the server keeps the session for recovery
      await dropped;
      const missed = await sendTo(owner.id);

      // What a client sends when it reuses a socket object after another user signed in on the device.
      const intruderSocket = track(
        io(t.url, { auth: { token: (await signIn(intruder)).accessToken, pid, offset }, transports: ['websocket'], reconnection: false, forceNew: true, autoConnect: false }),
      );
      const seen = recordEvents(intruderSocket); // before connecting: recovered packets arrive with the handshake
      const connected = waitForEvent(intruderSocket, 'connect');
      intruderSocket.connect();
      await connected;
      const later = await sendTo(owner.id);
      // Sent after the others through the same stream: once it is in, anything for the owner would be too.
      const fence = waitForEvent<{ id: string; subject: string }>(intruderSocket, 'message:new', (m) => m.subject === 'Žogs');
      const fenceId = await sendTo(intruder.id, { subject: 'Žogs' });
      await fence;
      const ids = seen.filter((e) => e.name === 'message:new').map((e) => e.payload.id);
      expect(ids).toEqual([fenceId]);
      expect(ids).not.toContain(missed);
      expect(ids).not.toContain(later);

      // The attempt took nothing from the owner, who still recovers both.
      const caughtUp = waitForEvent<{ id: string }>(ownerSocket, 'message:new', (m) => m.id === later);
      const back = waitForEvent(ownerSocket, 'connect');
      ownerSocket.connect();
      await back;
      expect(ownerSocket.recovered).toBe(true);
      await caughtUp;
    });

    it('the same session still recovers what it missed', async () => {
      const p = await guardian();
      const socket = await connect((await signIn(p)).accessToken);
      const first = waitForEvent(socket, 'message:new');
      await sendTo(p.id);
      await first;
      const dropped = disconnected(socket);
      socket.io.engine.close();
      await dropped;
      const missed = await sendTo(p.id);
      const arrives = waitForEvent<{ id: string }>(socket, 'message:new', (m) => m.id === missed);
      const back = waitForEvent(socket, 'connect');
      socket.connect();
      await back;
      expect(socket.recovered).toBe(true);
      expect((await arrives).id).toBe(missed);
    });
  });

  describe('handshake', () => {
    it('an account that must change its password gets no socket until it has', async () => {
      const p = await guardian({ mustChangePassword: true });
      const { accessToken } = await signIn(p);
      await expect(connectSocket(t.url, accessToken)).rejects.toMatchObject({ data: { code: 'PASSWORD_CHANGE_REQUIRED' } });
      await t.http.post('/auth/password').set(bearer(accessToken)).send({ currentPassword: p.password, newPassword: NEW_PASSWORD }).expect(204);
      await stillReceives(await connect(accessToken), p.id);
    });
  });
});
