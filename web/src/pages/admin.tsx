import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type Delivery, type DeliveryStatus, type InstitutionSummary, type RegisteredGuardian } from '../api';
import { managedInstitutions, useSession } from '../context';
import { ErrorText, LanguageOptions, useAction } from '../hooks';
import { formatInstant, isKey, type Translate } from '../i18n';
import { onLink } from '../router';

/** States after which a delivery changes no more (`sent` still waits for the operator's receipt). */
const FINAL: ReadonlySet<DeliveryStatus> = new Set(['delivered', 'failed', 'undelivered', 'suppressed', 'unknown']);
/** How often an open page asks again while an SMS is on its way, and for how long at most. */
const POLL_MS = 1000;
const POLL_FOR_MS = 10 * 60_000;

export const deliveryStatusLabel = (t: Translate, status: string) => {
  const key = `deliveryStatus:${status}`;
  return isKey(key) ? t(key) : status;
};

export const notificationCategoryLabel = (t: Translate, category: string) => {
  const key = `notificationCategory:${category}`;
  return isKey(key) ? t(key) : category;
};

/** The institutions this person manages, with their names (`GET /institutions`). */
export function useManagedInstitutions(): { list: InstitutionSummary[] | null; failed: boolean } {
  const { me } = useSession();
  const [list, setList] = useState<InstitutionSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const mine = new Set(managedInstitutions(me));
    api.institutions().then((all) => setList(all.filter((i) => mine.has(i.id))), () => setFailed(true));
  }, [me.id]);
  return { list, failed };
}

/** A chooser only for someone who manages more than one institution. */
export function InstitutionPicker(props: { t: Translate; list: InstitutionSummary[]; value: string; onChange: (id: string) => void }) {
  if (props.list.length < 2) return null;
  return (
    <label>
      {props.t('institution')}
      <select value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        {props.list.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AdminNav(props: { t: Translate; current: '/admin' | '/admin/deliveries' }) {
  const link = (to: '/admin' | '/admin/deliveries', label: string) => (
    <a href={`/app${to}`} aria-current={props.current === to ? 'page' : undefined} onClick={(e) => onLink(e, to)}>
      {label}
    </a>
  );
  return (
    <nav class="subnav" aria-label={props.t('adminNav')}>
      {link('/admin', props.t('registerGuardian'))}
      {link('/admin/deliveries', props.t('failedDeliveries'))}
    </nav>
  );
}

export function AdminPage() {
  const { t, lang } = useSession();
  const { list, failed } = useManagedInstitutions();
  const [institutionId, setInstitutionId] = useState('');
  const [registered, setRegistered] = useState<{ institutionId: string; result: RegisteredGuardian; name: string } | null>(null);
  const { error, setError, busy, run } = useAction();
  const [invalid, setInvalid] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (list?.length && !institutionId) setInstitutionId(list[0]!.id);
  }, [list]);

  const submit = (e: Event) => {
    e.preventDefault();
    const formEl = e.currentTarget as HTMLFormElement;
    const form = new FormData(formEl);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const guardian = {
      givenName: text('givenName'),
      familyName: text('familyName'),
      phone: text('phone') || undefined,
      email: text('email') || undefined,
      language: text('language') as 'lv' | 'ru' | 'en',
    };
    setInvalid(new Set());
    void run(
      async () => {
        const result = await api.registerGuardian(institutionId, guardian);
        setRegistered({ institutionId, result, name: `${guardian.givenName} ${guardian.familyName}` });
        formEl.reset();
      },
      (err) => {
        if (!(err instanceof ApiError)) return t('somethingWrong');
        const fields = new Set((err.details as { field?: string }[]).map((d) => d.field ?? '').filter(Boolean));
        setInvalid(fields);
        if (err.code === 'INVALID_PHONE') return t('invalidPhone');
        if (err.code === 'INVALID_EMAIL') return t('invalidEmail');
        if (err.code === 'VALIDATION_FAILED') return t('checkFields');
        if (err.status === 403) return t('notAllowed');
        return t('somethingWrong');
      },
    );
  };

  if (failed) return <p class="error" role="alert">{t('somethingWrong')}</p>;
  if (!list) return <p role="status">{t('loading')}</p>;
  if (!list.length) return <p>{t('notFound')}</p>;
  const bad = (field: string) => invalid.has(field) || undefined;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('administration')}</h1>
      <AdminNav t={t} current="/admin" />
      <form class="card" onSubmit={submit} aria-labelledby="register-title" onInput={() => error && setError(null)}>
        <h2 id="register-title">{t('registerGuardian')}</h2>
        <p class="hint">{t('registerGuardianHint')}</p>
        <InstitutionPicker t={t} list={list} value={institutionId} onChange={setInstitutionId} />
        <label>
          {t('givenName')}
          <input name="givenName" autoComplete="off" maxLength={100} required aria-invalid={bad('givenName')} />
        </label>
        <label>
          {t('familyName')}
          <input name="familyName" autoComplete="off" maxLength={100} required aria-invalid={bad('familyName')} />
        </label>
        <label>
          {t('mobilePhone')}
          <input name="phone" type="tel" inputMode="tel" autoComplete="off" maxLength={32} aria-invalid={bad('phone')} aria-describedby="phone-hint" />
        </label>
        <p class="hint" id="phone-hint">
          {t('mobilePhoneHint')}
        </p>
        <label>
          {t('email')}
          <input name="email" type="email" autoComplete="off" maxLength={254} aria-invalid={bad('email')} />
        </label>
        <label>
          {t('accountLanguage')}
          <select name="language" defaultValue={lang}>
            <LanguageOptions />
          </select>
        </label>
        <ErrorText text={error} />
        <button type="submit" disabled={busy || !institutionId}>
          {t('register')}
        </button>
      </form>
      {registered && <Registered t={t} {...registered} />}
      <QueueDashboardLink t={t} />
    </section>
  );
}

