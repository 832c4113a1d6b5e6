import { useEffect, useRef, useState } from 'preact/hooks';
import { addDays, attendanceApi, DIETS, formatDay, formatTime, mealCountInstitutions, MEALS, type Institution, type Meal, type MealCounts, type MealReport, type MealUpdate } from '../attendance';
import { useSession, useSocketEvent } from '../context';
import { formatInstant, type Key, type Language, type Translate } from '../i18n';

/** How many days of sent reports the history shows before today. */
const HISTORY_DAYS = 14;

interface Shown {
  today: MealCounts;
  next: MealCounts;
}

/**
 * The kitchen's numbers for today and the next meal day by group, meal and diet, as the server counts
 * them at the cut-offs; `meals:update` and `meals:report` make the page read them again at once (the
 * server's numbers stay the truth: an event's deltas are relative to what the kitchen was last told,
 * not to what this page last read). Counts only: the API gives no names.
 */
export function KitchenPage() {
  const { t, lang, me } = useSession();
  const ids = mealCountInstitutions(me);
  const [institutionId, setInstitutionId] = useState(ids[0] ?? '');
  const [names, setNames] = useState<Institution[] | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [reports, setReports] = useState<MealReport[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [news, setNews] = useState<string | null>(null);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  // Answers to older requests must not overwrite newer ones (a burst of events, a switch of institution).
  const generation = useRef(0);

  useEffect(() => {
    if (ids.length > 1) attendanceApi.institutions().then((list) => setNames(list.filter((i) => ids.includes(i.id))), () => setNames([]));
  }, [me.id]);

  const load = async () => {
    const mine = ++generation.current;
    try {
      const today = await attendanceApi.mealCounts(institutionId);
      const [next, history] = await Promise.all([
        attendanceApi.mealCounts(institutionId, today.nextMealDay),
        attendanceApi.mealReports(institutionId, addDays(today.date, -HISTORY_DAYS), today.nextMealDay),
      ]);
      if (mine !== generation.current) return;
      setShown({ today, next });
      setReports([...history.reports].reverse());
      setFailed(false);
    } catch {
      if (mine === generation.current) setFailed(true);
    }
  };
  useEffect(() => {
    setShown(null);
    setReports(null);
    setNews(null);
    if (institutionId) void load();
  }, [institutionId]);

  // A reconnect may have missed events (they are not queued for a socket that is away): read again.
  useSocketEvent('connect', () => void load(), [institutionId]);
  useSocketEvent<MealUpdate>(
    'meals:update',
    (u) => {
      if (u.institutionId !== institutionId) return;
      const moved = u.deltas.map((d) => `${u.date}|${d.groupId}|${d.meal}`);
      setChanged(new Set(moved));
      setNews(t('mealsUpdatedLive', { day: formatDay(lang, u.date), change: describeDeltas(t, u) }));
      void load();
    },
    [institutionId, lang],
  );
  useSocketEvent<{ institutionId: string; date: string; kind: MealReport['kind'] }>(
    'meals:report',
    (r) => {
      if (r.institutionId !== institutionId) return;
      setChanged(new Set());
      setNews(t(r.kind === 'next-day' ? 'mealOrderSentLive' : 'mealFinalSentLive', { day: formatDay(lang, r.date) }));
      void load();
    },
    [institutionId, lang],
  );

  if (!ids.length) return <p>{t('notFound')}</p>;
  return (
    <section aria-labelledby="kitchen-title" class="stack">
      <div class="title-row">
        <h1 id="kitchen-title">{t('mealsTitle')}</h1>
        <span class="hint-inline">{t('live')}</span>
        {/* The next day's preview moves with every notice, but only reported days are pushed. */}
        <button type="button" class="secondary" onClick={() => void load()}>
          {t('refreshList')}
        </button>
      </div>
      {ids.length > 1 && (
        <label>
          {t('institutionLabel')}
          <select value={institutionId} onChange={(e) => setInstitutionId((e.target as HTMLSelectElement).value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {names?.find((n) => n.id === id)?.name ?? id}
              </option>
            ))}
          </select>
        </label>
      )}
      <p role="status" aria-live="polite" class={news ? 'news' : 'sr-only'} data-testid="meals-news">
        {news ?? ''}
      </p>
      {failed && (
        <p class="error" role="alert">
          {t('somethingWrong')}
        </p>
      )}
      {!shown && !failed && <p role="status">{t('loading')}</p>}
      {shown && (
        <>
          <Day t={t} lang={lang} title={t('mealsToday')} view={shown.today} changed={changed} testId="meals-today" />
          <Day t={t} lang={lang} title={t('mealsNextDay')} view={shown.next} changed={changed} testId="meals-next" />
        </>
      )}
      {reports && <History t={t} lang={lang} reports={reports} />}
    </section>
  );
}

function describeDeltas(t: Translate, u: MealUpdate): string {
  const byMeal = new Map<Meal, number>();
  for (const d of u.deltas) byMeal.set(d.meal, (byMeal.get(d.meal) ?? 0) + d.delta);
  return [...byMeal]
    .filter(([, n]) => n !== 0)
    .map(([meal, n]) => `${t(`meal:${meal}` as Key)} ${n > 0 ? '+' : '−'}${Math.abs(n)}`)
    .join(', ');
}

