import { FixedClock } from '../../libs/platform/src/time/clock';
import { Fixtures, bearer, login } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';

/**
 * An urgent message's alert, or a password SMS, is relayed as soon as its outbox row commits: the
 * writer signals the worker, which does not wait for its sweep. The sweep interval here is a minute, so an SMS that
 * arrives within seconds was woken, not swept.
 */
describe('outbox wake-up', () => {
  let rig: NotificationRig;
  const clock = new FixedClock('2026-10-14T07:00:00Z');

  beforeAll(async () => {
    rig = await startNotificationRig(clock, { DELIVERY_SWEEP_INTERVAL: '60s' });
  });
  afterAll(() => rig?.close());

  it("an urgent message's SMS reaches the Twilio server within seconds although the next sweep is a minute away", async () => {
    const { t, sms } = rig;
    const f = new Fixtures(t.app);
    const inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    const group = (await f.group(inst, '5.a')).id;
    const teacher = await f.person([{ institutionId: inst, role: 'teacher' }]);
    await f.assign(teacher.id, group);
    const child = await f.person([{ institutionId: inst, role: 'student' }], { password: null });
    await f.enrol(child.id, group);
    const phone = '+37126123457';
    const guardian = await f.person([{ institutionId: inst, role: 'guardian' }], { phone });
    await f.guard(guardian.id, child.id);
    // Let the start-up sweep finish: from here on only a signal can relay before a minute has passed.
    await new Promise((r) => setTimeout(r, 500));

    const token = await login(t.http, teacher);
    const posted = Date.now();
    await t.http
      .post('/messages')
      .set(bearer(token))
      .send({ institutionId: inst, subject: `Steidzami ${f.tag}`, body: 'Skola rīt slēgta.', to: { users: [guardian.id] }, priority: 'urgent' })
      .expect(201);
    while (!sms.to(phone).length && Date.now() - posted < 10_000) await new Promise((r) => setTimeout(r, 20));
    const waitedMs = Date.now() - posted;
    console.log(JSON.stringify({ test: 'outbox-wake', smsAfterMs: waitedMs }));
    expect(sms.to(phone)).toHaveLength(1);
    expect(waitedMs).toBeLessThan(5_000);
  });

  it("a registered guardian's password SMS reaches the Twilio server within seconds as well", async () => {
    const { t, sms } = rig;
    const f = new Fixtures(t.app);
    const inst = (await f.institution('school', `Skola ${f.tag}`)).id;
    const admin = await login(t.http, await f.person([{ institutionId: inst, role: 'admin' }]));
    const phone = '+37126123458';
    const posted = Date.now();
    await t.http.post(`/institutions/${inst}/guardians`).set(bearer(admin)).send({ givenName: 'Līga', familyName: 'Ozola', phone, language: 'lv' }).expect(201);
    while (!sms.to(phone).length && Date.now() - posted < 10_000) await new Promise((r) => setTimeout(r, 20));
    const waitedMs = Date.now() - posted;
    console.log(JSON.stringify({ test: 'outbox-wake', passwordSmsAfterMs: waitedMs }));
    expect(sms.to(phone)).toHaveLength(1);
    expect(waitedMs).toBeLessThan(5_000);
  });
});
