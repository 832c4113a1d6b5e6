import { Fixtures, bearer, login } from '../support/fixtures';
import { createTestApp, TEST_NOW, type TestApp } from '../support/test-app';

/** The harness itself: an app's time is the test's clock, down to the access tokens. */
describe('the test clock', () => {
  let t: TestApp;
  let f: Fixtures;
  let institutionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Fixtures(t.app);
    institutionId = (await f.institution('school')).id;
  });
  afterAll(() => t.close());

  it('stamps what the app records with TEST_NOW, not the day the tests run', async () => {
    expect(t.clock.now().toISOString()).toBe(new Date(TEST_NOW).toISOString());
    const teacher = await login(t.http, await f.person([{ institutionId, role: 'teacher' }]));
    const head = await f.person([{ institutionId, role: 'head' }]);
    const sent = await t.http
      .post('/messages')
      .set(bearer(teacher))
      .send({ institutionId, subject: 'Pulkstenis', body: 'Labdien!', to: { users: [head.id] } })
      .expect(201);
    const read = await t.http.get(`/messages/${sent.body.id}`).set(bearer(await login(t.http, head))).expect(200);
    expect(read.body.sentAt).toBe(t.clock.now().toISOString());
  });

  it('expires an access token when the app’s clock passes its lifetime, however far that clock is from today', async () => {
    const who = await f.person([{ institutionId, role: 'teacher' }]);
    const session = (await t.http.post('/auth/login').send({ username: who.username, password: who.password }).expect(200)).body;
    t.clock.advanceSeconds(session.expiresIn - 1);
    await t.http.get('/me').set(bearer(session.accessToken)).expect(200);
    t.clock.advanceSeconds(1);
    const expired = await t.http.get('/me').set(bearer(session.accessToken)).expect(401);
    expect(expired.body.error.code).toBe('UNAUTHENTICATED');
    const renewed = (await t.http.post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)).body;
    await t.http.get('/me').set(bearer(renewed.accessToken)).expect(200);
  });
});
