import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type HeldMessage } from '../api';
import { useSession } from '../context';
import { categoryLabel, Highlighted } from '../highlight';
import { ErrorText, ListStatus } from '../hooks';
import { formatInstant, type Translate } from '../i18n';

/**
 * The review queue of the institutions this person moderates: each held message with why it was
 * held (its categories, and the flagged words marked in place), approved or rejected with a reason
 * the sender is told. The server decides who may; this page is only offered to management.
 */
export function ModerationPage() {
  const { t } = useSession();
  const [items, setItems] = useState<HeldMessage[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () => {
    setFailed(false);
    api.moderationQueue().then((p) => setItems(p.items), () => setFailed(true));
  };
  useEffect(load, []);

  // A decided message leaves the queue; the notice says what happened to it, for screen readers too.
  const decided = (m: HeldMessage, text: string) => {
    setItems((list) => list && list.filter((x) => x.id !== m.id));
    setNotice(text);
  };

  return (
    <section aria-labelledby="moderation-title">
      <h1 id="moderation-title">{t('moderationQueue')}</h1>
      <p class="hint">{t('moderationHint')}</p>
      <p class="success" role="status" data-testid="moderation-notice">
        {notice}
      </p>
      <button type="button" class="secondary" onClick={load}>
        {t('refresh')}
      </button>
      <ListStatus t={t} failed={failed} items={items} empty={t('moderationEmpty')} />
      {items && items.length > 0 && (
        <ul class="held" data-testid="moderation-queue">
          {items.map((m) => (
            <HeldItem key={m.id} t={t} m={m} onDecided={(text) => decided(m, text)} onGone={() => decided(m, t('moderationGone'))} />
          ))}
        </ul>
      )}
    </section>
  );
}

function HeldItem(props: { t: Translate; m: HeldMessage; onDecided: (notice: string) => void; onGone: () => void }) {
  const { t, m } = props;
  const { lang } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `held-${m.id}`;
  const subjectSpans = m.matches.filter((x) => x.field === 'subject');
  const bodySpans = m.matches.filter((x) => x.field !== 'subject');

  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      props.onDecided(done);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      // Another moderator was quicker, or the message is gone: it no longer belongs in this queue.
      if (code === 'ALREADY_MODERATED' || code === 'MESSAGE_NOT_FOUND') return props.onGone();
      setError(code === 'OWN_MESSAGE' ? t('moderationOwnMessage') : code === 'VALIDATION_FAILED' ? t('rejectReasonInvalid') : t('somethingWrong'));
    } finally {
      setBusy(false);
    }
  };

  const reject = (e: Event) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget as HTMLFormElement).get('reason') ?? '').trim();
    if (!reason) return setError(t('rejectReasonRequired'));
    void act(() => api.reject(m.id, reason), t('moderationRejected', { subject: m.subject }));
  };

  return (
    <li class="card" aria-labelledby={titleId} data-message-id={m.id}>
      <h2 id={titleId} class="subject">
        <Highlighted t={t} text={m.subject} spans={subjectSpans} />
      </h2>
      <p class="meta">
        {t('from')}: {m.sender.displayName} · <time dateTime={m.createdAt}>{formatInstant(lang, m.createdAt)}</time> ·{' '}
        {t('recipients', { count: m.recipientCount })}
      </p>
      <p class="tags" data-testid="held-categories">
        <span class="sr-only">{t('heldBecause')}: </span>
        {m.categories.map((c) => (
          <span key={c} class="tag ack">
            {categoryLabel(t, c)}
          </span>
        ))}
      </p>
      <div class="body" data-testid="held-body">
        <Highlighted t={t} text={m.bodyText} spans={bodySpans} />
      </div>
      <ErrorText text={error} />
      {rejecting ? (
        <form class="decide" onSubmit={reject}>
          <label>
            {t('rejectReason')}
            <textarea name="reason" rows={3} maxLength={500} required aria-describedby={`${titleId}-reason-hint`} />
          </label>
          <p class="hint" id={`${titleId}-reason-hint`}>
            {t('rejectReasonHint')}
          </p>
          <div class="actions">
            <button type="submit" class="danger" disabled={busy}>
              {t('rejectConfirm')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={() => (setRejecting(false), setError(null))}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void act(() => api.approve(m.id), t('moderationApproved', { subject: m.subject }))}>
            {t('approve')}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {t('reject')}
          </button>
        </div>
      )}
    </li>
  );
}
