import { useEffect, useState } from 'preact/hooks';
import { api, type InboxItem } from '../api';
import { useSession, useSocketEvent } from '../context';
import { ListStatus } from '../hooks';
import { formatInstant } from '../i18n';
import { onLink } from '../router';

export function InboxPage() {
  const { t, lang, unread } = useSession();
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    api.inbox().then((p) => setItems(p.items), () => setFailed(true));
  }, []);

  // A new message arrives at the top without a reload (the unread badge follows `unread:count`).
  useSocketEvent<Omit<InboxItem, 'readAt' | 'ackedAt'>>('message:new', (m) =>
    setItems((list) => (list && !list.some((x) => x.id === m.id) ? [{ ...m, readAt: null, ackedAt: null }, ...list] : list)),
  );

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">
        {t('inbox')}
        {unread ? <span class="count">{t('unreadBadge', { count: unread })}</span> : null}
      </h1>
      <ListStatus t={t} failed={failed} items={items} empty={t('emptyInbox')} />
      {items && items.length > 0 && (
        <ul class="messages" aria-live="polite" data-testid="inbox">
          {items.map((m) => (
            <li key={m.id} class={m.readAt ? 'read' : 'unread'}>
              <a href={`/app/messages/${m.id}`} onClick={(e) => onLink(e, `/messages/${m.id}`)}>
                <span class="subject">
                  {!m.readAt && <span class="sr-only">{t('unread')}: </span>}
                  {m.subject}
                </span>
                <span class="meta">
                  {m.sender.displayName} · <time dateTime={m.sentAt}>{formatInstant(lang, m.sentAt)}</time>
                </span>
                <span class="preview">{m.preview}</span>
                <span class="tags">
                  {m.priority === 'urgent' && <span class="tag urgent">{t('urgent')}</span>}
                  {m.requiresAck && !m.ackedAt && <span class="tag ack">{t('needsConfirmation')}</span>}
                  {m.requiresAck && m.ackedAt && <span class="tag done">{t('confirmed')}</span>}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
