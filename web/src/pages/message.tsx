import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type MessageDetail } from '../api';
import { useSession } from '../context';
import { draftToHtml } from '../draft';
import { ErrorText, useAction } from '../hooks';
import { formatInstant, type Translate } from '../i18n';
import { ModerationFeedback, sendFailure, type Rejection } from '../moderation';
import { onLink } from '../router';

export function MessagePage(props: { id: string }) {
  const { t, lang, me } = useSession();
  const [m, setM] = useState<MessageDetail | null>(null);
  const { error, setError, busy, run } = useAction();

  useEffect(() => {
    let live = true;
    api.message(props.id).then(
      (msg) => {
        if (!live) return;
        // The server counts the first open as reading it and sends the new `unread:count`.
        setM(msg);
      },
      (e) => live && setError(e instanceof ApiError && e.status === 404 ? t('notFound') : t('somethingWrong')),
    );
    return () => void (live = false);
  }, [props.id]);

  const confirm = () =>
    m &&
    void run(
      async () => {
        await api.acknowledge(m.id);
        // The stored confirmation time, not this device's clock.
        setM(await api.message(m.id));
      },
      () => t('somethingWrong'),
    );

  return (
    <article class="card" aria-labelledby="message-title">
      <a class="back" href="/app/inbox" onClick={(e) => onLink(e, '/inbox')}>
        ← {t('back')}
      </a>
      <ErrorText text={error} />
      {!m && !error && <p role="status">{t('loading')}</p>}
      {m && (
        <>
          <h1 id="message-title">{m.subject}</h1>
          <p class="meta">
            {t('from')}: {m.sender.displayName} · <time dateTime={m.sentAt}>{formatInstant(lang, m.sentAt)}</time>
            {m.priority === 'urgent' && <span class="tag urgent">{t('urgent')}</span>}
          </p>
          <div class="body">{m.bodyText}</div>
          {m.requiresAck && (
            <div class="ack" data-testid="ack">
              {m.ackedAt ? (
                <p class="done" role="status">
                  {t('confirmedAt', { time: formatInstant(lang, m.ackedAt) })}
                </p>
              ) : (
                <>
                  <p>{t('confirmAsked')}</p>
                  <button type="button" onClick={confirm} disabled={busy}>
                    {t('confirm')}
                  </button>
                </>
              )}
            </div>
          )}
          {m.sender.id === me.id ? (
            <>
              <p>
                <a href={`/app/sent/${m.id}`} onClick={(e) => onLink(e, `/sent/${m.id}`)}>
                  {t('whoHasRead')}
                </a>
              </p>
              <ReplyForm t={t} messageId={m.id} title={t('followUpTitle')} sent={t('followUpSent')} />
            </>
          ) : (
            <ReplyForm t={t} messageId={m.id} title={t('replyTo', { name: m.sender.displayName })} sent={t('replySent', { name: m.sender.displayName })} />
          )}
        </>
      )}
    </article>
  );
}

/**
 * POST /messages/:id/replies: a recipient's answer to the sender, or the sender's follow-up to all the
 * message's recipients; refused or held by moderation like any message.
 */
function ReplyForm(props: { t: Translate; messageId: string; title: string; sent: string }) {
  const { t } = props;
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per draft, as on the compose page: a retry after a lost answer is not a second reply.
  const [key, setKey] = useState(() => crypto.randomUUID());

  const submit = async (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const draft = draftToHtml(String(new FormData(formEl).get('reply')));
    if (!draft.text) return;
    setBusy(true);
    setStatus(null);
    setRejection(null);
    try {
      const res = await api.reply(props.messageId, draft.html, key);
      setKey(crypto.randomUUID());
      formEl.reset();
      setStatus({ kind: 'ok', text: res.status === 'held' ? t('heldForReview') : props.sent });
    } catch (err) {
      const failure = sendFailure(err, t, { subject: '', text: draft.text });
      setRejection(failure.rejection);
      setStatus({ kind: 'error', text: failure.text });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="reply" onSubmit={submit} aria-labelledby="reply-title">
      <h2 id="reply-title">{props.title}</h2>
      <label>
        {t('replyBody')}
        <textarea
          name="reply"
          rows={4}
          required
          onInput={() => rejection && setRejection(null)}
          aria-invalid={rejection ? true : undefined}
          aria-describedby={rejection ? 'reply-feedback' : undefined}
        />
      </label>
      {status && (
        <p class={status.kind === 'ok' ? 'success' : 'error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      {rejection && <ModerationFeedback t={t} rejection={rejection} id="reply-feedback" />}
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : t('reply')}
      </button>
    </form>
  );
}
