import type { Browser } from 'playwright-core';
import { FixedClock } from '../../libs/platform/src/time/clock';
import { DESKTOP, launchBrowser, openTab, PHONE, screenshot, seriousA11yViolations, signIn, type Tab } from '../support/browser';
import { Fixtures, type Person, signInAt } from '../support/fixtures';
import { type KitchenScene, kitchenScene } from '../support/meal-report-scenarios';
import { type NotificationRig, startNotificationRig } from '../support/notification-rig';

/**
 * Absences and the kitchen in headless Chromium against the embedded app with its worker, on a
 * frozen clock: a guardian on a phone reports an absence before the same-day cut-off, and the
 * kitchen's open page (desktop, in English: the cook's account language) shows the lower count
 * without a reload, from the worker's `meals:update`. The group's teacher sees who is absent.
 * October: Riga is UTC+3.
 */
describe('absences and the kitchen in a browser', () => {
  const clock = new FixedClock('2026-10-15T06:00:00Z'); // Thursday 09:00 in Riga: before Friday's order
  let rig: NotificationRig;
  let browser: Browser;
  let scene: KitchenScene;
  let teacher: Person;
  let parentName: string;
  let childName: string;
  let parent: Tab;
  let cook: Tab;
  let staff: Tab;
  const tabs = () => [parent, cook, staff].filter(Boolean);
  /** Marks a page; a reload would wipe the mark. */
  const mark = (tab: Tab) => tab.page.evaluate(() => ((globalThis as Record<string, unknown>).stillTheSamePage = true));
  const marked = (tab: Tab) => tab.page.evaluate(() => (globalThis as Record<string, unknown>).stillTheSamePage);
  const datesIn = (tab: Tab, testId: string) => tab.page.getByTestId(testId).locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));

  beforeAll(async () => {
    // A day-long access token: the test moves the clock by hours, and token refresh is not its subject.
    // Only the test's own sweeps build reports: a timed one could build them before the scene exists.
    [rig, browser] = await Promise.all([startNotificationRig(clock, { ACCESS_TOKEN_TTL: '1d', DELIVERY_SWEEP_INTERVAL: '1h' }), launchBrowser()]);
    const f = new Fixtures(rig.t.app);
    scene = await kitchenScene(f, rig.em, 'Pārlūks', 'Bites');
    teacher = await f.person([{ institutionId: scene.inst, role: 'teacher' }], { givenName: 'Skolotāja' });
    await f.assign(teacher.id, scene.group);
    const as = signInAt(rig.t.http, clock);
    const me = (await rig.t.http.get('/me').set(await as(scene.guardian)).expect(200)).body;
    parentName = me.displayName;
    childName = me.children.find((c: { id: string }) => c.id === scene.kids[0].id).displayName;
    clock.set('2026-10-15T06:30:30Z'); // Thursday 09:30 and the settle margin: Friday's order goes to the kitchen
    await rig.sweep();
    clock.set('2026-10-16T05:00:00Z'); // Friday 08:00: before the 08:50 correction
    [parent, cook, staff] = await Promise.all([openTab(browser, PHONE), openTab(browser, DESKTOP), openTab(browser, DESKTOP)]);
    // The guardian's phone shows the same day as the school (the form's default date, the list's "upcoming").
    await parent.page.clock.setFixedTime(clock.now());
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await rig?.close();
  });
  afterEach(() => {
    // Every script ran under the client's CSP without a refusal or an uncaught error.
    expect(tabs().flatMap((t) => t.problems)).toEqual([]);
  });

  it("shows the kitchen today's ordered counts and the next meal day's preview by group, meal and diet, with the report history", async () => {
    await signIn(cook.page, rig.t.url, scene.kitchen);
    // The kitchen has no absence pages, only the meals.
    const nav = cook.page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Meals' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Meals', 'Notifications']);
    await nav.getByRole('link', { name: 'Meals' }).click();

    const today = cook.page.getByTestId('meals-today');
    await today.getByTestId('total-lunch').waitFor();
    expect(await today.getAttribute('data-date')).toBe('2026-10-16');
    expect(await today.getByTestId('total-lunch').textContent()).toBe('3');
    expect(await today.getByTestId('total-breakfast').textContent()).toBe('3');
    await today.getByText('Order sent; changes until').waitFor();
    const lunch = today.locator('tbody tr', { hasText: 'Lunch' });
    expect(await lunch.locator('td').allTextContents()).toEqual(['Lunch', '3', '2', '1']); // total, standard, vegetarian
    expect(await today.getByRole('columnheader').allTextContents()).toEqual(['Group', 'Meal', 'Total', 'Standard', 'Vegetarian']);

    const next = cook.page.getByTestId('meals-next');
    expect(await next.getAttribute('data-date')).toBe('2026-10-19'); // Friday → Monday
    await next.getByText(/^Preview: the order goes out/).waitFor();
    const history = cook.page.getByTestId('meal-reports');
    // Newest first: Friday's order, then Thursday's final numbers (which the sweep built late).
    expect(await history.locator('li').count()).toBe(2);
    expect(await history.locator('li').first().textContent()).toMatch(/^Fri.*Order.*Breakfast 3, Lunch 3$/);

    expect(await seriousA11yViolations(cook.page)).toEqual([]);
    await mark(cook);
  });

  it("a guardian's absence reported before the cut-off lowers the kitchen's open count live; the guardian sees which days' meals are cancelled", async () => {
    await signIn(parent.page, rig.t.url, scene.guardian);
    const nav = parent.page.getByRole('navigation');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Iesūtne', 'Kavējumi', 'Atzīmes', 'Paziņojumi']);
    await nav.getByRole('link', { name: 'Kavējumi' }).click();
    await parent.page.getByRole('heading', { name: 'Pieteikt kavējumu' }).waitFor();
    expect(await parent.page.getByLabel('Pirmā kavējuma diena').inputValue()).toBe('2026-10-16');

    // From yesterday (already served: its cut-off passed) to Tuesday.
    await parent.page.getByRole('combobox', { name: /^Bērns/ }).selectOption(scene.kids[0].id);
    await parent.page.getByLabel('Pirmā kavējuma diena').fill('2026-10-15');
    await parent.page.getByLabel('Pēdējā kavējuma diena').fill('2026-10-20');
    await parent.page.getByLabel('Iemesls').selectOption({ label: 'Slimība' });
    await parent.page.getByRole('button', { name: 'Pieteikt', exact: true }).click();

    const outcome = parent.page.getByTestId('absence-outcome');
    await outcome.getByRole('heading', { name: 'Kavējums pieteikts' }).waitFor();
    expect(await datesIn(parent, 'meals-cancelled')).toEqual(['2026-10-16', '2026-10-19', '2026-10-20']);
    expect(await datesIn(parent, 'meals-not-cancelled')).toEqual(['2026-10-15']);
    expect(await datesIn(parent, 'meals-resume')).toEqual(['2026-10-21']);
    expect(await outcome.getByText(/Ēdināšanu vairs nevarēja atcelt/).count()).toBe(1);
    // Focus moved to the answer, so a screen reader reads it next.
    expect(await parent.page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe(
      'Kavējums pieteikts',
    );
    const notice = parent.page.getByTestId('notices').locator('li');
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toContain(`Pieteica ${parentName}`);

    // The kitchen's open page: today's lunch and breakfast 3 → 2, without a reload.
    const today = cook.page.getByTestId('meals-today');
    await today.getByTestId('total-lunch').getByText('2', { exact: true }).waitFor({ timeout: 15_000 });
    expect(await today.getByTestId('total-breakfast').textContent()).toBe('2');
    expect(await today.locator('tbody tr', { hasText: 'Lunch' }).locator('td').allTextContents()).toEqual(['Lunch' + 'changed', '2', '1', '1']);
    await cook.page.getByTestId('meals-news').getByText(/^Updated live: .* Breakfast −1, Lunch −1\.$/).waitFor();
    expect(await marked(cook)).toBe(true);
    // The page shows what the API says.
    const counts = await rig.t.http.get('/meals/counts').query({ institutionId: scene.inst, date: '2026-10-16' }).set(await signInAt(rig.t.http, clock)(scene.kitchen)).expect(200);
    expect(counts.body.totals.lunch.total).toBe(2);

    expect(await seriousA11yViolations(parent.page)).toEqual([]);
    expect(await seriousA11yViolations(cook.page)).toEqual([]);
    await screenshot(parent.page, 'absence-reported-phone');
    await screenshot(cook.page, 'kitchen-desktop');
  });

  it("shows the group's teacher who is absent today, reported by whom and when", async () => {
    await signIn(staff.page, rig.t.url, teacher);
    await staff.page.getByRole('navigation').getByRole('link', { name: 'Grupu kavējumi' }).click();
    const group = staff.page.getByTestId('group-absences');
    await group.getByRole('heading', { name: /Bites/ }).waitFor();
    await group.getByText('prombūtnē: 1').waitFor();
    const row = group.locator('li');
    expect(await row.count()).toBe(1);
    const text = await row.textContent();
    expect(text).toContain(childName);
    expect(text).toContain('Slimība');
    expect(text).toContain(`Pieteica ${parentName}`);
    expect(await seriousA11yViolations(staff.page)).toEqual([]);
    await screenshot(staff.page, 'group-absences-desktop');
  });

  it('lets the guardian end the absence a day early and says again what that makes of the meals', async () => {
    const notice = parent.page.getByTestId('notices').locator('li');
    await notice.getByRole('button', { name: 'Mainīt pēdējo dienu' }).click();
    await notice.getByLabel('Pēdējā kavējuma diena').fill('2026-10-19');
    await notice.getByRole('button', { name: 'Saglabāt' }).click();
    await parent.page.getByTestId('absence-outcome').getByRole('heading', { name: 'Kavējums mainīts' }).waitFor();
    expect(await datesIn(parent, 'meals-cancelled')).toEqual(['2026-10-16', '2026-10-19']);
    expect(await datesIn(parent, 'meals-not-cancelled')).toEqual(['2026-10-15']);
    expect(await datesIn(parent, 'meals-resume')).toEqual(['2026-10-20']);
    const listed = await rig.t.http.get('/absences').query({ studentId: scene.kids[0].id }).set(await signInAt(rig.t.http, clock)(scene.guardian)).expect(200);
    expect(listed.body.items.map((n: { from: string; to: string }) => [n.from, n.to])).toEqual([['2026-10-15', '2026-10-19']]);
    expect(await seriousA11yViolations(parent.page)).toEqual([]);
  });

  it("the kitchen's open page takes Monday's order and Friday's final numbers live, and lists them in the history", async () => {
    clock.set('2026-10-16T06:30:30Z'); // Friday 09:30: Monday's order, and Friday's final the worker missed at 08:50
    await rig.sweep();
    const next = cook.page.getByTestId('meals-next');
    await next.getByText('Order sent; changes until').waitFor({ timeout: 15_000 });
    expect(await next.getByTestId('total-lunch').textContent()).toBe('2');
    await cook.page.getByTestId('meals-today').getByText('Final numbers').waitFor();
    expect(await cook.page.getByTestId('meals-today').getByTestId('total-lunch').textContent()).toBe('2');
    await cook.page.getByTestId('meals-news').getByText(/^(Order|Final numbers) sent: /).waitFor();
    const history = cook.page.getByTestId('meal-reports').locator('li');
    await history.nth(3).waitFor();
    expect(await history.count()).toBe(4);
    expect(await history.nth(0).textContent()).toMatch(/^Mon.*Order.*Breakfast 2, Lunch 2$/);
    expect(await history.nth(1).textContent()).toMatch(/^Fri.*Final numbers.*Change since the order: Breakfast −1, Lunch −1$/);
    expect(await marked(cook)).toBe(true);
    expect(await seriousA11yViolations(cook.page)).toEqual([]);
    await screenshot(cook.page, 'kitchen-reports-desktop');
  });

  it('lets the guardian withdraw the notice after the cut-offs: days already ordered without the child stay cancelled, meals resume on Tuesday', async () => {
    await parent.page.clock.setFixedTime(clock.now());
    const notice = parent.page.getByTestId('notices').locator('li');
    await notice.getByRole('button', { name: 'Atsaukt' }).click();
    await notice.getByRole('button', { name: 'Jā, atsaukt' }).click();
    await parent.page.getByTestId('absence-outcome').getByRole('heading', { name: 'Pieteikums atsaukts' }).waitFor();
    expect(await datesIn(parent, 'meals-cancelled')).toEqual(['2026-10-16', '2026-10-19']);
    expect(await datesIn(parent, 'meals-resume')).toEqual(['2026-10-20']);
    await parent.page.getByText('Nav pieteiktu kavējumu.').waitFor();
    const as = signInAt(rig.t.http, clock);
    const listed = await rig.t.http.get('/absences').query({ studentId: scene.kids[0].id }).set(await as(scene.guardian)).expect(200);
    expect(listed.body.items.map((n: { status: string }) => n.status)).toEqual(['withdrawn']);
    // Monday was ordered without the child: its count stays (the API agrees with the open page).
    const monday = await rig.t.http.get('/meals/counts').query({ institutionId: scene.inst, date: '2026-10-19' }).set(await as(scene.kitchen)).expect(200);
    expect(monday.body.totals.lunch.total).toBe(2);
    expect(await cook.page.getByTestId('meals-next').getByTestId('total-lunch').textContent()).toBe('2');
    await screenshot(parent.page, 'absence-withdrawn-phone');
  });

  it('fits the kitchen page on a phone without sideways scrolling of the page', async () => {
    const phone = await openTab(browser, PHONE);
    try {
      await signIn(phone.page, rig.t.url, scene.kitchen);
      await phone.page.getByRole('navigation').getByRole('link', { name: 'Meals' }).click();
      await phone.page.getByTestId('meals-today').getByTestId('total-lunch').waitFor();
      const widths = await phone.page.evaluate(() => {
        const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
        return { scroll: root.scrollWidth, client: root.clientWidth };
      });
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(await seriousA11yViolations(phone.page)).toEqual([]);
      await screenshot(phone.page, 'kitchen-phone');
      // Russian on this device: the page's own strings follow.
      await phone.page.getByLabel('Language').selectOption('ru');
      await phone.page.getByRole('heading', { name: 'Питание', exact: true }).waitFor();
      expect(await phone.page.getByTestId('meals-today').getByRole('columnheader').allTextContents()).toEqual(['Группа', 'Приём пищи', 'Итого', 'Обычная', 'Вегетарианская']);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('keeps pages from roles that cannot use them', async () => {
    await staff.page.goto(`${rig.t.url}/app/absences`);
    await staff.page.getByText('Lapa nav atrasta.').waitFor();
    await parent.page.goto(`${rig.t.url}/app/meals`);
    await parent.page.getByText('Lapa nav atrasta.').waitFor();
    // The server refuses whatever a client shows.
    const as = signInAt(rig.t.http, clock);
    await rig.t.http.get('/meals/counts').query({ institutionId: scene.inst }).set(await as(scene.guardian)).expect(403);
    await rig.t.http.get('/absences').query({ groupId: scene.group }).set(await as(scene.kitchen)).expect(403);
  });
});
