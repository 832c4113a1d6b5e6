import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type ChannelChoice, type NotificationChannel, type NotificationPreferences } from '../api';
import { useSession } from '../context';
import { ErrorText, useAction } from '../hooks';
import { isKey, type Key, type Translate } from '../i18n';

const CHANNELS: NotificationChannel[] = ['inApp', 'email', 'sms'];
const CHANNEL_LABEL: Record<NotificationChannel, Key> = { inApp: 'channel:inApp', email: 'channel:email', sms: 'channel:sms' };

/** Why a box cannot be changed, or null when it can. */
function lockOf(p: NotificationPreferences, category: string, channel: NotificationChannel): 'notOffered' | 'mandatory' | null {
  if (p.notOffered[category]?.includes(channel)) return 'notOffered';
  const keep = p.mandatory[category] as NotificationChannel[] | undefined;
  if (!keep?.includes(channel)) return null;
  // The last of the mandatory channels still on stays on; the server refuses the rest (422 MANDATORY_CATEGORY).
  const stillOn = keep.filter((ch) => p.categories[category][ch]);
  return stillOn.length === 1 && stillOn[0] === channel ? 'mandatory' : null;
}

export function PreferencesPage() {
  const { t } = useSession();
  const [prefs, setPrefs] = useState<NotificationPreferences | null>(null);
  const [saved, setSaved] = useState(false);
  const { error, setError, busy, run } = useAction();

  useEffect(() => {
    api.preferences().then(setPrefs, () => setError(t('somethingWrong')));
  }, []);

  const change = (next: NotificationPreferences) => {
    setSaved(false);
    setPrefs(next);
  };
  const setChannel = (category: string, channel: NotificationChannel, on: boolean) =>
    prefs && change({ ...prefs, categories: { ...prefs.categories, [category]: { ...prefs.categories[category], [channel]: on } } });

  const submit = (e: Event) => {
    e.preventDefault();
    if (!prefs) return;
    // Equal ends would mean nothing or the whole day; the server refuses them (400).
    if (prefs.quietHours && prefs.quietHours.from === prefs.quietHours.to) return setError(t('quietHoursSame'));
    void run(
      async () => {
        // The stored preferences as the server now reads them, not the form's copy.
        setPrefs(await api.savePreferences(prefs));
        setSaved(true);
      },
      (err) => (err instanceof ApiError && err.code === 'MANDATORY_CATEGORY' ? t('mandatoryRefused') : t('somethingWrong')),
    );
  };

  if (!prefs)
    return error ? (
      <p class="error" role="alert">
        {error}
      </p>
    ) : (
      <p role="status">{t('loading')}</p>
    );
  const categories = Object.keys(prefs.categories);
  return (
    <form class="card" onSubmit={submit} aria-labelledby="prefs-title">
      <h1 id="prefs-title">{t('preferences')}</h1>
      <p class="hint">{t('preferencesIntro')}</p>
      <div class="table-wrap">
        <table class="prefs" data-testid="preferences">
          <caption class="sr-only">{t('preferencesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              {CHANNELS.map((ch) => (
                <th key={ch} scope="col">
                  {t(CHANNEL_LABEL[ch])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((c) => (
              <Row key={c} t={t} prefs={prefs} category={c} choice={prefs.categories[c]} setChannel={setChannel} />
            ))}
          </tbody>
        </table>
      </div>
      <label class="check">
        <input type="checkbox" checked={prefs.digest} onChange={(e) => change({ ...prefs, digest: (e.target as HTMLInputElement).checked })} />
        {t('digest')}
      </label>
      <fieldset class="quiet">
        <legend>{t('quietHours')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.quietHours !== null}
            onChange={(e) => change({ ...prefs, quietHours: (e.target as HTMLInputElement).checked ? { from: '21:00', to: '07:00' } : null })}
          />
          {t('ownQuietHours')}
        </label>
        {prefs.quietHours && (
          <div class="times">
            <label>
              {t('quietFrom')}
              <input type="time" required value={prefs.quietHours.from} onInput={(e) => change({ ...prefs, quietHours: { ...prefs.quietHours!, from: (e.target as HTMLInputElement).value } })} />
            </label>
            <label>
              {t('quietTo')}
              <input type="time" required value={prefs.quietHours.to} onInput={(e) => change({ ...prefs, quietHours: { ...prefs.quietHours!, to: (e.target as HTMLInputElement).value } })} />
            </label>
          </div>
        )}
        {!prefs.quietHours && <p class="hint">{t('schoolQuietHours')}</p>}
      </fieldset>
      <ErrorText text={error} />
      {saved && (
        <p class="success" role="status">
          {t('preferencesSaved')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('save')}
      </button>
    </form>
  );
}

function Row(props: {
  t: Translate;
  prefs: NotificationPreferences;
  category: string;
  choice: ChannelChoice;
  setChannel: (category: string, channel: NotificationChannel, on: boolean) => void;
}) {
  const { t, prefs, category, choice } = props;
  const key = `pref:${category}`;
  const name = isKey(key) ? t(key) : category;
  const keep = prefs.mandatory[category];
  const whyId = `why-${category}`;
  // Said once per row and pointed to from each locked box, so a screen reader hears why it cannot change.
  const why = keep
    ? keep.length === 1
      ? t('mandatoryOne', { channel: t(CHANNEL_LABEL[keep[0]]) })
      : t('mandatoryOneOf', { channels: keep.map((ch) => t(CHANNEL_LABEL[ch])).join(t('or')) })
    : prefs.notOffered[category]?.length
      ? t('notOffered')
      : null;
  return (
    <tr data-category={category}>
      <th scope="row">
        {name}
        {why && (
          <span id={whyId} class="why-locked">
            {why}
          </span>
        )}
      </th>
      {CHANNELS.map((ch) => {
        const lock = lockOf(prefs, category, ch);
        return (
          <td key={ch}>
            <input
              type="checkbox"
              aria-label={`${name}: ${t(CHANNEL_LABEL[ch])}`}
              checked={choice[ch]}
              disabled={lock !== null}
              aria-describedby={lock ? whyId : undefined}
              data-channel={ch}
              onChange={(e) => props.setChannel(category, ch, (e.target as HTMLInputElement).checked)}
            />
          </td>
        );
      })}
    </tr>
  );
}
