import { AuditEntry } from '@app/audit/audit-entry.entity';
import { OutboxMessage } from '@app/notifications/outbox/outbox-message.entity';
import { Message, MessageRecipient } from '@app/post';
import { mailUnit, type MailUnit, unitSchool } from '../../../../test/support/mail-unit';
import { MessagesService, type SendInput } from './messages.service';

describe('MessagesService.send', () => {
  let u: MailUnit;
  let s: Awaited<ReturnType<typeof unitSchool>>;
  let messages: MessagesService;
  let n = 0;

  beforeAll(async () => {
    u = await mailUnit();
    s = await unitSchool(u.fixtures);
    messages = u.module.get(MessagesService);
  });
  beforeEach(() => u.reset());
  afterAll(() => u.close());

  /** Each test's own subject, so it counts only its own rows. */
  const toMother = (body = '<p>Rīt ekskursija.</p>'): SendInput => ({
    institutionId: s.inst,
    subject: `Ziņa ${++n}`,
    body,
    to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] },
  });
  const stored = (subject: string) => u.em().find(Message, { subject });

  it('delivers at the clock’s now: one copy per recipient, alert intents, an audit entry, then message:new', async () => {
    u.clock.advanceMinutes(1);
    const input = toMother();
    const res = await messages.send(s.teacher.actor, input);
    expect(res).toEqual({ id: expect.any(String), status: 'sent', recipientCount: 1 });
    const [message] = await stored(input.subject!);
    expect(message).toMatchObject({ id: res.id, status: 'sent', createdAt: u.clock.now(), sentAt: u.clock.now() });
    const copies = await u.em().find(MessageRecipient, { message: res.id });
    expect(copies.map((c) => ({ user: c.user.id, studentIds: c.studentIds, deliveredAt: c.deliveredAt }))).toEqual([
      { user: s.mother.id, studentIds: [s.child.id], deliveredAt: u.clock.now() },
    ]);
    expect(await u.em().count(OutboxMessage, { dedupeKey: `message-alert:${res.id}` })).toBe(1);
    expect(await u.em().count(AuditEntry, { action: 'message.sent', objectId: res.id, actorId: s.teacher.id })).toBe(1);
    expect(u.realtime.to(s.mother.id, 'message:new')).toEqual([expect.objectContaining({ id: res.id, sentAt: u.clock.now().toISOString() })]);
    expect(u.rateLimit.consumed).toEqual([s.teacher.id]);
  });

  it('moderation "block": refuses with the spans to fix, stores nothing and announces nothing', async () => {
    u.moderation.verdicts.set('zvirbulis', 'block');
    const input = toMother('<p>Tu esi <b>zvirbulis</b></p>');
    await expect(messages.send(s.teacher.actor, input)).rejects.toMatchObject({
      code: 'MESSAGE_REJECTED',
      details: [{ field: 'body', start: 7, end: 16, category: 'insult' }],
    });
    expect(await stored(input.subject!)).toEqual([]);
    expect(u.realtime.sent).toEqual([]);
  });

  it('moderation "review": holds the message, undelivered, with no alert and no announcement', async () => {
    u.moderation.verdicts.set('muļķis', 'review');
    const res = await messages.send(s.teacher.actor, toMother('Jūsu dēls uzvedās kā muļķis.'));
    expect(res).toMatchObject({ status: 'held', recipientCount: 1 });
    const [message] = await u.em().find(Message, { id: res.id });
    expect(message).toMatchObject({ status: 'held', sentAt: null, moderation: { decision: 'review', categories: ['insult'] } });
    expect((await u.em().find(MessageRecipient, { message: res.id })).map((c) => c.deliveredAt)).toEqual([null]);
    expect(await u.em().count(OutboxMessage, { dedupeKey: `message-alert:${res.id}` })).toBe(0);
    expect(await u.em().count(AuditEntry, { action: 'message.held', objectId: res.id })).toBe(1);
    expect(u.realtime.sent).toEqual([]);
  });

  it('policy refusal: names the refused addressee, stores nothing and announces nothing', async () => {
    const input: SendInput = { institutionId: s.inst, subject: `Ziņa ${++n}`, body: 'Labdien!', to: { users: [s.mother.id, s.parentB.id] } };
    await expect(messages.send(s.teacher.actor, input)).rejects.toMatchObject({ code: 'RECIPIENT_NOT_ALLOWED', details: [{ userId: s.parentB.id }] });
    expect(await stored(input.subject!)).toEqual([]);
    expect(u.realtime.sent).toEqual([]);
  });

  it('a sender over the rate limit is refused before anything is stored', async () => {
    u.rateLimit.refuse = true;
    const input = toMother();
    await expect(messages.send(s.teacher.actor, input)).rejects.toMatchObject({ code: 'TOO_MANY_MESSAGES' });
    expect(await stored(input.subject!)).toEqual([]);
  });

  it('idempotency: a replay answers with the first message, stores and announces nothing more, and costs no rate limit', async () => {
    const input = toMother();
    const first = await messages.send(s.teacher.actor, input, 'key-1');
    u.clock.advanceMinutes(5);
    const again = await messages.send(s.teacher.actor, { ...input }, 'key-1');
    expect(again).toEqual(first);
    expect((await stored(input.subject!)).map((m) => m.id)).toEqual([first.id]);
    expect(u.realtime.to(s.mother.id, 'message:new')).toHaveLength(1);
    expect(u.rateLimit.consumed).toEqual([s.teacher.id]);
    // The same key for another request is a client bug, not a retry.
    await expect(messages.send(s.teacher.actor, { ...input, body: 'Cits teksts' }, 'key-1')).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // Keys are the sender's own: another sender's same key is a new message.
    const other = await messages.send(s.head.actor, toMother(), 'key-1');
    expect(other.id).not.toBe(first.id);
  });
});
