import type { Browser, Page } from 'playwright-core';
import { User } from '../../libs/directory/src/entities/user.entity';
import { rigaDate } from '../../libs/platform/src/time/riga-time';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { DESKTOP, launchBrowser, openTab, PHONE, screenshot, seriousA11yViolations, signIn, type Tab } from '../support/browser';
import { bearer } from '../support/fixtures';
import { startNotificationRig, type NotificationRig } from '../support/notification-rig';
import { buildSchool, type School } from '../support/school';
import { TEST_NOW } from '../support/test-now';
import type { TestApp } from '../support/test-app';

/**
 * The web client's post, preferences and marks pages in headless Chromium, against the app with its
 * notifications worker (so the sent message's page shows real e-mail deliveries): a mother on a
 * phone, her child's teacher on a desktop.
 */
/** Nothing wider than the screen: a phone never scrolls sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => {
  const g = globalThis as unknown as { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
  return g.document.documentElement.scrollWidth <= g.innerWidth;
});

describe('web client: post, preferences and marks', () => {
  const clock = new FixedClock(TEST_NOW);
  let rig: NotificationRig;
  let t: TestApp;
  let s: School;
  let browser: Browser;
  let parent: Tab;
  let teacher: Tab;
  const tag = Date.now().toString(36);
  const subject = `Vecāku sapulce ${tag}`;
  let messageId: string;

  beforeAll(async () => {
    [rig, browser] = await Promise.all([startNotificationRig(clock, { ALERT_DELAY_SECONDS: '0' }), launchBrowser()]);
    t = rig.t;
    s = await buildSchool(t);
    // The mother has an e-mail address, the father none: the page shows one sent e-mail and one suppressed.
    await rig.em().nativeUpdate(User, { id: s.mother.id }, { email: `mate.${tag}@example.lv` });
    [parent, teacher] = await Promise.all([openTab(browser, PHONE), openTab(browser, DESKTOP)]);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });
  afterEach(() => {
    expect([...(parent?.problems ?? []), ...(teacher?.problems ?? [])]).toEqual([]);
  });

  it('saves notification preferences and reads them back; password and urgent cannot be switched off', async () => {
    await signIn(parent.page, t.url, s.mother);
    await parent.page.getByRole('link', { name: 'Paziņojumi' }).click();
    await parent.page.getByRole('heading', { name: 'Paziņojumi' }).waitFor();
    const box = (row: string, channel: string) => parent.page.getByRole('checkbox', { name: `${row}: ${channel}`, exact: true });

    // The server's defaults.
    expect(await box('Jauna ziņa', 'E-pasts').isChecked()).toBe(true);
    expect(await box('Jauna ziņa', 'SMS').isChecked()).toBe(false);
    // The password goes by SMS only: on and locked, the others off and locked, with the reason.
    expect(await box('Parole', 'SMS').isChecked()).toBe(true);
    for (const ch of ['SMS', 'E-pasts', 'Lietotnē']) expect(await box('Parole', ch).isDisabled()).toBe(true);
    expect(await box('Parole', 'SMS').getAttribute('aria-describedby')).toBe('why-password');
    expect(await parent.page.locator('#why-password').textContent()).toBe('Obligāts: vienmēr pa SMS');
    // Urgent: either e-mail or SMS may go, not both.
    expect(await box('Steidzama ziņa', 'SMS').isDisabled()).toBe(false);
    await box('Steidzama ziņa', 'SMS').uncheck();
    expect(await box('Steidzama ziņa', 'E-pasts').isDisabled()).toBe(true);
    expect(await box('Steidzama ziņa', 'E-pasts').isChecked()).toBe(true);

    await box('Jauna ziņa', 'E-pasts').uncheck();
    await box('Jauna ziņa', 'SMS').check();
    await parent.page.getByLabel(/Viena ikdienas e-pasta vēstule/).check();
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    expect(await fitsWidth(parent.page)).toBe(true);
    await screenshot(parent.page, 'preferences-phone');
    await parent.page.getByRole('button', { name: 'Saglabāt' }).click();
    await parent.page.getByRole('status').getByText('Iestatījumi saglabāti.').waitFor();

    const stored = (await t.http.get('/me/notification-preferences').set(bearer(s.mother.token)).expect(200)).body;
    expect(stored.categories.message).toEqual({ inApp: true, email: false, sms: true });
    expect(stored.categories.urgent).toEqual({ inApp: true, email: true, sms: false });
    expect(stored.categories.password).toEqual({ inApp: false, email: false, sms: true });
    expect(stored.digest).toBe(true);

    await parent.page.reload();
    await parent.page.getByRole('heading', { name: 'Paziņojumi' }).waitFor();
    expect(await box('Jauna ziņa', 'SMS').isChecked()).toBe(true);
    expect(await box('Jauna ziņa', 'E-pasts').isChecked()).toBe(false);
    expect(await box('Steidzama ziņa', 'SMS').isChecked()).toBe(false);
    expect(await parent.page.getByLabel(/Viena ikdienas e-pasta vēstule/).isChecked()).toBe(true);

    // Back to the defaults, so the message below goes by e-mail.
    await box('Jauna ziņa', 'E-pasts').check();
    await box('Jauna ziņa', 'SMS').uncheck();
    await box('Steidzama ziņa', 'SMS').check();
    await parent.page.getByLabel(/Viena ikdienas e-pasta vēstule/).uncheck();
    await parent.page.getByRole('button', { name: 'Saglabāt' }).click();
    await parent.page.getByRole('status').getByText('Iestatījumi saglabāti.').waitFor();
    expect((await t.http.get('/me/notification-preferences').set(bearer(s.mother.token)).expect(200)).body.digest).toBe(false);
  });

  it('lets a teacher write to chosen people of her group, offering only those the policy allows', async () => {
    await signIn(teacher.page, t.url, s.teacherA);
    await teacher.page.getByRole('link', { name: 'Rakstīt' }).click();
    await teacher.page.getByLabel('Atsevišķiem cilvēkiem').check();
    const picker = teacher.page.getByTestId('people-picker');
    await picker.waitFor();
    const names = await picker.locator('.name').allTextContents();
    // Group A's families and the institution's staff; never group B's family or another school's.
    expect(names.some((n) => n.startsWith('Māte '))).toBe(true);
    expect(names.some((n) => n.startsWith('Citsvecāks '))).toBe(false);
    expect(names.some((n) => n.startsWith('Svešs '))).toBe(false);
    expect(names.some((n) => n.startsWith('Līga '))).toBe(false);
    expect(await picker.getByText(/^vecāks: Anna .*, Jānis /).count()).toBe(1);

    await picker.getByLabel('Meklēt pēc vārda').fill('māte');
    expect(await picker.locator('.name').allTextContents()).toEqual([expect.stringMatching(/^Māte /)]);
    await picker.getByRole('checkbox').check();
    await picker.getByLabel('Meklēt pēc vārda').fill('Tēvs');
    await picker.getByRole('checkbox', { name: /^Tēvs / }).check();
    await picker.getByText('Izvēlēti 2').waitFor();
    await teacher.page.setViewportSize(PHONE);
    expect(await fitsWidth(teacher.page)).toBe(true);
    await screenshot(teacher.page, 'compose-people-phone');
    await teacher.page.setViewportSize(DESKTOP);
    await teacher.page.getByLabel('Temats').fill(subject);
    await teacher.page.getByLabel('Ziņa').fill('Labdien!\n\nAicinu uz sarunu ceturtdien. Lūdzu, apstipriniet.');
    await teacher.page.getByLabel('Lūgt apstiprinājumu').check();
    expect(await seriousA11yViolations(teacher.page)).toEqual([]);
    await screenshot(teacher.page, 'compose-people-desktop');
    await teacher.page.getByRole('button', { name: 'Sūtīt' }).click();
    await teacher.page.waitForURL('**/app/sent');

    const sent = await t.http.get('/messages/sent').set(bearer(s.teacherA.token)).expect(200);
    const item = sent.body.items.find((m: { subject: string }) => m.subject === subject);
    expect(item).toMatchObject({ recipientCount: 2, requiresAck: true });
    messageId = item.id;
  });

  it("shows the sent message's deliveries and who has not confirmed, and follows the parent's confirmation live", async () => {
    // The alert e-mail has gone (or been suppressed) before the page is opened.
    await rig.settled((await rig.eventOf(`message-alert:${messageId}`)).id);
    await teacher.page.locator('[data-testid=sent] li', { hasText: subject }).getByRole('link').click();
    await teacher.page.waitForURL(`**/app/sent/${messageId}`);
    await teacher.page.getByRole('heading', { name: subject }).waitFor();
    const pending = teacher.page.getByTestId('pending');
    await pending.getByRole('heading', { name: 'Nav apstiprinājuši: 2' }).waitFor();
    expect((await pending.locator('li').allTextContents()).map((n) => n.split(' ')[0]).sort()).toEqual(['Māte', 'Tēvs']);
    const mother = teacher.page.locator(`[data-user-id="${s.mother.id}"]`);
    const father = teacher.page.locator(`[data-user-id="${s.father.id}"]`);
    expect(await mother.locator('[data-channel=email]').getAttribute('data-status')).toBe('sent');
    expect(await mother.locator('[data-channel=email]').textContent()).toMatch(/^E-pasts: nosūtīts · /);
    // The father has neither e-mail nor phone: no alert left the app for him.
    expect(await father.locator('[data-channel]').count()).toBe(0);
    expect(await father.locator('.deliveries').textContent()).toBe('Tikai lietotnē');
    // What the page shows is what the API says.
    const receipts = (await t.http.get(`/messages/${messageId}/receipts`).set(bearer(s.teacherA.token)).expect(200)).body;
    const motherRow = receipts.recipients.find((r: { userId: string }) => r.userId === s.mother.id);
    expect(motherRow.deliveries).toEqual([expect.objectContaining({ channel: 'email', status: 'sent' })]);
    expect(await seriousA11yViolations(teacher.page)).toEqual([]);

    await parent.page.getByRole('link', { name: /Iesūtne/ }).click();
    await parent.page.getByTestId('inbox').getByRole('link', { name: new RegExp(subject) }).click();
    await parent.page.getByRole('heading', { name: subject }).waitFor();
    await teacher.page.getByTestId('detail-counts').getByText('1 izlasījis no 2').waitFor();
    await parent.page.getByRole('button', { name: 'Apstiprināt izlasīšanu' }).click();
    await parent.page.getByTestId('ack').getByText(/Apstiprināts/).waitFor();

    await pending.getByRole('heading', { name: 'Nav apstiprinājis: 1' }).waitFor();
    expect((await pending.locator('li').allTextContents()).map((n) => n.split(' ')[0])).toEqual(['Tēvs']);
    await teacher.page.getByTestId('detail-counts').getByText('1 apstiprinājis no 2').waitFor();
    await mother.getByText(/^Apstiprināts /).waitFor();
    await screenshot(teacher.page, 'sent-detail-desktop');
    await teacher.page.setViewportSize(PHONE);
    expect(await fitsWidth(teacher.page)).toBe(true);
    await screenshot(teacher.page, 'sent-detail-phone');
    await teacher.page.setViewportSize(DESKTOP);
  });

  it("shows moderation's feedback on an abusive reply, and a clean reply reaches the teacher's inbox", async () => {
    const reply = parent.page.getByLabel('Jūsu atbilde');
    await reply.fill('Tu esi mauka.');
    await parent.page.getByRole('button', { name: 'Atbildēt' }).click();
    const feedback = parent.page.getByTestId('moderation-feedback');
    await feedback.waitFor();
    expect(await feedback.locator('mark').allTextContents()).toEqual(['mauka (apvainojums)']);
    expect(await reply.getAttribute('aria-invalid')).toBe('true');
    await screenshot(parent.page, 'reply-rejected-phone');

    await teacher.page.getByRole('link', { name: /Iesūtne/ }).click();
    await teacher.page.getByRole('heading', { name: /Iesūtne/ }).waitFor();
    await reply.fill('Paldies, ceturtdien būšu.');
    await parent.page.getByRole('button', { name: 'Atbildēt' }).click();
    await parent.page.getByRole('status').getByText(/^Atbilde nosūtīta: Skolotāja /).waitFor();
    expect(await parent.page.getByTestId('moderation-feedback').count()).toBe(0);
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    expect(await fitsWidth(parent.page)).toBe(true);
    await screenshot(parent.page, 'reply-sent-phone');

    // Live on the teacher's open inbox, and in the API.
    await teacher.page.getByTestId('inbox').getByRole('link', { name: new RegExp(`Re: ${subject}`) }).waitFor();
    const inbox = (await t.http.get('/messages/inbox').set(bearer(s.teacherA.token)).expect(200)).body.items;
    const answer = inbox.find((m: { subject: string }) => m.subject === `Re: ${subject}`);
    expect(answer.sender.id).toBe(s.mother.id);
    const body = (await t.http.get(`/messages/${answer.id}`).set(bearer(s.teacherA.token)).expect(200)).body;
    expect(body.bodyText).toBe('Paldies, ceturtdien būšu.');
    // The abusive draft was never sent.
    expect(inbox.filter((m: { subject: string }) => m.subject === `Re: ${subject}`)).toHaveLength(1);
  });

  it("lets the sender follow up to all the message's recipients from her own copy, and the parent's open inbox shows it live", async () => {
    await parent.page.getByRole('link', { name: /Iesūtne/ }).click();
    await parent.page.getByTestId('inbox').getByRole('link', { name: new RegExp(subject) }).first().waitFor();
    await teacher.page.goto(`${t.url}/app/messages/${messageId}`);
    await teacher.page.getByRole('heading', { name: subject }).waitFor();
    await teacher.page.getByRole('heading', { name: 'Papildinājums visiem saņēmējiem' }).waitFor();
    await teacher.page.getByLabel('Jūsu atbilde').fill('Sapulce sāksies 18:30, nevis 18:00.');
    await teacher.page.getByRole('button', { name: 'Atbildēt' }).click();
    await teacher.page.getByRole('status').getByText('Papildinājums nosūtīts visiem saņēmējiem.').waitFor();
    expect(await seriousA11yViolations(teacher.page)).toEqual([]);

    // Live on the mother's open inbox; the father (the other recipient) has it too.
    await parent.page.getByTestId('inbox').getByRole('link', { name: new RegExp(`Re: ${subject}`) }).waitFor();
    for (const who of [s.mother, s.father]) {
      const inbox = (await t.http.get('/messages/inbox').set(bearer(who.token)).expect(200)).body.items;
      const followUps = inbox.filter((m: { subject: string }) => m.subject === `Re: ${subject}`);
      expect(followUps.map((m: { sender: { id: string } }) => m.sender.id)).toEqual([s.teacherA.id]);
    }
  });

  it("shows a parent her children's marks by subject with their scales, and nothing of another family's child", async () => {
    const today = rigaDate(clock.now());
    const mark = (token: string, body: Record<string, unknown>) =>
      t.http.post('/marks').set(bearer(token)).send({ date: today, ...body }).expect(201);
    await mark(s.teacherA.token, { studentId: s.child1.id, subject: 'Matemātika', scale: '1-10', value: '8', kind: 'test' });
    await mark(s.teacherA.token, { studentId: s.child1.id, subject: 'Matemātika', scale: '1-10', value: null });
    await mark(s.teacherA.token, { studentId: s.child1.id, subject: 'Latviešu valoda', scale: 'S-T-A-P', value: 'A' });
    await mark(s.teacherA.token, { studentId: s.child2.id, subject: 'Sports', scale: 'pass-fail', value: 'pass' });
    await mark(s.teacherB.token, { studentId: s.child4.id, subject: 'Matemātika', scale: '1-10', value: '3' });

    await parent.page.getByRole('link', { name: 'Atzīmes' }).click();
    await parent.page.waitForURL(/\/app\/marks\/[0-9a-f-]{36}$/);
    const tabs = parent.page.getByRole('navigation', { name: 'Bērni' });
    await tabs.getByRole('link', { name: /^Anna / }).click();
    await parent.page.getByRole('heading', { name: /^Atzīmes: Anna / }).waitFor();
    const maths = parent.page.locator('[data-subject="Matemātika"]');
    await maths.getByRole('heading', { name: 'Matemātika' }).waitFor();
    expect(await maths.getByTestId('mark').count()).toBe(2);
    // Both marks share a date and (frozen clock) a creation time, so their order is the API's; compare as a set.
    expect((await maths.locator('.value').allTextContents()).sort()).toEqual(['8', '—']);
    expect(await maths.textContent()).toContain('nav vērtēts');
    expect(await maths.textContent()).toContain('pārbaudes darbs');
    expect(await maths.locator('.scale').allTextContents()).toEqual(['1-10', '1-10']);
    const latvian = parent.page.locator('[data-subject="Latviešu valoda"]');
    expect(await latvian.locator('.value').textContent()).toBe('A');
    expect(await latvian.locator('.scale').textContent()).toBe('S-T-A-P');
    expect(await latvian.textContent()).toContain('apguvis');
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    expect(await fitsWidth(parent.page)).toBe(true);
    await screenshot(parent.page, 'marks-phone');

    await tabs.getByRole('link', { name: /^Jānis / }).click();
    await parent.page.getByRole('heading', { name: /^Atzīmes: Jānis / }).waitFor();
    const sports = parent.page.locator('[data-subject="Sports"]');
    expect(await sports.locator('.scale').textContent()).toBe('pass-fail');
    expect(await sports.textContent()).toContain('ieskaitīts');
    expect(await parent.page.locator('[data-subject="Matemātika"]').count()).toBe(0);

    // Another family's child: the API answers 404 and the page shows nothing of theirs.
    const other = await t.http.get(`/students/${s.child4.id}/marks`).set(bearer(s.mother.token)).expect(404);
    expect(other.body.error.code).toBeDefined();
    await parent.page.goto(`${t.url}/app/marks/${s.child4.id}`);
    await parent.page.getByRole('alert').getByText('Skolēns nav atrasts.').waitFor();
    expect(await parent.page.getByTestId('mark').count()).toBe(0);
    expect(await parent.page.locator('main').textContent()).not.toContain('Līga');
  });

  it('reads the new pages in Russian and English too', async () => {
    await parent.page.getByLabel('Valoda').selectOption('ru');
    await parent.page.getByRole('link', { name: 'Уведомления' }).click();
    await parent.page.getByRole('heading', { name: 'Уведомления' }).waitFor();
    await parent.page.getByRole('checkbox', { name: 'Пароль: SMS', exact: true }).waitFor();
    await parent.page.getByLabel('Язык').selectOption('en');
    await parent.page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await parent.page.getByRole('link', { name: 'Marks' }).click();
    await parent.page.getByRole('heading', { name: /^Marks: / }).waitFor();
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
  });
});