function Registered(props: { t: Translate; institutionId: string; result: RegisteredGuardian; name: string }) {
  const { t, result } = props;
  // The outcome is below the form: on a phone it would be off screen, so it takes the focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result.id]);
  return (
    <div class="card result" data-testid="registered" aria-labelledby="registered-title">
      <h2 id="registered-title" tabIndex={-1} ref={heading}>{t('guardianRegistered', { name: props.name })}</h2>
      {'existing' in result ? (
        <p>{t('guardianLinked')}</p>
      ) : result.credentials.delivery === 'sms' ? (
        <PasswordSmsStatus t={t} institutionId={props.institutionId} userId={result.id} />
      ) : (
        <>
          <p>
            {t('username')}: <code>{result.username}</code>
          </p>
          <p>
            {t('temporaryPassword')}: <code data-testid="temporary-password">{result.credentials.temporaryPassword}</code>
          </p>
          <p class="hint">{t('temporaryPasswordHint')}</p>
        </>
      )}
    </div>
  );
}

/**
 * The password SMS on its way: waiting → sent → delivered (or why not), asked again every second
 * while the page is open and the SMS has not settled. Before the worker has taken the event in there
 * is no delivery row yet; that is still "waiting".
 */
function PasswordSmsStatus(props: { t: Translate; institutionId: string; userId: string }) {
  const { t, lang } = useSession();
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const until = Date.now() + POLL_FOR_MS;
    const poll = async () => {
      try {
        const page = await api.deliveries(props.institutionId, { userId: props.userId, category: 'password', channel: 'sms' });
        if (!live) return;
        const latest = page.items[0] ?? null;
        setDelivery(latest);
        setFailed(false);
        if (latest && FINAL.has(latest.status)) return;
      } catch {
        if (live) setFailed(true);
      }
      if (live && Date.now() < until) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.userId]);

  const status: DeliveryStatus = delivery?.status ?? 'pending';
  const steps: DeliveryStatus[] = ['pending', 'sent', 'delivered'];
  const reached = status === 'sending' ? 0 : steps.indexOf(status);
  const trouble = reached < 0;
  return (
    <div data-testid="password-sms">
      <p>{t('passwordBySms')}</p>
      <ol class="steps" aria-label={t('passwordSmsProgress')}>
        {steps.map((s, i) => (
          <li key={s} class={i <= reached ? 'done' : undefined} aria-current={i === reached ? 'step' : undefined}>
            {deliveryStatusLabel(t, s)}
          </li>
        ))}
      </ol>
      <p role="status" data-testid="password-sms-status" data-status={status} class={trouble ? 'error' : undefined}>
        {t('smsStatusNow', { status: deliveryStatusLabel(t, status) })}
        {delivery?.reason && trouble ? ` (${delivery.reason})` : ''}
        {delivery && (
          <>
            {' · '}
            <time dateTime={delivery.updatedAt}>{formatInstant(lang, delivery.updatedAt)}</time>
          </>
        )}
      </p>
      {trouble && <p>{t('smsTroubleHint')}</p>}
      {failed && (
        <p class="error" role="alert">
          {t('somethingWrong')}
        </p>
      )}
    </div>
  );
}

/**
 * The job queues' dashboard (Bull Board) is offered only to those the server would let in. Its own
 * pages send no bearer token, so the cookie is minted here first, then the browser goes there.
 */
function QueueDashboardLink(props: { t: Translate }) {
  const { t } = props;
  const [may, setMay] = useState(false);
  const { error, busy, run } = useAction();
  useEffect(() => {
    api.mayOpenQueues().then(() => setMay(true), () => setMay(false));
  }, []);
  if (!may) return null;
  const open = () =>
    void run(
      async () => {
        await api.openQueues();
        location.assign('/admin/queues');
      },
      () => t('somethingWrong'),
    );
  return (
    <div class="card" aria-labelledby="queues-title">
      <h2 id="queues-title">{t('queueDashboard')}</h2>
      <p class="hint">{t('queueDashboardHint')}</p>
      <ErrorText text={error} />
      <button type="button" onClick={open} disabled={busy}>
        {t('openQueueDashboard')}
      </button>
    </div>
  );
}
