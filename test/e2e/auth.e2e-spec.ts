import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { Fixtures, PASSWORD, Person, bearer, login } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  let f: Fixtures;
  let institutionId: string;
  let admin: Person;

  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_USERNAME: '3', LOGIN_FAILURE_WINDOW: '60s' } });
    f = new Fixtures(t.app);
    institutionId = (await f.institution()).id;
    admin = await f.person([{ institutionId, role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('logs in and returns tokens and the profile', async () => {
    const teacher = await f.person([{ institutionId, role: 'teacher' }]);
    const res = await t.http.post('/auth/login').send({ username: teacher.username.toUpperCase(), password: PASSWORD }).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900, user: { id: teacher.id, username: teacher.username, mustChangePassword: false } });
    expect(res.body.user.roles).toEqual([{ institutionId, role: 'teacher' }]);
    expect(res.body.user.children).toEqual([]);
    const me = await t.http.get('/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.id).toBe(teacher.id);
  });

  it('refuses a wrong password and an unknown user alike, and audits the failure', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const wrong = await t.http.post('/auth/login').send({ username: p.username, password: 'nope-nope-nope' }).expect(401);
    const unknown = await t.http.post('/auth/login').send({ username: 'nobody.here', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' } });
    expect(unknown.body).toEqual(wrong.body);
    const em = t.app.get(MikroORM).em.fork();
    expect(await em.count(AuditEntry, { action: 'auth.login_failed', actorId: p.id })).toBe(1);
  });

  it('throttles a username after repeated failures with 429 and Retry-After, even with the right password', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    for (let i = 0; i < 3; i++) await t.http.post('/auth/login').send({ username: p.username, password: 'wrong-wrong-1' }).expect(401);
    const res = await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD }).expect(429);
    expect(res.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    // another user from the same address is not locked out
    const other = await f.person([{ institutionId, role: 'teacher' }]);
    await t.http.post('/auth/login').send({ username: other.username, password: PASSWORD }).expect(200);
  });

  it('throttles an address after too many failures across usernames', async () => {
    const strict = await createTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '4', LOGIN_MAX_FAILURES_PER_USERNAME: '100' } });
    try {
      for (let i = 0; i < 4; i++) await strict.http.post('/auth/login').send({ username: `ghost${i}`, password: 'x' }).expect(401);
      const res = await strict.http.post('/auth/login').send({ username: admin.username, password: PASSWORD }).expect(429);
      expect(res.headers['retry-after']).toBeDefined();
    } finally {
      await strict.close();
    }
  });

  it('rotates refresh tokens and treats reuse as theft: the family is revoked', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const first = (await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD }).expect(200)).body;
    const second = (await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/me').set(bearer(second.accessToken)).expect(200);

    const reuse = await t.http.post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_REUSED');
    // the thief's reuse ended the family: the legitimate, newer tokens are dead too
    await t.http.post('/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    const me = await t.http.get('/me').set(bearer(second.accessToken)).expect(401);
    expect(me.body.error.code).toBe('SESSION_REVOKED');
  });

  it('refuses forged and malformed refresh tokens', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const { refreshToken } = (await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD })).body;
    const [sid, gen] = refreshToken.split('.');
    const forged = `${sid}.${Number(gen) + 5}.${'A'.repeat(43)}`;
    expect((await t.http.post('/auth/refresh').send({ refreshToken: forged }).expect(401)).body.error.code).toBe('INVALID_REFRESH_TOKEN');
    expect((await t.http.post('/auth/refresh').send({ refreshToken: 'garbage' }).expect(401)).body.error.code).toBe('INVALID_REFRESH_TOKEN');
    // the forgery did not end the real session
    await t.http.post('/auth/refresh').send({ refreshToken }).expect(200);
  });

  it('logout ends the session for both tokens', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const s = (await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD })).body;
    await t.http.post('/auth/logout').set(bearer(s.accessToken)).expect(204);
    await t.http.get('/me').set(bearer(s.accessToken)).expect(401);
    await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
  });

  it('needs a valid bearer token', async () => {
    expect((await t.http.get('/me').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    await t.http.get('/me').set('Authorization', 'Bearer not.a.jwt').expect(401);
    await t.http.get('/me').set('Authorization', 'Basic abc').expect(401);
  });

  it('forces a password change before anything else, and rejects weak passwords with a reason', async () => {
    const p = await f.person([{ institutionId, role: 'teacher' }], { mustChangePassword: true });
    const token = await login(t.http, p);
    const blocked = await t.http.get(`/institutions/${institutionId}/people`).set(bearer(token)).expect(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await t.http.get('/me').set(bearer(token)).expect(200)).body.mustChangePassword).toBe(true);

    for (const weak of ['password123', 'parole12345', `${p.username}2026`, 'short']) {
      const res = await t.http.post('/auth/password').set(bearer(token)).send({ currentPassword: PASSWORD, newPassword: weak }).expect(422);
      expect(res.body.error.code).toBe('WEAK_PASSWORD');
      expect(res.body.error.details[0]).toMatchObject({ field: 'newPassword' });
    }
    const wrongCurrent = await t.http
      .post('/auth/password')
      .set(bearer(token))
      .send({ currentPassword: 'not-it-at-all', newPassword: 'Mākoņi-pār-Daugavu-42' })
      .expect(422);
    expect(wrongCurrent.body.error.code).toBe('WRONG_CURRENT_PASSWORD');

    await t.http.post('/auth/password').set(bearer(token)).send({ currentPassword: PASSWORD, newPassword: 'Mākoņi-pār-Daugavu-42' }).expect(204);
    expect((await t.http.get('/me').set(bearer(token)).expect(200)).body.mustChangePassword).toBe(false);
    await t.http.post('/auth/login').send({ username: p.username, password: 'Mākoņi-pār-Daugavu-42' }).expect(200);
    await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD }).expect(401);
  });

  it('deactivation revokes access at once and blocks new logins', async () => {
    const adminToken = await login(t.http, admin);
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const s = (await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD })).body;
    await t.http.get('/me').set(bearer(s.accessToken)).expect(200);
    const res = await t.http
      .post(`/institutions/${institutionId}/people/${p.id}/deactivate`)
      .set(bearer(adminToken))
      .send({ reason: 'Employment ended' })
      .expect(200);
    expect(res.body.active).toBe(false);
    expect((await t.http.get('/me').set(bearer(s.accessToken)).expect(401)).body.error.code).toBe('SESSION_REVOKED');
    await t.http.post('/auth/refresh').send({ refreshToken: s.refreshToken }).expect(401);
    await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD }).expect(401);
  });

  it('an admin password reset ends sessions and forces a change', async () => {
    const adminToken = await login(t.http, admin);
    const p = await f.person([{ institutionId, role: 'teacher' }]);
    const s = (await t.http.post('/auth/login').send({ username: p.username, password: PASSWORD })).body;
    const reset = await t.http.post(`/institutions/${institutionId}/people/${p.id}/password-reset`).set(bearer(adminToken)).expect(200);
    expect(reset.body.delivery).toBe('shown');
    await t.http.get('/me').set(bearer(s.accessToken)).expect(401);
    const again = await t.http.post('/auth/login').send({ username: p.username, password: reset.body.temporaryPassword }).expect(200);
    expect(again.body.user.mustChangePassword).toBe(true);
  });
});
