import { useEffect, useState } from 'preact/hooks';
import { api, type SentItem } from '../api';
import { useSession, useSocketEvent } from '../context';
import { ListStatus } from '../hooks';
import { formatInstant, type Translate } from '../i18n';
import { onLink } from '../router';

/**
 * Calls `load` once after a burst of receipt events (of one message when `messageId` is given):
 * the server's counts stay the truth (a read and an ack of one person may come as two events).
 */
export function useReceiptReload(load: () => void, messageId?: string): void {
  const [stale, setStale] = useState(0);
  const mark = (p: { messageId: string }) => (!messageId || p.messageId === messageId) && setStale((n) => n + 1);
  useSocketEvent('message:read', mark, [messageId]);
  useSocketEvent('message:acknowledged', mark, [messageId]);
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(load, 150);
    return () => clearTimeout(timer);
  }, [stale]);
}

/** "n read of m · k confirmed of m", as the sent list and the sent message's page show it. */
export function ReceiptCounts(props: { t: Translate; read: number; acknowledged: number; total: number; requiresAck: boolean }) {
  const { t } = props;
  return (
    <span class="counts">
      <span data-testid="read-count">
        {t('readCount', { count: props.read })} {t('ofRecipients', { count: props.total })}
      </span>
      {props.requiresAck && (
        <span data-testid="ack-count">
          {' · '}
          {t('ackCount', { count: props.acknowledged })} {t('ofRecipients', { count: props.total })}
        </span>
      )}
    </span>
  );
}

export function SentPage() {
  const { t, lang } = useSession();
  const [items, setItems] = useState<SentItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = () => api.sent().then((p) => setItems(p.items), () => setFailed(true));
  useEffect(() => void load(), []);
  useReceiptReload(load);

  return (
    <section aria-labelledby="sent-title">
      <h1 id="sent-title">{t('sent')}</h1>
      <p class="hint">{t('live')}</p>
      <ListStatus t={t} failed={failed} items={items} empty={t('emptySent')} />
      {items && items.length > 0 && (
        <ul class="messages" data-testid="sent">
          {items.map((m) => (
            <li key={m.id} data-message-id={m.id}>
              <a href={`/app/sent/${m.id}`} onClick={(e) => onLink(e, `/sent/${m.id}`)}>
                <span class="subject">{m.subject}</span>
                <span class="meta">
                  <time dateTime={m.sentAt}>{formatInstant(lang, m.sentAt)}</time>
                </span>
                <ReceiptCounts t={t} read={m.readCount} acknowledged={m.ackCount} total={m.recipientCount} requiresAck={m.requiresAck} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