function dayStatus(t: Translate, lang: Language, view: MealCounts): string {
  if (!view.mealDay || !view.cutoffs) return t('noMealsThisDay');
  if (view.final) return t('mealsFinal', { time: formatTime(lang, view.cutoffs.sameDay) });
  if (new Date(view.asOf) < new Date(view.cutoffs.order))
    return t('mealsPreview', { day: formatDay(lang, localDate(view.cutoffs.order)), time: formatTime(lang, view.cutoffs.order) });
  return t('mealsOrdered', { time: formatTime(lang, view.cutoffs.sameDay) });
}

/** The Riga date of an instant. */
const localDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

function Day(props: { t: Translate; lang: Language; title: string; view: MealCounts; changed: Set<string>; testId: string }) {
  const { t, lang, view } = props;
  const id = `${props.testId}-title`;
  const meals = MEALS.filter((m) => view.totals[m]);
  // The total comes first (on a phone the diets may scroll); diets nobody eats that day only take room.
  const diets = DIETS.filter((d) => d === 'standard' || meals.some((m) => (view.totals[m]?.[d] ?? 0) > 0));
  return (
    <div class="card" aria-labelledby={id} role="region" data-testid={props.testId} data-date={view.date}>
      <h2 id={id}>
        {props.title}: {formatDay(lang, view.date)}
      </h2>
      <p class="meta">{dayStatus(t, lang, view)}</p>
      {view.mealDay && meals.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="group" aria-labelledby={id}>
          <table class="counts-table">
            <caption class="sr-only">
              {props.title}: {formatDay(lang, view.date)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('group')}</th>
                <th scope="col">{t('mealColumn')}</th>
                <th scope="col" class="num">
                  {t('mealsTotal')}
                </th>
                {diets.map((d) => (
                  <th scope="col" key={d} class="num">
                    {t(`diet:${d}` as Key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.groups.flatMap((g) =>
                MEALS.filter((m) => g.meals[m]).map((m, i) => {
                  const c = g.meals[m]!;
                  const moved = props.changed.has(`${view.date}|${g.groupId}|${m}`);
                  // Every row names its group (read out with each number); the repeats are only dimmed.
                  return (
                    <tr key={`${g.groupId}-${m}`} class={[moved ? 'changed' : '', i > 0 ? 'repeat' : ''].join(' ').trim() || undefined}>
                      <th scope="row">{g.name}</th>
                      <td>
                        {t(`meal:${m}` as Key)}
                        {moved && <span class="tag ack">{t('changedLive')}</span>}
                      </td>
                      <td class="num strong">{c.total}</td>
                      {diets.map((d) => (
                        <td key={d} class="num">
                          {c[d]}
                        </td>
                      ))}
                    </tr>
                  );
                }),
              )}
            </tbody>
            <tfoot>
              {meals.map((m) => (
                <tr key={m}>
                  <th scope="row">{t('mealsTotal')}</th>
                  <td>{t(`meal:${m}` as Key)}</td>
                  <td class="num strong" data-testid={`total-${m}`}>
                    {view.totals[m]!.total}
                  </td>
                  {diets.map((d) => (
                    <td key={d} class="num">
                      {view.totals[m]![d]}
                    </td>
                  ))}
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      {view.mealDay && !meals.length && <p>{t('noMealsThisDay')}</p>}
    </div>
  );
}

function History(props: { t: Translate; lang: Language; reports: MealReport[] }) {
  const { t, lang, reports } = props;
  const summary = (r: MealReport) =>
    MEALS.filter((m) => r.totals[m])
      .map((m) => `${t(`meal:${m}` as Key)} ${r.totals[m]!.total}`)
      .join(', ');
  const difference = (r: MealReport) =>
    MEALS.filter((m) => r.difference?.[m])
      .map((m) => `${t(`meal:${m}` as Key)} ${r.difference![m]! > 0 ? '+' : '−'}${Math.abs(r.difference![m]!)}`)
      .join(', ');
  return (
    <div class="card" aria-labelledby="reports-title" role="region" data-testid="meal-reports">
      <h2 id="reports-title">{t('mealReportsTitle')}</h2>
      {reports.length === 0 ? (
        <p>{t('noMealReports')}</p>
      ) : (
        <ul class="notices">
          {reports.map((r) => (
            <li key={r.id}>
              <span class="subject">
                {formatDay(lang, r.date)} · {t(r.kind === 'next-day' ? 'mealOrder' : 'mealFinal')}
              </span>
              <span class="meta">
                {t('reportAsOf', { time: formatInstant(lang, r.countsAsOf) })}
                {r.sentAt ? ` · ${t('reportSentAt', { time: formatInstant(lang, r.sentAt) })}` : ''}
              </span>
              <span>{summary(r) || t('noMealsThisDay')}</span>
              {difference(r) && <span class="meta">{t('changeSinceOrder', { change: difference(r) })}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
