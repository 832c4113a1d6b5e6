import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Group, type Span } from '../api';
import { useSession, WRITER_ROLES } from '../context';
import { draftToHtml } from '../draft';
import { Highlighted } from '../highlight';
import type { Translate } from '../i18n';
import { navigate } from '../router';

interface Option {
  institutionId: string;
  group: Group;
}

interface Rejection {
  subject: string;
  body: string;
  spans: Span[];
}

export function ComposePage() {
  const { t, me } = useSession();
  const [options, setOptions] = useState<Option[] | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per draft: a retried request after a lost answer is not a second message.
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    const institutions = [...new Set(me.roles.filter((r) => WRITER_ROLES.has(r.role)).map((r) => r.institutionId))];
    Promise.all(institutions.map(async (id) => (await api.groups(id)).items.map((group) => ({ institutionId: id, group })))).then(
      (lists) => setOptions(lists.flat()),
      () => setStatus({ kind: 'error', text: t('somethingWrong') }),
    );
  }, [me.id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!options) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const chosen = options[Number(form.get('group'))];
    const subject = String(form.get('subject'));
    const draft = draftToHtml(String(form.get('body')));
    setBusy(true);
    setStatus(null);
    setRejection(null);
    try {
      const res = await api.send(
        { institutionId: chosen.institutionId, groupId: chosen.group.id, subject, body: draft.html, requiresAck: form.get('requiresAck') === 'on' },
        key,
      );
      setKey(crypto.randomUUID());
      (e.target as HTMLFormElement).reset();
      setStatus({ kind: 'ok', text: res.status === 'held' ? t('heldForReview') : t('sentOk', { count: res.recipientCount }) });
      if (res.status === 'sent') navigate('/sent');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'MESSAGE_REJECTED') {
        setRejection({ subject: subject.trim(), body: draft.text, spans: err.details as Span[] });
        setStatus({ kind: 'error', text: t('rejected') });
      } else if (err instanceof ApiError && err.code === 'RECIPIENT_NOT_ALLOWED') setStatus({ kind: 'error', text: t('recipientNotAllowed') });
      else setStatus({ kind: 'error', text: err instanceof ApiError ? err.message : t('somethingWrong') });
    } finally {
      setBusy(false);
    }
  };

  // The draft was not stored: editing it again makes the old highlights stale.
  const clearRejection = () => rejection && setRejection(null);

  if (!options) return <p role="status">{status?.text ?? t('loading')}</p>;
  if (!options.length) return <p>{t('noGroups')}</p>;
  return (
    <form class="card" onSubmit={submit} aria-labelledby="compose-title">
      <h1 id="compose-title">{t('compose')}</h1>
      <label>
        {t('group')}
        <select name="group" required>
          {options.map((o, i) => (
            <option key={o.group.id} value={i}>
              {o.group.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('subject')}
        <input name="subject" maxLength={200} required onInput={clearRejection} aria-invalid={rejection?.spans.some((s) => s.field === 'subject') || undefined} />
      </label>
      <label>
        {t('body')}
        <textarea
          name="body"
          rows={8}
          required
          onInput={clearRejection}
          aria-invalid={rejection?.spans.some((s) => s.field !== 'subject') || undefined}
          aria-describedby={rejection ? 'moderation-feedback' : undefined}
        />
      </label>
      <label class="check">
        <input type="checkbox" name="requiresAck" />
        {t('requiresAck')}
      </label>
      {status && (
        <p class={status.kind === 'ok' ? 'success' : 'error'} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
      {rejection && <Feedback t={t} rejection={rejection} />}
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : t('send')}
      </button>
    </form>
  );
}

/** The rejected draft with each flagged word marked and named, so the writer sees what to change. */
function Feedback(props: { t: Translate; rejection: Rejection }) {
  const { t, rejection } = props;
  const fields = [
    { name: t('inSubject'), text: rejection.subject, spans: rejection.spans.filter((s) => s.field === 'subject') },
    { name: t('inBody'), text: rejection.body, spans: rejection.spans.filter((s) => s.field !== 'subject') },
  ].filter((f) => f.spans.length);
  return (
    <div id="moderation-feedback" class="feedback" data-testid="moderation-feedback">
      {fields.map((f) => (
        <div key={f.name}>
          <h2>{f.name}</h2>
          <p class="body">
            <Highlighted t={t} text={f.text} spans={f.spans} />
          </p>
        </div>
      ))}
    </div>
  );
}
