import { MikroORM } from '@mikro-orm/core';
import { AuditEntry } from '../../libs/audit/src/audit-entry.entity';
import { NotificationPreference } from '../../libs/notifications/src/preferences/notification-preference.entity';
import { PreferencesReader } from '../../libs/notifications/src/preferences/preferences.reader';
import { mergePreferences } from '../../libs/notifications/src/preferences/preferences';
import { Fixtures, Person, bearer, login } from '../support/fixtures';
import { createTestApp, TestApp } from '../support/test-app';

const PATH = '/me/notification-preferences';
const DEFAULTS = mergePreferences(null);

describe('notification preferences', () => {
  let t: TestApp;
  let f: Fixtures;
  let institutionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Fixtures(t.app);
    institutionId = (await f.institution()).id;
  });
  afterAll(() => t.close());

  const guardian = () => f.person([{ institutionId, role: 'guardian' }]);
  const signIn = async (who: Person) => bearer(await login(t.http, who));
  const storedRow = (userId: string) => t.app.get(MikroORM).em.fork().findOne(NotificationPreference, { userId });

  it('gives a fresh user the defaults and names the mandatory channels', async () => {
    const auth = await signIn(await guardian());
    const res = await t.http.get(PATH).set(auth).expect(200);
    expect(res.body).toEqual({
      categories: DEFAULTS.categories,
      quietHours: null,
      digest: false,
      mandatory: { urgent: ['email', 'sms'], password: ['sms'], account: ['email', 'sms'] },
      notOffered: { password: ['inApp', 'email'] },
    });
    expect(res.body.categories.message).toEqual({ inApp: true, email: true, sms: false });
  });

  it('stores a choice, answers it and returns it on the next read; left-out categories keep the defaults', async () => {
    const p = await guardian();
    const auth = await signIn(p);
    const body = {
      categories: { message: { inApp: true, email: false, sms: true }, 'meal-report': { inApp: false, email: false, sms: false } },
      quietHours: { from: '21:30', to: '06:45' },
      digest: true,
    };
    const put = await t.http.put(PATH).set(auth).send(body).expect(200);
    const got = await t.http.get(PATH).set(auth).expect(200);
    expect(got.body).toEqual(put.body);
    expect(got.body).toMatchObject({ quietHours: body.quietHours, digest: true });
    expect(got.body.categories).toEqual({ ...DEFAULTS.categories, ...body.categories });

    // a second PUT replaces the choices: message returns to its default
    await t.http.put(PATH).set(auth).send({ categories: { journal: { inApp: true, email: false, sms: false } } }).expect(200);
    const replaced = await t.http.get(PATH).set(auth).expect(200);
    expect(replaced.body.categories).toEqual({ ...DEFAULTS.categories, journal: { inApp: true, email: false, sms: false } });
    expect(replaced.body).toMatchObject({ quietHours: null, digest: false });
    expect((await storedRow(p.id))?.categories).toEqual({ journal: { inApp: true, email: false, sms: false } });
  });

  it('refuses switching the password SMS off with 422 MANDATORY_CATEGORY and leaves the stored row as it was', async () => {
    const p = await guardian();
    const auth = await signIn(p);
    await t.http.put(PATH).set(auth).send({ categories: { journal: { inApp: false, email: false, sms: false } }, digest: true }).expect(200);
    const before = await storedRow(p.id);

    const res = await t.http
      .put(PATH)
      .set(auth)
      .send({ categories: { password: { inApp: false, email: false, sms: false }, journal: { inApp: true, email: true, sms: true } } })
      .expect(422);
    expect(res.body.error).toMatchObject({
      code: 'MANDATORY_CATEGORY',
      details: [{ field: 'categories.password', code: 'MANDATORY_CATEGORY', category: 'password', keepOneOf: ['sms'] }],
    });
    const after = await storedRow(p.id);
    expect(after).toEqual(before);
    expect(after?.categories).toEqual({ journal: { inApp: false, email: false, sms: false } });
  });

  it('refuses an urgent category with neither e-mail nor SMS, and the password by e-mail', async () => {
    const auth = await signIn(await guardian());
    const urgent = await t.http.put(PATH).set(auth).send({ categories: { urgent: { inApp: true, email: false, sms: false } } }).expect(422);
    expect(urgent.body.error.code).toBe('MANDATORY_CATEGORY');
    const byMail = await t.http.put(PATH).set(auth).send({ categories: { password: { inApp: false, email: true, sms: true } } }).expect(422);
    expect(byMail.body.error).toMatchObject({ code: 'CHANNEL_NOT_OFFERED', details: [{ category: 'password', channels: ['email'] }] });
  });

  it.each([
    ['an unknown category', { categories: { homework: { inApp: true, email: true, sms: true } } }, 'categories.homework'],
    ['an unknown channel', { categories: { message: { inApp: true, email: true, sms: false, push: true } } }, 'categories.message.push'],
    ['a list instead of a choice', { categories: { message: [] } }, 'categories.message'],
    ['a list instead of categories', { categories: [] }, 'categories'],
    ['a missing channel', { categories: { message: { inApp: true, email: true } } }, 'categories.message.sms'],
    ['a channel that is not a boolean', { categories: { message: { inApp: true, email: 'yes', sms: false } } }, 'categories.message.email'],
    ['an unknown field', { digest: false, sound: 'loud' }, 'sound'],
    ['a time past midnight', { quietHours: { from: '24:00', to: '07:00' } }, 'quietHours.from'],
    ['a time without minutes', { quietHours: { from: '21:00', to: '7' } }, 'quietHours.to'],
    ['quiet hours that end where they start', { quietHours: { from: '21:00', to: '21:00' } }, 'quietHours.to'],
    ['quiet hours without an end', { quietHours: { from: '21:00' } }, 'quietHours.to'],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_what, body, field) => {
    const p = await guardian();
    const res = await t.http.put(PATH).set(await signIn(p)).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await storedRow(p.id)).toBeNull();
  });

  it("changes only the caller's preferences", async () => {
    const [a, b] = [await guardian(), await guardian()];
    const [authA, authB] = [await signIn(a), await signIn(b)];
    await t.http.put(PATH).set(authB).send({ digest: true, categories: { message: { inApp: true, email: false, sms: false } } }).expect(200);
    const bBefore = await storedRow(b.id);

    await t.http.put(PATH).set(authA).send({ categories: { message: { inApp: false, email: false, sms: true } }, quietHours: { from: '20:00', to: '08:00' } }).expect(200);

    expect(await storedRow(b.id)).toEqual(bBefore);
    const bView = await t.http.get(PATH).set(authB).expect(200);
    expect(bView.body).toMatchObject({ digest: true, quietHours: null, categories: { message: { inApp: true, email: false, sms: false } } });
    const aView = await t.http.get(PATH).set(authA).expect(200);
    expect(aView.body).toMatchObject({ digest: false, quietHours: { from: '20:00', to: '08:00' }, categories: { message: { inApp: false, email: false, sms: true } } });
  });

  it("audits each change as the person, at the clock's time", async () => {
    const p = await guardian();
    const choice = { categories: { 'ack-reminder': { inApp: true, email: true, sms: true } }, quietHours: { from: '22:00', to: '07:00' }, digest: false };
    await t.http.put(PATH).set(await signIn(p)).send(choice).expect(200);
    const em = t.app.get(MikroORM).em.fork();
    const entries = await em.find(AuditEntry, { action: 'notification-preferences.update', actorId: p.id });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ objectType: 'user', objectId: p.id, institutionId: null, at: t.clock.now(), details: choice });
    expect((await storedRow(p.id))?.updatedAt).toEqual(t.clock.now());
  });

  it('writes no audit entry for a refused change', async () => {
    const p = await guardian();
    await t.http.put(PATH).set(await signIn(p)).send({ categories: { account: { inApp: true, email: false, sms: false } } }).expect(422);
    const em = t.app.get(MikroORM).em.fork();
    expect(await em.count(AuditEntry, { action: 'notification-preferences.update', actorId: p.id })).toBe(0);
  });

  it('is closed to someone who must change their password first, and to anonymous callers', async () => {
    const p = await f.person([{ institutionId, role: 'guardian' }], { mustChangePassword: true });
    const auth = await signIn(p);
    const get = await t.http.get(PATH).set(auth).expect(403);
    expect(get.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.http.put(PATH).set(auth).send({ digest: true }).expect(403);
    expect(await storedRow(p.id)).toBeNull();
    await t.http.get(PATH).expect(401);
  });

  describe('PreferencesReader.forUsers', () => {
    it('reads everyone at once: stored choices for one user, defaults for one without a row', async () => {
      const [withRow, withoutRow] = [await guardian(), await guardian()];
      await t.http.put(PATH).set(await signIn(withRow)).send({ categories: { urgent: { inApp: false, email: false, sms: true } }, digest: true }).expect(200);

      const prefs = await t.app.get(PreferencesReader).forUsers([withRow.id, withoutRow.id, withRow.id]);
      expect([...prefs.keys()].sort()).toEqual([withRow.id, withoutRow.id].sort());
      expect(prefs.get(withRow.id)).toEqual({ ...DEFAULTS, digest: true, categories: { ...DEFAULTS.categories, urgent: { inApp: false, email: false, sms: true } } });
      expect(prefs.get(withoutRow.id)).toEqual(DEFAULTS);
    });

    it('answers an empty map for nobody', async () => {
      expect((await t.app.get(PreferencesReader).forUsers([])).size).toBe(0);
    });
  });
});
