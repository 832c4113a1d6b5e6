import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, DELIVERY_CATEGORIES, DELIVERY_STATUSES, type Delivery, type DeliveryFilter } from '../api';
import { useSession } from '../context';
import { ListStatus } from '../hooks';
import { formatInstant, type Translate } from '../i18n';
import { AdminNav, deliveryStatusLabel, InstitutionPicker, notificationCategoryLabel, useManagedInstitutions } from './admin';

/** Only these are sent again from here (the server says the same: 409 DELIVERY_NOT_RETRYABLE otherwise). */
const RETRYABLE = new Set(['failed', 'undelivered']);

/**
 * The institution's e-mails and SMS that did not arrive, newest first, narrowed by state, channel and
 * kind, each failed or undelivered one retried with one button.
 */
export function DeliveriesPage() {
  const { t } = useSession();
  const institutions = useManagedInstitutions();
  const [institutionId, setInstitutionId] = useState('');
  const [filter, setFilter] = useState<DeliveryFilter>({ status: 'failed' });
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    if (institutions.list?.length && !institutionId) setInstitutionId(institutions.list[0]!.id);
  }, [institutions.list]);

  const load = (cursor?: string) => {
    if (!institutionId) return;
    setFailed(false);
    api.deliveries(institutionId, { ...filter, cursor }).then(
      (page) => {
        setItems((list) => (cursor && list ? [...list, ...page.items] : page.items));
        setNext(page.nextCursor);
      },
      () => setFailed(true),
    );
  };
  useEffect(() => {
    setItems(null);
    load();
  }, [institutionId, filter.status, filter.channel, filter.category]);

  const retry = async (d: Delivery) => {
    setNotice(null);
    try {
      const fresh = await api.retryDelivery(d.id);
      setItems((list) => list && list.map((x) => (x.id === d.id ? fresh : x)));
      setNotice({ ok: true, text: t('retryQueued', { name: d.recipient?.displayName ?? t('unknownRecipient') }) });
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setNotice({ ok: false, text: code === 'DELIVERY_NOT_RETRYABLE' ? t('retryNotPossible') : t('somethingWrong') });
      if (code === 'DELIVERY_NOT_RETRYABLE' || code === 'DELIVERY_NOT_FOUND') load();
    }
  };

  const choose = (name: keyof DeliveryFilter) => (e: Event) => {
    const value = (e.target as HTMLSelectElement).value;
    setFilter((f) => ({ ...f, [name]: value || undefined }));
  };

  if (institutions.failed) return <p class="error" role="alert">{t('somethingWrong')}</p>;
  if (!institutions.list) return <p role="status">{t('loading')}</p>;
  if (!institutions.list.length) return <p>{t('notFound')}</p>;
  return (
    <section aria-labelledby="deliveries-title">
      <h1 id="deliveries-title">{t('administration')}</h1>
      <AdminNav t={t} current="/admin/deliveries" />
      <h2>{t('failedDeliveries')}</h2>
      <form class="card filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters')}>
        <InstitutionPicker t={t} list={institutions.list} value={institutionId} onChange={setInstitutionId} />
        <label>
          {t('deliveryStatus')}
          <select name="status" value={filter.status ?? ''} onChange={choose('status')}>
            <option value="">{t('any')}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {deliveryStatusLabel(t, s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('channel')}
          <select name="channel" value={filter.channel ?? ''} onChange={choose('channel')}>
            <option value="">{t('any')}</option>
            <option value="sms">{t('channel:sms')}</option>
            <option value="email">{t('channel:email')}</option>
          </select>
        </label>
        <label>
          {t('notificationCategory')}
          <select name="category" value={filter.category ?? ''} onChange={choose('category')}>
            <option value="">{t('any')}</option>
            {DELIVERY_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {notificationCategoryLabel(t, c)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <p class={notice?.ok === false ? 'error' : 'success'} role="status" data-testid="deliveries-notice">
        {notice?.text}
      </p>
      <ListStatus t={t} failed={failed} items={items} empty={t('noDeliveries')} />
      {items && items.length > 0 && (
        <ul class="messages" data-testid="deliveries">
          {items.map((d) => (
            <DeliveryRow key={d.id} t={t} d={d} onRetry={() => retry(d)} />
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => load(next)}>
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

function DeliveryRow(props: { t: Translate; d: Delivery; onRetry: () => Promise<void> }) {
  const { t, d } = props;
  const { lang } = useSession();
  const [busy, setBusy] = useState(false);
  const name = d.recipient?.displayName ?? t('unknownRecipient');
  return (
    <li data-delivery-id={d.id}>
      <div class="row">
        <span class="subject">{name}</span>
        <span class="meta">
          {t(d.channel === 'sms' ? 'channel:sms' : 'channel:email')} · {notificationCategoryLabel(t, d.category)} ·{' '}
          <time dateTime={d.updatedAt}>{formatInstant(lang, d.updatedAt)}</time>
        </span>
        <span class="tags">
          <span class={`tag ${RETRYABLE.has(d.status) ? 'urgent' : d.status === 'delivered' || d.status === 'sent' ? 'done' : 'ack'}`} data-testid="delivery-status">
            {deliveryStatusLabel(t, d.status)}
          </span>
          {d.reason && <span class="meta">{t('deliveryReason', { reason: d.reason })}</span>}
          <span class="meta">{t('attempts', { count: d.attempts })}</span>
        </span>
        {RETRYABLE.has(d.status) && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-label={t('retryFor', { name })}
            onClick={() => {
              setBusy(true);
              void props.onRetry().finally(() => setBusy(false));
            }}
          >
            {t('retry')}
          </button>
        )}
      </div>
    </li>
  );
}
