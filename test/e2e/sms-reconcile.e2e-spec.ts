import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { User } from '../../libs/directory/src/entities';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login, type Person } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import type { TestApp } from '../support/test-app';
import type { TwilioServer } from '../support/twilio-server';

/**
 * SMS whose send got no answer (`unknown`) are settled by looking them up in Twilio's message list,
 * never by sending blindly: found → its sid and status; absent ten minutes after the hand-over →
 * sent again, once; the list failing → left unknown. Counted at the local Twilio server.
 */
describe('unknown SMS reconciliation', () => {
  let rig: NotificationRig;
  let t: TestApp;
  let sms: TwilioServer;
  let f: Fixtures;
  let inst: string;
  let group: string;
  let teacherPerson: Person;
  let n = 0;
  const clock = new FixedClock('2026-10-14T08:00:00Z'); // Wednesday 11:00 in Riga
  const em = () => rig.em();

  beforeAll(async () => {
    // A short request timeout, so a hanging Twilio makes the send unknown quickly.
    rig = await startNotificationRig(clock, { TWILIO_TIMEOUT: '300ms' });
    ({ t, sms } = rig);
    f = new Fixtures(t.app);
    inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    group = (await f.group(inst, '4.a')).id;
    teacherPerson = await f.person([{ institutionId: inst, role: 'teacher' }]);
    await f.assign(teacherPerson.id, group);
  });
  afterAll(() => rig?.close());

  const mobile = () => `+3712${String(6_300_000 + ++n * 7919).slice(-7)}`;

  /** A guardian reachable by SMS only, and an urgent message to them: its SMS delivery's id. */
  async function urgentSmsTo(phone: string): Promise<string> {
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    await f.enrol(child.id, group);
    const guardian = await f.person([{ institutionId: inst, role: 'guardian' }], { phone });
    await em().nativeUpdate(User, { id: guardian.id }, { email: null });
    await f.guard(guardian.id, child.id);
    const teacher = await login(t.http, teacherPerson);
    const message = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId: inst, subject: `Steidzami ${++n}`, body: 'Skola šodien slēgta.', to: { users: [guardian.id] }, priority: 'urgent' })
      .expect(201);
    const event = await rig.eventOf(`message-alert:${message.body.id}`);
    const rows = await rig.settled(event.id);
    return rows.find((r) => r.channel === 'sms')!.id;
  }
  const load = (id: string) => em().findOneOrFail(NotificationDelivery, id);

  it('a timeout after Twilio accepted the SMS is reconciled to sent with its sid; exactly one SMS', async () => {
    const phone = mobile();
    sms.script({ hang: true });
    const id = await urgentSmsTo(phone);
    expect(await load(id)).toMatchObject({ status: 'unknown', reason: 'ETIMEDOUT', providerId: null, smsTo: phone });
    expect(sms.to(phone)).toHaveLength(1);
    const [accepted] = sms.to(phone);

    // Within the first minute it is left to the status callback: nothing is asked.
    const lists = sms.listRequests;
    await rig.sweep();
    expect(sms.listRequests).toBe(lists);
    expect((await load(id)).status).toBe('unknown');

    clock.advanceMinutes(1);
    const sends = sms.requests;
    await rig.sweep();
    expect(await load(id)).toMatchObject({ status: 'sent', providerId: accepted.sid, segments: accepted.numSegments, sentAt: clock.now() });
    expect(sms.listRequests).toBe(lists + 1);
    clock.advanceMinutes(30);
    await rig.sweep();
    expect(sms.requests).toBe(sends);
    expect(sms.to(phone)).toHaveLength(1);
  });

  it('an SMS that never reached Twilio (worker killed after the hand-over) is sent again once, after the grace period', async () => {
    const phone = mobile();
    // The connection dies before Twilio creates the message: unknown, and nothing at the server.
    sms.script({ drop: true });
    const id = await urgentSmsTo(phone);
    const unknown = await load(id);
    expect(unknown).toMatchObject({ status: 'unknown', providerId: null });
    expect(sms.to(phone)).toHaveLength(0);
    // As a worker killed after recording the hand-over leaves it: claimed long ago, handed over.
    await em().nativeUpdate(NotificationDelivery, { id }, { status: 'sending', claimedAt: new Date(clock.now().getTime() - 3 * 60_000) });
    await rig.sweep();
    expect(await load(id)).toMatchObject({ status: 'unknown', reason: 'stale claim', handedAt: unknown.handedAt });

    // Absent from the list, but too soon to be sure it never arrives: still unknown.
    clock.advanceMinutes(1);
    const lists = sms.listRequests;
    await rig.sweep();
    expect(sms.listRequests).toBe(lists + 1);
    expect((await load(id)).status).toBe('unknown');
    expect(sms.to(phone)).toHaveLength(0);

    clock.set(new Date(unknown.handedAt!.getTime() + 10 * 60_000));
    const sent = await rig.settled(unknown.eventId);
    expect(sent.find((r) => r.id === id)).toMatchObject({ status: 'sent', attempts: 2, providerId: sms.to(phone)[0]?.sid });
    expect(sms.to(phone)).toHaveLength(1);
    clock.advanceMinutes(30);
    await rig.sweep();
    expect(sms.to(phone)).toHaveLength(1);
  });

  it('while the list endpoint fails the SMS stays unknown and nothing is sent; once it answers, it is settled', async () => {
    const phone = mobile();
    sms.script({ hang: true });
    const id = await urgentSmsTo(phone);
    const handedAt = (await load(id)).handedAt!;
    sms.scriptList({ status: 500, code: 20500, message: 'Internal Server Error' }, 3);
    const lists = sms.listRequests;
    for (const minutes of [1, 2, 11]) {
      clock.set(new Date(handedAt.getTime() + minutes * 60_000));
      await rig.sweep();
      expect(await load(id)).toMatchObject({ status: 'unknown', providerId: null });
    }
    expect(sms.listRequests).toBe(lists + 3);
    expect(sms.to(phone)).toHaveLength(1);

    clock.advanceMinutes(1);
    await rig.sweep();
    expect(await load(id)).toMatchObject({ status: 'sent', providerId: sms.to(phone)[0].sid });
    expect(sms.to(phone)).toHaveLength(1);
  });
});
