import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, type Addressable, type Group, type SendTarget } from '../api';
import { useSession, WRITER_ROLES } from '../context';
import { draftToHtml } from '../draft';
import type { Translate } from '../i18n';
import { ModerationFeedback, sendFailure, type Rejection } from '../moderation';
import { navigate } from '../router';

interface Option {
  institutionId: string;
  group: Group;
}

interface Person extends Addressable {
  institutionId: string;
}

type Mode = 'group' | 'people';

export function ComposePage() {
  const { t, me } = useSession();
  const [options, setOptions] = useState<Option[] | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [mode, setMode] = useState<Mode>('group');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per draft: a retried request after a lost answer is not a second message.
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    const institutions = [...new Set(me.roles.filter((r) => WRITER_ROLES.has(r.role)).map((r) => r.institutionId))];
    Promise.all(
      institutions.map(async (id) => {
        const [groups, recipients] = await Promise.all([api.groups(id), api.recipients(id)]);
        return {
          options: groups.items.map((group) => ({ institutionId: id, group })),
          people: recipients.items.map((p) => ({ ...p, institutionId: id })),
        };
      }),
    ).then(
      (lists) => {
        setOptions(lists.flatMap((l) => l.options));
        setPeople(lists.flatMap((l) => l.people));
      },
      () => setStatus({ kind: 'error', text: t('somethingWrong') }),
    );
  }, [me.id]);

  const groupNames = useMemo(() => new Map((options ?? []).map((o) => [o.group.id, o.group.name])), [options]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!options) return;
    const form = new FormData(e.currentTarget as HTMLFormElement);
    let institutionId: string;
    let to: SendTarget;
    if (mode === 'group') {
      const option = options[Number(form.get('group'))];
      institutionId = option.institutionId;
      to = { groupId: option.group.id };
    } else {
      const picked = people.filter((p) => chosen.has(p.id));
      const institutions = new Set(picked.map((p) => p.institutionId));
      if (!picked.length) return setStatus({ kind: 'error', text: t('choosePeople') });
      if (institutions.size > 1) return setStatus({ kind: 'error', text: t('oneInstitution') });
      institutionId = picked[0].institutionId;
      to = { users: picked.map((p) => p.id) };
    }
    const subject = String(form.get('subject'));
    const draft = draftToHtml(String(form.get('body')));
    setBusy(true);
    setStatus(null);
    setRejection(null);
    try {
      const res = await api.send({ institutionId, to, subject, body: draft.html, requiresAck: form.get('requiresAck') === 'on' }, key);
      setKey(crypto.randomUUID());
      (e.target as HTMLFormElement).reset();
      setChosen(new Set());
      setStatus({ kind: 'ok', text: res.status === 'held' ? t('heldForReview') : t('sentOk', { count: res.recipientCount }) });
      if (res.status === 'sent') navigate('/sent');
    } catch (err) {
      const failure = sendFailure(err, t, { subject: subject.trim(), text: draft.text });
      setRejection(failure.rejection);
      setStatus({ kind: 'error', text: failure.text });
    } finally {
      setBusy(false);
    }
  };

  // The draft was not stored: editing it again makes the old highlights stale.
  const clearRejection = () => rejection && setRejection(null);
  const toggle = (id: string, on: boolean) =>
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  if (!options) return <p role="status">{status?.text ?? t('loading')}</p>;
  if (!options.length && !people.length) return <p>{t('noGroups')}</p>;
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? people.filter((p) => chosen.has(p.id) || [p.displayName, ...p.children.map((c) => c.displayName)].some((n) => n.toLocaleLowerCase().includes(needle)))
    : people;
  return (
    <form class="card" onSubmit={submit} aria-labelledby="compose-title">
      <h1 id="compose-title">{t('compose')}</h1>
      {people.length > 0 && options.length > 0 && (
        <fieldset class="choice">
          <legend>{t('sendTo')}</legend>
          <label class="check">
            <input type="radio" name="mode" value="group" checked={mode === 'group'} onChange={() => setMode('group')} />
            {t('toGroupGuardians')}
          </label>
          <label class="check">
            <input type="radio" name="mode" value="people" checked={mode === 'people'} onChange={() => setMode('people')} />
            {t('toPeople')}
          </label>
        </fieldset>
      )}
      {mode === 'group' && options.length > 0 ? (
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
      ) : (
        <fieldset class="people" data-testid="people-picker">
          <legend>{t('people')}</legend>
          <label>
            {t('findPerson')}
            <input type="search" value={filter} onInput={(e) => setFilter((e.target as HTMLInputElement).value)} autoComplete="off" />
          </label>
          <p class="hint" role="status">
            {t('chosenCount', { count: chosen.size })}
          </p>
          <ul class="picker">
            {shown.map((p) => (
              <li key={p.id}>
                <label class="check">
                  <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, (e.target as HTMLInputElement).checked)} />
                  <span>
                    <span class="name">{p.displayName}</span> <span class="meta">{describe(t, p, groupNames)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
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
      {rejection && <ModerationFeedback t={t} rejection={rejection} />}
      <button type="submit" disabled={busy}>
        {busy ? t('sending') : t('send')}
      </button>
    </form>
  );
}

/** Who a person is to the writer: a guardian by their children, a student and staff by their groups. */
function describe(t: Translate, p: Addressable, groupNames: Map<string, string>): string {
  const groups = p.groupIds.flatMap((g) => groupNames.get(g) ?? []).join(', ');
  const parts: string[] = [];
  if (p.kinds.includes('guardian')) parts.push(t('guardianOf', { names: p.children.map((c) => c.displayName).join(', ') }));
  if (p.kinds.includes('student')) parts.push(groups ? t('studentIn', { group: groups }) : t('student'));
  if (p.kinds.includes('staff')) parts.push(t('staff'));
  return parts.join(' · ');
}
