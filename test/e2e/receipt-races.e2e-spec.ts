import { MikroORM } from '@mikro-orm/core';
import { MessageRecipient } from '../../libs/post/src';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { bearer } from '../support/fixtures';
import { buildSchool, type School } from '../support/school';
import { connectSocket, recordEvents, waitForEvent } from '../support/sockets';
import { createTestApp, type TestApp } from '../support/test-app';

/** Every reading of the clock is one millisecond later, so a second write of a time would show. */
class TickingClock extends FixedClock {
  override now(): Date {
    const now = super.now();
    this.advance(1);
    return now;
  }
}

describe('reading and confirming at once', () => {
  let t: TestApp;
  let s: School;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TickingClock('2026-10-14T07:00:00Z') });
    s = await buildSchool(t);
  });
  afterAll(() => t.close());

  it('keeps the first read time and announces the read once, however read and confirm interleave', async () => {
    const teacher = await connectSocket(t.url, s.teacherA.token);
    const seen = recordEvents(teacher);
    try {
      for (let round = 0; round < 15; round++) {
        const sent = await t.http
          .post('/messages')
          .set(bearer(s.teacherA.token))
          .send({ institutionId: s.inst, subject: `Apstipriniet ${round}`, body: 'Lūdzu apstipriniet.', to: { users: [s.mother.id, s.father.id] }, requiresAck: true })
          .expect(201);
        const id = sent.body.id as string;
        const read = (): Promise<unknown> => t.http.post(`/messages/${id}/read`).set(bearer(s.mother.token)).then((r) => expect(r.status).toBe(204));
        const ack = (): Promise<unknown> => t.http.post(`/messages/${id}/ack`).set(bearer(s.mother.token)).then((r) => expect(r.status).toBe(204));
        await Promise.all(round % 2 ? [ack(), read(), read()] : [read(), ack(), ack()]);

        // Fence: the father's read is announced after everything the mother's requests announced.
        const fence = waitForEvent(teacher, 'message:read', (e: { messageId: string; userId: string }) => e.messageId === id && e.userId === s.father.id);
        await t.http.post(`/messages/${id}/read`).set(bearer(s.father.token)).expect(204);
        await fence;
        const mine = (name: string) => seen.filter((e) => e.name === name && e.payload.messageId === id && e.payload.userId === s.mother.id);
        expect({ round, reads: mine('message:read').length, acks: mine('message:acknowledged').length }).toEqual({ round, reads: 1, acks: 1 });

        const copy = await t.app.get(MikroORM).em.fork().findOneOrFail(MessageRecipient, { message: id, user: s.mother.id });
        expect({ round, readAt: copy.readAt?.toISOString() }).toEqual({ round, readAt: mine('message:read')[0].payload.readAt });
        expect(copy.ackedAt).not.toBeNull();
      }
    } finally {
      teacher.close();
    }
  });
});
