import { useState } from 'preact/hooks';
import { LANGUAGES, type Translate } from './i18n';

/** A form's submission: busy while it runs, and the failure described for the person who submitted. */
export function useAction() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, describe: (e: unknown) => string) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** What a list page says while it loads, when loading failed, and when there is nothing to show. */
export function ListStatus(props: { t: Translate; failed: boolean; items: unknown[] | null; empty: string }) {
  const { t, failed, items } = props;
  if (failed) return <ErrorText text={t('somethingWrong')} />;
  if (!items) return <p role="status">{t('loading')}</p>;
  return items.length ? null : <p>{props.empty}</p>;
}

/** A failure announced to screen readers as it appears; nothing when there is none. */
export function ErrorText(props: { text: string | null | undefined | false }) {
  return props.text ? (
    <p class="error" role="alert">
      {props.text}
    </p>
  ) : null;
}

/** The three languages, each option named in its own language. */
export function LanguageOptions() {
  return (
    <>
      {LANGUAGES.map((l) => (
        <option key={l.code} value={l.code} lang={l.code}>
          {l.name}
        </option>
      ))}
    </>
  );
}
