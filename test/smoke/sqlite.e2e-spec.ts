import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { migrateUp } from '../../libs/persistence/src/migrate';
import { Fixtures, bearer, login } from '../support/fixtures';
import { buildSchool } from '../support/school';
import { createTestApp, TestApp } from '../support/test-app';

/** The embedded default's database: start, migrate, log in, one write, one read. */
describe('smoke on SQLite', () => {
  let t: TestApp;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sp-smoke-db-'));
    t = await createTestApp({ env: { DATABASE_URL: `sqlite:${join(dir, 'smoke.sqlite')}`, DATA_DIR: dir } });
    const applied = await migrateUp(t.app.get(MikroORM));
    expect(applied.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('starts, logs in, writes and reads', async () => {
    const f = new Fixtures(t.app);
    const inst = await f.institution('preschool', 'Daugavpils 12. PII');
    const admin = await login(t.http, await f.person([{ institutionId: inst.id, role: 'admin' }]));
    const created = await t.http
      .post(`/institutions/${inst.id}/guardians`)
      .set(bearer(admin))
      .send({ givenName: 'Ļuba', familyName: 'Kuzņecova', phone: '+37129111222', language: 'ru' })
      .expect(201);
    expect(created.body).toMatchObject({ username: 'luba.kuznecova', phone: '+37129111222', credentials: { delivery: 'sms' } });
    const read = await t.http.get(`/institutions/${inst.id}/people/${created.body.id}`).set(bearer(admin)).expect(200);
    expect(read.body).toMatchObject({ displayName: 'Ļuba Kuzņecova', language: 'ru', roles: [{ role: 'guardian', active: true }] });
    const search = await t.http.get(`/institutions/${inst.id}/people?q=KUZ`).set(bearer(admin)).expect(200);
    expect(search.body.total).toBe(1);
    const health = await t.http.get('/health').expect(200);
    expect(health.body.info.database.status).toBe('up');
  });

  it('sends a class message, lists the inbox, confirms and shows receipts', async () => {
    const s = await buildSchool(t);
    const sent = await t.http
      .post('/messages')
      .set(bearer(s.teacherA.token))
      .set('Idempotency-Key', 'smoke-1')
      .send({ institutionId: s.inst, subject: 'Sveiki', body: '<p>Rīt ekskursija</p>', to: { groups: [{ groupId: s.groupA, audience: 'guardians' }] }, requiresAck: true, ackScope: 'one-per-student' })
      .expect(201);
    expect(sent.body).toMatchObject({ status: 'sent', recipientCount: 3 });
    const inbox = await t.http.get('/messages/inbox?unread=true').set(bearer(s.mother.token)).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toEqual([sent.body.id]);
    await t.http.post(`/messages/${sent.body.id}/ack`).set(bearer(s.mother.token)).expect(204);
    const receipts = await t.http.get(`/messages/${sent.body.id}/receipts`).set(bearer(s.teacherA.token)).expect(200);
    expect(receipts.body).toMatchObject({ total: 3, read: 1, acknowledged: 1 });
    const list = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(list.body.items[0]).toMatchObject({ id: sent.body.id, readCount: 1, ackCount: 1 });
  });
});
