import { AuditEntry } from '@app/audit/audit-entry.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import { Message, MessageRecipient } from '@app/post';
import { mailUnit, type MailUnit, type UnitMember, unitSchool } from '../../../../test/support/mail-unit';
import { MessagesService } from '../messages/messages.service';
import { ModerationQueueService } from './moderation-queue.service';

describe('ModerationQueueService', () => {
  let u: MailUnit;
  let s: Awaited<ReturnType<typeof unitSchool>>;
  let queue: ModerationQueueService;

  beforeAll(async () => {
    u = await mailUnit();
    s = await unitSchool(u.fixtures);
    queue = u.module.get(ModerationQueueService);
  });
  afterAll(() => u.close());

  /** A message to the mother that moderation sent to review, through the real send path. */
  const held = async (sender: UnitMember = s.teacher): Promise<string> => {
    u.reset();
    u.moderation.verdicts.set('muļķis', 'review');
    const res = await u.module.get(MessagesService).send(sender.actor, {
      institutionId: s.inst,
      subject: 'Par uzvedību',
      body: 'Jūsu dēls uzvedās kā muļķis.',
      to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] },
    });
    expect(res.status).toBe('held');
    u.realtime.sent.length = 0;
    return res.id;
  };
  const state = async (id: string) => {
    const [message, copies, alerts] = await Promise.all([
      u.em().findOneOrFail(Message, id),
      u.em().find(MessageRecipient, { message: id }),
      u.em().count(OutboxMessage, { dedupeKey: `message-alert:${id}` }),
    ]);
    return { status: message.status, sentAt: message.sentAt, moderatedBy: message.moderatedBy?.id ?? null, delivered: copies.map((c) => c.deliveredAt), alerts };
  };

  it('approve delivers at the moment of approval: copies, alerts, message:new to recipients, message:updated to the sender, audited', async () => {
    const id = await held();
    u.clock.advanceMinutes(30);
    expect(await queue.approve(s.deputy.actor, id)).toEqual({ id, status: 'sent' });
    expect(await state(id)).toEqual({ status: 'sent', sentAt: u.clock.now(), moderatedBy: s.deputy.id, delivered: [u.clock.now()], alerts: 1 });
    expect(u.realtime.to(s.mother.id, 'message:new')).toEqual([expect.objectContaining({ id, sentAt: u.clock.now().toISOString() })]);
    expect(u.realtime.to(s.teacher.id, 'message:updated')).toEqual([{ id, status: 'sent' }]);
    expect(await u.em().count(AuditEntry, { action: 'message.approved', objectId: id, actorId: s.deputy.id })).toBe(1);
  });

  it('reject keeps the message from everyone and tells the sender why', async () => {
    const id = await held();
    expect(await queue.reject(s.head.actor, id, 'Lūdzu, pieklājīgāk.')).toEqual({ id, status: 'rejected' });
    expect(await state(id)).toEqual({ status: 'rejected', sentAt: null, moderatedBy: s.head.id, delivered: [null], alerts: 0 });
    expect(u.realtime.sent).toEqual([{ userIds: [s.teacher.id], event: 'message:updated', payload: { id, status: 'rejected', reason: 'Lūdzu, pieklājīgāk.' } }]);
  });

  it('four eyes: a moderator cannot decide on their own message; another moderator can', async () => {
    const id = await held(s.head);
    await expect(queue.approve(s.head.actor, id)).rejects.toMatchObject({ code: 'OWN_MESSAGE' });
    await expect(queue.reject(s.head.actor, id, 'x')).rejects.toMatchObject({ code: 'OWN_MESSAGE' });
    expect(await state(id)).toMatchObject({ status: 'held', delivered: [null] });
    expect(u.realtime.sent).toEqual([]);
    await queue.approve(s.deputy.actor, id);
    expect((await state(id)).status).toBe('sent');
  });

  it('only the institution’s moderators may decide, and to anyone else the message does not exist', async () => {
    const id = await held();
    for (const who of [s.teacher, s.mother, s.parentB]) {
      await expect(queue.approve(who.actor, id)).rejects.toMatchObject({ code: 'MESSAGE_NOT_FOUND' });
    }
    expect((await state(id)).status).toBe('held');
  });

  it('compare-and-set: of two moderators deciding at once exactly one wins, and the loser changes nothing', async () => {
    const id = await held();
    // Both pass the "still held?" check before either writes (one connection serves them in turn).
    const [approve, reject] = await Promise.allSettled([queue.approve(s.deputy.actor, id), queue.reject(s.head.actor, id, 'Par asu')]);
    const outcomes = [approve.status, reject.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const lost = (approve.status === 'rejected' ? approve : reject) as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'ALREADY_MODERATED' });
    const after = await state(id);
    if (approve.status === 'fulfilled') {
      expect(after).toMatchObject({ status: 'sent', moderatedBy: s.deputy.id, alerts: 1 });
      expect(u.realtime.to(s.teacher.id, 'message:updated')).toEqual([{ id, status: 'sent' }]);
    } else {
      expect(after).toMatchObject({ status: 'rejected', moderatedBy: s.head.id, delivered: [null], alerts: 0 });
      expect(u.realtime.to(s.mother.id, 'message:new')).toEqual([]);
    }
    await expect(queue.approve(s.deputy.actor, id)).rejects.toMatchObject({ code: 'ALREADY_MODERATED' });
  });
});
