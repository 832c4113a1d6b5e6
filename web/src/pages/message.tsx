import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type MessageDetail } from '../api';
import { useSession } from '../context';
import { useAction } from '../hooks';
import { formatInstant } from '../i18n';
import { onLink } from '../router';

export function MessagePage(props: { id: string }) {
  const { t, lang } = useSession();
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
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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
        </>
      )}
    </article>
  );
}
