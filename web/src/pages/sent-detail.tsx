import { ErrorText } from '../hooks';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type DeliveryStatus, type MessageDetail, type Receipts } from '../api';
import { useSession } from '../context';
import { formatInstant, type Key } from '../i18n';
import { onLink } from '../router';
import { ReceiptCounts, useReceiptReload } from './sent';

const STATUS_LABEL: Record<DeliveryStatus, Key> = {
  pending: 'delivery:pending',
  sending: 'delivery:sending',
  sent: 'delivery:sent',
  delivered: 'delivery:delivered',
  failed: 'delivery:failed',
  undelivered: 'delivery:undelivered',
  suppressed: 'delivery:suppressed',
  unknown: 'delivery:unknown',
};
const BAD: ReadonlySet<DeliveryStatus> = new Set(['failed', 'undelivered', 'suppressed']);

/** One sent message: live counts, who has not confirmed, and per recipient what reached them how. */
export function SentDetailPage(props: { id: string }) {
  const { t, lang } = useSession();
  const [message, setMessage] = useState<MessageDetail | null>(null);
  const [receipts, setReceipts] = useState<Receipts | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fail = (e: unknown) => setError(e instanceof ApiError && (e.status === 404 || e.status === 403) ? t('notFound') : t('somethingWrong'));
  const load = () => api.receipts(props.id).then(setReceipts, fail);
  useEffect(() => {
    setMessage(null);
    setReceipts(null);
    setError(null);
    api.message(props.id).then(setMessage, fail);
    void load();
  }, [props.id]);
  useReceiptReload(load, props.id);

  return (
    <article class="card" aria-labelledby="sent-detail-title">
      <a class="back" href="/app/sent" onClick={(e) => onLink(e, '/sent')}>
        ← {t('back')}
      </a>
      <ErrorText text={error} />
      {!error && (!message || !receipts) && <p role="status">{t('loading')}</p>}
      {message && receipts && (
        <>
          <h1 id="sent-detail-title">{message.subject}</h1>
          <p class="meta">
            <time dateTime={message.sentAt}>{formatInstant(lang, message.sentAt)}</time>
          </p>
          <p aria-live="polite" data-testid="detail-counts">
            <ReceiptCounts t={t} read={receipts.read} acknowledged={receipts.acknowledged} total={receipts.total} requiresAck={receipts.requiresAck} />
          </p>
          <div class="body">{message.bodyText}</div>

          {receipts.requiresAck && (
            <section aria-labelledby="pending-title" data-testid="pending">
              <h2 id="pending-title">{t('notConfirmed', { count: receipts.pending.length })}</h2>
              {receipts.pending.length ? (
                <ul class="names" aria-live="polite">
                  {receipts.pending.map((p) => (
                    <li key={p.userId}>{p.displayName}</li>
                  ))}
                </ul>
              ) : (
                <p class="success">{t('allConfirmed')}</p>
              )}
            </section>
          )}

          <section aria-labelledby="recipients-title">
            <h2 id="recipients-title">{t('recipientsTitle')}</h2>
            <ul class="recipients" data-testid="recipients">
              {receipts.recipients.map((r) => (
                <li key={r.userId} data-user-id={r.userId}>
                  <span class="name">{r.displayName}</span>
                  {r.students.length > 0 && <span class="meta">{r.students.map((s) => s.displayName).join(', ')}</span>}
                  <span class="tags">
                    {r.readAt ? (
                      <span class="tag done">{t('readAt', { time: formatInstant(lang, r.readAt) })}</span>
                    ) : (
                      <span class="tag muted">{t('notRead')}</span>
                    )}
                    {receipts.requiresAck &&
                      (r.ackedAt ? (
                        <span class="tag done">{t('confirmedAt', { time: formatInstant(lang, r.ackedAt) })}</span>
                      ) : (
                        <span class="tag ack">{t('needsConfirmation')}</span>
                      ))}
                  </span>
                  <ul class="deliveries" aria-label={t('deliveriesOf', { name: r.displayName })}>
                    {r.deliveries.length === 0 && <li class="meta">{t('inAppOnly')}</li>}
                    {r.deliveries.map((d) => (
                      <li key={d.channel} data-channel={d.channel} data-status={d.status} class={BAD.has(d.status) ? 'bad' : undefined}>
                        {t(d.channel === 'sms' ? 'channel:sms' : 'channel:email')}: {t(STATUS_LABEL[d.status] ?? 'delivery:unknown')}
                        {' · '}
                        <time dateTime={d.at}>{formatInstant(lang, d.at)}</time>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </article>
  );
}
