import { useEffect, useState } from 'preact/hooks';
import { api, type SentItem } from '../api';
import { useSession, useSocketEvent } from '../context';
import { ListStatus } from '../hooks';
import { formatInstant } from '../i18n';

export function SentPage() {
  const { t, lang } = useSession();
  const [items, setItems] = useState<SentItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = () => api.sent().then((p) => setItems(p.items), () => setFailed(true));
  useEffect(() => void load(), []);

  // Receipts arrive one by one; the server's counts stay the truth (a read and an ack of one
  // person may come as two events), so a burst of events becomes one reload of the list.
  const [stale, setStale] = useState(0);
  useSocketEvent('message:read', () => setStale((n) => n + 1));
  useSocketEvent('message:acknowledged', () => setStale((n) => n + 1));
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(load, 150);
    return () => clearTimeout(timer);
  }, [stale]);

  return (
    <section aria-labelledby="sent-title">
      <h1 id="sent-title">{t('sent')}</h1>
      <p class="hint">{t('live')}</p>
      <ListStatus t={t} failed={failed} items={items} empty={t('emptySent')} />
      {items && items.length > 0 && (
        <ul class="messages" data-testid="sent">
          {items.map((m) => (
            <li key={m.id} data-message-id={m.id}>
              <span class="subject">{m.subject}</span>
              <span class="meta">
                <time dateTime={m.sentAt}>{formatInstant(lang, m.sentAt)}</time>
              </span>
              <span class="counts">
                <span data-testid="read-count">
                  {t('readCount', { count: m.readCount })} {t('ofRecipients', { count: m.recipientCount })}
                </span>
                {m.requiresAck && (
                  <span data-testid="ack-count">
                    {' · '}
                    {t('ackCount', { count: m.ackCount })} {t('ofRecipients', { count: m.recipientCount })}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
