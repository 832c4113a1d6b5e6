import type { Browser } from 'playwright-core';
import { bearer } from '../support/fixtures';
import { buildSchool, type School } from '../support/school';
import { createTestApp, type TestApp } from '../support/test-app';
import { DESKTOP, launchBrowser, openTab, PHONE, screenshot, seriousA11yViolations, signIn, type Tab } from '../support/browser';

/**
 * The web client in headless Chromium against the embedded app on a real port: a parent on a phone
 * and a teacher on a desktop, each in a profile of their own, following each other live.
 */
describe('web client in a browser', () => {
  let t: TestApp;
  let s: School;
  let browser: Browser;
  let parent: Tab;
  let teacher: Tab;
  const subject = `Ekskursija ${Date.now().toString(36)}`;

  beforeAll(async () => {
    [t, browser] = await Promise.all([createTestApp(), launchBrowser()]);
    s = await buildSchool(t);
    [parent, teacher] = await Promise.all([openTab(browser, PHONE), openTab(browser, DESKTOP)]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    // Every script ran under the client's CSP without a refusal or an uncaught error.
    expect([...(parent?.problems ?? []), ...(teacher?.problems ?? [])]).toEqual([]);
  });

  it('serves the client at / under a strict CSP and leaves API routes and /docs alone', async () => {
    const home = await t.http.get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    const csp = String(home.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    await t.http.get('/app/messages/anything').expect(200);
    // Unknown API paths still answer in the API's own error shape, never with the app's page.
    const missing = await t.http.get('/messages/inbox').expect(401);
    expect(missing.body.error.code).toBeDefined();
    await t.http.get('/no-such-route').expect(404);
    await t.http.get('/health').expect((r) => expect(r.headers['content-type']).toMatch(/json/));
    await t.http.get('/docs/openapi.json').expect(200);
  });

  it('signs in in Latvian with no serious accessibility violations', async () => {
    await parent.page.goto(`${t.url}/`);
    await parent.page.getByRole('heading', { name: 'Pieslēgties' }).waitFor();
    expect(await parent.page.getAttribute('html', 'lang')).toBe('lv');
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    await screenshot(parent.page, 'sign-in-phone');

    await parent.page.getByLabel('Lietotājvārds').fill(s.mother.username);
    await parent.page.getByLabel('Parole', { exact: true }).fill('nepareiza parole');
    await parent.page.getByRole('button', { name: 'Pieslēgties' }).click();
    await parent.page.getByRole('alert').getByText('Nepareizs lietotājvārds vai parole.').waitFor();

    await signIn(parent.page, t.url, s.mother);
    await parent.page.getByRole('heading', { name: 'Iesūtne' }).waitFor();
  });

  it("shows a teacher's message to the group on the parent's open inbox without a reload, with the unread badge", async () => {
    await signIn(teacher.page, t.url, s.teacherA);
    // A marker that a reload would wipe.
    await parent.page.evaluate(() => ((globalThis as Record<string, unknown>).stillTheSamePage = true));

    await teacher.page.getByRole('link', { name: 'Rakstīt' }).click();
    await teacher.page.getByLabel('Grupa').selectOption({ label: '1.a' });
    await teacher.page.getByLabel('Temats').fill(subject);
    await teacher.page.getByLabel('Ziņa').fill('Labdien!\n\nPiektdien dodamies uz muzeju. Lūdzu, apstipriniet.');
    await teacher.page.getByLabel('Lūgt apstiprinājumu').check();
    await screenshot(teacher.page, 'compose-desktop');
    await teacher.page.getByRole('button', { name: 'Sūtīt' }).click();
    await teacher.page.waitForURL('**/app/sent');
    await teacher.page.getByTestId('sent').getByText(subject).waitFor();

    const item = parent.page.getByTestId('inbox').getByRole('link', { name: new RegExp(subject) });
    await item.waitFor();
    await parent.page.getByTestId('unread-badge').waitFor();
    expect(await parent.page.evaluate(() => (globalThis as Record<string, unknown>).stillTheSamePage)).toBe(true);
    expect(await item.textContent()).toContain('Jāapstiprina');
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    await screenshot(parent.page, 'inbox-phone');
  });

  it("counts the parent's confirmation on the teacher's open sent list live", async () => {
    const row = teacher.page.locator('[data-testid=sent] li', { hasText: subject });
    await row.getByTestId('ack-count').getByText('0 apstiprinājuši no 3').waitFor();

    await parent.page.getByTestId('inbox').getByRole('link', { name: new RegExp(subject) }).click();
    await parent.page.getByRole('heading', { name: subject }).waitFor();
    await row.getByTestId('read-count').getByText('1 izlasījis no 3').waitFor();
    await parent.page.getByRole('button', { name: 'Apstiprināt izlasīšanu' }).click();
    await parent.page.getByTestId('ack').getByText(/Apstiprināts/).waitFor();
    await screenshot(parent.page, 'message-confirmed-phone');

    await row.getByTestId('ack-count').getByText('1 apstiprinājis no 3').waitFor();
    await screenshot(teacher.page, 'sent-desktop');
    // The page shows what the API says.
    const sent = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(sent.body.items.find((m: { subject: string }) => m.subject === subject)).toMatchObject({ readCount: 1, ackCount: 1, recipientCount: 3 });
  });

  it('highlights what moderation refused in an abusive draft, and sends nothing', async () => {
    await teacher.page.getByRole('link', { name: 'Rakstīt' }).click();
    await teacher.page.getByLabel('Temats').fill('Par uzvedību');
    await teacher.page.getByLabel('Ziņa').fill('Labdien,\n\nTu esi mauka.');
    await teacher.page.getByRole('button', { name: 'Sūtīt' }).click();
    const feedback = teacher.page.getByTestId('moderation-feedback');
    await feedback.waitFor();
    expect(await feedback.locator('mark').allTextContents()).toEqual(['mauka (apvainojums)']);
    expect(await teacher.page.getByLabel('Ziņa').getAttribute('aria-invalid')).toBe('true');
    await screenshot(teacher.page, 'moderation-feedback-desktop');
    const sent = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    expect(sent.body.items.map((m: { subject: string }) => m.subject)).not.toContain('Par uzvedību');
  });

  it('makes a person with an issued password choose their own before anything else', async () => {
    const issued = await s.f.person([{ institutionId: s.inst, role: 'guardian' }], { mustChangePassword: true });
    const tab = await openTab(browser, PHONE);
    try {
      await tab.page.goto(`${t.url}/`);
      await tab.page.getByLabel('Lietotājvārds').fill(issued.username);
      await tab.page.getByLabel('Parole', { exact: true }).fill(issued.password);
      await tab.page.getByRole('button', { name: 'Pieslēgties' }).click();
      await tab.page.getByRole('heading', { name: 'Nomainiet paroli' }).waitFor();
      await tab.page.getByLabel('Pašreizējā parole').fill(issued.password);
      await tab.page.getByLabel('Jaunā parole', { exact: true }).fill('parole12345');
      await tab.page.getByLabel('Jaunā parole vēlreiz').fill('parole12345');
      await tab.page.getByRole('button', { name: 'Saglabāt' }).click();
      await tab.page.getByRole('alert').getByText(/Parole ir pārāk vāja/).waitFor();
      await screenshot(tab.page, 'password-change-phone');
      await tab.page.getByLabel('Jaunā parole', { exact: true }).fill('Mākoņi-pār-Daugavu-42');
      await tab.page.getByLabel('Jaunā parole vēlreiz').fill('Mākoņi-pār-Daugavu-42');
      await tab.page.getByRole('button', { name: 'Saglabāt' }).click();
      await tab.page.waitForURL('**/app/inbox');
      await tab.page.getByRole('heading', { name: 'Iesūtne' }).waitFor();
      expect(tab.problems).toEqual([]);
      await t.http.post('/auth/login').send({ username: issued.username, password: 'Mākoņi-pār-Daugavu-42' }).expect(200);
    } finally {
      await tab.context.close();
    }
  });

  it('switches to Russian and keeps the choice after a reload', async () => {
    await parent.page.getByLabel('Valoda').selectOption('ru');
    await parent.page.getByRole('link', { name: 'Назад' }).click();
    await parent.page.getByRole('heading', { name: 'Входящие' }).waitFor();
    await parent.page.reload();
    await parent.page.getByRole('heading', { name: 'Входящие' }).waitFor();
    expect(await parent.page.getAttribute('html', 'lang')).toBe('ru');
  });
});
