import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { Browser, Page } from 'playwright-core';
import { RealtimeGateway } from '../../apps/mail/src/realtime/realtime.gateway';
import { JobRunner } from '../../apps/worker/src/jobs/job-runner.service';
import { Institution, User } from '../../libs/directory/src/entities';
import { QUEUES } from '../../libs/notifications/src/jobs/job-catalogue';
import { NotificationDelivery } from '../../libs/notifications/src/delivery/notification-delivery.entity';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { DESKTOP, launchBrowser, openTab, PHONE, screenshot, seriousA11yViolations, signIn, type Tab } from '../support/browser';
import { bearer, login } from '../support/fixtures';
import { startNotificationRig, TWILIO_SID, TWILIO_TOKEN, type NotificationRig } from '../support/notification-rig';
import { buildSchool, type School } from '../support/school';
import { TEST_NOW } from '../support/test-app';
import { sendStatusCallback } from '../support/twilio-server';

/**
 * The moderator's and the administrator's pages in headless Chromium against the embedded app with its
 * notifications worker, a local Twilio and SMTP (the notification rig): the review queue, a guardian
 * registered and their password SMS followed to "delivered", failed deliveries retried, the queue
 * dashboard under its CSP, and a socket that outlives its access token.
 */
describe('moderator and admin pages in a browser', () => {
  let rig: NotificationRig;
  let s: School;
  let browser: Browser;
  const operator = randomUUID();
  const tabs: Tab[] = [];
  let n = 0;
  const mobile = () => `+3712${String(6_300_000 + ++n * 7919).slice(-7)}`;

  beforeAll(async () => {
    [rig, browser] = await Promise.all([startNotificationRig(new FixedClock(TEST_NOW), { QUEUE_DASHBOARD_INSTITUTION: operator }), launchBrowser()]);
    s = await buildSchool(rig.t);
    const em = rig.t.app.get(MikroORM).em.fork();
    em.create(Institution, { id: operator, name: `Pakalpojuma uzturētājs ${s.f.tag}`, kind: 'school' });
    await em.flush();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });
  afterEach(async () => {
    // Every script ran under its page's CSP without a refusal or an uncaught error.
    const problems = tabs.flatMap((tab) => tab.problems);
    await Promise.all(tabs.splice(0).map((tab) => tab.context.close()));
    expect(problems).toEqual([]);
  });

  const tab = async (viewport = DESKTOP) => {
    const opened = await openTab(browser, viewport);
    tabs.push(opened);
    return opened.page;
  };
  const t = () => rig.t;
  const send = (token: string, subject: string, body: string, to: Record<string, unknown>) =>
    t().http.post('/messages').set(bearer(token)).send({ institutionId: s.inst, subject, body, to }).expect(201);
  const schoolAdmin = async () => s.f.person([{ institutionId: s.inst, role: 'admin' }], { givenName: 'Administratore' });

  it('shows a moderator the held messages with why and where, and approves one and rejects another with a reason', async () => {
    const held = await send(s.teacherA.token, 'Par uzvedību', '<p>Jūsu dēls uzvedās kā idiots stundas laikā.</p>', { users: [s.parent3.id] });
    const second = await send(s.teacherB.token, 'Idiots atkal', '<p>Šodien viss kārtībā.</p>', { users: [s.parentB.id] });
    expect([held.body.status, second.body.status]).toEqual(['held', 'held']);

    const page = await tab(PHONE);
    await signIn(page, t().url, s.deputy);
    await page.getByRole('link', { name: 'Moderācija' }).click();
    await page.getByRole('heading', { name: 'Ziņas pārbaudei' }).waitFor();
    const first = page.locator(`[data-message-id="${held.body.id}"]`);
    await first.waitFor();
    // Why it was held (the category) and where (the flagged words marked and named in place).
    expect(await first.getByTestId('held-categories').textContent()).toContain('apvainojums');
    expect(await first.getByTestId('held-body').locator('mark').allTextContents()).toEqual(['idiots (apvainojums)']);
    const other = page.locator(`[data-message-id="${second.body.id}"]`);
    expect(await other.getByRole('heading').locator('mark').allTextContents()).toEqual(['Idiots (apvainojums)']);
    expect(await first.textContent()).toContain('1 saņēmējs');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'moderation-queue-phone');

    await first.getByRole('button', { name: 'Apstiprināt' }).click();
    await page.getByTestId('moderation-notice').getByText('Ziņa “Par uzvedību” apstiprināta un nosūtīta.').waitFor();
    await first.waitFor({ state: 'detached' });
    // Delivered now: the parent has it.
    const inbox = await t().http.get('/messages/inbox').set(bearer(s.parent3.token)).expect(200);
    expect(inbox.body.items.map((m: { id: string }) => m.id)).toContain(held.body.id);

    await other.getByRole('button', { name: 'Noraidīt', exact: true }).click();
    // An empty reason is refused before anything is sent.
    await other.getByRole('button', { name: 'Noraidīt ar šo iemeslu' }).click();
    expect(await other.getByLabel('Noraidīšanas iemesls').evaluate((e: { validity: { valueMissing: boolean } }) => e.validity.valueMissing)).toBe(true);
    await other.getByLabel('Noraidīšanas iemesls').fill('Lūdzu, pārrakstiet tematu bez apvainojuma.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'moderation-reject-phone');
    await other.getByRole('button', { name: 'Noraidīt ar šo iemeslu' }).click();
    await page.getByTestId('moderation-notice').getByText(/Ziņa “Idiots atkal” noraidīta/).waitFor();
    await page.getByText('Nav ziņu, kas gaida pārbaudi.').waitFor();

    const sent = await t().http.get('/messages/sent').set(bearer(s.teacherB.token)).expect(200);
    expect(sent.body.items.find((m: { id: string }) => m.id === second.body.id)).toMatchObject({ status: 'rejected' });
    const queue = await t().http.get('/moderation/queue').set(bearer(s.deputy.token)).expect(200);
    expect(queue.body.items).toEqual([]);
  });

  it('offers a parent no moderation or administration, and the pages show nothing privileged', async () => {
    const waiting = await send(s.teacherA.token, 'Slepens idiots', '<p>Jūsu bērns ir idiots.</p>', { users: [s.parent3.id] });
    expect(waiting.body.status).toBe('held');
    const page = await tab(PHONE);
    await signIn(page, t().url, s.mother);
    const nav = page.getByRole('navigation', { name: 'Galvenā navigācija' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([expect.stringContaining('Iesūtne'), 'Kavējumi', 'Atzīmes', 'Paziņojumi']);
    for (const path of ['/app/moderation', '/app/admin', '/app/admin/deliveries']) {
      await page.goto(`${t().url}${path}`);
      await page.getByText('Lapa nav atrasta.').waitFor();
      expect(await page.locator('main').textContent()).not.toMatch(/Slepens|Reģistrēt|Nepiegādātie|Atvērt rindu/);
    }
    // The server refuses too, whatever a client shows.
    for (const [path, code] of [
      ['/moderation/queue', 'NOT_MODERATOR'],
      [`/institutions/${s.inst}/deliveries`, 'NOT_MANAGEMENT'],
      ['/admin/queues/session', 'NOT_QUEUE_OPERATOR'],
    ]) {
      const res = await t().http.get(path).set(bearer(s.mother.token));
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 403, code });
    }
    await t().http.post(`/moderation/${waiting.body.id}/approve`).set(bearer(s.mother.token)).expect(404);
    // A teacher writes but does not moderate or administer.
    const teacher = await tab(DESKTOP);
    await signIn(teacher, t().url, s.teacherA);
    expect(await teacher.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link').allTextContents()).toEqual([
      expect.stringContaining('Iesūtne'),
      'Rakstīt',
      'Nosūtītās',
      'Grupu kavējumi',
      'Ēdināšana',
      'Paziņojumi',
    ]);
  });

  it('registers a guardian and follows the password SMS on the open page: waiting, sent, delivered', async () => {
    const admin = await schoolAdmin();
    const phone = mobile();
    const page = await tab(PHONE);
    await signIn(page, t().url, admin);
    await page.getByRole('link', { name: 'Administrēšana' }).click();
    await page.getByRole('heading', { name: 'Reģistrēt vecāku' }).waitFor();
    // No operator role here: the queue dashboard is not offered.
    expect(await page.getByRole('button', { name: 'Atvērt rindu pārskatu' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-register-phone');

    await page.getByLabel('Vārds', { exact: true }).fill('Ilze');
    await page.getByLabel('Uzvārds').fill('Kalniņa');
    await page.getByLabel('Mobilais tālrunis').fill('12');
    await page.getByRole('button', { name: 'Reģistrēt', exact: true }).click();
    await page.getByRole('alert').getByText('Tas nav derīgs mobilā tālruņa numurs.').waitFor();
    expect(await page.getByLabel('Mobilais tālrunis').getAttribute('aria-invalid')).toBe('true');

    // The worker takes the SMS in but sends nothing until it is let go: the page must show it waiting.
    const jobs = t().app.get(JobRunner);
    await jobs.pauseWorkers();
    let resumed = false;
    try {
      await page.getByLabel('Mobilais tālrunis').fill(phone.replace('+371', ''));
      await page.getByRole('button', { name: 'Reģistrēt', exact: true }).click();
      const result = page.getByTestId('registered');
      await result.getByRole('heading', { name: 'Ilze Kalniņa reģistrēts' }).waitFor();
      const status = page.getByTestId('password-sms-status');
      const guardian = await until(() => rig.em().findOne(User, { phone }));
      const row = await until(() => rig.em().findOne(NotificationDelivery, { category: 'password', userId: guardian.id }));
      expect(row.status).toBe('pending');
      await status.locator('time').waitFor();
      expect(await status.getAttribute('data-status')).toBe('pending');
      expect(await status.textContent()).toContain('Īsziņa: gaida rindā');
      expect(rig.sms.to(phone)).toEqual([]);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'admin-password-sms-waiting-phone');

      jobs.resumeWorkers();
      resumed = true;
      await rig.settled(row.eventId);
      await page.locator('[data-testid=password-sms-status][data-status=sent]').waitFor();
      expect(await status.textContent()).toContain('Īsziņa: nosūtīta');
      await screenshot(page, 'admin-password-sms-sent-phone');

      // Twilio reports the handset has it.
      const [sms] = rig.sms.to(phone);
      const callback = new URL(sms!.statusCallback!);
      const res = await sendStatusCallback(`${t().url}${callback.pathname}${callback.search}`, { MessageSid: sms!.sid, MessageStatus: 'delivered', AccountSid: TWILIO_SID }, TWILIO_TOKEN, {
        signedUrl: sms!.statusCallback!,
      });
      expect(res.status).toBe(204);
      await page.locator('[data-testid=password-sms-status][data-status=delivered]').waitFor();
      expect(await page.getByTestId('password-sms').locator('li.done').allTextContents()).toEqual(['gaida rindā', 'nosūtīta', 'piegādāta']);
      expect(await seriousA11yViolations(page)).toEqual([]);
      await screenshot(page, 'admin-password-sms-delivered-phone');
    } finally {
      if (!resumed) jobs.resumeWorkers();
    }
  });

  it('lists the institution’s failed deliveries with filters and sends one again', async () => {
    const admin = await schoolAdmin();
    const adminToken = await login(t().http, admin);
    const phone = mobile();
    rig.sms.script({ status: 400, code: 21211, message: "The 'To' number is not a valid phone number." });
    const registered = await t()
      .http.post(`/institutions/${s.inst}/guardians`)
      .set(bearer(adminToken))
      .send({ givenName: 'Māris', familyName: 'Liepiņš', phone })
      .expect(201);
    const failed = await until(async () => rig.em().findOne(NotificationDelivery, { userId: registered.body.id, category: 'password' }));
    const [settled] = await rig.settled(failed.eventId);
    expect(settled).toMatchObject({ status: 'failed', reason: '21211' });

    const page = await tab(PHONE);
    await signIn(page, t().url, admin);
    await page.goto(`${t().url}/app/admin/deliveries`);
    await page.getByRole('heading', { name: 'Nepiegādātie paziņojumi' }).waitFor();
    const list = page.getByTestId('deliveries');
    const mine = list.locator(`[data-delivery-id="${failed.id}"]`);
    await mine.waitFor();
    expect(await mine.textContent()).toMatch(/Māris Liepiņš.*SMS · parole.*neizdevās.*iemesls: 21211.*1 mēģinājums/);
    expect(await page.getByLabel('Stāvoklis').inputValue()).toBe('failed');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-failed-deliveries-phone');

    // Filters narrow the list on the server: no failed e-mail of this kind here.
    await page.getByLabel('Kanāls').selectOption('email');
    await page.getByText('Nekā tāda nav.').waitFor();
    await page.getByLabel('Kanāls').selectOption('sms');
    await page.getByLabel('Veids').selectOption('password');
    await mine.waitFor();
    await page.getByLabel('Veids').selectOption('urgent');
    await page.getByText('Nekā tāda nav.').waitFor();
    await page.getByLabel('Veids').selectOption('password');

    await mine.getByRole('button', { name: 'Sūtīt vēlreiz: Māris Liepiņš' }).click();
    await page.getByTestId('deliveries-notice').getByText('Paziņojums saņēmējam Māris Liepiņš atkal ielikts rindā.').waitFor();
    expect(await mine.getByTestId('delivery-status').textContent()).toMatch(/gaida rindā|sūta|nosūtīta/);
    expect(await mine.getByRole('button').count()).toBe(0);
    await screenshot(page, 'admin-delivery-retried-phone');
    const [again] = await rig.settled(failed.eventId);
    expect(again).toMatchObject({ id: failed.id, status: 'sent' });
    expect(rig.sms.to(phone)).toHaveLength(1);

    // The filtered list follows: nothing failed is left of it.
    await page.getByRole('link', { name: 'Reģistrēt vecāku' }).click();
    await page.getByRole('link', { name: 'Nepiegādātie paziņojumi' }).click();
    await page.getByLabel('Veids').selectOption('password');
    await list.or(page.getByText('Nekā tāda nav.')).first().waitFor();
    expect(await mine.count()).toBe(0);

    // The same page in English and Russian.
    await page.getByLabel('Valoda').selectOption('en');
    await page.getByRole('heading', { name: 'Failed deliveries' }).waitFor();
    expect(await page.getByLabel('Kind').locator('option:checked').textContent()).toBe('password');
    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('heading', { name: 'Недоставленные уведомления' }).waitFor();
    expect(await page.getByLabel('Состояние').locator('option:checked').textContent()).toBe('ошибка');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'admin-failed-deliveries-ru-phone');
  });

  it('opens the queue dashboard for the operator’s admin, rendered under its CSP with no violation', async () => {
    const operatorAdmin = await s.f.person([{ institutionId: operator, role: 'admin' }], { givenName: 'Operatore' });
    const page = await tab(DESKTOP);
    const violations = await recordCspViolations(page);
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await signIn(page, t().url, operatorAdmin);
    await page.getByRole('link', { name: 'Administrēšana' }).click();
    const open = page.getByRole('button', { name: 'Atvērt rindu pārskatu' });
    await open.waitFor();
    await screenshot(page, 'admin-queue-link-desktop');
    await open.click();
    await page.waitForURL(/\/admin\/queues\/?$/);
    // Bull Board's own page, scripts and API calls (cookie, no bearer token) fill in the queue list.
    for (const queue of Object.values(QUEUES)) await page.getByText(queue, { exact: true }).first().waitFor();
    await screenshot(page, 'queue-dashboard-desktop');
    expect(await violations()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the live badge going after the access token expires while the page is open', async () => {
    const page = await tab(PHONE);
    await signIn(page, t().url, s.father);
    const badge = page.getByTestId('unread-badge');
    const before = Number((await badge.count()) ? await badge.textContent() : 0);
    const tokenBefore = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string } }).localStorage.getItem('sp.tokens'));

    const gateway = t().app.get(RealtimeGateway);
    // Under load the page may still be connecting after sign-in; there is nothing to drop until it has.
    await until(async () => gateway.server.of('/').sockets.size > 0);
    // Past the access token's 15 minutes; then the connection drops as networks do.
    rig.t.clock.advanceMinutes(16);
    for (const socket of gateway.server.of('/').sockets.values()) socket.conn.close();
    await page.getByText('Nav savienojuma; mēģina atkal…').waitFor();
    // The refused handshake is followed by one refresh and a new connection with the new token.
    await page.getByText('Nav savienojuma; mēģina atkal…').waitFor({ state: 'detached', timeout: 15_000 });
    const tokenAfter = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string } }).localStorage.getItem('sp.tokens'));
    expect(tokenAfter).not.toBe(tokenBefore);

    const teacher = await login(t().http, s.teacherA);
    await send(teacher, `Pēc atjaunošanas ${s.f.tag}`, '<p>Rīt ekskursija.</p>', { users: [s.father.id] });
    await page.getByTestId('unread-badge').getByText(String(before + 1), { exact: true }).waitFor();
    await page.getByTestId('inbox').getByText(`Pēc atjaunošanas ${s.f.tag}`).waitFor();
    await screenshot(page, 'inbox-after-token-refresh-phone');
  });
});

/** Polls `probe` until it answers something (the worker and relay run on their own schedule). */
async function until<T>(probe: () => Promise<T | null | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Records every `securitypolicyviolation` in the page and in each page it navigates to. */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __csp: string[]; document: { addEventListener(n: string, f: (e: { violatedDirective: string; blockedURI: string }) => void): void } };
    w.__csp = [];
    w.document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp);
}
