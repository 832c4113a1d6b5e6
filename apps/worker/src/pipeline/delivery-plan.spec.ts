import { planDeliveries, type Recipient, type SendingRules } from './delivery-plan';

const now = new Date('2026-10-14T07:00:00Z'); // Wednesday 10:00 in Riga
const rules: SendingRules = { quietHours: { from: '21:00', to: '07:00' }, alertDelayMs: 600_000 };
const person = (over: Partial<Recipient> = {}): Recipient => ({ userId: 'u1', channels: ['sms'], quietHours: null, ...over });
const alert = (priority: 'urgent' | 'normal', createdAt = now) => ({ kind: 'message-alert' as const, payload: { messageId: 'm', priority }, createdAt });
const summary = (rows: ReturnType<typeof planDeliveries>) => rows.map((r) => `${r.channel}:${r.status}:${r.reason ?? ''}`);

describe('planDeliveries', () => {
  it('plans an SMS to a number that opted out as suppressed and sends the alert by e-mail instead', () => {
    expect(summary(planDeliveries(alert('urgent'), [person({ smsOptedOut: true, hasEmail: true })], now, rules))).toEqual(['sms:suppressed:opted-out', 'email:pending:']);
  });

  it('adds no e-mail without an address, nor a second one when e-mail was chosen anyway', () => {
    expect(summary(planDeliveries(alert('urgent'), [person({ smsOptedOut: true })], now, rules))).toEqual(['sms:suppressed:opted-out']);
    const both = person({ channels: ['email', 'sms'], smsOptedOut: true, hasEmail: true });
    expect(summary(planDeliveries(alert('urgent'), [both], now, rules))).toEqual(['email:pending:', 'sms:suppressed:opted-out']);
  });

  it('never moves a password to e-mail', () => {
    const event = { kind: 'password-sms' as const, payload: { userId: 'u1' }, createdAt: now };
    expect(summary(planDeliveries(event, [person({ smsOptedOut: true, hasEmail: true })], now, rules))).toEqual(['sms:suppressed:opted-out']);
  });

  it('holds a normal alert for the delay from its creation; an urgent one goes at once', () => {
    const created = new Date(now.getTime() - 60_000);
    const [normal] = planDeliveries(alert('normal', created), [person({ channels: ['email'] })], now, rules);
    expect(normal.availableAt.toISOString()).toBe('2026-10-14T07:09:00.000Z');
    const [urgent] = planDeliveries(alert('urgent', created), [person()], now, rules);
    expect(urgent.availableAt).toEqual(now);
  });

  it("applies the person's quiet hours before the institution's", () => {
    const late = new Date('2026-10-14T19:30:00Z'); // 22:30 in Riga: inside their 22:00–08:00, outside the institution's 23:00–06:00
    const rows = planDeliveries(alert('normal', late), [person({ channels: ['email'] }), person({ userId: 'u2', channels: ['email'], quietHours: { from: '22:00', to: '08:00' } })], late, {
      quietHours: { from: '23:00', to: '06:00' },
      alertDelayMs: 0,
    });
    expect(rows.map((r) => r.availableAt.toISOString())).toEqual(['2026-10-14T19:30:00.000Z', '2026-10-15T05:00:00.000Z']);
  });
});
