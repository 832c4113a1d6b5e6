import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';
import { ABSENCE_REASONS, attendanceApi, deviceToday, formatDay, type Absence, type AbsenceAnswer, type AbsenceReason } from '../attendance';
import { useSession } from '../context';
import { ErrorText, ListStatus, useAction } from '../hooks';
import { formatInstant, type Key, type Translate } from '../i18n';
import type { Language } from '../i18n';

/** A guardian reports a child's absence and sees at once what the cut-offs made of each day's meals. */
export function AbsencesPage() {
  const { t, lang, me } = useSession();
  const [childId, setChildId] = useState(me.children[0]?.id ?? '');
  const [reason, setReason] = useState<AbsenceReason>('illness');
  const [outcome, setOutcome] = useState<{ title: string; answer: AbsenceAnswer; withdrawn?: boolean } | null>(null);
  const [notices, setNotices] = useState<Absence[] | null>(null);
  const [failed, setFailed] = useState(false);
  const { error, busy, run } = useAction();
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  const today = deviceToday();

  const load = (id: string) =>
    attendanceApi.ofChild(id).then(
      (r) => (setNotices(r.items), setFailed(false)),
      () => setFailed(true),
    );
  useEffect(() => {
    setNotices(null);
    if (childId) void load(childId);
  }, [childId]);
  // The answer is what the person came for: move focus to it, so a screen reader reads it next.
  useEffect(() => outcomeRef.current?.focus(), [outcome]);

  const describe = (e: unknown) => {
    const code = e instanceof ApiError ? e.code : '';
    if (code === 'INVALID_DATE_RANGE') return t('absenceBadRange');
    if (code === 'ABSENCE_TOO_FAR') return t('absenceTooFar');
    if (code === 'STUDENT_NOT_ENROLLED') return t('absenceNotEnrolled');
    if (code === 'ABSENCE_WITHDRAWN') return t('absenceAlreadyWithdrawn');
    return e instanceof ApiError && e.status === 400 ? t('absenceInvalid') : t('somethingWrong');
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const note = String(form.get('note') ?? '').trim();
    void run(async () => {
      const answer = await attendanceApi.report({
        studentId: childId,
        from: String(form.get('from')),
        to: String(form.get('to') ?? '') || null,
        reason,
        ...(note ? { note } : {}),
      });
      formEl.reset();
      setReason('illness');
      setOutcome({ title: t('absenceReported'), answer });
      await load(childId);
    }, describe);
  };

  // Changes to listed notices report their failures next to the list, not under the form.
  const noticeAction = useAction();
  const withdraw = (n: Absence) =>
    noticeAction.run(async () => {
      const answer = await attendanceApi.withdraw(n.id);
      setOutcome({ title: t('absenceWithdrawn'), answer, withdrawn: true });
      await load(childId);
    }, describe);
  const changeLastDay = (n: Absence, to: string | null) =>
    noticeAction.run(async () => {
      const answer = await attendanceApi.changeLastDay(n.id, to);
      setOutcome({ title: t('absenceChanged'), answer });
      await load(childId);
    }, describe);

  if (!me.children.length) return <p>{t('noChildren')}</p>;
  const child = me.children.find((c) => c.id === childId);
  const current = notices?.filter((n) => n.status === 'active' && (n.to === null || n.to >= today)) ?? null;

  return (
    <section aria-labelledby="absences-title" class="stack">
      <form class="card" onSubmit={submit} aria-labelledby="absences-title" data-testid="absence-form">
        <h1 id="absences-title">{t('reportAbsence')}</h1>
        <p class="hint-block">{t('absenceCutoffHint')}</p>
        <label>
          {t('childLabel')}
          <select name="child" value={childId} onChange={(e) => (setChildId((e.target as HTMLSelectElement).value), setOutcome(null))}>
            {me.children.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
        <div class="row">
          <label>
            {t('absentFrom')}
            <input name="from" type="date" required defaultValue={today} />
          </label>
          <label>
            {t('absentTo')}
            <input name="to" type="date" aria-describedby="absent-to-hint" />
            <span id="absent-to-hint" class="field-hint">
              {t('absentToHint')}
            </span>
          </label>
        </div>
        <label>
          {t('absenceReason')}
          <select name="reason" value={reason} onChange={(e) => setReason((e.target as HTMLSelectElement).value as AbsenceReason)}>
            {ABSENCE_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason:${r}` as Key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {reason === 'other' ? t('absenceNoteRequired') : t('absenceNote')}
          <textarea name="note" rows={2} maxLength={500} required={reason === 'other'} />
        </label>
        <ErrorText text={error} />
        <button type="submit" disabled={busy || !childId}>
          {t('reportAbsenceSubmit')}
        </button>
      </form>

      {outcome && (
        <div class="card outcome" data-testid="absence-outcome">
          <h2 ref={outcomeRef} tabIndex={-1}>
            {outcome.title}
          </h2>
          <Outcome t={t} lang={lang} answer={outcome.answer} withdrawn={outcome.withdrawn} />
        </div>
      )}

      <div class="card" aria-labelledby="notices-title">
        <h2 id="notices-title">{t('currentNotices', { name: child?.displayName ?? '' })}</h2>
        <ListStatus t={t} failed={failed} items={current} empty={t('noCurrentNotices')} />
        <ErrorText text={noticeAction.error} />
        {current && current.length > 0 && (
          <ul class="notices" data-testid="notices">
            {current.map((n) => (
              <Notice
                key={n.id}
                t={t}
                lang={lang}
                notice={n}
                busy={noticeAction.busy}
                onWithdraw={() => void withdraw(n)}
                onChangeLastDay={(to) => void changeLastDay(n, to)}
              />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** Day by day: cancelled, or why not; then the day meals start again. */
export function Outcome(props: { t: Translate; lang: Language; answer: AbsenceAnswer; withdrawn?: boolean }) {
  const { t, lang, answer } = props;
  const cancelled = answer.days.filter((d) => d.mealsCancelled);
  const ordered = answer.days.filter((d) => !d.mealsCancelled);
  const days = (list: typeof answer.days) =>
    list.map((d, i) => (
      <Fragment key={d.date}>
        {i > 0 && ', '}
        <time dateTime={d.date}>{formatDay(lang, d.date)}</time>
      </Fragment>
    ));
  return (
    <>
      {cancelled.length > 0 && (
        <p data-testid="meals-cancelled">
          <strong>{t('mealsCancelledOn')}</strong> {days(cancelled)}
        </p>
      )}
      {ordered.length > 0 && (
        <p data-testid="meals-not-cancelled" class="warning">
          <strong>{t('mealsNotCancelledOn')}</strong> {days(ordered)}
        </p>
      )}
      {!answer.days.length && <p>{props.withdrawn ? t('mealsAllOrderedAgain') : t('noMealDays')}</p>}
      {props.withdrawn && !answer.days.length ? null : <p data-testid="meals-resume">
        {answer.mealsResumeOn ? (
          <Fill text={t('mealsResumeOn', { day: '\u0000' })} date={answer.mealsResumeOn} shown={formatDay(lang, answer.mealsResumeOn)} />
        ) : (
          t('mealsResumeOpen')
        )}
      </p>}
    </>
  );
}

/**
 * A translated sentence with the date as a <time> where the catalogue put the placeholder (a NUL
 * here). A date that ends in an abbreviation's full stop ("21. okt.") takes the sentence's own.
 */
function Fill(props: { text: string; date: string; shown: string }) {
  const [before, after = ''] = props.text.split('\u0000');
  return (
    <>
      {before}
      <time dateTime={props.date}>{props.shown}</time>
      {props.shown.endsWith('.') && after.startsWith('.') ? after.slice(1) : after}
    </>
  );
}

function Notice(props: {
  t: Translate;
  lang: Language;
  notice: Absence;
  busy: boolean;
  onWithdraw: () => void;
  onChangeLastDay: (to: string | null) => void;
}) {
  const { t, lang, notice: n } = props;
  const [mode, setMode] = useState<'idle' | 'withdraw' | 'edit'>('idle');
  const period = n.to === null ? t('periodOpen', { from: formatDay(lang, n.from) }) : n.to === n.from ? formatDay(lang, n.from) : `${formatDay(lang, n.from)} – ${formatDay(lang, n.to)}`;
  const save = (e: Event) => {
    e.preventDefault();
    const to = String(new FormData(e.currentTarget as HTMLFormElement).get('to') ?? '');
    setMode('idle');
    props.onChangeLastDay(to || null);
  };
  return (
    <li data-notice-id={n.id}>
      <span class="subject">{period}</span>
      <span class="meta">
        {t(`reason:${n.reason}` as Key)}
        {n.note ? ` · ${n.note}` : ''}
      </span>
      <span class="meta">{t('reportedBy', { name: n.createdBy.displayName, time: formatInstant(lang, n.createdAt) })}</span>
      {mode === 'withdraw' && (
        <span class="actions" role="group" aria-label={t('withdrawConfirm')}>
          <span>{t('withdrawConfirm')}</span>
          <button type="button" class="danger" disabled={props.busy} onClick={props.onWithdraw}>
            {t('withdrawYes')}
          </button>
          <button type="button" class="secondary" onClick={() => setMode('idle')}>
            {t('keepNotice')}
          </button>
        </span>
      )}
      {mode === 'edit' && (
        <form class="actions" onSubmit={save} aria-label={t('changeLastDay')}>
          <label>
            {t('absentTo')}
            <input name="to" type="date" min={n.from} defaultValue={n.to ?? ''} aria-describedby={`to-hint-${n.id}`} />
            <span id={`to-hint-${n.id}`} class="field-hint">
              {t('absentToHint')}
            </span>
          </label>
          <button type="submit" disabled={props.busy}>
            {t('save')}
          </button>
          <button type="button" class="secondary" onClick={() => setMode('idle')}>
            {t('keepNotice')}
          </button>
        </form>
      )}
      {mode === 'idle' && (
        <span class="actions">
          <button type="button" class="secondary" onClick={() => setMode('edit')}>
            {t('changeLastDay')}
          </button>
          <button type="button" class="secondary" onClick={() => setMode('withdraw')}>
            {t('withdraw')}
          </button>
        </span>
      )}
    </li>
  );
}
