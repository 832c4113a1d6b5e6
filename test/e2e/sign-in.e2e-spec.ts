import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { PasswordHistory } from '../../libs/auth/src/entities/password-history.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { bearer, Fixtures, login, type Person } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/** The app trusts the loopback proxy (TRUST_PROXY=loopback), so a test picks its client address. */
const from = (t: TestApp, ip: string, who: { username: string }, password: string) =>
  t.http.post('/auth/login').set('X-Forwarded-For', ip).send({ username: who.username, password });

const failuresAudited = (t: TestApp, userId: string) =>
  t.app.get(MikroORM).em.fork().count(AuditEntry, { action: 'auth.login_failed', actorId: userId });

describe('sign-in throttling', () => {
  const clock = new FixedClock('2026-10-14T07:00:00Z');
  let t: TestApp;
  let f: Fixtures;
  let institutionId: string;
  const person = () => f.person([{ institutionId, role: 'teacher' }]);

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new Fixtures(t.app);
    institutionId = (await f.institution()).id;
  });
  afterAll(() => t.close());

  it('of twenty parallel wrong guesses only the free attempts reach the password check', async () => {
    const p = await person();
    const answers = await Promise.all(Array.from({ length: 20 }, () => from(t, '203.0.113.10', p, 'wrong-guess-123')));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    expect(await failuresAudited(t, p.id)).toBe(3);
  });

  it('an attacker’s failures slow only the attacker: the owner signs in from another address', async () => {
    const p = await person();
    for (let i = 0; i < 10; i++) await from(t, '203.0.113.66', p, `guess-${i}-xyz`).expect((r) => expect([401, 429]).toContain(r.status));
    // even the right password waits on the attacker's address
    expect((await from(t, '203.0.113.66', p, p.password).expect(429)).body.error.code).toBe('TOO_MANY_ATTEMPTS');
    await from(t, '198.51.100.7', p, p.password).expect(200);
  });

  it('delays grow per address: 1 s after the free attempts, then doubling; a success starts afresh', async () => {
    const p = await person();
    const ip = '203.0.113.20';
    const wrong = () => from(t, ip, p, 'not-the-password');
    for (let i = 0; i < 3; i++) await wrong().expect(401);
    for (const delay of [1, 2, 4]) {
      const refused = await wrong().expect(429);
      expect(refused.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      expect(refused.headers['retry-after']).toBe(String(delay));
      clock.advanceSeconds(delay);
      if (delay < 4) await wrong().expect(401);
    }
    await from(t, ip, p, p.password).expect(200);
    for (let i = 0; i < 3; i++) await wrong().expect(401);
    expect((await wrong().expect(429)).headers['retry-after']).toBe('1');
  });
});

describe('sign-in throttling: the ceiling per username', () => {
  const clock = new FixedClock('2026-10-14T07:00:00Z');
  let t: TestApp;
  let p: Person;

  beforeAll(async () => {
    t = await createTestApp({ clock, env: { LOGIN_MAX_FAILURES_PER_USERNAME: '5', LOGIN_FAILURE_WINDOW: '1h' } });
    const f = new Fixtures(t.app);
    p = await f.person([{ institutionId: (await f.institution()).id, role: 'teacher' }]);
  });
  afterAll(() => t.close());

  it('failures spread over many addresses stop at the ceiling for everyone until the window ends', async () => {
    for (let i = 1; i <= 5; i++) await from(t, `192.0.2.${i}`, p, 'spread-out-guess').expect(401);
    const refused = await from(t, '198.51.100.7', p, p.password).expect(429);
    expect(refused.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(refused.headers['retry-after'])).toBe(3600);
    expect(await failuresAudited(t, p.id)).toBe(5);
    clock.advanceMinutes(60);
    await from(t, '198.51.100.7', p, p.password).expect(200);
  });
});

describe('choosing a password', () => {
  let t: TestApp;
  let f: Fixtures;
  let institutionId: string;
  let adminToken: string;
  const passwords = ['Sniegs-Bērzi-Kaķis-17', 'Mākoņi-pār-Daugavu-42', 'Vējš-Jūrmalā-Ozols-9', 'Pūce-Lācis-Dzērve-33', 'Rudens-Lapas-Kūst-81'];

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock('2026-10-14T07:00:00Z') });
    f = new Fixtures(t.app);
    institutionId = (await f.institution('preschool', 'Saulespuķes sākumskola')).id;
    adminToken = await login(t.http, await f.person([{ institutionId, role: 'admin' }]));
  });
  afterAll(() => t.close());

  /** Registered the way an administrator does it: the issued password is shown once. */
  const employee = async (givenName: string, familyName: string, email: string) => {
    const res = await t.http
      .post(`/institutions/${institutionId}/staff`)
      .set(bearer(adminToken))
      .send({ givenName, familyName, email, roles: ['teacher'] })
      .expect(201);
    const issued: string = res.body.credentials.temporaryPassword;
    const signedIn = await t.http.post('/auth/login').send({ username: res.body.username, password: issued }).expect(200);
    return { id: res.body.id as string, username: res.body.username as string, issued, token: signedIn.body.accessToken as string };
  };
  const change = (token: string, currentPassword: string, newPassword: string) =>
    t.http.post('/auth/password').set(bearer(token)).send({ currentPassword, newPassword });

  it('judges strength with the person’s own words: names without diacritics, e-mail, their institution', async () => {
    const p = await employee('Dzintra', 'Kalniņa', 'dzintra.k@example.lv');
    for (const own of ['kalninadzintra', 'Kalnina2026!', 'Dzintra.K.2026', 'Saulespukes2026', 'SaulespukesSakumskola']) {
      const res = await change(p.token, p.issued, own).expect(422);
      expect(res.body.error.code).toBe('WEAK_PASSWORD');
    }
    await change(p.token, p.issued, passwords[0]).expect(204);
  });

  it('refuses the last five passwords, issued ones included, and forgets older ones', async () => {
    const p = await employee('Ilze', 'Ozola', 'ilze.ozola@example.lv');
    let current = p.issued;
    for (const next of passwords) {
      await change(p.token, current, next).expect(204);
      current = next;
    }
    // history now: passwords[0..4]; the issued one is the sixth-newest and may be used again
    for (const recent of passwords) {
      const res = await change(p.token, current, recent).expect(422);
      expect(res.body.error).toMatchObject({ code: 'PASSWORD_REUSED', details: [{ field: 'newPassword' }] });
    }
    await change(p.token, current, p.issued).expect(204);
    const kept = await t.app.get(MikroORM).em.fork().count(PasswordHistory, { user: p.id });
    expect(kept).toBe(5);
  });

  it('a password issued by an administrator’s reset cannot be chosen again', async () => {
    const p = await employee('Jānis', 'Liepa', 'janis.liepa@example.lv');
    const reset = await t.http.post(`/institutions/${institutionId}/people/${p.id}/password-reset`).set(bearer(adminToken)).expect(200);
    const issued: string = reset.body.temporaryPassword;
    const token = (await t.http.post('/auth/login').send({ username: p.username, password: issued }).expect(200)).body.accessToken;
    await change(token, issued, passwords[1]).expect(204);
    expect((await change(token, passwords[1], issued).expect(422)).body.error.code).toBe('PASSWORD_REUSED');
  });
});
