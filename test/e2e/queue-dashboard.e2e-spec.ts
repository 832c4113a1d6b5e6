import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { Institution } from '../../libs/directory/src/entities';
import { DASHBOARD_CSP } from '../../apps/worker/src/queue-dashboard/queue-dashboard.mount';
import { QUEUES } from '../../libs/notifications/src/jobs/job-catalogue';
import { Fixtures, bearer, login } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * The job queues' dashboard at /admin/queues is a browser page: its requests carry a cookie, not a
 * bearer token. Only the operator institution's admins may mint that cookie, and every dashboard
 * request re-checks the session and the role behind it.
 */
describe('queue dashboard', () => {
  let t: TestApp;
  let f: Fixtures;
  const operator = randomUUID();
  let school: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { QUEUE_DASHBOARD_INSTITUTION: operator } });
    f = new Fixtures(t.app);
    const em = t.app.get(MikroORM).em.fork();
    em.create(Institution, { id: operator, name: `Izglītības pārvalde ${f.tag}`, kind: 'school' });
    await em.flush();
    school = (await f.institution('school', `Skola ${f.tag}`)).id;
  });
  afterAll(() => t?.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const set = res.headers['set-cookie'] as string[] | undefined;
    return set?.[0];
  };

  it('refuses a request without the cookie, with a forged one, and with only a bearer token', async () => {
    const admin = await login(t.http, await f.person([{ institutionId: operator, role: 'admin' }]));
    for (const req of [
      t.http.get('/admin/queues/api/queues'),
      t.http.get('/admin/queues/api/queues').set('Cookie', 'sp_queues=eyJ1aWQiOiJ4In0.forged'),
      t.http.get('/admin/queues/api/queues').set(bearer(admin)),
    ]) {
      const res = await req;
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 401, code: 'QUEUE_SESSION_REQUIRED' });
    }
    await t.http.post('/admin/queues/session').expect(401); // the session call itself needs the bearer token
  });

  it('refuses a teacher, a guardian and another school’s admin (403)', async () => {
    for (const roles of [
      [{ institutionId: school, role: 'teacher' as const }],
      [{ institutionId: school, role: 'guardian' as const }],
      [{ institutionId: school, role: 'admin' as const }],
      [{ institutionId: operator, role: 'teacher' as const }],
    ]) {
      const token = await login(t.http, await f.person(roles));
      const res = await t.http.post('/admin/queues/session').set(bearer(token));
      expect({ status: res.status, code: res.body.error?.code, cookie: cookieOf(res) }).toEqual({ status: 403, code: 'NOT_QUEUE_OPERATOR', cookie: undefined });
      // The probe the web client asks before it offers the dashboard says the same, and mints nothing.
      const probe = await t.http.get('/admin/queues/session').set(bearer(token));
      expect({ status: probe.status, code: probe.body.error?.code, cookie: cookieOf(probe) }).toEqual({ status: 403, code: 'NOT_QUEUE_OPERATOR', cookie: undefined });
    }
    await t.http.get('/admin/queues/session').expect(401);
  });

  it('lets the operator’s admin in with a short-lived HttpOnly SameSite=Strict cookie, and only while the session lives', async () => {
    const person = await f.person([{ institutionId: operator, role: 'admin' }]);
    const token = await login(t.http, person);
    const probe = await t.http.get('/admin/queues/session').set(bearer(token)).expect(204);
    expect(cookieOf(probe)).toBeUndefined();
    const opened = await t.http.post('/admin/queues/session').set(bearer(token)).expect(204);
    const cookie = cookieOf(opened)!;
    expect(cookie).toMatch(/^sp_queues=[^;]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict/);

    const page = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]).expect(200);
    // Every queue of the catalogue, read-only.
    const listed = (page.body.queues as { name: string }[]).map((q) => q.name).sort();
    expect(listed).toEqual(Object.values(QUEUES).sort());
    for (const queue of page.body.queues) {
      expect(queue).toMatchObject({ readOnlyMode: true, counts: { waiting: expect.any(Number), failed: expect.any(Number) } });
    }
    const ui = await t.http.get('/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    // Its own policy (no inline script) and no third-party stylesheet (see queue-dashboard.mount.ts).
    expect(ui.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(ui.text).toContain('static/js/');
    expect(ui.text).not.toContain('fonts.googleapis.com');

    await t.http.post('/auth/logout').set(bearer(token)).expect(204);
    const after = await t.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(after.status).toBe(401);
  });

  it('opens for nobody while no operator institution is configured', async () => {
    const bare = await createTestApp();
    try {
      const g = new Fixtures(bare.app);
      const inst = (await g.institution('school', `Skola ${g.tag}`)).id;
      const token = await login(bare.http, await g.person([{ institutionId: inst, role: 'admin' }]));
      const res = await bare.http.post('/admin/queues/session').set(bearer(token));
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 403, code: 'NOT_QUEUE_OPERATOR' });
    } finally {
      await bare.close();
    }
  });

  it('expires with its lifetime', async () => {
    const token = await login(t.http, await f.person([{ institutionId: operator, role: 'admin' }]));
    const cookie = cookieOf(await t.http.post('/admin/queues/session').set(bearer(token)).expect(204))!.split(';')[0];
    t.clock.advanceSeconds(901);
    try {
      await t.http.get('/admin/queues/api/queues').set('Cookie', cookie).expect(401);
    } finally {
      t.clock.advanceSeconds(-901);
    }
  });
});
