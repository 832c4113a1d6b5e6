import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { RoleAssignment } from '../../libs/directory/src/entities';
import { OutboxMessage } from '../../libs/notifications/src/outbox/outbox-message.entity';
import { SecretBox } from '../../libs/platform/src/crypto/secret-box';
import { Fixtures, bearer, login } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

describe('directory administration', () => {
  let t: TestApp;
  let f: Fixtures;
  let A: string;
  let B: string;
  let adminA: string;
  let adminB: string;
  let groupId: string;
  const em = () => t.app.get(MikroORM).em.fork();

  beforeAll(async () => {
    t = await createTestApp();
    f = new Fixtures(t.app);
    A = (await f.institution('preschool')).id;
    B = (await f.institution('school')).id;
    groupId = (await f.group(A)).id;
    adminA = await login(t.http, await f.person([{ institutionId: A, role: 'admin' }]));
    adminB = await login(t.http, await f.person([{ institutionId: B, role: 'deputy_head' }]));
  });
  afterAll(() => t.close());

  it('registers a student in a group, then a guardian whose password goes by SMS through the outbox, sealed', async () => {
    const student = await t.http
      .post(`/institutions/${A}/students`)
      .set(bearer(adminA))
      .send({ givenName: 'Marta', familyName: 'Bērziņa', groupId, fromDate: '2026-09-01' })
      .expect(201);
    expect(student.body).toMatchObject({ username: expect.stringMatching(/^marta\.berzina\d*$/), roles: [{ role: 'student', active: true }] });
    expect(student.body.credentials).toBeUndefined(); // pre-school children get no sign-in

    // 27… is a Latvian mobile range throughout; a random 2xxxxxxx is not always a valid mobile (about 1 in 100).
    const phone = `27${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const guardian = await t.http
      .post(`/institutions/${A}/guardians`)
      .set(bearer(adminA))
      .send({ givenName: 'Ilze', familyName: 'Bērziņa', phone: `${phone.slice(0, 2)} ${phone.slice(2)}`, email: 'Ilze@Example.COM', children: [{ studentId: student.body.id, relation: 'mother' }] })
      .expect(201);
    expect(guardian.body.phone).toBe(`+371${phone}`);
    expect(guardian.body.email).toBe('Ilze@example.com');
    expect(guardian.body.credentials).toEqual({ delivery: 'sms' });

    const rows = await em().find(OutboxMessage, { kind: 'password-sms', payload: { userId: guardian.body.id } } as never);
    expect(rows).toHaveLength(1);
    const payload = rows[0].payload as Record<string, string>;
    expect(payload).toMatchObject({ userId: guardian.body.id, institutionId: A, reason: 'registered' });
    expect(JSON.stringify(payload)).not.toContain(phone);
    const password = t.app.get(SecretBox).open(payload.sealedPassword);
    expect(JSON.stringify(payload)).not.toContain(password);
    const first = await t.http.post('/auth/login').send({ username: guardian.body.username, password }).expect(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    expect(first.body.user.children).toEqual([{ id: student.body.id, displayName: 'Marta Bērziņa', institutionId: A, groupId }]);

    // the same number registered by a second institution is the same person: no second account, no second SMS
    const older = await t.http.post(`/institutions/${B}/students`).set(bearer(adminB)).send({ givenName: 'Pēteris', familyName: 'Bērziņš' }).expect(201);
    const again = await t.http
      .post(`/institutions/${B}/guardians`)
      .set(bearer(adminB))
      .send({ givenName: 'Ilze', familyName: 'Bērziņa', phone: `+371${phone}`, children: [{ studentId: older.body.id, relation: 'mother' }] })
      .expect(201);
    expect(again.body).toMatchObject({ id: guardian.body.id, existing: true });
    expect(await em().count(OutboxMessage, { kind: 'password-sms', payload: { userId: guardian.body.id } } as never)).toBe(1);
    const me = await t.http.get('/me').set(bearer(first.body.accessToken)).expect(200);
    expect(me.body.roles).toEqual(expect.arrayContaining([{ institutionId: A, role: 'guardian' }, { institutionId: B, role: 'guardian' }]));
  });

  it('lists and searches people with pagination', async () => {
    for (const name of ['Anna', 'Inese', 'Olga']) {
      await t.http.post(`/institutions/${A}/staff`).set(bearer(adminA)).send({ givenName: name, familyName: 'Kalniņa', roles: ['teacher'] }).expect(201);
    }
    const page = await t.http.get(`/institutions/${A}/people?role=teacher&q=kalni&pageSize=2&page=1`).set(bearer(adminA)).expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.body.items).toHaveLength(2);
    const page2 = await t.http.get(`/institutions/${A}/people?role=teacher&q=kalni&pageSize=2&page=2`).set(bearer(adminA)).expect(200);
    expect(page2.body.items.map((p: { givenName: string }) => p.givenName)).toEqual(['Olga']);
    const none = await t.http.get(`/institutions/${A}/people?q=%25`).set(bearer(adminA)).expect(200);
    expect(none.body.total).toBe(0); // % is a literal, not a wildcard
  });

  it('shows an issued staff password once and records the act in the audit log', async () => {
    const res = await t.http
      .post(`/institutions/${A}/staff`)
      .set(bearer(adminA))
      .send({ givenName: 'Ludmila', familyName: 'Ivanova', roles: ['nurse'], username: `nurse.${f.tag}` })
      .expect(201);
    expect(res.body.credentials).toMatchObject({ delivery: 'shown', temporaryPassword: expect.stringMatching(/^[\w]{4}-[\w]{4}-[\w]{4}$/) });
    const dup = await t.http
      .post(`/institutions/${A}/staff`)
      .set(bearer(adminA))
      .send({ givenName: 'Other', familyName: 'Person', roles: ['nurse'], username: `nurse.${f.tag}` })
      .expect(409);
    expect(dup.body.error.code).toBe('USERNAME_TAKEN');
    const audit = await t.http.get(`/institutions/${A}/audit?action=staff.create&objectId=${res.body.id}`).set(bearer(adminA)).expect(200);
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body)).not.toContain(res.body.credentials.temporaryPassword);
  });

  describe('bad input gets a 4xx with the stable shape and writes nothing', () => {
    let childOfB: string;
    let before: Awaited<ReturnType<typeof written>>;
    beforeAll(async () => {
      childOfB = (await f.person([{ institutionId: B, role: 'student' }], { password: null })).id;
    });
    // Institution A is this file's own: a guardian created there gets a role in A and an audit entry
    // naming A, so these are exactly the rows a wrongly accepted request would have written.
    const written = async () => ({
      roles: await em().count(RoleAssignment, { institution: A }),
      audit: await em().count(AuditEntry, { institutionId: A }),
    });
    beforeEach(async () => {
      before = await written();
    });
    afterEach(async () => {
      expect(await written()).toEqual(before);
    });
    const post = (body: string | object, type = 'application/json') =>
      t.http.post(`/institutions/${A}/guardians`).set(bearer(adminA)).set('Content-Type', type).send(typeof body === 'string' ? body : JSON.stringify(body));

    it('malformed JSON', async () => {
      const res = await post('{"givenName": "Ilze",').expect(400);
      expect(res.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' } });
    });
    it('wrong types name the field', async () => {
      const res = await post({ givenName: 42, familyName: ['x'] }).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['givenName', 'familyName']));
    });
    it('unknown fields are refused, not ignored', async () => {
      const res = await post({ givenName: 'Ilze', familyName: 'Ozola', isAdmin: true }).expect(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'isAdmin' })]);
    });
    it('nested fields are validated', async () => {
      const res = await post({ givenName: 'Ilze', familyName: 'Ozola', children: [{ studentId: 'nope', relation: 'aunt' }] }).expect(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['children.0.studentId', 'children.0.relation']));
    });
    it('oversized body', async () => {
      const res = await post({ givenName: 'Ilze', familyName: 'x'.repeat(400_000) }).expect(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    });
    it('invalid and landline phone numbers', async () => {
      expect((await post({ givenName: 'Ilze', familyName: 'Ozola', phone: '12345' }).expect(400)).body.error.code).toBe('INVALID_PHONE');
      const landline = await post({ givenName: 'Ilze', familyName: 'Ozola', phone: '67123456' }).expect(400);
      expect(landline.body.error).toMatchObject({ code: 'INVALID_PHONE', details: [{ field: 'phone' }] });
    });
    it('invalid e-mail', async () => {
      const res = await post({ givenName: 'Ilze', familyName: 'Ozola', email: 'ilze@@example' }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_EMAIL', details: [{ field: 'email' }] });
    });
    it("a child of another institution is not found and the guardian is not created", async () => {
      const res = await post({ givenName: 'Ilze', familyName: 'Ozola', children: [{ studentId: childOfB, relation: 'mother' }] }).expect(404);
      expect(res.body.error.code).toBe('STUDENT_NOT_FOUND');
    });
    it('unknown routes and bad ids', async () => {
      expect((await t.http.get('/nope').set(bearer(adminA)).expect(404)).body.error.code).toBe('NOT_FOUND');
      expect((await t.http.get(`/institutions/not-a-uuid/people`).set(bearer(adminA)).expect(400)).body.error.code).toBe('BAD_REQUEST');
    });
  });

  it('never shows a stack trace, and says which request failed', async () => {
    const res = await t.http.post('/auth/login').set('Content-Type', 'application/json').send('{bad');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.headers['x-request-id']).toBeDefined();
  });

  it('serves health, metrics and the OpenAPI document', async () => {
    const health = await t.http.get('/health').expect(200);
    expect(health.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up' } });
    const metrics = await t.http.get('/metrics').expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('queue_jobs');
    const doc = await t.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/auth/login', '/me', '/institutions/{institutionId}/guardians']));
    const headers = (await t.http.get('/health')).headers;
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
